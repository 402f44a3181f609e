//! Supervision (督查): what the school checks and what is due today, as pure rules.
//!
//! - [`period`]: months (clamped to month ends) or days, and when a period "has passed".
//! - [`settings`]: the school's thresholds ([`SupervisionSettings`], JSON with defaults).
//! - [`ladder`]: 第六条四's inactivity ladder, 整改通知 → 公开通报 → 关停决定, and the checks
//!   before a notice is recorded.
//! - [`party_building`]: 第六条二's 党建专栏 and its cadence.
//! - [`training`]: 第五条's sessions, attendance, and staff untrained for a year.
//! - [`incident`]: 第八条一/二's security incidents and the 24-hour report.
//! - [`annual_review`], [`verification`]: the 年审 season and the 认证 end date.
//! - [`updates`], [`dates`], [`history_csv`]: updates recorded by hand and imported from CSV.
//! - [`due`], [`collect`], [`summary`]: one [`DueItem`] type, the merged list sorted by
//!   urgency, and the per-unit traffic lights.
//! - [`article`]: the articles cited.
//!
//! Wording: `crate::text::supervision`.

pub mod annual_review;
pub mod article;
pub mod collect;
pub mod dates;
pub mod due;
pub mod history_csv;
pub mod incident;
pub mod ladder;
pub mod party_building;
pub mod period;
pub mod settings;
pub mod summary;
pub mod training;
pub mod updates;
pub mod verification;

pub use annual_review::{AnnualReviewStatus, ReviewSeason, annual_review_status};
pub use article::Article;
pub use collect::{
    PendingChange, PlatformFacts, StaffMember, SupervisionInput, due_items, platform_due_items,
};
pub use dates::{DateStyle, parse_date_any};
pub use due::{DueItem, DueKind, Light, PersonRef, PlatformRef, UnitRef, Urgency, sort_by_urgency};
pub use history_csv::{CsvImportError, CsvProblem, CsvProblemKind, HistoryRow, parse_history_csv};
pub use incident::{
    Incident, IncidentDraft, IncidentKind, IncidentProblem, Office, ReportStatus, missing_offices,
    report_status, validate_incident,
};
pub use ladder::{
    IssuedNotice, LadderFacts, LadderState, NextNotice, NoticeError, NoticeKind, NoticeTiming,
    Rung, check_notice, ladder, update_deadline,
};
pub use party_building::{PartyBuildingFacts, PartyBuildingStatus, party_building_status};
pub use period::Period;
pub use settings::{LadderSettings, SettingField, SettingsProblem, SupervisionSettings};
pub use summary::{UnitSummary, platform_lights, unit_summaries};
pub use training::{
    Attendance, TrainingProblem, TrainingSession, TrainingSessionDraft, TrainingStatus,
    check_attendance, last_training_by_person, training_status, validate_session,
};
pub use updates::{UpdateDraft, UpdateProblem, validate_update};
pub use verification::{VerificationStatus, verification_status};
