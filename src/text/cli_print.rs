//! Wording of the command line's prints: what a saved document or a batch of filing forms
//! says, and its warnings.

use std::path::Path;

use crate::domain::filing::FilingKind;
use crate::ops::filing::Printed;
use crate::ops::reports::DocumentKind;

pub fn change_report_printed(path: &Path) -> String {
    format!(
        "已生成信息变更报告 {}，请单位负责人签字盖章后报送。",
        path.display()
    )
}

pub fn document_printed(kind: DocumentKind, path: &Path) -> String {
    let what = match kind {
        DocumentKind::RectificationNotice => "整改通知书",
        DocumentKind::PublicNotice => "通报",
        DocumentKind::ShutdownDecision => "关停决定",
        DocumentKind::IncidentReport => "安全事件报告",
        DocumentKind::ChangeReport => "信息变更报告",
        DocumentKind::ClosureReport => "停止运营报告",
        DocumentKind::ShutdownNotice => "关停通知",
        DocumentKind::ApprovalSlip => "信息发布审核单",
    };
    format!("已生成{what} {}。", path.display())
}

pub fn ending_printed(kind: DocumentKind, path: &Path) -> String {
    let what = match kind {
        DocumentKind::ShutdownNotice => "关停通知",
        _ => "停止运营报告",
    };
    format!("已生成{what} {}。", path.display())
}

pub fn slip_printed(path: &Path, post: i64, revision: i64) -> String {
    format!(
        "已生成信息发布审核单 {}（信息 {post}，第 {revision} 稿）。",
        path.display()
    )
}

/// A form that will print with blank cells.
pub fn blank_cells(account: &str, missing: &[&str]) -> String {
    format!(
        "提示：「{account}」缺少 {}，将打印为空白，请手工填写。",
        missing.join("、")
    )
}

/// Characters the print font lacks, before the print goes ahead.
pub fn unprintable_chars(chars: &[char]) -> String {
    format!("提示：{}", super::print::unprintable_chars(chars))
}

pub fn forms_printed(p: &Printed, kind: FilingKind) -> String {
    format!(
        "已生成 {}：{} 个平台、{} 页，已记录为「{}」（待签章）。",
        p.path.display(),
        p.platforms,
        p.pages,
        kind.label()
    )
}
