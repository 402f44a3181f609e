//! Wording of supervision (督查): the ladder's rungs and notices, the due list, incidents,
//! training, hand-recorded updates and the CSV import. The messages of the errors are in
//! `problems`, the command line's lines and the history's records in `records`.

mod problems;
mod records;

pub use records::*;

use std::fmt;

use chrono::NaiveDate;

use crate::domain::supervision::{
    Article, CsvImportError, CsvProblem, CsvProblemKind, DateStyle, DueItem, DueKind, IncidentKind,
    IncidentProblem, Light, NoticeError, NoticeKind, NoticeTiming, Office, Period, Rung,
    SettingField, SettingsProblem, TrainingProblem, UpdateProblem, Urgency,
    incident::{IncidentTextField, IncidentTimeField},
};
pub const NAV_SUPERVISION: &str = "督查";

/// 「2个月」, 「14天」.
pub fn period(p: Period) -> String {
    match p {
        Period::Months(n) => format!("{n}个月"),
        Period::Days(n) => format!("{n}天"),
    }
}

/// The article as the window cites it: 「第六条四」.
pub fn article(a: Article) -> &'static str {
    match a {
        Article::Filing => "第四条一",
        Article::ChangeReport => "第四条二",
        Article::Training => "第五条",
        Article::PartyBuilding => "第六条二",
        Article::Inactivity => "第六条四",
        Article::SecurityIncident => "第八条一",
        Article::BadContent => "第八条二",
        Article::AnnualReview => "附件（年审）",
    }
}

/// The article as a printed document cites it: 「第六条第四款」.
pub fn article_formal(a: Article) -> &'static str {
    match a {
        Article::Filing => "第四条第一款",
        Article::ChangeReport => "第四条第二款",
        Article::Training => "第五条",
        Article::PartyBuilding => "第六条第二款",
        Article::Inactivity => "第六条第四款",
        Article::SecurityIncident => "第八条第一款",
        Article::BadContent => "第八条第二款",
        Article::AnnualReview => "附件",
    }
}

/// The notice as an act: 「整改通知」.
pub fn notice_kind(k: NoticeKind) -> &'static str {
    match k {
        NoticeKind::Rectification => "整改通知",
        NoticeKind::PublicNotice => "公开通报",
        NoticeKind::ShutdownDecision => "关停决定",
    }
}

/// The notice as a document: 「整改通知书」.
pub fn notice_document(k: NoticeKind) -> &'static str {
    match k {
        NoticeKind::Rectification => "整改通知书",
        NoticeKind::PublicNotice => "通报",
        NoticeKind::ShutdownDecision => "关停决定",
    }
}

pub fn rung(r: Rung) -> &'static str {
    match r {
        Rung::Normal => "正常",
        Rung::RectificationDue => "应发整改通知",
        Rung::Rectifying => "整改期内",
        Rung::PublicNoticeDue => "应公开通报",
        Rung::PubliclyNotified => "通报期内",
        Rung::ShutdownDue => "应关停",
        Rung::ShutDown => "已决定关停",
    }
}

pub fn notice_timing(t: NoticeTiming) -> String {
    match t {
        NoticeTiming::OnTime => "按期发出".to_owned(),
        NoticeTiming::Early { due_on } => {
            format!("提前发出：按第六条四，{due_on} 起才应发出。确定现在发出吗？")
        }
        NoticeTiming::Late { due_on } => {
            format!("迟于应发日期（{due_on}）；下一步仍从实际发文日期起算。")
        }
    }
}

pub fn urgency(u: Urgency) -> &'static str {
    match u {
        Urgency::Overdue => "已逾期",
        Urgency::DueToday => "今天到期",
        Urgency::Upcoming => "即将到期",
        Urgency::Undated => "未定期限",
    }
}

pub fn light(l: Light) -> &'static str {
    match l {
        Light::Red => "红",
        Light::Amber => "黄",
        Light::Green => "绿",
    }
}

/// What the light means, for its tooltip.
pub fn light_meaning(l: Light) -> &'static str {
    match l {
        Light::Red => "有已到期或逾期的事项，需立即处理",
        Light::Amber => "有需要关注或即将到期的事项",
        Light::Green => "没有待办事项",
    }
}

pub fn incident_kind(k: IncidentKind) -> &'static str {
    match k {
        IncidentKind::AccountStolen => "账号被盗用",
        IncidentKind::IllegalUse => "非法使用",
        IncidentKind::Vulnerability => "安全漏洞",
        IncidentKind::BadContent => "不良信息",
    }
}

pub fn office(o: Office) -> &'static str {
    match o {
        Office::NewsCenter => "学校办公室（新闻中心）",
        Office::PropagandaDept => "党委宣传部",
        Office::ItCenter => "信息技术管理中心",
    }
}

/// 「学校办公室（新闻中心）、党委宣传部」.
pub fn offices(list: &[Office]) -> String {
    list.iter()
        .map(|o| office(*o))
        .collect::<Vec<_>>()
        .join("、")
}

/// How a date style looks, as an example.
pub fn date_style(s: DateStyle) -> &'static str {
    match s {
        DateStyle::Dashed => "2026-11-05",
        DateStyle::Slashed => "2026/11/5",
        DateStyle::Chinese => "2026年11月5日",
    }
}

/// What the due list calls an item: the kind, worded by how soon it is.
pub fn due_label(item: &DueItem) -> &'static str {
    let due = matches!(item.urgency, Urgency::Overdue | Urgency::DueToday);
    match (item.kind, due) {
        (DueKind::RectificationNotice, true) => "应发整改通知",
        (DueKind::RectificationNotice, false) => "即将超期未更新",
        (DueKind::PublicNotice, true) => "应公开通报",
        (DueKind::PublicNotice, false) => "整改期内，逾期将公开通报",
        (DueKind::ShutdownDecision, true) => "应关停",
        (DueKind::ShutdownDecision, false) => "通报期内，逾期将关停",
        (DueKind::IncidentUnreported, _) => "安全事件未报告",
        (DueKind::IncidentReportedLate, _) => "安全事件迟报",
        (DueKind::IncidentOpen, _) => "安全事件处置中",
        (DueKind::Filing, true) => "逾期未备案",
        (DueKind::Filing, false) => "待备案",
        (DueKind::ChangeReport, true) => "变更逾期未报",
        (DueKind::ChangeReport, false) => "变更待报",
        (DueKind::PartyColumnMissing, _) => "未设党建专栏",
        (DueKind::PartyPosts, true) => "党建专栏未按期更新",
        (DueKind::PartyPosts, false) => "党建专栏临近更新期限",
        (DueKind::Training, true) if item.since.is_none() => "从未参加培训",
        (DueKind::Training, true) => "培训已超期",
        (DueKind::Training, false) => "培训即将到期",
        (DueKind::AnnualReview, true) if item.urgency == Urgency::Overdue => "年审逾期未报",
        (DueKind::AnnualReview, _) => "年审期间，待报年审",
        (DueKind::Verification, true) if item.urgency == Urgency::Overdue => "认证已过期",
        (DueKind::Verification, _) => "认证即将到期",
    }
}

/// What to do about an item, in one sentence.
pub fn due_hint(kind: DueKind) -> &'static str {
    match kind {
        DueKind::RectificationNotice => {
            "请向平台所属单位发出整改通知书；单位更新平台内容即可结束本轮。"
        }
        DueKind::PublicNotice => "整改通知发出已满期限仍未更新：请予以公开通报。",
        DueKind::ShutdownDecision => {
            "公开通报后已满期限仍未更新：请会同信息技术管理中心作出关停决定。"
        }
        DueKind::IncidentUnreported => {
            "请立即报告学校办公室（新闻中心）、党委宣传部和信息技术管理中心。"
        }
        DueKind::IncidentReportedLate => "报告时间超过发现后的时限；请尽快处置并关闭事件。",
        DueKind::IncidentOpen => "已按时报告；处置完毕后请填写处置措施并关闭事件。",
        DueKind::Filing => "请打印备案表，签字盖章后报学校办公室（新闻中心）、党委宣传部。",
        DueKind::ChangeReport => "请打印信息变更报告，书面报学校办公室（新闻中心）、党委宣传部。",
        DueKind::PartyColumnMissing => {
            "请设置党建专栏，定期推出党的理论知识、方针政策、党员模范事迹等内容。"
        }
        DueKind::PartyPosts => "请在党建专栏发布新内容。",
        DueKind::Training => "请安排其参加学校组织的网络平台管理培训。",
        DueKind::AnnualReview => "请填写备案表（年审），签字盖章后报送。",
        DueKind::Verification => "请及时续期认证；如不再认证，请按信息变更书面报备。",
    }
}

/// Whom an item is about: 「商学院 · 微信公众号「西亚斯商学院」 · 张喆」.
pub fn due_whom(item: &DueItem) -> String {
    let mut whom = item.unit.name.clone();
    if let Some(p) = &item.platform {
        whom.push_str(&format!(" · {}「{}」", p.kind_name, p.name));
    }
    if let Some(p) = &item.person {
        whom.push_str(&format!(" · {}", p.name));
    }
    whom
}

/// One line of `mediadesk supervise`: light, what, whom, since, due, article.
pub fn due_line(item: &DueItem, today: NaiveDate) -> String {
    let whom = due_whom(item);
    let since = item.since.map_or_else(|| "—".to_owned(), |d| d.to_string());
    let due = match (item.due_on, item.calendar_missing) {
        (_, Some(year)) => format!("缺少 {year} 年节假日安排"),
        (None, None) => "—".to_owned(),
        (Some(d), None) if item.urgency == Urgency::Overdue => {
            format!("{d}（逾期 {} 天）", item.days_overdue(today))
        }
        (Some(d), None) => d.to_string(),
    };
    format!(
        "[{}] {}　{}　起算 {}　期限 {}　（{}）",
        light(item.light()),
        due_label(item),
        whom,
        since,
        due,
        article(item.article)
    )
}

/// A due date passed: 「2026-11-20（逾期 6 天）」.
pub fn due_overdue(due_on: NaiveDate, days: i64) -> String {
    format!("{due_on}（逾期 {days} 天）")
}

/// The dashboard's count line for a unit.
pub fn unit_counts(red: usize, amber: usize) -> String {
    match (red, amber) {
        (0, 0) => "无待办".to_owned(),
        (r, 0) => format!("{r} 项需立即处理"),
        (0, a) => format!("{a} 项需关注"),
        (r, a) => format!("{r} 项需立即处理，{a} 项需关注"),
    }
}

pub fn silent_days(days: i64, never_updated: bool) -> String {
    if never_updated {
        format!("开设以来未更新（{days} 天）")
    } else {
        format!("{days} 天未更新")
    }
}
