//! The values printed on the supervision documents — the school's 整改通知书, 通报 and 关停决定
//! (第六条四) and a unit's 安全事件报告 (第八条一) — as plain owned values free of database types,
//! so the store, the window and the CLI can all fill them. The school's name comes from
//! [`super::FormSettings`], as for every other document. Blank strings print as empty space.
//!
//! The rules' own values go in as the domain holds them (the ladder's [`LadderSettings`], the
//! recorded [`IncidentDraft`]): deadlines, the article cited and the late-report mark are worked
//! out here by the domain's functions, so a document cannot disagree with the due list.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::platform::{Platform, PlatformKind};
use crate::domain::supervision::{
    IncidentDraft, LadderSettings, NoticeKind, ReportStatus, report_status, update_deadline,
};

/// The platform a ladder document is about, and its silence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticedPlatform {
    /// The unit that runs it: the addressee, or the unit named in a 通报.
    pub unit_name: String,
    /// 媒体平台 (微信公众号, 网站 …).
    pub kind: String,
    /// 账号名称.
    pub name: String,
    /// 账号/网址; blank leaves the bracket out.
    pub account: String,
    /// 创建时间: a platform that never published is silent since then.
    pub created_on: NaiveDate,
    /// The last update (`LadderState::silent_since` when there was one); `None` when it never
    /// published.
    pub last_update: Option<NaiveDate>,
}

impl NoticedPlatform {
    /// The platform as the registry holds it, with its unit's name and last update.
    pub fn from_platform(
        platform: &Platform,
        unit_name: &str,
        kind: &PlatformKind,
        last_update: Option<NaiveDate>,
    ) -> Self {
        let d = &platform.draft;
        Self {
            unit_name: unit_name.to_owned(),
            kind: kind.name.clone(),
            name: d.name.clone(),
            account: d.account.clone(),
            created_on: d.created_on,
            last_update,
        }
    }

    fn printed_values(&self) -> [&str; 4] {
        [&self.unit_name, &self.kind, &self.name, &self.account]
    }
}

/// An earlier document of the same episode, cited by its date and number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitedNotice {
    pub issued_on: NaiveDate,
    /// 文号; blank prints none.
    pub document_no: String,
}

/// 第六条四 step 1: 整改通知书, to the unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RectificationNoticeData {
    /// 文号, e.g. 校宣〔2026〕12号; blank leaves the line out.
    pub document_no: String,
    pub platform: NoticedPlatform,
    /// 发文日期; the unit's month to update runs from it.
    pub issued_on: NaiveDate,
    /// The school's ladder: the silence that triggered the notice and the steps that follow.
    pub ladder: LadderSettings,
    /// Anything the school adds; a line break starts a new paragraph. Blank adds nothing.
    pub body: String,
    /// The audit chain's head when printed, at the foot of every page (none: no line).
    #[serde(default)]
    pub audit_anchor: Option<super::AuditAnchor>,
}

impl RectificationNoticeData {
    /// The last day the unit may update before the public notice is due.
    pub fn update_by(&self) -> NaiveDate {
        update_deadline(NoticeKind::Rectification, self.issued_on, &self.ladder)
            .unwrap_or(self.issued_on)
    }

    /// Every value printed, for [`super::unprintable_chars_of`].
    pub fn printed_values(&self) -> Vec<&str> {
        let mut v = self.platform.printed_values().to_vec();
        v.extend([self.document_no.as_str(), &self.body]);
        v
    }
}

/// 第六条四 step 2: 通报, to every unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicNoticeData {
    pub document_no: String,
    pub platform: NoticedPlatform,
    /// The rectification notice it follows; `None` leaves the sentence citing it out.
    pub rectification: Option<CitedNotice>,
    pub issued_on: NaiveDate,
    pub ladder: LadderSettings,
    pub body: String,
    /// The audit chain's head when printed, at the foot of every page (none: no line).
    #[serde(default)]
    pub audit_anchor: Option<super::AuditAnchor>,
}

impl PublicNoticeData {
    /// The last day the unit may update before the shutdown is due.
    pub fn update_by(&self) -> NaiveDate {
        update_deadline(NoticeKind::PublicNotice, self.issued_on, &self.ladder)
            .unwrap_or(self.issued_on)
    }

    /// Every value printed, for [`super::unprintable_chars_of`].
    pub fn printed_values(&self) -> Vec<&str> {
        let mut v = self.platform.printed_values().to_vec();
        v.extend([self.document_no.as_str(), &self.body]);
        v.extend(self.rectification.iter().map(|c| c.document_no.as_str()));
        v
    }
}

/// 第六条四 step 3: 关停决定, to the unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShutdownDecisionData {
    pub document_no: String,
    pub platform: NoticedPlatform,
    pub rectification: Option<CitedNotice>,
    pub public_notice: Option<CitedNotice>,
    /// The day the shutdown takes effect, also the document's date.
    pub decided_on: NaiveDate,
    pub body: String,
    /// The audit chain's head when printed, at the foot of every page (none: no line).
    #[serde(default)]
    pub audit_anchor: Option<super::AuditAnchor>,
}

impl ShutdownDecisionData {
    /// Every value printed, for [`super::unprintable_chars_of`].
    pub fn printed_values(&self) -> Vec<&str> {
        let mut v = self.platform.printed_values().to_vec();
        v.extend([self.document_no.as_str(), &self.body]);
        v.extend(
            [&self.rectification, &self.public_notice]
                .into_iter()
                .flatten()
                .map(|c| c.document_no.as_str()),
        );
        v
    }
}

/// 第八条一: a unit's written report of a security incident to the three offices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentReportData {
    /// The unit's own number, if it uses one; blank leaves the line out.
    pub document_no: String,
    pub unit_name: String,
    pub platform_kind: String,
    pub platform_name: String,
    pub account: String,
    /// The incident as recorded: kind, found at and by, what happened, reported to whom and
    /// when (no time: blank, to fill in by hand), actions, closed at (none: 「尚在处置中」).
    pub incident: IncidentDraft,
    /// `SupervisionSettings::incident_report_hours`: a report later than this is marked late.
    pub report_hours: u32,
    /// The audit chain's head when printed, at the foot of every page (none: no line).
    #[serde(default)]
    pub audit_anchor: Option<super::AuditAnchor>,
}

impl IncidentReportData {
    /// 第八条一 「立即报告」: whether the recorded report came more than `report_hours` after
    /// discovery (an incident not reported yet is not late on paper: this paper is the report).
    pub fn reported_late(&self) -> bool {
        matches!(
            report_status(&self.incident, self.report_hours, self.incident.found_at),
            ReportStatus::Late { .. }
        )
    }

    /// Every value printed, for [`super::unprintable_chars_of`].
    pub fn printed_values(&self) -> Vec<&str> {
        vec![
            &self.document_no,
            &self.unit_name,
            &self.platform_kind,
            &self.platform_name,
            &self.account,
            &self.incident.found_by,
            &self.incident.description,
            &self.incident.actions_taken,
        ]
    }
}
