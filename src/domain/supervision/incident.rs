//! 第八条一: misuse of an account (账号被盗用, 非法使用) or a security hole (安全漏洞) is reported
//! at once (「立即报告」) to the school office (news centre), the propaganda department and the IT
//! centre; 第八条二: bad content (不良信息) is handled at once. An incident records who found what
//! when, whom it was reported to and when, what was done, and when it was closed. A report more
//! than the set number of hours (default 24) after discovery is late.

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::article::Article;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentKind {
    /// 账号被盗用.
    AccountStolen,
    /// 非法使用.
    IllegalUse,
    /// 安全漏洞.
    Vulnerability,
    /// 不良信息 (第六条五's prohibited content found on the platform).
    BadContent,
}

impl IncidentKind {
    pub const ALL: [IncidentKind; 4] = [
        Self::AccountStolen,
        Self::IllegalUse,
        Self::Vulnerability,
        Self::BadContent,
    ];

    /// 第八条一 for misuse and holes, 第八条二 for bad content.
    pub fn article(self) -> Article {
        match self {
            Self::BadContent => Article::BadContent,
            _ => Article::SecurityIncident,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::AccountStolen => "account_stolen",
            Self::IllegalUse => "illegal_use",
            Self::Vulnerability => "vulnerability",
            Self::BadContent => "bad_content",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The three offices 第八条一 names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Office {
    NewsCenter,
    PropagandaDept,
    ItCenter,
}

impl Office {
    pub const ALL: [Office; 3] = [Self::NewsCenter, Self::PropagandaDept, Self::ItCenter];

    pub fn code(self) -> &'static str {
        match self {
            Self::NewsCenter => "news_center",
            Self::PropagandaDept => "propaganda_dept",
            Self::ItCenter => "it_center",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// Longest free text of an incident (description, actions): a long account, not a dossier.
pub const MAX_INCIDENT_TEXT_CHARS: usize = 20_000;

/// What the form records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentDraft {
    pub platform_id: i64,
    pub kind: IncidentKind,
    pub found_at: NaiveDateTime,
    /// Who found it.
    #[serde(default)]
    pub found_by: String,
    /// What happened.
    pub description: String,
    #[serde(default)]
    pub reported_at: Option<NaiveDateTime>,
    #[serde(default)]
    pub reported_to: Vec<Office>,
    #[serde(default)]
    pub actions_taken: String,
    #[serde(default)]
    pub closed_at: Option<NaiveDateTime>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incident {
    pub id: i64,
    #[serde(flatten)]
    pub draft: IncidentDraft,
}

/// One thing wrong with an incident record; all are listed at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IncidentProblem {
    MissingDescription,
    TextTooLong(IncidentTextField),
    InFuture(IncidentTimeField),
    ReportedBeforeFound,
    ClosedBeforeFound,
    /// A report time without anyone it went to.
    ReportedToNobody,
    /// Offices ticked without the time of the report.
    RecipientsWithoutTime,
    /// Closed without having been reported: 第八条一 asks for the report first.
    ClosedUnreported,
    /// Closed with nothing recorded of what was done.
    ClosedWithoutActions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncidentTimeField {
    Found,
    Reported,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncidentTextField {
    FoundBy,
    Description,
    Actions,
}

/// Every problem of the record, in the form's order; empty when it may be saved.
pub fn validate_incident(draft: &IncidentDraft, now: NaiveDateTime) -> Vec<IncidentProblem> {
    let mut problems = Vec::new();
    if draft.description.trim().is_empty() {
        problems.push(IncidentProblem::MissingDescription);
    }
    for (text, field) in [
        (&draft.found_by, IncidentTextField::FoundBy),
        (&draft.description, IncidentTextField::Description),
        (&draft.actions_taken, IncidentTextField::Actions),
    ] {
        if text.chars().count() > MAX_INCIDENT_TEXT_CHARS {
            problems.push(IncidentProblem::TextTooLong(field));
        }
    }
    for (at, field) in [
        (Some(draft.found_at), IncidentTimeField::Found),
        (draft.reported_at, IncidentTimeField::Reported),
        (draft.closed_at, IncidentTimeField::Closed),
    ] {
        if at.is_some_and(|at| at > now) {
            problems.push(IncidentProblem::InFuture(field));
        }
    }
    if draft.reported_at.is_some_and(|r| r < draft.found_at) {
        problems.push(IncidentProblem::ReportedBeforeFound);
    }
    if draft.closed_at.is_some_and(|c| c < draft.found_at) {
        problems.push(IncidentProblem::ClosedBeforeFound);
    }
    match (draft.reported_at.is_some(), draft.reported_to.is_empty()) {
        (true, true) => problems.push(IncidentProblem::ReportedToNobody),
        (false, false) => problems.push(IncidentProblem::RecipientsWithoutTime),
        _ => {}
    }
    if draft.closed_at.is_some() {
        if draft.reported_at.is_none() {
            problems.push(IncidentProblem::ClosedUnreported);
        }
        if draft.actions_taken.trim().is_empty() {
            problems.push(IncidentProblem::ClosedWithoutActions);
        }
    }
    problems
}

/// Where the report stands against 「立即报告」.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum ReportStatus {
    /// Not reported; `overdue` once the limit has passed.
    Unreported {
        deadline: NaiveDateTime,
        overdue: bool,
    },
    OnTime {
        deadline: NaiveDateTime,
    },
    /// Reported, but more than the limit after discovery; `minutes_late` past the deadline.
    Late {
        deadline: NaiveDateTime,
        minutes_late: i64,
    },
}

impl ReportStatus {
    pub fn deadline(&self) -> NaiveDateTime {
        match *self {
            Self::Unreported { deadline, .. }
            | Self::OnTime { deadline }
            | Self::Late { deadline, .. } => deadline,
        }
    }
}

/// 第八条一: the report is late when it came more than `hours` after discovery (exactly
/// `hours` is still in time).
pub fn report_status(draft: &IncidentDraft, hours: u32, now: NaiveDateTime) -> ReportStatus {
    let deadline = draft
        .found_at
        .checked_add_signed(Duration::hours(i64::from(hours)))
        .unwrap_or(NaiveDateTime::MAX);
    match draft.reported_at {
        None => ReportStatus::Unreported {
            deadline,
            overdue: now > deadline,
        },
        Some(at) if at <= deadline => ReportStatus::OnTime { deadline },
        Some(at) => ReportStatus::Late {
            deadline,
            minutes_late: (at - deadline).num_minutes(),
        },
    }
}

/// The offices of 第八条一 the report has not gone to yet.
pub fn missing_offices(draft: &IncidentDraft) -> Vec<Office> {
    Office::ALL
        .into_iter()
        .filter(|o| !draft.reported_to.contains(o))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn draft() -> IncidentDraft {
        IncidentDraft {
            platform_id: 7,
            kind: IncidentKind::AccountStolen,
            found_at: t("2026-11-20 09:00"),
            found_by: "黄堃".into(),
            description: "公众号后台出现陌生登录，发布了一条广告。".into(),
            reported_at: Some(t("2026-11-20 10:30")),
            reported_to: Office::ALL.to_vec(),
            actions_taken: "修改密码，删除广告，开启登录保护。".into(),
            closed_at: Some(t("2026-11-21 17:00")),
        }
    }

    #[test]
    fn validation_table() {
        use IncidentProblem::*;
        let now = t("2026-11-26 12:00");
        type Change = Box<dyn Fn(&mut IncidentDraft)>;
        let cases: Vec<(&str, Change, Vec<IncidentProblem>)> = vec![
            ("complete", Box::new(|_| {}), vec![]),
            (
                "open, unreported",
                Box::new(|d| {
                    d.reported_at = None;
                    d.reported_to.clear();
                    d.closed_at = None;
                    d.actions_taken.clear();
                }),
                vec![],
            ),
            (
                "no description",
                Box::new(|d| d.description = "  ".into()),
                vec![MissingDescription],
            ),
            (
                "found in the future",
                Box::new(|d| {
                    d.found_at = t("2026-11-27 08:00");
                    d.reported_at = None;
                    d.reported_to.clear();
                    d.closed_at = None;
                }),
                vec![InFuture(IncidentTimeField::Found)],
            ),
            (
                "reported in the future",
                Box::new(|d| d.reported_at = Some(t("2026-11-26 12:01"))),
                vec![InFuture(IncidentTimeField::Reported)],
            ),
            (
                "closed in the future",
                Box::new(|d| d.closed_at = Some(t("2026-12-01 00:00"))),
                vec![InFuture(IncidentTimeField::Closed)],
            ),
            (
                "reported before found",
                Box::new(|d| d.reported_at = Some(t("2026-11-20 08:59"))),
                vec![ReportedBeforeFound],
            ),
            (
                "closed before found",
                Box::new(|d| {
                    d.closed_at = Some(t("2026-11-19 17:00"));
                }),
                vec![ClosedBeforeFound],
            ),
            (
                "reported to nobody",
                Box::new(|d| d.reported_to.clear()),
                vec![ReportedToNobody],
            ),
            (
                "offices without a time",
                Box::new(|d| {
                    d.reported_at = None;
                    d.closed_at = None;
                }),
                vec![RecipientsWithoutTime],
            ),
            (
                "closed unreported, nothing done",
                Box::new(|d| {
                    d.reported_at = None;
                    d.reported_to.clear();
                    d.actions_taken = String::new();
                }),
                vec![ClosedUnreported, ClosedWithoutActions],
            ),
            (
                "huge description",
                Box::new(|d| d.description = "长".repeat(MAX_INCIDENT_TEXT_CHARS + 1)),
                vec![TextTooLong(IncidentTextField::Description)],
            ),
        ];
        for (why, change, expected) in cases {
            let mut d = draft();
            change(&mut d);
            assert_eq!(validate_incident(&d, now), expected, "{why}");
        }
    }

    #[test]
    fn twenty_four_hours_to_report() {
        let now = t("2026-11-26 12:00");
        let deadline = t("2026-11-21 09:00");
        let cases = [
            (Some("2026-11-20 10:30"), ReportStatus::OnTime { deadline }),
            (Some("2026-11-21 09:00"), ReportStatus::OnTime { deadline }),
            (
                Some("2026-11-21 09:01"),
                ReportStatus::Late {
                    deadline,
                    minutes_late: 1,
                },
            ),
            (
                Some("2026-11-23 09:00"),
                ReportStatus::Late {
                    deadline,
                    minutes_late: 2 * 24 * 60,
                },
            ),
            (
                None,
                ReportStatus::Unreported {
                    deadline,
                    overdue: true,
                },
            ),
        ];
        for (reported, expected) in cases {
            let mut d = draft();
            d.reported_at = reported.map(t);
            assert_eq!(report_status(&d, 24, now), expected, "{reported:?}");
            assert_eq!(report_status(&d, 24, now).deadline(), deadline);
        }
        let mut d = draft();
        d.reported_at = None;
        assert_eq!(
            report_status(&d, 24, t("2026-11-21 09:00")),
            ReportStatus::Unreported {
                deadline,
                overdue: false
            }
        );
        assert_eq!(
            report_status(&d, 4, t("2026-11-20 12:00")),
            ReportStatus::Unreported {
                deadline: t("2026-11-20 13:00"),
                overdue: false
            }
        );
    }

    #[test]
    fn offices_and_codes() {
        let mut d = draft();
        assert!(missing_offices(&d).is_empty());
        d.reported_to = vec![Office::NewsCenter];
        assert_eq!(
            missing_offices(&d),
            [Office::PropagandaDept, Office::ItCenter]
        );
        for k in IncidentKind::ALL {
            assert_eq!(IncidentKind::from_code(k.code()), Some(k));
        }
        for o in Office::ALL {
            assert_eq!(Office::from_code(o.code()), Some(o));
        }
        assert_eq!(IncidentKind::BadContent.article(), Article::BadContent);
        assert_eq!(
            IncidentKind::Vulnerability.article(),
            Article::SecurityIncident
        );
    }
}
