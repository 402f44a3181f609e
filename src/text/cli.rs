//! Wording of the command line: what each command prints and why it refuses.

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;

use crate::domain::audit::AuditEntry;
use crate::domain::calendar::{DayKind, UnknownYear};
use crate::domain::platform::Platform;
use crate::domain::post::Post;
use crate::domain::registry::RegistryRow;
use crate::domain::unit::Unit;
use crate::domain::workflow::{PostAction, PostState, Transition};
use crate::store::{AttachmentMeta, ChangeRecord, Event, FilingRow, PostRow, UserRow};

/// 「错误：…」 on stderr.
pub fn error_line(message: &str) -> String {
    format!("错误：{message}")
}

pub fn needs_sign_in() -> String {
    "此命令会修改数据，须指明由谁办理（第八条一：谁开办、谁负责）。请先运行 mediadesk sign-in --as 登录名（核对一次密码，8 小时内不必再输），或在命令中加上 --as 登录名，密码取自环境变量 MEDIADESK_PASSWORD 或在提示时输入。".to_owned()
}

pub fn password_needed(var: &str) -> String {
    format!("需要密码：请设置环境变量 {var}，或在终端中运行本命令以输入密码。")
}

pub fn password_unreadable(why: &str) -> String {
    format!("无法读取密码：{why}")
}

pub fn password_prompt(login: &str) -> String {
    format!("请输入 {login} 的密码：")
}

/// A read on a database path that does not exist.
pub fn database_missing(path: &Path) -> String {
    format!(
        "数据库「{}」不存在（或是指向不存在文件的快捷方式）。请检查 --db 或 MEDIADESK_DB 的路径；新数据库由 mediadesk demo、第一次 users add 或第一次打开窗口时创建。",
        path.display()
    )
}

pub const NEW_PASSWORD_PROMPT: &str = "请输入新账号的密码：";
pub const PASSWORD_AGAIN_PROMPT: &str = "请再输入一次：";
pub const CURRENT_PASSWORD_PROMPT: &str = "请输入当前密码：";
pub const OWN_NEW_PASSWORD_PROMPT: &str = "请输入新密码：";
pub const TEMPORARY_PASSWORD_PROMPT: &str = "请输入临时密码：";
pub const OWN_PASSWORD_CHANGED: &str =
    "密码已修改。命令行会话随之结束，请重新运行 mediadesk sign-in --as 登录名。";

/// After `users reset-password`.
pub fn password_reset(login: &str) -> String {
    format!(
        "已重置「{login}」的密码。请把临时密码当面或电话告知本人；对方下次登录时须先修改密码（窗口中会提示，命令行用 mediadesk users password）。"
    )
}

/// A login name that no account has.
pub fn no_such_login(login: &str) -> String {
    format!("没有登录名为「{login}」的账号，请用 mediadesk users list 查看。")
}

/// A command by someone whose password an administrator reset.
pub fn must_change_password_first(login: &str) -> String {
    format!(
        "系统管理员重置了「{login}」的密码，须先改成自己的密码才能办理其他事项：请运行 mediadesk users password --as {login}（当前密码即管理员告知的临时密码）。"
    )
}

/// What the demo put in the database, counted from it.
pub fn demo_loaded(units: usize, people: usize, platforms: usize, posts: usize) -> String {
    format!(
        "已载入演示数据：{units} 个单位、{people} 位人员、{platforms} 个平台、{posts} 条信息。演示账号（如 zhangzhe、liuxiaoyan、lijun、songwenbo、admin）的密码均为 {}。",
        crate::store::DEMO_PASSWORD
    )
}

pub fn large_generated(platforms: usize, posts: Option<usize>) -> String {
    let mut s = format!(
        "已生成大型数据库：60 个单位、{platforms} 个平台、{} 位人员。",
        platforms * 3
    );
    if let Some(m) = posts {
        s.push_str(&format!(
            "\n已生成 {m} 条信息；账号 admin、bench_info、bench_head、bench_admin 的密码为 {}。",
            crate::store::DEMO_PASSWORD
        ));
    }
    s
}

pub fn unit_line(u: &Unit) -> String {
    format!(
        "{}\t{}\t{}\t负责人 {}\t书记 {}",
        u.id, u.name, u.party_branch, u.head, u.secretary
    )
}

pub fn registry_line(r: &RegistryRow) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        r.id,
        r.unit_name,
        r.kind_name,
        r.name,
        r.account,
        r.status.label()
    )
}

/// `platforms show`: (label, value) lines.
pub fn platform_lines(p: &Platform, unit: &str, kind: &str) -> Vec<(&'static str, String)> {
    let d = &p.draft;
    vec![
        ("编号", p.id.to_string()),
        ("创建单位", unit.to_owned()),
        ("媒体平台", kind.to_owned()),
        ("账号名称", d.name.clone()),
        ("账号/网址", d.account.clone()),
        (
            "账号类型",
            d.account_type
                .map(|t| t.label().to_owned())
                .unwrap_or_default(),
        ),
        ("是否认证", if d.verified { "是" } else { "否" }.to_owned()),
        ("内容范围", d.content_scope.clone()),
        ("创建时间", d.created_on.to_string()),
        ("状态", p.status.label().to_owned()),
        (
            "负责人",
            format!("{} {}", d.responsible_person, d.contact_mobile),
        ),
        (
            "管理员",
            d.administrators
                .iter()
                .map(|a| format!("{} {}", a.name, a.mobile))
                .collect::<Vec<_>>()
                .join("；"),
        ),
        ("维护方式", d.maintenance.label()),
        ("批准文号", d.approval_ref.clone()),
        ("备注", d.notes.clone()),
    ]
}

/// What a JSON file was meant to hold.
#[derive(Debug, Clone, Copy)]
pub enum JsonKind {
    Platform,
    Post,
}

pub fn bad_json(path: &Path, kind: JsonKind, e: &serde_json::Error) -> String {
    let what = match kind {
        JsonKind::Platform => "平台",
        JsonKind::Post => "信息",
    };
    format!(
        "{} 的内容不是有效的{what} JSON（第 {} 行第 {} 列：{}）。格式见 README.md。",
        path.display(),
        e.line(),
        e.column(),
        json_problem(e)
    )
}

/// serde's reason in Chinese where its kind says enough; the position is given anyway.
fn json_problem(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let raw = e.to_string();
    match e.classify() {
        Category::Io => "读取中断".to_owned(),
        Category::Syntax => "语法错误，请检查括号、逗号和引号".to_owned(),
        Category::Eof => "文件提前结束，缺少右括号或引号".to_owned(),
        Category::Data => {
            if let Some(field) = between(&raw, "unknown field `", "`") {
                format!("未知字段「{field}」（拼写错误的字段会被拒绝）")
            } else if let Some(field) = between(&raw, "missing field `", "`") {
                format!("缺少必填字段「{field}」")
            } else if raw.starts_with("invalid type") {
                "某个字段的类型不对（如数字写成了文字，或文字写成了数字）".to_owned()
            } else if raw.starts_with("unknown variant") {
                format!(
                    "取值不在可选范围内（{}）",
                    between(&raw, "variant `", "`").unwrap_or_default()
                )
            } else {
                "内容不符合要求（如日期应写作 YYYY-MM-DD）".to_owned()
            }
        }
    }
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let len = s[from..].find(end)?;
    Some(&s[from..from + len])
}

pub fn platform_added(name: &str, id: i64) -> String {
    format!("已新增平台「{name}」，编号 {id}")
}

pub fn event_line(e: &Event) -> String {
    let who = if e.actor.is_empty() {
        String::new()
    } else {
        format!("（{}）", e.actor)
    };
    format!("{}\t{}\t{}{who}", e.occurred_on, e.kind.label(), e.summary)
}

pub fn change_line(c: &ChangeRecord) -> String {
    format!(
        "变更记录 {}：{} {}，{}",
        c.id,
        c.changed_on,
        c.state.label(),
        c.fields
            .iter()
            .map(|f| f.field.as_str())
            .collect::<Vec<_>>()
            .join("、")
    )
}

pub fn platform_closed(id: i64) -> String {
    format!(
        "平台 {id} 已停止运营。请用 mediadesk print ending-report 打印停止运营报告，签字盖章后报送。"
    )
}

pub fn platform_shut_down(id: i64) -> String {
    format!("平台 {id} 已关停。请用 mediadesk print ending-report 打印关停通知。")
}

pub fn unknown_shutdown_reason(code: &str) -> String {
    format!(
        "关停原因「{code}」无效，可用：violation（违规内容）、policy_change（政策变更）、unit_change（部门变更）、long_silence（通报后仍不更新）、unhandled_bad_content（不良信息未处理）。"
    )
}

pub fn filing_line(r: &FilingRow) -> String {
    let f = &r.filing;
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
        f.id,
        r.unit_name,
        r.platform_name,
        f.kind.label(),
        f.printed_on,
        f.state.label(),
        f.archive_no
    )
}

pub fn filing_reported(id: i64) -> String {
    format!("备案记录 {id} 已标记为已报送。")
}

pub fn filing_archived(id: i64) -> String {
    format!("备案记录 {id} 已归档为已备案。")
}

pub fn scan_attached(id: i64, name: &str) -> String {
    format!("已为备案记录 {id} 附加扫描件「{name}」。")
}

pub fn change_reported(id: i64) -> String {
    format!("变更记录 {id} 已标记为已报送。")
}

pub fn user_added(login: &str, id: i64) -> String {
    format!("已添加账号「{login}」，编号 {id}")
}

pub fn user_line(u: &UserRow) -> String {
    let mut roles: Vec<&str> = u.roles.iter().map(|r| r.label()).collect();
    if u.is_system_admin {
        roles.push(super::SYSTEM_ADMIN);
    }
    format!(
        "{}\t{}\t{}\t{}\t{}{}",
        u.id,
        u.login,
        u.display_name,
        u.unit_name,
        roles.join("、"),
        if u.active { "" } else { "\t（已停用）" }
    )
}

pub fn unknown_post_state(text: &str) -> String {
    format!(
        "未知状态「{text}」，可用：{}",
        PostState::ALL
            .iter()
            .map(|s| format!("{}（{}）", s.code(), s.label()))
            .collect::<Vec<_>>()
            .join("、")
    )
}

pub fn step_done(id: i64, action: &PostAction, done: &Transition) -> String {
    format!(
        "信息 {id}：{}，「{}」→「{}」",
        action.label(),
        done.from.label(),
        done.to.label()
    )
}

pub fn post_created(title: &str, id: i64) -> String {
    format!("已新建信息「{title}」，编号 {id}（草稿）")
}

pub fn overridden(id: i64) -> String {
    format!("信息 {id}：已放行审查结果，理由已记入审计记录。")
}

pub fn attachment_added(meta: &AttachmentMeta) -> String {
    format!(
        "已添加附件「{}」（{} 字节，SHA-256 {}）",
        meta.name, meta.size, meta.sha256
    )
}

pub fn post_line(r: &PostRow) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
        r.id,
        r.state.label(),
        r.category.label(),
        r.unit_name,
        r.platform_name,
        r.title,
        r.author_name
    )
}

/// `posts show`: the post and its history.
pub fn post_lines(post: &Post, history: &[AuditEntry]) -> Vec<String> {
    let d = &post.draft;
    let mut lines = vec![
        format!("编号：{}", post.id),
        format!("标题：{}", d.title),
        format!(
            "平台：{} {}（{}）",
            post.unit_name, post.platform_name, post.platform_kind
        ),
        format!("状态：{}（第 {} 稿）", post.state.label(), post.revision),
        format!("类别：{}　栏目：{}", d.category.label(), d.column),
        format!("来源：{}", d.attribution.origin.label()),
        format!("撰稿：{}", post.author_name),
    ];
    if let Some(r) = &post.reviewer_name {
        lines.push(format!("审核：{r}"));
    }
    if let Some(p) = &post.publisher_name {
        lines.push(format!("发布：{p}"));
    }
    if let Some(link) = &post.published_link {
        lines.push(format!("发布链接：{link}"));
    }
    for e in history {
        lines.push(format!(
            "{}\t{}\t{}\t{}",
            e.at.format("%Y-%m-%d %H:%M"),
            e.actor,
            super::audit_action_label(&e.action),
            e.comment
        ));
    }
    lines
}

pub fn bad_publish_time(t: &str) -> String {
    format!("发布时间「{t}」格式不对，请写成 2026-11-26T09:30:00 或 2026-11-26 09:30。")
}

pub fn draft_deleted(id: i64) -> String {
    format!("已删除草稿 {id}（删除记入审计记录）")
}

pub fn range_reversed(from: NaiveDate, to: NaiveDate) -> String {
    format!("结束日期 {to} 早于开始日期 {from}")
}

pub const RANGE_TOO_LONG: &str = "一次最多列出十年的日期";

/// A day as `calendar days` prints it.
pub fn day_kind(kind: &Result<DayKind, UnknownYear>) -> String {
    match kind {
        Ok(DayKind::Workday) => "工作日".to_owned(),
        Ok(DayKind::Weekend) => "周末".to_owned(),
        Ok(DayKind::Holiday { name }) => format!("法定节假日（{name}）"),
        Ok(DayKind::MakeupWorkday { name }) => format!("调休上班（{name}）"),
        Err(_) => "未知（缺少该年节假日安排）".to_owned(),
    }
}

pub fn calendar_years_missing(years: &BTreeSet<i32>) -> String {
    let list = years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join("、");
    let first = years.first().copied().unwrap_or_default();
    format!(
        "缺少 {list} 年的节假日安排，无法判断这些日期是否为工作日。请用 mediadesk calendar import FILE 导入 {first} 年的国务院节假日通知数据。"
    )
}

pub fn deadline_line(deadline: NaiveDate, from: NaiveDate, days: u32) -> String {
    format!(
        "{deadline}\t{}\t（{from} 之后第 {days} 个工作日）",
        super::weekday(deadline)
    )
}

pub fn calendar_imported(years: &[i32]) -> String {
    let list: Vec<String> = years.iter().map(i32::to_string).collect();
    format!("已导入 {} 年的节假日安排。", list.join("、"))
}

/// The prompt for the school server's database password.
pub fn server_password_prompt(address: &str) -> String {
    format!("请输入学校服务器数据库的密码（{address}）：")
}

pub fn copy_onto_itself() -> String {
    "复制的来源和目标是同一个数据库。请给 --to 另一个文件名或服务器地址。".to_owned()
}

pub fn copy_target_exists(path: &Path) -> String {
    format!(
        "目标文件「{}」已经存在。为免覆盖，程序没有复制。请换一个新文件名，或先把旧文件移走。",
        path.display()
    )
}

pub fn copied(from: &str, to: &str, rows: i64, audit: u64) -> String {
    format!(
        "已从「{from}」复制到「{to}」：共 {rows} 行，行数逐表核对一致，审计链 {audit} 条校验通过。"
    )
}

pub fn db_info(at: &str, backend: crate::store::db::Backend, version: i64) -> String {
    let kind = match backend {
        crate::store::db::Backend::Sqlite => "本机数据库文件（SQLite）",
        crate::store::db::Backend::Postgres => "学校服务器（PostgreSQL）",
    };
    format!("数据库：{at}\n类型：{kind}\n数据版本：{version}\n各表行数：")
}
