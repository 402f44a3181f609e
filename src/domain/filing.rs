//! Filing records (备案): each printed form is one record that the secretary moves from
//! 待签章 (printed, awaiting signatures and stamps) to 已报送 (handed in to the news center
//! and the propaganda department) to 已备案 (archived, with its archive number). 第四条一.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::platform::PlatformStatus;

/// 初次备案 (第四条一) or the annual review 年审 (the appendix form's title).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingKind {
    Initial,
    Annual,
}

impl FilingKind {
    pub fn code(self) -> &'static str {
        match self {
            Self::Initial => "initial",
            Self::Annual => "annual",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Initial, Self::Annual]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingState {
    /// 待签章: printed; the unit head signs and stamps it.
    AwaitingSignature,
    /// 已报送: handed in to the news center and the propaganda department.
    Submitted,
    /// 已备案: archived by the news center with an archive number.
    Archived,
}

impl FilingState {
    pub const ALL: [FilingState; 3] = [Self::AwaitingSignature, Self::Submitted, Self::Archived];

    pub fn code(self) -> &'static str {
        match self {
            Self::AwaitingSignature => "awaiting_signature",
            Self::Submitted => "submitted",
            Self::Archived => "archived",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filing {
    pub id: i64,
    pub platform_id: i64,
    pub kind: FilingKind,
    pub printed_on: NaiveDate,
    pub state: FilingState,
    pub submitted_on: Option<NaiveDate>,
    pub archived_on: Option<NaiveDate>,
    pub archive_no: String,
    pub has_scan: bool,
    pub version: i64,
}

/// What the secretary does to a filing record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilingStep {
    /// 报送: the signed form was handed in on this date.
    Submit { on: NaiveDate },
    /// 归档: the news center archived it on this date under this number.
    Archive { on: NaiveDate, archive_no: String },
}

/// Why a step of a filing record is refused; worded in `text::registry`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilingStepError {
    NotAwaitingSignature(FilingState),
    NotSubmitted(FilingState),
    /// The date is before the record's earlier date `what`.
    TooEarly {
        on: NaiveDate,
        what: EarlierDate,
        earlier: NaiveDate,
    },
    InFuture(NaiveDate),
    MissingArchiveNo,
    /// The platform has stopped (停止运营 or 关停).
    PlatformInactive(PlatformStatus),
}

/// The earlier date of a filing record that a later step's date may not precede.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EarlierDate {
    /// 打印日期.
    Printed,
    /// 报送日期.
    Submitted,
}

/// Applies `step` to `filing`, refusing every move the paper trail does not allow.
pub fn apply_step(
    filing: &Filing,
    step: &FilingStep,
    today: NaiveDate,
) -> Result<Filing, FilingStepError> {
    let mut next = filing.clone();
    match step {
        FilingStep::Submit { on } => {
            if filing.state != FilingState::AwaitingSignature {
                return Err(FilingStepError::NotAwaitingSignature(filing.state));
            }
            check_date(*on, filing.printed_on, EarlierDate::Printed, today)?;
            next.state = FilingState::Submitted;
            next.submitted_on = Some(*on);
        }
        FilingStep::Archive { on, archive_no } => {
            if filing.state != FilingState::Submitted {
                return Err(FilingStepError::NotSubmitted(filing.state));
            }
            let submitted = filing.submitted_on.unwrap_or(filing.printed_on);
            check_date(*on, submitted, EarlierDate::Submitted, today)?;
            if archive_no.trim().is_empty() {
                return Err(FilingStepError::MissingArchiveNo);
            }
            next.state = FilingState::Archived;
            next.archived_on = Some(*on);
            next.archive_no = archive_no.trim().to_owned();
        }
    }
    Ok(next)
}

fn check_date(
    on: NaiveDate,
    earlier: NaiveDate,
    what: EarlierDate,
    today: NaiveDate,
) -> Result<(), FilingStepError> {
    if on > today {
        return Err(FilingStepError::InFuture(on));
    }
    if on < earlier {
        return Err(FilingStepError::TooEarly { on, what, earlier });
    }
    Ok(())
}

/// 第四条一 / 第四条二: closed and shut-down platforms are no longer filed.
pub fn may_print_filing(status: PlatformStatus) -> Result<(), FilingStepError> {
    match status {
        PlatformStatus::Closed | PlatformStatus::ShutDown => {
            Err(FilingStepError::PlatformInactive(status))
        }
        _ => Ok(()),
    }
}

/// Where an archived initial filing leaves the platform: 未备案 becomes 已备案; other
/// states are not changed by filing (a pending change has its own written report).
pub fn status_after_archive(status: PlatformStatus, kind: FilingKind) -> PlatformStatus {
    match (status, kind) {
        (PlatformStatus::Unfiled, _) => PlatformStatus::Filed,
        (other, _) => other,
    }
}

/// The type of a signed-form scan, from its bytes (not its name): PDF, JPEG or PNG.
pub fn scan_media_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn filing(state: FilingState) -> Filing {
        Filing {
            id: 1,
            platform_id: 1,
            kind: FilingKind::Initial,
            printed_on: d("2026-11-20"),
            state,
            submitted_on: (state != FilingState::AwaitingSignature).then(|| d("2026-11-21")),
            archived_on: None,
            archive_no: String::new(),
            has_scan: false,
            version: 1,
        }
    }

    #[test]
    fn legal_and_illegal_steps() {
        use FilingState::*;
        let today = d("2026-11-26");
        let submit = |on: &str| FilingStep::Submit { on: d(on) };
        let archive = |on: &str, no: &str| FilingStep::Archive {
            on: d(on),
            archive_no: no.into(),
        };
        let cases: Vec<(
            FilingState,
            FilingStep,
            Result<FilingState, FilingStepError>,
        )> = vec![
            (AwaitingSignature, submit("2026-11-21"), Ok(Submitted)),
            (AwaitingSignature, submit("2026-11-20"), Ok(Submitted)),
            (
                AwaitingSignature,
                submit("2026-11-19"),
                Err(FilingStepError::TooEarly {
                    on: d("2026-11-19"),
                    what: EarlierDate::Printed,
                    earlier: d("2026-11-20"),
                }),
            ),
            (
                AwaitingSignature,
                submit("2026-11-27"),
                Err(FilingStepError::InFuture(d("2026-11-27"))),
            ),
            (
                Submitted,
                submit("2026-11-22"),
                Err(FilingStepError::NotAwaitingSignature(Submitted)),
            ),
            (
                Archived,
                submit("2026-11-22"),
                Err(FilingStepError::NotAwaitingSignature(Archived)),
            ),
            (
                Submitted,
                archive("2026-11-25", "XW-2026-031"),
                Ok(Archived),
            ),
            (
                Submitted,
                archive("2026-11-25", "  "),
                Err(FilingStepError::MissingArchiveNo),
            ),
            (
                AwaitingSignature,
                archive("2026-11-25", "XW-1"),
                Err(FilingStepError::NotSubmitted(AwaitingSignature)),
            ),
            (
                Archived,
                archive("2026-11-25", "XW-1"),
                Err(FilingStepError::NotSubmitted(Archived)),
            ),
            (
                Submitted,
                archive("2026-11-20", "XW-1"),
                Err(FilingStepError::TooEarly {
                    on: d("2026-11-20"),
                    what: EarlierDate::Submitted,
                    earlier: d("2026-11-21"),
                }),
            ),
        ];
        for (from, step, want) in cases {
            let got = apply_step(&filing(from), &step, today).map(|f| f.state);
            assert_eq!(got, want, "{from:?} {step:?}");
        }
        let archived =
            apply_step(&filing(Submitted), &archive("2026-11-25", " XW-9 "), today).unwrap();
        assert_eq!(archived.archive_no, "XW-9");
        assert_eq!(archived.archived_on, Some(d("2026-11-25")));
    }

    #[test]
    fn inactive_platforms_are_not_filed() {
        assert!(may_print_filing(PlatformStatus::Unfiled).is_ok());
        assert!(may_print_filing(PlatformStatus::ChangePending).is_ok());
        assert!(may_print_filing(PlatformStatus::Closed).is_err());
        assert!(may_print_filing(PlatformStatus::ShutDown).is_err());
        assert_eq!(
            status_after_archive(PlatformStatus::Unfiled, FilingKind::Initial),
            PlatformStatus::Filed
        );
        assert_eq!(
            status_after_archive(PlatformStatus::ChangePending, FilingKind::Annual),
            PlatformStatus::ChangePending
        );
    }

    #[test]
    fn scans_are_recognised_by_their_bytes() {
        assert_eq!(scan_media_type(b"%PDF-1.7 ..."), Some("application/pdf"));
        assert_eq!(
            scan_media_type(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some("image/jpeg")
        );
        assert_eq!(scan_media_type(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(scan_media_type(b"MZ\x90\x00"), None);
        assert_eq!(scan_media_type(b""), None);
    }
}
