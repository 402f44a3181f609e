//! Settings kept in the database, so they travel with its backup.

use super::db::OptionalExtension;

use super::error::Rejection;
use super::{Store, StoreError};
use crate::domain::permissions::{Permission, Target};
pub use crate::domain::settings::Settings;
use crate::domain::settings::check_personal_data;

const KEY: &str = "settings";

impl Store {
    pub fn settings(&self) -> Result<Settings, StoreError> {
        let raw: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [KEY], |r| {
                r.get(0)
            })
            .optional()?;
        match raw {
            None => Ok(Settings::default()),
            Some(raw) => serde_json::from_str(&raw)
                .map_err(|e| StoreError::Corrupt(format!("settings: {e}"))),
        }
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<(), StoreError> {
        let settings = settings.clone().normalized();
        self.write(|w| {
            w.allow(Permission::EditSettings, Target::School)?;
            if settings.school_name.is_empty() {
                return Err(Rejection::SchoolNameEmpty.into());
            }
            if settings.copy_marks.is_empty() {
                return Err(Rejection::NoCopyMarks.into());
            }
            check_personal_data(&settings.personal_data)?;
            let raw =
                serde_json::to_string(&settings).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            w.tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (KEY, &raw),
            )?;
            w.note("settings_save", "settings".to_owned(), &raw)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::screening::{PersonalDataSettings, Rule};

    #[test]
    fn settings_saved_before_screening_still_load() {
        let old = r#"{"school_name":"郑州西亚斯学院","protected_names":["西亚斯"]}"#;
        let settings: Settings = serde_json::from_str(old).unwrap();
        assert_eq!(settings.personal_data, PersonalDataSettings::default());
    }

    #[test]
    fn patterns_are_checked_trimmed_and_used_by_the_configured_screener() {
        let mut store = Store::open_in_memory().unwrap();
        store.create_first_admin("admin", "a-long-pass").unwrap();
        let with = |student: &[&str], staff: &[&str]| Settings {
            personal_data: PersonalDataSettings {
                student_number_patterns: student.iter().map(|p| (*p).to_owned()).collect(),
                staff_number_patterns: staff.iter().map(|p| (*p).to_owned()).collect(),
            },
            ..Settings::default()
        };
        let refused = [
            with(&[r"20\d{8"], &[]),
            with(&[], &["(JS"]),
            with(&[r"\d*"], &[]),
        ];
        for settings in refused {
            let error = store.save_settings(&settings).unwrap_err().to_string();
            assert!(error.contains("规则"), "{error}");
            assert_eq!(store.settings().unwrap(), Settings::default());
        }
        store
            .save_settings(&with(&[r" 20\d{8} ", ""], &[r"JS\d{5}"]))
            .unwrap();
        let saved = store.settings().unwrap().personal_data;
        assert_eq!(saved.student_number_patterns, vec![r"20\d{8}".to_owned()]);
        let report = store
            .configured_screener()
            .unwrap()
            .screen("学号2021123456，工号JS12345");
        let rules: Vec<Rule> = report.findings.into_iter().map(|f| f.rule).collect();
        assert_eq!(rules, vec![Rule::StudentNumber, Rule::StaffNumber]);
    }
}
