//! Wording of 设置 (`ui/settings_view.rs`) and of applying its actions
//! (`ui/app_settings.rs`): the school's name, the copy marks, the print font, the platform
//! kinds, the data file and its backup; and the file dialogs of the word lists
//! (`ui/words_view.rs`).

use std::path::Path;

use chrono::NaiveDate;

pub const SCHOOL_NAME_LABEL: &str = "学校名称：";
pub const SCHOOL_NAME_HINT: &str = "印在备案表标题中";
pub const PROTECTED_NAMES_LABEL: &str = "需经批准的名称：";
/// 第三条.
pub const PROTECTED_NAMES_HINT: &str =
    "第三条：账号或网站名称含这些字样时须填写学校批准文号。用顿号或逗号分隔。";
/// What [`PROTECTED_NAMES_HINT`] allows between the names: 顿号, commas and semicolons, in
/// either width.
pub const PROTECTED_NAME_SEPARATORS: [char; 5] = ['、', ',', '，', ';', '；'];
pub const COPY_MARKS_LABEL: &str = "备案表各联：";
/// 附件注1.
pub const COPY_MARKS_HINT: &str = "每行一联，印在每页右上角（附件注1：一式四份）。";
pub const CHANGE_REPORT_DAYS_LABEL: &str = "变更报送期限：";
/// 第四条二: after the number of days.
pub const CHANGE_REPORT_DAYS_UNIT: &str = "个工作日（第四条二：信息变更应及时书面报备）";
pub const FONT_LABEL: &str = "打印字体：";
pub const BUILT_IN_FONT: &str = "内置思源宋体（Noto Serif CJK SC）";
pub const CHOOSE_FONT: &str = "选择字体文件…";
/// The font dialog's filter.
pub const FONT_FILES: &str = "字体";
pub const RESET_FONT: &str = "改回内置字体";
pub const WINDOW_FONT_LABEL: &str = "窗口字体：";
/// Under the window-font choice: it changes the window only.
pub const WINDOW_FONT_HINT: &str = "本机已有的中文字体，只用于窗口显示；打印仍用上面的打印字体。本机字体缺少的字仍用内置字体显示。";
pub const SAVE_SETTINGS: &str = "保存设置";

pub const KINDS: &str = "媒体平台列表";
pub const DELETE_KIND_HINT: &str = "删除（没有平台使用时）";
pub const NEW_KIND_LABEL: &str = "新增平台：";
pub const NEW_KIND_HAS_TYPE: &str = "有账号类型（如微信）";
pub const ADD_KIND: &str = "添加";

pub const DATA: &str = "数据";
pub const BACKUP: &str = "备份数据库…";
pub const IN_MEMORY: &str = "当前使用内存数据库（测试模式），关闭后数据不会保存。";

pub fn database_file(path: &Path) -> String {
    format!("数据库文件：{}", path.display())
}

pub const SETTINGS_SAVED: &str = "设置已保存";

pub fn kind_added(name: &str) -> String {
    format!("已添加「{name}」")
}

pub fn kind_deleted(name: &str) -> String {
    format!("已删除「{name}」")
}

/// The name offered for a backup of the database.
pub fn backup_file(today: NaiveDate) -> String {
    format!("MediaDesk-备份-{today}.db")
}

pub fn backed_up(path: &Path) -> String {
    format!("已备份到 {}", path.display())
}

/// The word-list dialogs' filter.
pub const TEXT_FILES: &str = "文本文件";
pub const NO_FILE_CHOSEN: &str = "没有选择文件。";
