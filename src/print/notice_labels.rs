//! Every fixed string printed on the school's supervision documents — 整改通知书, 通报, 关停决定
//! (第六条四) — and on a unit's 安全事件报告 (第八条一), in one place so the wording is reviewed
//! once and a custom font is checked against all of it ([`all_fixed_text`], part of
//! `labels::all_fixed_text`). Sentences take plain values; the names of the articles, periods,
//! incident kinds and offices are the same words `text::supervision` shows in the window (a test
//! keeps them equal).

use chrono::{NaiveDate, NaiveDateTime, Timelike};

use super::labels::date;
use super::report_labels::{self, policy_name};
use crate::domain::supervision::{Article, IncidentKind, Office, Period};

/// 第六条四: the school office (news centre) and the propaganda department issue the ladder's
/// documents jointly, as they issue the 关停通知.
pub const ISSUERS: [&str; 2] = report_labels::SHUTDOWN_ISSUERS;

pub const RECTIFICATION_SUBJECT: &str = "二级网络平台整改通知书";
pub const PUBLIC_NOTICE_SUBJECT: &str = "二级网络平台通报";
pub const SHUTDOWN_DECISION_SUBJECT: &str = "二级网络平台关停决定";
pub const INCIDENT_SUBJECT: &str = "二级网络平台安全事件报告";

/// Appended to the school's name: 「{school}二级网络平台整改通知书」.
pub const RECTIFICATION_TITLE_SUFFIX: &str = "二级网络平台整改通知书";
/// Appended to the school's name: 「{school}二级网络平台安全事件报告」.
pub const INCIDENT_TITLE_SUFFIX: &str = "二级网络平台安全事件报告";

/// A 通报 goes to every unit.
pub const PUBLIC_ADDRESSEE: &str = "各党总支、直属党支部，各单位：";
/// 第八条一: the three offices a security incident is reported to.
pub const INCIDENT_ADDRESSEE: &str = "学校办公室（新闻中心）、党委宣传部、信息技术管理中心：";

pub const CLOSING_NOTICE: &str = "特此通知。";
pub const CLOSING_PUBLIC: &str = "特此通报。";
pub const CLOSING_DECISION: &str = "特此决定。";
pub const CLOSING_REPORT: &str = "特此报告。";

pub const PUBLIC_WARNING: &str =
    "各单位要引以为戒，落实网络平台管理员职责，及时更新内容，确保本单位网络平台规范运行。";
pub const SHUTDOWN_INSTRUCTION: &str = "请你单位收到本决定后立即停止该平台的信息发布，并配合信息技术管理中心完成关停工作。该平台关停后如需重新开设，须重新申请并备案。";

// The incident report's table labels.
pub const INCIDENT_KIND: &str = "事件类型";
pub const FOUND_AT: &str = "发现时间";
pub const FOUND_BY: &str = "发现人";
pub const DESCRIPTION: &str = "事件经过";
pub const REPORTED_TO: &str = "报告对象";
pub const REPORTED_AT: &str = "报告时间";
pub const ACTIONS_TAKEN: &str = "已采取措施";
pub const CLOSED_AT: &str = "处置完毕时间";
/// Printed for an incident not closed yet.
pub const STILL_OPEN: &str = "尚在处置中";

/// 「2026年11月5日 9:05」.
pub fn date_time(t: NaiveDateTime) -> String {
    format!("{} {}:{:02}", date(t.date()), t.hour(), t.minute())
}

/// 第八条一 「立即报告」: the mark after a report time more than `hours` after discovery.
pub fn late_report(hours: u32) -> String {
    format!("（发现后超过{hours}小时报告，属迟报）")
}

/// The article as a printed document cites it: 「第六条第四款」 (the window's
/// `text::supervision::article_formal`).
pub fn article(a: Article) -> &'static str {
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

/// 「2个月」, 「14天」: a ladder setting as the notices state it.
pub fn period(p: Period) -> String {
    match p {
        Period::Months(n) => format!("{n}个月"),
        Period::Days(n) => format!("{n}天"),
    }
}

/// 事件类型 as 第八条 names it.
pub fn incident_kind(k: IncidentKind) -> &'static str {
    match k {
        IncidentKind::AccountStolen => "账号被盗用",
        IncidentKind::IllegalUse => "非法使用",
        IncidentKind::Vulnerability => "安全漏洞",
        IncidentKind::BadContent => "不良信息",
    }
}

/// The offices of 第八条一.
pub fn office(o: Office) -> &'static str {
    match o {
        Office::NewsCenter => "学校办公室（新闻中心）",
        Office::PropagandaDept => "党委宣传部",
        Office::ItCenter => "信息技术管理中心",
    }
}

/// 「学校办公室（新闻中心）、党委宣传部」, in the order recorded.
pub fn offices(list: &[Office]) -> String {
    list.iter()
        .map(|o| office(*o))
        .collect::<Vec<_>>()
        .join("、")
}

/// 「微信公众号“文传之声”（账号/网址：wczs）」.
pub fn platform_in_text(kind: &str, name: &str, account: &str) -> String {
    let mut text = report_labels::platform_in_text(kind, name);
    if !account.trim().is_empty() {
        text.push_str(&format!("（账号/网址：{}）", account.trim()));
    }
    text
}

/// How long the platform has been silent, as the documents put it.
pub fn silent_since(last_update: Option<NaiveDate>, created_on: NaiveDate) -> String {
    match last_update {
        Some(last) => format!("自{}以来未更新内容", date(last)),
        None => format!("自{}开设以来从未更新内容", date(created_on)),
    }
}

/// 「（校宣〔2026〕3号）」, or nothing when the number was not recorded.
fn number_in_brackets(document_no: &str) -> String {
    match document_no.trim() {
        "" => String::new(),
        no => format!("（{no}）"),
    }
}

// ---------------------------------------------------------------------------------------------
// 整改通知书
// ---------------------------------------------------------------------------------------------

/// 「{school}二级网络平台整改通知书」.
pub fn rectification_title(school: &str) -> String {
    format!("{}{}", school.trim(), RECTIFICATION_TITLE_SUFFIX)
}

/// What was found: the platform and its silence.
pub fn rectification_finding(platform: &str, silent: &str, threshold: &str) -> String {
    format!("经检查，你单位开办的{platform}{silent}，已超过{threshold}。")
}

/// The rule and the act.
pub fn rectification_act(school: &str, article: &str) -> String {
    format!(
        "根据{}{}的规定，现向你单位发出整改通知。",
        policy_name(school),
        article.trim()
    )
}

/// What to do, by when.
pub fn rectification_request(update_by: NaiveDate) -> String {
    format!(
        "请你单位于{}前完成整改：及时更新平台内容，做好信息来源的核实工作，并将整改情况书面报学校办公室（新闻中心）、党委宣传部。",
        date(update_by)
    )
}

/// What follows if nothing changes.
pub fn rectification_consequence(public_after: &str, shutdown_after: &str) -> String {
    format!(
        "收到本通知{public_after}后仍未更新的，将予以公开通报；公开通报后{shutdown_after}仍未更新的，学校办公室（新闻中心）、党委宣传部将会同信息技术管理中心关停该平台。"
    )
}

// ---------------------------------------------------------------------------------------------
// 通报
// ---------------------------------------------------------------------------------------------

/// 「关于文传之声长期未更新的通报」.
pub fn public_notice_title(platform_name: &str) -> String {
    format!("关于{}长期未更新的通报", platform_name.trim())
}

/// The unit, the platform, its silence, and the rectification notice it ignored.
pub fn public_notice_finding(
    unit: &str,
    platform: &str,
    silent: &str,
    rectification: Option<(NaiveDate, &str)>,
) -> String {
    let mut text = format!("{}开办的{platform}{silent}。", unit.trim());
    if let Some((on, no)) = rectification {
        text.push_str(&format!(
            "学校办公室（新闻中心）、党委宣传部已于{}向该单位发出整改通知{}，该平台在整改期限内仍未更新。",
            date(on),
            number_in_brackets(no)
        ));
    }
    text
}

pub fn public_notice_act(school: &str, article: &str, unit: &str, platform: &str) -> String {
    format!(
        "根据{}{}的规定，现对{}开办的{platform}予以公开通报。",
        policy_name(school),
        article.trim(),
        unit.trim()
    )
}

pub fn public_notice_request(unit: &str, update_by: NaiveDate, shutdown_after: &str) -> String {
    format!(
        "请{}立即整改，于{}前更新平台内容，并将整改情况书面报学校办公室（新闻中心）、党委宣传部。公开通报后{shutdown_after}仍未更新的，学校办公室（新闻中心）、党委宣传部将会同信息技术管理中心关停该平台。",
        unit.trim(),
        date(update_by)
    )
}

// ---------------------------------------------------------------------------------------------
// 关停决定
// ---------------------------------------------------------------------------------------------

/// 「关于关停文传之声的决定」.
pub fn shutdown_decision_title(platform_name: &str) -> String {
    format!("关于关停{}的决定", platform_name.trim())
}

/// The platform, its silence, and the two notices before.
pub fn shutdown_decision_finding(
    platform: &str,
    silent: &str,
    rectification: Option<(NaiveDate, &str)>,
    public_notice: Option<(NaiveDate, &str)>,
) -> String {
    let mut text = format!("你单位开办的{platform}{silent}。");
    let mut steps = Vec::new();
    if let Some((on, no)) = rectification {
        steps.push(format!(
            "于{}发出整改通知{}",
            date(on),
            number_in_brackets(no)
        ));
    }
    if let Some((on, no)) = public_notice {
        steps.push(format!(
            "于{}予以公开通报{}",
            date(on),
            number_in_brackets(no)
        ));
    }
    if !steps.is_empty() {
        text.push_str(&format!(
            "学校办公室（新闻中心）、党委宣传部已{}，该平台仍未更新。",
            steps.join("，")
        ));
    }
    text
}

pub fn shutdown_decision_act(school: &str, article: &str, effective: NaiveDate) -> String {
    format!(
        "根据{}{}的规定，经学校办公室（新闻中心）、党委宣传部会同信息技术管理中心研究，决定自{}起关停该平台。",
        policy_name(school),
        article.trim(),
        date(effective)
    )
}

// ---------------------------------------------------------------------------------------------
// 安全事件报告
// ---------------------------------------------------------------------------------------------

/// 「{school}二级网络平台安全事件报告」.
pub fn incident_title(school: &str) -> String {
    format!("{}{}", school.trim(), INCIDENT_TITLE_SUFFIX)
}

pub fn incident_opening(kind: &str, name: &str, school: &str, article: &str) -> String {
    format!(
        "本单位开办的{}发生安全事件，根据{}{}的规定，现报告如下：",
        platform_in_text(kind, name, ""),
        policy_name(school),
        article.trim()
    )
}

/// Everything fixed above, with the characters dates and numbers use: a custom font must draw
/// all of it (add to `print::labels::all_fixed_text`).
pub fn all_fixed_text() -> String {
    let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let mut all = String::new();
    for s in [
        RECTIFICATION_SUBJECT,
        PUBLIC_NOTICE_SUBJECT,
        SHUTDOWN_DECISION_SUBJECT,
        INCIDENT_SUBJECT,
        PUBLIC_ADDRESSEE,
        INCIDENT_ADDRESSEE,
        CLOSING_NOTICE,
        CLOSING_PUBLIC,
        CLOSING_DECISION,
        CLOSING_REPORT,
        PUBLIC_WARNING,
        SHUTDOWN_INSTRUCTION,
        INCIDENT_KIND,
        FOUND_AT,
        FOUND_BY,
        DESCRIPTION,
        REPORTED_TO,
        REPORTED_AT,
        ACTIONS_TAKEN,
        CLOSED_AT,
        STILL_OPEN,
        &rectification_title(""),
        &rectification_finding(&platform_in_text("", "", "x"), &silent_since(None, day), ""),
        &silent_since(Some(day), day),
        &rectification_act("", ""),
        &rectification_request(day),
        &rectification_consequence("", ""),
        &public_notice_title(""),
        &public_notice_finding("", "", "", Some((day, "x"))),
        &public_notice_act("", "", "", ""),
        &public_notice_request("", day, ""),
        &shutdown_decision_title(""),
        &shutdown_decision_finding("", "", Some((day, "x")), Some((day, "x"))),
        &shutdown_decision_act("", "", day),
        &incident_title(""),
        &incident_opening("x", "x", "", ""),
        &late_report(0),
        &period(Period::Months(0)),
        &period(Period::Days(0)),
        "0123456789:、“”《》（）〔〕—",
    ] {
        all.push_str(s);
    }
    for s in ISSUERS {
        all.push_str(s);
    }
    for a in Article::ALL {
        all.push_str(article(a));
    }
    for k in IncidentKind::ALL {
        all.push_str(incident_kind(k));
    }
    for o in Office::ALL {
        all.push_str(office(o));
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn sentences() {
        let platform = platform_in_text("微信公众号", "文传之声", "wczs");
        assert_eq!(platform, "微信公众号“文传之声”（账号/网址：wczs）");
        assert_eq!(platform_in_text("抖音", " ", ""), "抖音");
        assert_eq!(
            rectification_finding(
                &platform,
                &silent_since(Some(d("2026-06-30")), d("2024-01-01")),
                "2个月"
            ),
            "经检查，你单位开办的微信公众号“文传之声”（账号/网址：wczs）自2026年6月30日以来未更新内容，已超过2个月。"
        );
        assert_eq!(
            silent_since(None, d("2026-03-05")),
            "自2026年3月5日开设以来从未更新内容"
        );
        assert_eq!(
            public_notice_finding(
                "文传学院",
                "微博“文传”",
                "自2026年6月30日以来未更新内容",
                Some((d("2026-09-01"), ""))
            ),
            "文传学院开办的微博“文传”自2026年6月30日以来未更新内容。学校办公室（新闻中心）、党委宣传部已于2026年9月1日向该单位发出整改通知，该平台在整改期限内仍未更新。"
        );
        assert_eq!(
            shutdown_decision_finding(
                "抖音",
                "自2026年6月30日以来未更新内容",
                None,
                Some((d("2026-10-02"), "校宣〔2026〕9号"))
            ),
            "你单位开办的抖音自2026年6月30日以来未更新内容。学校办公室（新闻中心）、党委宣传部已于2026年10月2日予以公开通报（校宣〔2026〕9号），该平台仍未更新。"
        );
        assert_eq!(
            date_time(NaiveDateTime::parse_from_str("2026-11-20 09:05", "%Y-%m-%d %H:%M").unwrap()),
            "2026年11月20日 9:05"
        );
        assert!(all_fixed_text().contains("关停"));
        assert_eq!(late_report(24), "（发现后超过24小时报告，属迟报）");
        assert_eq!(
            offices(&[Office::NewsCenter, Office::ItCenter]),
            "学校办公室（新闻中心）、信息技术管理中心"
        );
        assert_eq!(offices(&[]), "");
    }

    /// The printed names are the window's: a secretary reads the same words on both.
    #[test]
    fn names_match_the_window() {
        use crate::text::supervision as window;
        for a in Article::ALL {
            assert_eq!(article(a), window::article_formal(a), "{a:?}");
        }
        for k in IncidentKind::ALL {
            assert_eq!(incident_kind(k), window::incident_kind(k), "{k:?}");
        }
        for o in Office::ALL {
            assert_eq!(office(o), window::office(o), "{o:?}");
        }
        assert_eq!(offices(&Office::ALL), window::offices(&Office::ALL));
        for p in [Period::Months(2), Period::Days(14)] {
            assert_eq!(period(p), window::period(p));
        }
        assert_eq!(
            ISSUERS.to_vec(),
            [Office::NewsCenter, Office::PropagandaDept].map(office)
        );
    }
}
