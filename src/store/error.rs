//! What can go wrong with the database. Each variant says what happened — the file, a stale
//! edit, a missing row, input refused, a clash with what is stored, a write the actor may not
//! do — and domain errors come wrapped as they are. The wording is in `text::store`.

use std::path::PathBuf;

use crate::domain::auth::AuthError;
use crate::domain::calendar::CalendarError;
use crate::domain::filing::FilingStepError;
use crate::domain::lifecycle::LifecycleError;
use crate::domain::permissions::Refusal;
use crate::domain::platform::PlatformStatus;
use crate::domain::screening::ScreeningError;
use crate::domain::supervision::{
    CsvImportError, IncidentProblem, NoticeError, SettingsProblem, TrainingProblem, UpdateProblem,
};
use crate::domain::validation::FieldError;
use crate::domain::workflow::{PostState, WorkflowError};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file is not an SQLite database.
    NotADatabase {
        path: PathBuf,
    },
    /// The database was written by a newer MediaDesk.
    /// 第八条一: a publication time that cannot be true.
    PublishTime(#[from] crate::domain::publish_time::PublishTimeProblem),
    /// A copy's target already holds data; nothing was copied.
    TargetNotEmpty {
        place: PathBuf,
    },
    /// After a copy the target's counts or audit chain differ from the source's.
    CopyMismatch {
        source_counts: Vec<(&'static str, i64)>,
        target_counts: Vec<(&'static str, i64)>,
    },
    /// The school's server could not be reached or refused us.
    Server(#[from] super::db::server::ServerError),
    NewerVersion {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The path is a symbolic link whose target does not exist.
    DanglingLink {
        path: PathBuf,
    },
    /// Another MediaDesk has the database open.
    Locked {
        path: PathBuf,
    },
    /// The folder or file cannot be written.
    Unwritable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The row changed since the form was opened.
    Stale {
        what: Entity,
    },
    NotFound {
        what: Entity,
        id: i64,
    },
    /// Fields that break the rules, each with its message.
    Invalid(Vec<FieldError>),
    /// Input refused for a reason that is no single field's.
    Rejected(Rejection),
    /// The write clashes with what is stored.
    Conflict(Conflict),
    /// The actor may not do this (`domain::permissions`).
    Forbidden(#[from] Refusal),
    Database(#[from] super::db::Error),
    /// Stored content that cannot be read back: where it is and what was found, for whoever
    /// repairs the file (`table.column = value`).
    Corrupt(String),
    Auth(#[from] AuthError),
    /// An account's signing key could not be made, opened or sealed again.
    Signing(crate::domain::signing::SigningError),
    WrongPassword,
    /// Changing one's own password: the current password typed is not the right one.
    WrongCurrentPassword,
    SignInThrottled {
        seconds: u64,
    },
    UserInactive,
    /// A command-line session that cannot be resumed (`store::sessions`).
    CliSession(super::sessions::CliSessionRefusal),
    Workflow(#[from] WorkflowError),
    Filing(#[from] FilingStepError),
    Lifecycle(#[from] LifecycleError),
    Calendar(#[from] CalendarError),
    Screening(#[from] ScreeningError),
    /// Submission refused while screening blocks (第六条五).
    ScreeningBlocks {
        count: usize,
        first: String,
    },
    /// An attachment refused by the checks of 第八条二.
    Attachment(AttachmentRefusal),
    /// An attachment whose bytes no longer match the SHA-256 kept when it was added.
    AttachmentChanged {
        id: i64,
    },
    /// A supervision record its rule refuses (`domain::supervision`).
    Supervision(SupervisionRefusal),
    /// A write that did not ask `domain::permissions` before writing: a bug, rolled back.
    Unchecked,
}

/// A supervision record refused by its rule, with every problem found (第五条, 第六条二/四,
/// 第八条一); nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupervisionRefusal {
    /// A hand-recorded update (date, title, link).
    Update(Vec<UpdateProblem>),
    /// A publishing history file, every problem with its row number.
    History(CsvImportError),
    /// A notice the ladder does not allow on that day.
    Notice(NoticeError),
    /// A notice needs its document number (文号).
    NoticeNumberMissing,
    Incident(Vec<IncidentProblem>),
    Training(Vec<TrainingProblem>),
    /// The supervision settings (the ladder's lengths and the other periods).
    Settings(Vec<SettingsProblem>),
}

impl From<SupervisionRefusal> for StoreError {
    fn from(r: SupervisionRefusal) -> Self {
        StoreError::Supervision(r)
    }
}

/// The kind of stored thing an error is about (a missing row, a stale edit, a vanished
/// reference); `text::store` words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    Unit,
    Person,
    Platform,
    PlatformKind,
    /// The unit or the platform kind picked in a platform's form.
    UnitOrKind,
    Filing,
    /// The signed and stamped scan of a filing form.
    Scan,
    Change,
    Post,
    Attachment,
    Account,
    WordList,
    Incident,
    Notice,
    TrainingSession,
}

/// Input refused for a reason that is no single field's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    KindNameEmpty,
    SchoolNameEmpty,
    NoCopyMarks,
    /// The reason for letting a text through is shorter than four characters.
    OverrideReasonTooShort,
    /// Screening blocks nothing: there is nothing to let through.
    NothingToOverride,
    FirstAccountMustBeAdmin,
    /// An account for unit work needs the person it acts as.
    AccountNeedsPerson,
    CannotDisableSelf,
    /// One's own password is changed with the current one, not reset.
    ResetOwnPassword,
    /// Only a draft that was never handed on can be deleted; one with a history is withdrawn.
    OnlyNewDraftsDelete,
    /// Posts are written, reviewed and published by a unit's people, not by a bare account.
    AccountWithoutPerson,
    /// The platform no longer runs (closed or shut down).
    PlatformEnded(PlatformStatus),
    /// A post may move only to another platform of its own unit.
    PostToOtherUnitPlatform,
    /// Demo data goes only into an empty database.
    DatabaseNotEmpty,
    /// Posts can only be generated after platforms.
    NoPlatformsYet,
    ScanTooLarge {
        bytes: usize,
    },
    ScanNotImage {
        file_name: String,
    },
    ChangeAlreadyReported,
    /// A platform whose form cannot be printed (it has ended).
    PlatformCannotBeFiled {
        name: String,
        why: FilingStepError,
    },
    /// A password change must give the current password.
    CurrentPasswordWrong,
    /// An override of a post in a state that needs none.
    OverrideNotNeeded(PostState),
}

/// A write that clashes with what is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    UnitNameTaken(String),
    KindNameTaken(String),
    LoginTaken(String),
    /// The person already has this account.
    PersonHasAccount(String),
    /// The unit still has platforms or people.
    UnitNotEmpty,
    /// Platforms still use the kind.
    KindInUse,
    /// The person still has an account or posts.
    PersonInUse,
    /// A referenced row vanished meanwhile (e.g. the unit picked in a form).
    ReferenceGone(Entity),
}

/// An attachment refused by the checks of 第八条二.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachmentRefusal {
    TooLarge {
        name: String,
        bytes: u64,
    },
    /// The sniffer refused the file (executables, macros, …), with its reasons.
    Refused {
        name: String,
        reasons: Vec<String>,
    },
    /// The text inside the document holds blocking findings.
    TextBlocks {
        name: String,
    },
}

impl From<Rejection> for StoreError {
    fn from(r: Rejection) -> Self {
        Self::Rejected(r)
    }
}

impl From<Conflict> for StoreError {
    fn from(c: Conflict) -> Self {
        Self::Conflict(c)
    }
}

impl StoreError {
    /// Whether this is a refusal of the actor (for the log and the refused-attempt record).
    pub fn is_forbidden(&self) -> bool {
        matches!(self, Self::Forbidden(_))
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Database(e.into())
    }
}
