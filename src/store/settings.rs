//! Settings kept in the database, so they travel with its backup.

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use super::{Store, StoreError};

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
        self
    }
}

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
        let raw =
            serde_json::to_string(&settings).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (KEY, raw),
        )?;
        Ok(())
    }
}
