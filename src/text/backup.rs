//! Wording of the 台账's spreadsheet import/export as use cases (`ops::exchange`, `mediadesk
//! export|import`) and of backups and restore (`store::backup`), with `Display` for their
//! errors.

use std::fmt;
use std::path::Path;

use crate::ops::exchange::{ExchangeError, Exported};
use crate::store::{BackupError, BackupInfo, BulkRefusal, Restored};

pub fn exported(path: &Path, done: &Exported) -> String {
    format!(
        "已导出到「{}」：平台 {} 个，备案记录 {} 条，变更与停运 {} 条，整改与通报 {} 条。",
        path.display(),
        done.platforms,
        done.filings,
        done.changes,
        done.notices
    )
}

pub fn preview_summary(
    sheet: &str,
    header_row: u32,
    ready: usize,
    invalid: usize,
    skipped: usize,
) -> String {
    let mut line = format!(
        "工作表「{sheet}」，表头在第 {header_row} 行：可导入 {ready} 行，有问题 {invalid} 行"
    );
    if skipped > 0 {
        line.push_str(&format!("，跳过 {skipped} 行（备注或重复的表头）"));
    }
    line.push('。');
    line
}

pub fn ready_row(row: u32, name: &str, account: &str) -> String {
    format!("第 {row} 行：可导入「{name}」（{account}）")
}

pub fn import_refused(invalid: usize) -> String {
    format!(
        "有 {invalid} 行有问题，全部未导入（一行也没有写入）。请按上面列出的行号在表格中改正后重新导入。"
    )
}

pub const DRY_RUN_NOTHING_WRITTEN: &str = "仅预览（--dry-run），没有写入数据库。";

pub fn imported(count: usize) -> String {
    format!("已导入 {count} 个平台（一次写入），均为「未备案」，请按第四条一在 5 个工作日内备案。")
}

pub fn backed_up(path: &Path) -> String {
    format!("已备份到「{}」。", path.display())
}

pub fn no_backups(folder: &Path) -> String {
    format!("「{}」中还没有备份。", folder.display())
}

pub fn backup_line(b: &BackupInfo) -> String {
    let when = b.taken_at.map_or_else(
        || "时间不明".to_owned(),
        |t| t.format("%Y-%m-%d %H:%M:%S").to_string(),
    );
    let size = super::ops::size_text(b.size);
    match &b.contents {
        Ok(c) => format!(
            "{when}  {}  {size}  单位 {} 个，平台 {} 个，信息 {} 条，审计记录 {} 条（最后一条 {}），数据版本 {}",
            b.path.display(),
            c.units,
            c.platforms,
            c.posts,
            c.audit_entries,
            c.audit_head
                .as_deref()
                .map_or("无", |h| h.get(..12).unwrap_or(h)),
            c.schema_version
        ),
        Err(problem) => format!("{when}  {}  {size}  不能读取：{problem}", b.path.display()),
    }
}

pub fn restored(backup: &Path, r: &Restored) -> String {
    let c = &r.contents;
    let mut text = format!(
        "已从「{}」恢复：单位 {} 个，平台 {} 个，信息 {} 条，审计记录 {} 条，完整性检查和审计链校验均通过。",
        backup.display(),
        c.units,
        c.platforms,
        c.posts,
        c.audit_entries
    );
    if let Some(previous) = &r.previous {
        text.push_str(&format!(
            "恢复前的数据库已备份到「{}」。",
            previous.display()
        ));
    }
    text
}

impl fmt::Display for BackupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OnServer => f.write_str(
                "数据库在学校服务器上，备份由服务器负责（pg_dump），这是信息中心的工作：请联系信息中心备份或恢复，本机不做文件备份。",
            ),
            Self::NoFile => f.write_str("这个数据库只在内存中，没有可以备份或替换的文件。"),
            Self::Store(e) => write!(f, "{e}"),
            Self::Io { path, source } => write!(
                f,
                "无法读写「{}」：{}。请检查文件夹是否存在、磁盘是否已满、是否有写入权限。",
                path.display(),
                super::io_error(source)
            ),
            Self::NotAFile { path } => write!(
                f,
                "「{}」不是一个备份文件（不存在，或是文件夹）。请选择 mediadesk-….db 备份文件。",
                path.display()
            ),
            Self::NotADatabase { path } => write!(
                f,
                "「{}」不是 MediaDesk 的数据库备份，未作任何改动。",
                path.display()
            ),
            Self::Damaged { path, problem } => write!(
                f,
                "备份「{}」已损坏（完整性检查未通过：{problem}），不能用来恢复；当前数据库未作任何改动。请选择另一份备份。",
                path.display()
            ),
            Self::Newer {
                path,
                version,
                supported,
            } => write!(
                f,
                "备份「{}」来自更新版本的 MediaDesk（数据版本 {version}，本程序支持到 {supported}），请先升级 MediaDesk 再恢复；当前数据库未作任何改动。",
                path.display()
            ),
            Self::AuditBroken { path, problem } => write!(
                f,
                "备份「{}」的审计记录链校验未通过（{problem}），可能被改动过，不能用来恢复；当前数据库未作任何改动。",
                path.display()
            ),
        }
    }
}

impl fmt::Display for BulkRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "第 {} 个平台：{}", self.index + 1, self.error)
    }
}

impl fmt::Display for ExchangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Store(e) => write!(f, "{e}"),
            Self::Import(e) => write!(f, "{e}"),
            Self::Export(e) => write!(f, "{e}"),
            Self::Backup(e) => write!(f, "{e}"),
            Self::Commit { row, error } => write!(
                f,
                "第 {row} 行不能写入：{error} 全部未导入（一行也没有写入）。"
            ),
        }
    }
}
