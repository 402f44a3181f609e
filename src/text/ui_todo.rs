//! Wording of 待办 (the first page after signing in, and `mediadesk todo`), of the reviewer's
//! 退回 comment shown at the top of a returned post and on its row, and of the post page's
//! diff views (按词 / 按行).

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::filing::FilingKind;
use crate::domain::supervision::{DueKind, Urgency};
use crate::domain::todo::{ReturnNote, TodoItem, TodoKind, TodoTarget};

pub const NAV_TODO: &str = "待办";
pub const HEADING: &str = "我的待办";
pub const HINT: &str = "按期限排列，逾期的在前；点一行即可去办理。";
pub const NOTHING_TO_DO: &str = "暂无待办事项：要办的事都已办妥。";
pub const COL_DUE: &str = "期限";
pub const COL_WHAT: &str = "事项";
pub const COL_ABOUT: &str = "平台 · 稿件";
pub const REFRESH: &str = "刷新";

/// 「按词」/「按行」: how the post page shows the changes since the last look.
pub const DIFF_BY_WORD: &str = "按词";
pub const DIFF_BY_LINE: &str = "按行";
pub const DIFF_MODE_HINT: &str = "按词：数字、字母连在一起比较；按行：整行比较，适合大段改写。";

/// What is to be done, from the doer's side.
pub fn item_label(item: &TodoItem) -> &'static str {
    let due = matches!(item.urgency, Urgency::Overdue | Urgency::DueToday);
    match (item.kind, due) {
        // 第六条四: the notice is due, so the platform is already past its update interval.
        (TodoKind::Due(DueKind::RectificationNotice), true) => "平台已超期未更新，请立即更新",
        (TodoKind::Due(DueKind::PublicNotice), true) => "整改期已满仍未更新，将被公开通报",
        (TodoKind::Due(DueKind::ShutdownDecision), true) => "通报期已满仍未更新，将被关停",
        (TodoKind::Due(DueKind::Verification), true) if item.urgency == Urgency::Overdue => {
            "认证已过期"
        }
        (kind, _) => kind_label(kind),
    }
}

/// What a kind of item asks, before its date comes.
pub fn kind_label(kind: TodoKind) -> &'static str {
    match kind {
        TodoKind::Due(k) => due_label(k),
        TodoKind::SendForm(FilingKind::Initial) => "备案表待签章报送",
        TodoKind::SendForm(FilingKind::Annual) => "年审表待签章报送",
        TodoKind::ArchiveForm(FilingKind::Initial) => "备案表已报送，待归档",
        TodoKind::ArchiveForm(FilingKind::Annual) => "年审表已报送，待归档",
        TodoKind::Returned => "被退回，待修改",
        TodoKind::Revise => "草稿待提交",
        TodoKind::Review => "待我审核",
        TodoKind::Publish => "待我发布",
    }
}

/// A due item of the person's own unit, worded for the unit (the 督查 page words the same
/// kinds for the school).
fn due_label(kind: DueKind) -> &'static str {
    match kind {
        DueKind::RectificationNotice => "平台即将超期未更新，请尽快更新",
        DueKind::PublicNotice => "整改期内，请尽快更新平台",
        DueKind::ShutdownDecision => "通报期内，请立即更新平台",
        DueKind::IncidentUnreported => "安全事件未报告",
        DueKind::IncidentReportedLate => "安全事件迟报，待处置",
        DueKind::IncidentOpen => "安全事件处置中，待关闭",
        DueKind::Filing => "待备案：打印备案表",
        DueKind::ChangeReport => "变更报告待报送",
        DueKind::PartyColumnMissing => "未设党建专栏",
        DueKind::PartyPosts => "党建专栏待更新",
        DueKind::Training => "待参加网络平台管理培训",
        DueKind::AnnualReview => "年审待报：打印年审表",
        DueKind::Verification => "认证即将到期",
    }
}

/// When: 「逾期 3 天（2026-11-20）」, 「今天到期」, 「2026-11-30」, 「—」.
pub fn due_text(item: &TodoItem, today: NaiveDate) -> String {
    match (item.due_on, item.urgency) {
        (Some(d), Urgency::Overdue) => format!("逾期 {} 天（{d}）", (today - d).num_days()),
        (Some(_), Urgency::DueToday) => "今天到期".to_owned(),
        (Some(d), _) => d.to_string(),
        (None, _) => "—".to_owned(),
    }
}

/// What the item is about: 「微信公众号「西亚斯商学院」」, 「《标题》 · 微信公众号「…」」, a person.
pub fn about(item: &TodoItem) -> String {
    let platform = item
        .platform
        .as_ref()
        .map(|p| format!("{}「{}」", p.kind_name, p.name));
    let mut parts = Vec::new();
    if matches!(item.target, TodoTarget::Post(_)) {
        parts.push(format!("《{}》", item.title));
    }
    match platform {
        Some(p) => parts.push(p),
        None if item.person.is_none() => parts.push(item.title.clone()),
        None => {}
    }
    if let Some(person) = &item.person {
        parts.push(person.clone());
    }
    parts.join(" · ")
}

/// 「退回意见（李珺（lijun），11-25 09:00）：请补充……」 at the top of a returned post.
pub fn return_banner(note: &ReturnNote) -> String {
    format!(
        "退回意见（{}，{}）：{}",
        note.by,
        moment(note.at),
        comment_or_none(&note.comment)
    )
}

/// 「退回：请补充……」 under a returned post's title in the lists.
pub fn return_line(note: &ReturnNote) -> String {
    format!("退回：{}", comment_or_none(&note.comment))
}

fn comment_or_none(comment: &str) -> &str {
    if comment.trim().is_empty() {
        "（未填写意见）"
    } else {
        comment
    }
}

fn moment(at: NaiveDateTime) -> String {
    at.format("%m-%d %H:%M").to_string()
}

/// One line of `mediadesk todo`.
pub fn cli_line(item: &TodoItem, today: NaiveDate) -> String {
    let mut line = format!(
        "[{}] {}　{}　{}",
        crate::text::supervision::urgency(item.urgency),
        due_text(item, today),
        item_label(item),
        about(item)
    );
    if let Some(note) = &item.comment {
        line.push_str(&format!("　{}", return_banner(note)));
    }
    line
}

/// The header of `mediadesk todo`: 「张喆的待办（2026-11-26）：共 5 项」.
pub fn cli_header(name: &str, today: NaiveDate, count: usize) -> String {
    if count == 0 {
        format!("{name}的待办（{today}）：{NOTHING_TO_DO}")
    } else {
        format!("{name}的待办（{today}）：共 {count} 项")
    }
}

/// `mediadesk todo` without anyone signed in.
pub fn needs_sign_in() -> String {
    "待办是按登录人的单位和角色列出的，须指明是谁。请先运行 mediadesk sign-in --as 登录名，或在命令中加上 --as 登录名（密码取自环境变量 MEDIADESK_PASSWORD 或在提示时输入）。".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::supervision::PlatformRef;

    fn item(kind: TodoKind, due_on: Option<&str>, target: TodoTarget) -> TodoItem {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let due_on = due_on.map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        TodoItem {
            kind,
            title: "文传青年".into(),
            platform: Some(PlatformRef {
                id: 1,
                name: "文传青年".into(),
                kind_name: "微信公众号".into(),
            }),
            person: None,
            comment: None,
            due_on,
            urgency: Urgency::of(due_on, today),
            target,
        }
    }

    #[test]
    fn items_are_worded_by_kind_and_date() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let rectification = TodoKind::Due(DueKind::RectificationNotice);
        let cases = [
            (
                item(rectification, Some("2026-12-01"), TodoTarget::Platform(1)),
                "[即将到期] 2026-12-01　平台即将超期未更新，请尽快更新　微信公众号「文传青年」",
            ),
            (
                item(rectification, Some("2026-11-23"), TodoTarget::Platform(1)),
                "[已逾期] 逾期 3 天（2026-11-23）　平台已超期未更新，请立即更新　微信公众号「文传青年」",
            ),
            (
                item(
                    TodoKind::SendForm(FilingKind::Initial),
                    Some("2026-11-26"),
                    TodoTarget::Filings,
                ),
                "[今天到期] 今天到期　备案表待签章报送　微信公众号「文传青年」",
            ),
            (
                item(TodoKind::Review, None, TodoTarget::Post(3)),
                "[未定期限] —　待我审核　《文传青年》 · 微信公众号「文传青年」",
            ),
        ];
        for (item, want) in cases {
            assert_eq!(cli_line(&item, today), want);
        }
    }

    #[test]
    fn a_return_without_a_comment_says_so() {
        let note = ReturnNote {
            by: "李珺（lijun）".into(),
            at: NaiveDate::from_ymd_opt(2026, 11, 25)
                .unwrap()
                .and_hms_opt(9, 5, 0)
                .unwrap(),
            comment: " ".into(),
        };
        assert_eq!(
            return_banner(&note),
            "退回意见（李珺（lijun），11-25 09:05）：（未填写意见）"
        );
        assert_eq!(return_line(&note), "退回：（未填写意见）");
    }
}
