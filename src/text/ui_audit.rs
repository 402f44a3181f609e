//! Wording of the 审计记录 page (`ui/audit_view.rs`): the timeline's filters and columns and
//! the verdict of verifying the chain (第八条一).

pub const INTRO: &str = "每一次登录、编辑和审核步骤都记在这里；每条记录带有前一条的哈希和办理人的签名，任何事后的改动、删除或冒名都能被校验出来。";
pub const OBJECT_LABEL: &str = "对象：";
pub const OBJECT_HINT: &str = "如 post:3、platform:、user:";
pub const ACTOR_LABEL: &str = "操作人含：";
pub const VERIFY: &str = "校验审计记录";
pub const LOAD_OLDER: &str = "加载更早的记录";
/// The timeline's column headers.
pub const COLUMNS: [&str; 6] = ["序号", "时间", "操作人", "操作", "对象", "内容"];

/// What an entry is about, by name (the raw id shows on hover): 「信息「…」」, 「账号「张喆（zhangzhe）」」.
pub fn object_named(name: &crate::store::ObjectName) -> String {
    use crate::store::ObjectName;
    match name {
        ObjectName::Post(title) => format!("信息「{title}」"),
        ObjectName::Platform(name) => format!("平台「{name}」"),
        ObjectName::User(name, login) => {
            format!("账号「{}」", super::audit::user_label(name, login))
        }
        ObjectName::Person(name) => format!("人员「{name}」"),
        ObjectName::Unit(name) => format!("单位「{name}」"),
    }
}

pub const ANCHOR_LABEL: &str = "核对锚点：";
pub const ANCHOR_HINT: &str = "表单页脚的「序号:哈希」";
pub const CHECK_ANCHOR: &str = "核对";
pub const COPY_HEAD: &str = "复制链尾";
pub const REPAIR: &str = "恢复防改保护";
pub const REPAIR_ADMIN_ONLY: &str = "请系统管理员登录后恢复。";

/// The append-only triggers are gone: said on the page until they are back.
pub fn triggers_missing(names: &[&str]) -> String {
    format!(
        "审计记录的防改保护（数据库触发器 {}）被删除了：记录仍由哈希和签名保护，但应立即恢复，并查明是谁删除的。",
        names.join("、")
    )
}

/// The chain holds: how many entries, how many sealed, and the last one to write down.
pub fn chain_intact(
    entries: u64,
    sealed: u64,
    head_seq: Option<u64>,
    head: Option<&str>,
) -> String {
    let head = head.unwrap_or("（无记录）");
    format!(
        "审计记录完整：共 {entries} 条，其中 {sealed} 条有办理人签名，签名均已验证；链尾第 {} 条，哈希 {head}",
        head_seq.unwrap_or(0)
    )
}

/// A post entered its first state, before the entry's comment.
pub fn state_entered(to: &str) -> String {
    format!("→ {to}；")
}

/// A post moved from one state to another, before the entry's comment.
pub fn state_changed(from: &str, to: &str) -> String {
    format!("{from} → {to}；")
}
