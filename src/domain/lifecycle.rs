//! The platform lifecycle: which edits must be reported in writing, and which closures and
//! shutdowns are allowed from which state (第四条二, 第四条三). Every transition happens only
//! through these rules, and each one is recorded as an event in the platform's history.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::platform::{AccountType, Administrator, Maintenance, PlatformDraft, PlatformStatus};

/// One changed field of a filed platform as the written change report lists it, in words. It
/// is stored with the change (and printed from there), so old reports keep their words; it
/// is made from a [`Change`] by `text::lifecycle`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub old: String,
    pub new: String,
}

/// A field of the filing form that a change report lists (第四条二 / 附件注2), in the form's
/// order. Labelled in `text::lifecycle`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangedField {
    Unit,
    Kind,
    Name,
    Account,
    AccountType,
    Verified,
    ContentScope,
    CreatedOn,
    ResponsiblePerson,
    ContactMobile,
    Administrators,
    Maintenance,
    ApprovalRef,
}

/// The value of a [`ChangedField`] before or after the change, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeValue {
    /// Free text as typed (names, dates as `YYYY-MM-DD`).
    Text(String),
    AccountType(Option<AccountType>),
    /// 是否认证.
    Verified(bool),
    Administrators(Vec<Administrator>),
    Maintenance(Maintenance),
}

impl ChangeValue {
    /// Whether the report has to list a change from `self` to `other`: text is compared
    /// without its surrounding spaces.
    fn differs_from(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Text(a), Self::Text(b)) => a.trim() != b.trim(),
            (a, b) => a != b,
        }
    }
}

/// One reportable change: the field, old → new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub field: ChangedField,
    pub old: ChangeValue,
    pub new: ChangeValue,
}

/// The fields of a closure or shutdown that must be filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Required {
    /// 停止运营原因.
    ClosureReason,
    /// 已发布内容的处理方式.
    ContentDisposition,
    /// 关停文件的文号.
    ShutdownDocumentNo,
}

/// Why a lifecycle step is refused; worded in `text::lifecycle`. The status in the first
/// three is the platform's (停止运营 or 关停).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    Inactive(PlatformStatus),
    CannotClose(PlatformStatus),
    CannotShutDown(PlatformStatus),
    Missing(Required),
    InFuture(NaiveDate),
    ReportedBeforeChange {
        on: NaiveDate,
        changed_on: NaiveDate,
    },
}

/// What an edit of a platform amounts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditKind {
    /// Not filed yet: the form is not on paper, so nothing needs reporting.
    Free,
    /// Filed, and only notes or the last-update date changed.
    Unreported,
    /// 第四条二 / 附件注2: a filed platform's information changed; report these in writing.
    Reportable(Vec<Change>),
}

/// The status of a platform that has stopped (停止运营 or 关停), or `None` while it runs.
fn inactive(status: PlatformStatus) -> Option<PlatformStatus> {
    matches!(status, PlatformStatus::Closed | PlatformStatus::ShutDown).then_some(status)
}

/// 第四条二: classifies an edit; closed and shut-down platforms cannot be edited at all.
pub fn classify_edit(
    status: PlatformStatus,
    old: &PlatformDraft,
    new: &PlatformDraft,
    names: &dyn Fn(&PlatformDraft) -> (String, String),
) -> Result<EditKind, LifecycleError> {
    if let Some(stopped) = inactive(status) {
        return Err(LifecycleError::Inactive(stopped));
    }
    if status == PlatformStatus::Unfiled {
        return Ok(EditKind::Free);
    }
    let changes = reportable_changes(old, new, names);
    Ok(if changes.is_empty() {
        EditKind::Unreported
    } else {
        EditKind::Reportable(changes)
    })
}

/// The fields the filing form carries, old → new, in the form's order. `names` gives the
/// unit's and the kind's display names of a draft.
pub fn reportable_changes(
    old: &PlatformDraft,
    new: &PlatformDraft,
    names: &dyn Fn(&PlatformDraft) -> (String, String),
) -> Vec<Change> {
    use ChangeValue::Text;
    let (old_unit, old_kind) = names(old);
    let (new_unit, new_kind) = names(new);
    let admins = |d: &PlatformDraft| ChangeValue::Administrators(d.administrators.clone());
    let maintenance = |d: &PlatformDraft| ChangeValue::Maintenance(d.maintenance.clone());
    let pairs = [
        (ChangedField::Unit, Text(old_unit), Text(new_unit)),
        (ChangedField::Kind, Text(old_kind), Text(new_kind)),
        (
            ChangedField::Name,
            Text(old.name.clone()),
            Text(new.name.clone()),
        ),
        (
            ChangedField::Account,
            Text(old.account.clone()),
            Text(new.account.clone()),
        ),
        (
            ChangedField::AccountType,
            ChangeValue::AccountType(old.account_type),
            ChangeValue::AccountType(new.account_type),
        ),
        (
            ChangedField::Verified,
            ChangeValue::Verified(old.verified),
            ChangeValue::Verified(new.verified),
        ),
        (
            ChangedField::ContentScope,
            Text(old.content_scope.clone()),
            Text(new.content_scope.clone()),
        ),
        (
            ChangedField::CreatedOn,
            Text(old.created_on.to_string()),
            Text(new.created_on.to_string()),
        ),
        (
            ChangedField::ResponsiblePerson,
            Text(old.responsible_person.clone()),
            Text(new.responsible_person.clone()),
        ),
        (
            ChangedField::ContactMobile,
            Text(old.contact_mobile.clone()),
            Text(new.contact_mobile.clone()),
        ),
        (ChangedField::Administrators, admins(old), admins(new)),
        (
            ChangedField::Maintenance,
            maintenance(old),
            maintenance(new),
        ),
        (
            ChangedField::ApprovalRef,
            Text(old.approval_ref.clone()),
            Text(new.approval_ref.clone()),
        ),
    ];
    pairs
        .into_iter()
        .filter(|(_, a, b)| a.differs_from(b))
        .map(|(field, old, new)| Change { field, old, new })
        .collect()
}

/// 第四条二: a unit may stop operating any platform that is still running.
pub fn may_close(status: PlatformStatus) -> Result<(), LifecycleError> {
    match inactive(status) {
        Some(stopped) => Err(LifecycleError::CannotClose(stopped)),
        None => Ok(()),
    }
}

/// 第四条三: the school shuts down a running platform (a closed one has already stopped).
pub fn may_shut_down(status: PlatformStatus) -> Result<(), LifecycleError> {
    match inactive(status) {
        Some(stopped) => Err(LifecycleError::CannotShutDown(stopped)),
        None => Ok(()),
    }
}

/// Why the school shuts a platform down, each with its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShutdownReason {
    /// 第四条三: content against the measures or the law.
    Violation,
    /// 第四条三: national or school policy changed.
    PolicyChange,
    /// 第四条三: the unit itself changed.
    UnitChange,
    /// 第六条四: silent a month after the public notice.
    LongSilence,
    /// 第八条二: bad content not handled in time.
    UnhandledBadContent,
}

impl ShutdownReason {
    pub const ALL: [ShutdownReason; 5] = [
        Self::Violation,
        Self::PolicyChange,
        Self::UnitChange,
        Self::LongSilence,
        Self::UnhandledBadContent,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Violation => "violation",
            Self::PolicyChange => "policy_change",
            Self::UnitChange => "unit_change",
            Self::LongSilence => "long_silence",
            Self::UnhandledBadContent => "unhandled_bad_content",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// 停止运营, as the unit reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    pub on: NaiveDate,
    pub reason: String,
    /// What happens to what was published (保留/删除/移交…).
    pub content_disposition: String,
}

/// 关停, as the school decides it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shutdown {
    pub on: NaiveDate,
    pub reason: ShutdownReason,
    pub details: String,
    pub document_no: String,
}

impl Closure {
    pub fn validate(&self, today: NaiveDate) -> Result<(), LifecycleError> {
        if self.on > today {
            return Err(LifecycleError::InFuture(self.on));
        }
        if self.reason.trim().is_empty() {
            return Err(LifecycleError::Missing(Required::ClosureReason));
        }
        if self.content_disposition.trim().is_empty() {
            return Err(LifecycleError::Missing(Required::ContentDisposition));
        }
        Ok(())
    }
}

impl Shutdown {
    pub fn validate(&self, today: NaiveDate) -> Result<(), LifecycleError> {
        if self.on > today {
            return Err(LifecycleError::InFuture(self.on));
        }
        if self.document_no.trim().is_empty() {
            return Err(LifecycleError::Missing(Required::ShutdownDocumentNo));
        }
        Ok(())
    }
}

/// What the history timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Created,
    FilingPrinted,
    FilingSubmitted,
    Filed,
    Changed,
    ChangeReported,
    Closed,
    ShutDown,
    /// 第六条四: the school issued a notice of the inactivity ladder.
    NoticeIssued,
    /// 第八条一: a security incident was recorded.
    IncidentRecorded,
}

impl EventKind {
    pub const ALL: [EventKind; 10] = [
        Self::Created,
        Self::FilingPrinted,
        Self::FilingSubmitted,
        Self::Filed,
        Self::Changed,
        Self::ChangeReported,
        Self::Closed,
        Self::ShutDown,
        Self::NoticeIssued,
        Self::IncidentRecorded,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Created => "created",
            Self::FilingPrinted => "filing_printed",
            Self::FilingSubmitted => "filing_submitted",
            Self::Filed => "filed",
            Self::Changed => "changed",
            Self::ChangeReported => "change_reported",
            Self::Closed => "closed",
            Self::ShutDown => "shut_down",
            Self::NoticeIssued => "notice_issued",
            Self::IncidentRecorded => "incident_recorded",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::platform::Administrator;

    fn draft() -> PlatformDraft {
        PlatformDraft {
            unit_id: 1,
            kind_id: 2,
            name: "文传青年".into(),
            account: "wenchuan".into(),
            account_type: None,
            verified: false,
            verified_until: None,
            content_scope: "新闻".into(),
            created_on: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            responsible_person: "陈思远".into(),
            contact_mobile: "13903710005".into(),
            administrators: vec![Administrator {
                name: "黄堃".into(),
                mobile: "17703710007".into(),
            }],
            maintenance: Maintenance::InHouse,
            approval_ref: String::new(),
            notes: String::new(),
            intranet_only: false,
            last_post_on: None,
        }
    }

    fn names(d: &PlatformDraft) -> (String, String) {
        (format!("单位{}", d.unit_id), format!("平台{}", d.kind_id))
    }

    #[test]
    fn edits_by_state() {
        use PlatformStatus::*;
        let old = draft();
        let mut renamed = draft();
        renamed.name = "文传青年说".into();
        let mut noted = draft();
        noted.notes = "只改备注".into();
        let cases = [
            (Unfiled, &renamed, Ok("free")),
            (Filed, &renamed, Ok("report")),
            (ChangePending, &renamed, Ok("report")),
            (Filed, &noted, Ok("unreported")),
            (Closed, &renamed, Err(LifecycleError::Inactive(Closed))),
            (ShutDown, &noted, Err(LifecycleError::Inactive(ShutDown))),
        ];
        for (status, new, want) in cases {
            let got = classify_edit(status, &old, new, &names).map(|k| match k {
                EditKind::Free => "free",
                EditKind::Unreported => "unreported",
                EditKind::Reportable(_) => "report",
            });
            assert_eq!(got, want, "{status:?}");
        }
    }

    #[test]
    fn changes_list_every_reportable_field_old_to_new() {
        let old = draft();
        let mut new = draft();
        new.unit_id = 3;
        new.name = "新名".into();
        new.administrators.push(Administrator {
            name: "杨梦瑶".into(),
            mobile: "15003710008".into(),
        });
        new.maintenance = Maintenance::Vendor {
            name: "云帆".into(),
        };
        new.last_post_on = NaiveDate::from_ymd_opt(2024, 2, 1);
        let changes: Vec<FieldChange> = reportable_changes(&old, &new, &names)
            .iter()
            .map(Change::worded)
            .collect();
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["创建单位", "账号名称", "管理员", "维护方式"]);
        assert_eq!(changes[1].old, "文传青年");
        assert_eq!(changes[1].new, "新名");
        assert_eq!(changes[2].new, "黄堃 17703710007；杨梦瑶 15003710008");
    }

    #[test]
    fn closures_and_shutdowns_by_state() {
        use PlatformStatus::*;
        for (status, close_ok, shut_ok) in [
            (Unfiled, true, true),
            (Filed, true, true),
            (ChangePending, true, true),
            (Closed, false, false),
            (ShutDown, false, false),
        ] {
            assert_eq!(may_close(status).is_ok(), close_ok, "{status:?}");
            assert_eq!(may_shut_down(status).is_ok(), shut_ok, "{status:?}");
        }
    }

    #[test]
    fn closure_and_shutdown_details_are_required() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let mut c = Closure {
            on: today,
            reason: "合并到学院主账号".into(),
            content_disposition: "保留历史内容".into(),
        };
        assert!(c.validate(today).is_ok());
        c.content_disposition = " ".into();
        assert_eq!(
            c.validate(today),
            Err(LifecycleError::Missing(Required::ContentDisposition))
        );
        let s = Shutdown {
            on: today.succ_opt().unwrap(),
            reason: ShutdownReason::LongSilence,
            details: String::new(),
            document_no: "校宣〔2026〕3号".into(),
        };
        assert!(matches!(
            s.validate(today),
            Err(LifecycleError::InFuture(_))
        ));
        for r in ShutdownReason::ALL {
            assert_eq!(ShutdownReason::from_code(r.code()), Some(r));
            assert!(r.label().contains('条'));
        }
    }
}
