//! Wording of the audit chain: the comments the store writes with each entry. They are part of
//! the signed record, so they change only with care (old entries keep their old words).

use crate::domain::unit::{PersonDraft, UnitDraft};

/// 「商学院；党组织 商学院党总支；负责人 王建国；书记 刘晓燕」.
pub fn unit_summary(draft: &UnitDraft) -> String {
    format!(
        "{}；党组织 {}；负责人 {}；书记 {}",
        draft.name.trim(),
        draft.party_branch.trim(),
        draft.head.trim(),
        draft.secretary.trim()
    )
}

/// 「张喆 · 信息员、管理员」: roles decide who may review and publish (第七条三), so every
/// change of them is in the audit chain.
pub fn person_summary(draft: &PersonDraft) -> String {
    let roles: Vec<&str> = draft.roles.iter().map(|r| r.label()).collect();
    format!("{} · {}", draft.name.trim(), roles.join("、"))
}

/// A registry entry's first event.
pub const PLATFORM_REGISTERED: &str = "登记到台账";
/// The change report was handed in.
pub const CHANGE_REPORTED: &str = "信息变更报告已报送新闻中心、党委宣传部";
/// 第四条二: a filed platform's change needs a reason.
pub const CHANGE_REASON_REQUIRED: &str =
    "已备案平台的信息变更须书面报备（第四条二），请填写变更原因";

/// 「账号名称：旧 → 新；…（原因：…）」.
pub fn change_summary(fields: &[crate::domain::lifecycle::FieldChange], reason: &str) -> String {
    let summary = fields
        .iter()
        .map(|f| format!("{}：{} → {}", f.field, f.old, f.new))
        .collect::<Vec<_>>()
        .join("；");
    format!("{summary}（原因：{reason}）")
}

pub fn closure_summary(c: &crate::domain::lifecycle::Closure) -> String {
    format!(
        "原因：{}；内容处理：{}",
        c.reason.trim(),
        c.content_disposition.trim()
    )
}

pub fn shutdown_summary(s: &crate::domain::lifecycle::Shutdown) -> String {
    format!("{}；文号 {}", s.reason.label(), s.document_no.trim())
}

pub fn filing_printed(kind: crate::domain::filing::FilingKind) -> String {
    format!("打印备案表（{}，一式四份）", kind.label())
}

pub fn filing_submitted(kind: crate::domain::filing::FilingKind) -> String {
    format!("备案表（{}）已报送新闻中心、党委宣传部", kind.label())
}

pub fn filing_archived(kind: crate::domain::filing::FilingKind, archive_no: &str) -> String {
    format!("备案表（{}）已归档，备案编号 {archive_no}", kind.label())
}

pub fn scan_attached(kind: crate::domain::filing::FilingKind, file_name: &str) -> String {
    format!("附加备案表（{}）签章扫描件「{file_name}」", kind.label())
}

/// 「第 3 版：新增「某词」」.
pub fn word_list_version(version: i64, summary: &str) -> String {
    format!("第 {version} 版：{summary}")
}

/// 「新建「标题」」.
pub fn post_created(title: &str) -> String {
    format!("新建「{title}」")
}

/// 「删除草稿「…」」.
pub fn post_deleted(title: &str) -> String {
    format!("删除草稿「{title}」")
}

/// Which fields an edit changed, in words, for the audit entry.
pub fn changed_fields(
    before: &crate::domain::post::PostDraft,
    after: &crate::domain::post::PostDraft,
) -> String {
    let checks = [
        (before.platform_id != after.platform_id, "发布平台"),
        (before.title != after.title, "标题"),
        (before.body != after.body, "正文"),
        (before.category != after.category, "类别"),
        (before.column != after.column, "栏目"),
        (before.attribution != after.attribution, "来源署名"),
        (before.internal != after.internal, "公开范围"),
        (before.planned_at != after.planned_at, "计划发布时间"),
    ];
    let changed: Vec<&str> = checks.iter().filter(|c| c.0).map(|c| c.1).collect();
    if changed.is_empty() {
        "保存（无改动）".to_owned()
    } else {
        format!("修改了：{}", changed.join("、"))
    }
}

/// The comment of a step: the publication link, the reviewer's words, or the revision number.
pub fn step_comment(
    step: &crate::domain::workflow::Transition,
    action: &crate::domain::workflow::PostAction,
    revision: i64,
) -> String {
    match (&step.comment, &step.publication) {
        (_, Some(p)) => format!(
            "发布链接：{}；发布时间：{}",
            p.link,
            p.at.format("%Y-%m-%d %H:%M")
        ),
        (Some(c), None) => c.clone(),
        (None, None) if matches!(action, crate::domain::workflow::PostAction::Submit) => {
            format!("第 {revision} 稿")
        }
        (None, None) => String::new(),
    }
}

/// 「放行理由：…；放行内容：…」.
pub fn override_comment(reason: &str, let_through: &[String]) -> String {
    format!("放行理由：{reason}；放行内容：{}", let_through.join("、"))
}

/// 「个人身份信息「410***12」」.
pub fn finding_shown(category: &str, matched: &str) -> String {
    format!("{category}「{matched}」")
}

/// 「文件名（123 字节，SHA-256 …）」.
pub fn attachment_added(name: &str, size: usize, sha: &str) -> String {
    format!("{name}（{size} 字节，SHA-256 {sha}）")
}

/// 「文件名（SHA-256 …）」.
pub fn attachment_removed(name: &str, sha: &str) -> String {
    format!("{name}（SHA-256 {sha}）")
}

/// How the audit log names a user: 「张喆（zhangzhe）」.
pub fn user_label(display_name: &str, login: &str) -> String {
    format!("{display_name}（{login}）")
}

/// 「添加系统管理员账号「…」」.
pub fn user_added(display_name: &str, login: &str, system_admin: bool, school: bool) -> String {
    let what = match (system_admin, school) {
        (true, _) => "系统管理员账号",
        (false, true) => "学校督查人员账号",
        (false, false) => "账号",
    };
    format!("添加{what}「{}」", user_label(display_name, login))
}

/// The actor of a failed sign-in: only the login name typed is known.
pub fn failed_sign_in_actor(login: &str) -> String {
    format!("（登录名 {login}）")
}

pub const WRONG_PASSWORD: &str = "密码错误";

/// 「设置「张喆（zhangzhe）」的密码」.
pub fn password_set(target: &str) -> String {
    format!("设置「{target}」的密码")
}

/// 「重置「张喆（zhangzhe）」的密码（下次登录时须修改）」.
pub fn password_reset(target: &str) -> String {
    format!("重置「{target}」的密码（下次登录时须修改）")
}

/// The audit comment of a calendar import: where the year's schedule came from.
pub fn calendar_sources(sources: &[String]) -> String {
    sources.join("；")
}

impl std::fmt::Display for crate::domain::audit::BreakReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::domain::audit::BreakReason::*;
        match self {
            SeqOutOfOrder { expected, found } => write!(
                f,
                "序号应为 {expected}，实际为 {found}：其前有记录被删除、插入或调换了顺序"
            ),
            PrevHashMismatch => {
                f.write_str("与前一条记录的哈希不衔接：其前有记录被删除、替换或调换了顺序")
            }
            HashMismatch => f.write_str("内容与其哈希不符：这条记录写入后被改动过"),
            NotSealed => f.write_str(
                "缺少办理人的签名：该账号已有签名密钥，这条记录却未签名，是后来改写或伪造的",
            ),
            SealNotTheActors => {
                f.write_str("签名不是记录所写办理人的密钥：这条记录被他人改写或冒名写入")
            }
            BadSignature => f.write_str("签名与记录内容不符：这条记录或其前的记录在签名后被改动过"),
            Unreadable => {
                f.write_str("有字段无法读取（如时间不是时间）：这条记录写入后被绕过保护改动过")
            }
        }
    }
}

impl std::fmt::Display for crate::domain::audit::ChainBreak {
    /// The chain's verdict, with what to do: keep everything as it is and report it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "审计记录校验未通过：第 {} 条记录{}。请保留数据库及备份原样，并报告学校办公室（新闻中心）、党委宣传部和信息技术管理中心。",
            self.seq, self.reason
        )
    }
}
