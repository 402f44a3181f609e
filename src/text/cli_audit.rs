//! Wording of the command line's audit commands: the chain's check, its anchor, its
//! triggers and its entries.

use crate::domain::audit::AuditEntry;
use crate::domain::audit_trust::Anchor;
use crate::store::{AnchorCheck, AuditCheck};

/// The append-only triggers are gone: the chain may still hold, but nothing stops a change.
pub fn audit_triggers_missing(names: &[&str]) -> String {
    format!(
        "审计记录的防改保护（数据库触发器 {}）已被删除：此后的修改不会被数据库拒绝。请系统管理员运行 mediadesk audit repair --as 登录名 恢复，恢复本身会记入审计记录。",
        names.join("、")
    )
}

pub fn audit_triggers_restored(names: &[&str]) -> String {
    if names.is_empty() {
        "审计记录的防改保护完好，无需恢复。".to_owned()
    } else {
        format!(
            "已恢复审计记录的防改保护（{}），并记入审计记录。",
            names.join("、")
        )
    }
}

pub fn audit_intact(check: &AuditCheck) -> String {
    let signed = if check.signatures_checked {
        format!("其中 {} 条有办理人签名，签名均已验证", check.sealed)
    } else {
        format!(
            "其中 {} 条有办理人签名（只校验了哈希，签名未逐条验证）",
            check.sealed
        )
    };
    format!(
        "审计记录完整：共 {} 条，{signed}；链尾第 {} 条，哈希 {}",
        check.verified,
        check.head_seq.unwrap_or(0),
        check.head.as_deref().unwrap_or("（无记录）")
    )
}

pub fn audit_progress(done: u64, total: u64) -> String {
    format!("已校验 {done} / {total} 条…")
}

pub fn bad_anchor(text: &str) -> String {
    format!(
        "审计锚点「{text}」格式不对：应为「序号:哈希」，如表单页脚所印的「1234:0123456789abcdef」（哈希为 16 位或 64 位十六进制）"
    )
}

pub fn anchor_holds(anchor: &Anchor) -> String {
    format!(
        "审计锚点相符：记录链仍含第 {} 条，哈希以 {} 开头。",
        anchor.seq, anchor.hash
    )
}

pub fn anchor_fails(anchor: &Anchor, found: &AnchorCheck) -> String {
    match found {
        AnchorCheck::CutOff { length } => format!(
            "审计锚点不符：纸质存档记着第 {} 条，记录链现在只到第 {length} 条——链尾的记录被截掉了。请用备份核对并报告管理员。",
            anchor.seq
        ),
        _ => format!(
            "审计锚点不符：第 {} 条记录的哈希已不是纸质存档所印的 {}——这一条或其前的记录被替换过。请用备份核对并报告管理员。",
            anchor.seq, anchor.hash
        ),
    }
}

pub fn audit_line(e: &AuditEntry) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        e.seq,
        e.at.format("%Y-%m-%d %H:%M:%S"),
        e.actor,
        e.action,
        e.object,
        e.comment
    )
}
