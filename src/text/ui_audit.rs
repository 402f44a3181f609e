//! Wording of the 审计记录 page (`ui/audit_view.rs`): the timeline's filters and columns and
//! the verdict of verifying the chain (第八条一).

pub const INTRO: &str = "每一次登录、编辑和审核步骤都记在这里；每条记录带有前一条的哈希，任何事后的改动或删除都能被校验出来。";
pub const OBJECT_LABEL: &str = "对象：";
pub const OBJECT_HINT: &str = "如 post:3、platform:、user:";
pub const ACTOR_LABEL: &str = "操作人含：";
pub const VERIFY: &str = "校验审计记录";
pub const LOAD_OLDER: &str = "加载更早的记录";
/// The timeline's column headers.
pub const COLUMNS: [&str; 6] = ["序号", "时间", "操作人", "操作", "对象", "内容"];

/// The chain holds: how many entries, and the last one's hash to write down.
pub fn chain_intact(entries: u64, head: Option<&str>) -> String {
    let head = head.unwrap_or("（无记录）");
    format!("审计记录完整：共 {entries} 条，链尾哈希 {head}")
}

/// A post entered its first state, before the entry's comment.
pub fn state_entered(to: &str) -> String {
    format!("→ {to}；")
}

/// A post moved from one state to another, before the entry's comment.
pub fn state_changed(from: &str, to: &str) -> String {
    format!("{from} → {to}；")
}
