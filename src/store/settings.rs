//! Settings kept in the database, so they travel with its backup.

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use super::{Store, StoreError};
use crate::domain::screening::{AllowList, PersonalDataSettings, Screener};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The school's full name: the title of printed forms.
    pub school_name: String,
    /// Names whose use needs the school's approval (第三条), e.g. 「郑州西亚斯学院」「西亚斯」.
    pub protected_names: Vec<String>,
    /// One printed copy per mark (附件 注1: 一式四份).
    #[serde(default = "default_copy_marks")]
    pub copy_marks: Vec<String>,
    /// A font file chosen instead of the bundled Noto Serif CJK SC (e.g. the school's 仿宋).
    #[serde(default)]
    pub font_path: Option<std::path::PathBuf>,
    /// 第四条二 asks for changes to be reported 「及时」; the deadline in working days.
    #[serde(default = "default_change_report_days")]
    pub change_report_days: u32,
    /// The school's student and staff number patterns (第六条五第12项). Absent in databases
    /// written before screening existed, which then load with no patterns.
    #[serde(default)]
    pub personal_data: PersonalDataSettings,
}

fn default_change_report_days() -> u32 {
    5
}

fn default_copy_marks() -> Vec<String> {
    crate::print::FormSettings::default().copy_marks
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            school_name: "郑州西亚斯学院".to_owned(),
            protected_names: vec!["郑州西亚斯学院".to_owned(), "西亚斯".to_owned()],
            copy_marks: default_copy_marks(),
            font_path: None,
            change_report_days: default_change_report_days(),
            personal_data: PersonalDataSettings::default(),
        }
    }
}

impl Settings {
    /// Settings as typed in the window: blank names dropped; the school name always protected.
    pub fn normalized(mut self) -> Self {
        self.school_name = self.school_name.trim().to_owned();
        let mut names: Vec<String> = self
            .protected_names
            .iter()
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect();
        if !self.school_name.is_empty() && !names.contains(&self.school_name) {
            names.insert(0, self.school_name.clone());
        }
        names.dedup();
        self.protected_names = names;
        self.copy_marks = self
            .copy_marks
            .iter()
            .map(|m| m.trim().to_owned())
            .filter(|m| !m.is_empty())
            .collect();
        for patterns in [
            &mut self.personal_data.student_number_patterns,
            &mut self.personal_data.staff_number_patterns,
        ] {
            *patterns = patterns
                .iter()
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .collect();
            patterns.dedup();
        }
        self
    }
}

const KEY: &str = "settings";

/// 第六条五第12项: a student/staff number pattern that does not compile (or matches empty
/// text) would make every later screening fail, so it is refused here, in Chinese, before it is
/// saved. Compiling with no words keeps the check to the patterns themselves.
pub fn check_personal_data(settings: &PersonalDataSettings) -> Result<(), StoreError> {
    Screener::new(Vec::new(), &AllowList::default(), settings)
        .map(|_| ())
        .map_err(|e| StoreError::InUse(e.to_string()))
}

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
                .map_err(|e| StoreError::Corrupt(format!("设置无法读取（{e}）"))),
        }
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<(), StoreError> {
        let settings = settings.clone().normalized();
        if settings.school_name.is_empty() {
            return Err(StoreError::InUse("学校名称不能为空".to_owned()));
        }
        if settings.copy_marks.is_empty() {
            return Err(StoreError::InUse(
                "至少需要一联（备案表一式四份，见附件注1）".to_owned(),
            ));
        }
        check_personal_data(&settings.personal_data)?;
        let raw =
            serde_json::to_string(&settings).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (KEY, &raw),
        )?;
        super::audit_log::note(
            &tx,
            &self.actor,
            "settings_save",
            "settings".to_owned(),
            &raw,
        )?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::screening::Rule;

    #[test]
    fn settings_saved_before_screening_still_load() {
        let old = r#"{"school_name":"郑州西亚斯学院","protected_names":["西亚斯"]}"#;
        let settings: Settings = serde_json::from_str(old).unwrap();
        assert_eq!(settings.personal_data, PersonalDataSettings::default());
    }

    #[test]
    fn patterns_are_checked_trimmed_and_used_by_the_configured_screener() {
        let mut store = Store::open_in_memory().unwrap();
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
