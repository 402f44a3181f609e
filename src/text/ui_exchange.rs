//! Wording of the window's spreadsheet and backup parts: 导出 Excel and 导入 on the registry
//! (`ui/registry_view.rs`, `ui/import_dialog.rs`), the backup list, folder and restore under
//! 设置 → 数据库 (`ui/database_section.rs`) and the daily automatic backup
//! (`ui/auto_backup.rs`). The use cases' own sentences (exported, imported, restored) are in
//! `text::backup`.

use std::path::Path;

use chrono::NaiveDate;

use crate::store::BackupContents;

pub const EXPORT_XLSX: &str = "导出 Excel";
pub const EXPORT_HINT: &str = "把当前显示的平台（按上面的单位、平台、状态筛选和搜索）及其备案、变更、整改记录导出为 Excel 工作簿";
pub const IMPORT: &str = "从表格导入…";
pub const IMPORT_HINT: &str =
    "从 Excel、WPS 或 CSV 表格导入平台：先核对各列的含义，再逐行检查，没有问题才一次导入";
/// The save and open dialogs' filters.
pub const XLSX_FILES: &str = "Excel 工作簿";
pub const SHEET_FILES: &str = "表格（Excel、WPS、CSV）";

/// The name the save dialog suggests.
pub fn export_file_name(today: NaiveDate) -> String {
    format!("平台台账-{today}.xlsx")
}

pub const EXPORTING: &str = "正在导出 Excel…";
pub const NOTHING_TO_EXPORT: &str = "当前筛选下没有平台，没有导出。请先清除筛选或修改搜索。";

// 导入 dialog.
pub const IMPORT_TITLE: &str = "从表格导入平台";
pub fn import_file_line(path: &Path) -> String {
    format!("文件：{}", path.display())
}
pub const READING: &str = "正在读取表格…";
pub const CHECKING: &str = "正在逐行检查…";
pub const MAPPING_STEP: &str = "第一步：核对各列的含义";
pub const SHEET_LABEL: &str = "工作表：";
pub const MAPPING_HINT: &str =
    "左边是表格中的列标题，右边是它对应的台账字段（按标题猜出）；猜得不对的，请在右边改选。";
/// One column of the file in the mapping step, e.g. 「B 列「账号名称」」.
pub fn column_label(letter: &str, header: &str) -> String {
    format!("{letter} 列「{header}」")
}
pub fn still_missing(missing: &str) -> String {
    format!("还没有对应到的必填字段：{missing}")
}
pub const TO_PREVIEW: &str = "下一步：逐行检查";
pub const PREVIEW_STEP: &str = "第二步：逐行检查";
pub const BACK_TO_MAPPING: &str = "返回修改列的含义";
pub const ONLY_PROBLEMS: &str = "只看有问题的行";
pub const ROW_HEADER: &str = "行号";
pub const RESULT_HEADER: &str = "结果";
pub const DETAIL_HEADER: &str = "平台或问题";
pub fn row_number(row: u32) -> String {
    format!("第 {row} 行")
}
pub const ROW_READY: &str = "可导入";
pub const ROW_INVALID: &str = "有问题";
pub const ROW_SKIPPED: &str = "跳过";
/// Between a row's problems.
pub const PROBLEM_SEPARATOR: &str = "；";
pub const SKIPPED_DETAIL: &str = "备注或重复的表头，不导入";
pub fn ready_detail(unit: &str, name: &str, account: &str) -> String {
    format!("{unit}　{name}（{account}）")
}
/// The button that commits the import (enabled only when no row has a problem).
pub fn import_button(count: usize) -> String {
    format!("导入 {count} 个平台")
}
pub fn blocked(invalid: usize) -> String {
    format!(
        "有 {invalid} 行有问题，不能导入（全部导入或全部不导入）：请按上面的行号在表格中改正，保存后重新选择文件。"
    )
}

// 设置 → 数据库: backups.
pub const BACKUPS: &str = "备份";
pub fn auto_note(keep: usize) -> String {
    format!(
        "窗口打开时和此后每天自动备份一次，保留最近 {keep} 份；升级数据库前和恢复前的备份另外保留，不会被删除。"
    )
}
pub fn folder_line(folder: &Path) -> String {
    format!("备份文件夹：{}", folder.display())
}
pub const DEFAULT_FOLDER: &str = "（默认：数据库旁的 backups 文件夹）";
pub const CHOOSE_FOLDER: &str = "选择备份文件夹…";
pub const CHOOSE_FOLDER_HINT: &str = "例如 U 盘或同步盘中的文件夹，电脑丢失或硬盘损坏时数据仍在";
pub const DEFAULT_FOLDER_BUTTON: &str = "改回默认文件夹";
pub fn folder_saved(folder: &Path) -> String {
    format!("今后的自动备份保存到「{}」。", folder.display())
}
pub const FOLDER_RESET: &str = "今后的自动备份保存到数据库旁的 backups 文件夹。";
pub const BACKUP_NOW: &str = "立即备份";
pub const BACKUP_TIME: &str = "备份时间";
pub const BACKUP_SIZE: &str = "大小";
pub const BACKUP_HOLDS: &str = "内容";
pub const BACKUP_AUDIT: &str = "审计链末条";
pub const RESTORE: &str = "恢复…";
pub const UNKNOWN_TIME: &str = "时间不明";
pub fn holds(c: &BackupContents) -> String {
    format!(
        "单位 {} 个，平台 {} 个，信息 {} 条，审计记录 {} 条",
        c.units, c.platforms, c.posts, c.audit_entries
    )
}
pub fn audit_head(head: Option<&str>) -> String {
    head.map_or_else(|| "无".to_owned(), |h| h.get(..12).unwrap_or(h).to_owned())
}
pub fn unreadable(problem: &str) -> String {
    format!("不能读取：{problem}")
}
pub const CONFIRM_TITLE: &str = "恢复这份备份？";
pub fn confirm_text(taken: &str, c: &BackupContents) -> String {
    format!(
        "备份时间：{taken}\n内容：{}\n审计链末条：{}，数据版本 {}\n\n恢复前会先检查这份备份（完整性检查和审计链校验），再把当前数据库备份一份，然后用它替换当前数据库。窗口将在恢复后的数据上重新打开，需要重新登录。",
        holds(c),
        audit_head(c.audit_head.as_deref()),
        c.schema_version
    )
}
pub const CONFIRM_RESTORE: &str = "确认恢复";
pub fn restore_failed(problem: &str) -> String {
    format!("没有恢复：{problem}")
}
pub fn reopen_failed(problem: &str) -> String {
    format!("恢复后重新打开数据库失败：{problem}")
}

// The daily automatic backup.
pub fn auto_backed_up(path: &Path) -> String {
    format!("已自动备份到「{}」。", path.display())
}
pub fn auto_backup_failed(problem: &str) -> String {
    format!(
        "今天的自动备份没有完成：{problem} 数据库本身没有受影响；可在 设置 → 数据库 中点「立即备份」重试。"
    )
}
pub const AUTO_BACKUP_NOT_STARTED: &str =
    "自动备份没能启动（系统不允许新建后台任务）。请在 设置 → 数据库 中点「立即备份」。";
