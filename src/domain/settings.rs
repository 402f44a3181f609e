//! Settings of an installation: the school's name and the names that need its approval
//! (第三条), the copies of the filing form (附件 注1), the change-report deadline (第四条二)
//! and the student and staff number patterns of screening (第六条五第12项). Kept in the
//! database so they travel with its backup.

use serde::{Deserialize, Serialize};

use crate::domain::screening::{AllowList, PersonalDataSettings, Screener, ScreeningError};

// The defaults are data: the administrator edits them in 设置, and a school elsewhere
// starts from its own.
/// 第三条: the school's name is a setting, not a constant.
pub const DEFAULT_SCHOOL: &str = "郑州西亚斯学院";

/// Names whose use needs the school's approval (第三条).
pub const DEFAULT_PROTECTED_NAMES: [&str; 2] = ["郑州西亚斯学院", "西亚斯"];

/// 附件 注1: the four copies and who keeps each.
pub const DEFAULT_COPY_MARKS: [&str; 4] = [
    "第一联 党委宣传部存档",
    "第二联 学校办公室（新闻中心）存档",
    "第三联 财务资产处（报销凭证）",
    "第四联 本单位留存",
];

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
    /// A Chinese face of the operating system's own fonts the window draws with (e.g.
    /// 微软雅黑), instead of the bundled print face; `None` keeps the bundled one. Printing
    /// never uses it: forms print in the bundled face or `font_path`.
    #[serde(default)]
    pub window_font: Option<std::path::PathBuf>,
    /// 第四条二 asks for changes to be reported 「及时」; the deadline in working days.
    #[serde(default = "default_change_report_days")]
    pub change_report_days: u32,
    /// The school's student and staff number patterns (第六条五第12项). Absent in databases
    /// written before screening existed, which then load with no patterns.
    #[serde(default)]
    pub personal_data: PersonalDataSettings,
    /// Where the window's automatic backups go (a USB disk, a synced folder); `None`: the
    /// `backups` folder beside the database.
    #[serde(default)]
    pub backup_folder: Option<std::path::PathBuf>,
}

fn default_change_report_days() -> u32 {
    5
}

fn default_copy_marks() -> Vec<String> {
    DEFAULT_COPY_MARKS.iter().map(|m| (*m).to_owned()).collect()
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            school_name: DEFAULT_SCHOOL.to_owned(),
            protected_names: DEFAULT_PROTECTED_NAMES
                .iter()
                .map(|n| (*n).to_owned())
                .collect(),
            copy_marks: default_copy_marks(),
            font_path: None,
            window_font: None,
            change_report_days: default_change_report_days(),
            personal_data: PersonalDataSettings::default(),
            backup_folder: None,
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

/// 第六条五第12项: a student/staff number pattern that does not compile (or matches empty
/// text) would make every later screening fail, so it is refused here, in Chinese, before it is
/// saved. Compiling with no words keeps the check to the patterns themselves.
pub fn check_personal_data(settings: &PersonalDataSettings) -> Result<(), ScreeningError> {
    Screener::new(Vec::new(), &AllowList::default(), settings).map(|_| ())
}
