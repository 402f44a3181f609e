//! Wording of the use cases: their errors, the names of the files they offer, the comments
//! they leave.

use std::fmt;

use chrono::NaiveDate;

use crate::ops::OpsError;

/// A file name made of nothing usable.
pub const UNNAMED_FILE: &str = "平台";

pub const PUBLISH_CONFIRMED: &str = "确认发布";

/// The first step on the 审核单: 「编辑初审完成，提交第 2 稿」.
pub fn first_review_done(revision: i64) -> String {
    format!("编辑初审完成，提交第 {revision} 稿")
}

pub fn change_report_file(platform: &str, changed_on: NaiveDate) -> String {
    format!("信息变更报告-{platform}-{changed_on}.pdf")
}

pub fn closure_report_file(platform: &str) -> String {
    format!("停止运营报告-{platform}.pdf")
}

pub fn shutdown_notice_file(platform: &str) -> String {
    format!("关停通知-{platform}.pdf")
}

pub fn notice_file(
    kind: crate::domain::supervision::NoticeKind,
    platform: &str,
    issued_on: NaiveDate,
) -> String {
    use crate::domain::supervision::NoticeKind;
    let what = match kind {
        NoticeKind::Rectification => "整改通知书",
        NoticeKind::PublicNotice => "通报",
        NoticeKind::ShutdownDecision => "关停决定",
    };
    format!("{what}-{platform}-{issued_on}.pdf")
}

pub fn incident_report_file(platform: &str, incident_id: i64) -> String {
    format!("安全事件报告-{platform}-{incident_id}.pdf")
}

pub fn approval_slip_file(post_id: i64, title: &str) -> String {
    format!("信息发布审核单-{post_id}-{title}.pdf")
}

fn with_reason(what: String, reason: &str) -> String {
    let reason = reason.trim();
    if reason.is_empty() {
        what
    } else {
        format!("{what}：{reason}")
    }
}

/// A word-list version's summary: 「添加「某词」：原因」.
pub fn word_added(word: &str, reason: &str) -> String {
    with_reason(format!("添加「{word}」"), reason)
}

pub fn word_removed(word: &str, reason: &str) -> String {
    with_reason(format!("删除「{word}」"), reason)
}

pub fn words_imported(file: &str, reason: &str) -> String {
    with_reason(format!("导入 {file}"), reason)
}

impl fmt::Display for OpsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpsError::Store(e) => write!(f, "{e}"),
            OpsError::Print(e) => write!(f, "{e}"),
            OpsError::Read(e) => write!(f, "{e}"),
            OpsError::Write { path, source } => write!(
                f,
                "无法写入「{}」：{}。请检查文件夹是否存在、是否有写入权限。",
                path.display(),
                super::io_error(source)
            ),
            OpsError::CustomFont { path, problem } => write!(
                f,
                "设置中选择的字体文件「{}」不能使用：{problem} 请在「设置」中重新选择字体，或改回内置字体。",
                path.display()
            ),
            OpsError::NothingToPrint => {
                f.write_str("没有可打印的平台（停止运营和关停的平台不再年审）。")
            }
            OpsError::StillRunning { platform } => {
                write!(f, "「{platform}」仍在运营，没有停止运营报告或关停通知。")
            }
            OpsError::Calendar(e) => write!(f, "{e}"),
            OpsError::Word(e) => write!(f, "{e}"),
            OpsError::WordNotInList(word) => write!(f, "词表中没有「{word}」，未作改动。"),
            OpsError::Interrupted => f.write_str("后台任务意外中断，没有完成。请重试。"),
        }
    }
}

/// 「16 MB」, 「200 KB」.
pub fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
