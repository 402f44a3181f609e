//! 第六条四, the inactivity ladder: a platform silent for more than 2 months gets a
//! rectification notice (整改通知); still silent 1 month after it, a public notice (公开通报);
//! still silent 1 month after that, the school shuts it down (关停决定).
//!
//! The ladder is a pure function of the platform's last update, the notices the school issued
//! and today. An update closes the episode: notices dated on or before the last update belong
//! to a finished episode, stay in the records and no longer count, and the ladder starts again
//! from the update. Each step counts from the date the previous notice was actually issued, so a
//! notice issued late or early moves the next step with it (「收到整改通知1个月后」).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::article::Article;
use super::settings::LadderSettings;
use crate::domain::platform::PlatformStatus;

/// The school's three documents of the ladder, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// 整改通知书.
    Rectification,
    /// 公开通报.
    PublicNotice,
    /// 关停决定.
    ShutdownDecision,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 3] = [
        Self::Rectification,
        Self::PublicNotice,
        Self::ShutdownDecision,
    ];

    /// The step that must come before this one in the same episode.
    pub fn previous(self) -> Option<NoticeKind> {
        match self {
            Self::Rectification => None,
            Self::PublicNotice => Some(Self::Rectification),
            Self::ShutdownDecision => Some(Self::PublicNotice),
        }
    }

    pub fn next(self) -> Option<NoticeKind> {
        match self {
            Self::Rectification => Some(Self::PublicNotice),
            Self::PublicNotice => Some(Self::ShutdownDecision),
            Self::ShutdownDecision => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Rectification => "rectification",
            Self::PublicNotice => "public_notice",
            Self::ShutdownDecision => "shutdown_decision",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A notice as recorded: what the ladder needs of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct IssuedNotice {
    pub kind: NoticeKind,
    pub issued_on: NaiveDate,
}

/// What the ladder reads about one platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LadderFacts<'a> {
    /// 创建时间: a platform that never published is silent since it was created.
    pub created_on: NaiveDate,
    /// The latest update, from MediaDesk's own posts and from updates recorded by hand.
    pub last_update: Option<NaiveDate>,
    /// Every notice ever issued for the platform, in any order; old episodes included.
    pub notices: &'a [IssuedNotice],
}

/// Where a platform stands on the ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rung {
    /// 正常: updated recently enough; no notice pending.
    Normal,
    /// 应发整改通知: silent more than the threshold, no notice yet.
    RectificationDue,
    /// 整改期内: the rectification notice is out, its month not over.
    Rectifying,
    /// 应公开通报: still silent a month after the rectification notice.
    PublicNoticeDue,
    /// 通报期内: publicly notified, the month not over.
    PubliclyNotified,
    /// 应关停: still silent a month after the public notice.
    ShutdownDue,
    /// 已决定关停: the shutdown decision is issued.
    ShutDown,
}

impl Rung {
    /// A notice is due today: the school should act.
    pub fn is_due(self) -> bool {
        matches!(
            self,
            Self::RectificationDue | Self::PublicNoticeDue | Self::ShutdownDue
        )
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Normal => "normal",
            Self::RectificationDue => "rectification_due",
            Self::Rectifying => "rectifying",
            Self::PublicNoticeDue => "public_notice_due",
            Self::PubliclyNotified => "publicly_notified",
            Self::ShutdownDue => "shutdown_due",
            Self::ShutDown => "shut_down",
        }
    }
}

/// The ladder's next step: which notice, counted from when, due from which day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextNotice {
    pub kind: NoticeKind,
    /// The last update (or creation), or the date the previous notice was issued.
    pub counted_from: NaiveDate,
    /// The first day the notice is due: the day after the period ends.
    pub due_on: NaiveDate,
}

impl NextNotice {
    /// 第六条四, for every step.
    pub fn article(&self) -> Article {
        Article::Inactivity
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LadderState {
    pub rung: Rung,
    /// The last update, or the creation date when there was none.
    pub silent_since: NaiveDate,
    pub never_updated: bool,
    /// The furthest notice of the open episode, if any.
    pub reached: Option<IssuedNotice>,
    /// `None` once the shutdown decision is issued.
    pub next: Option<NextNotice>,
}

impl LadderState {
    /// Whole days without an update (0 when the last update is today or later).
    pub fn silent_days(&self, today: NaiveDate) -> i64 {
        (today - self.silent_since).num_days().max(0)
    }
}

/// 第六条四: where the platform stands today.
///
/// Notices dated after `today` are not counted (they are not issued yet as of that day), so
/// `supervise --today` run for a past date answers as it would have then.
pub fn ladder(facts: &LadderFacts<'_>, today: NaiveDate, settings: &LadderSettings) -> LadderState {
    let last_update = facts.last_update.filter(|u| *u > facts.created_on);
    let silent_since = last_update.unwrap_or(facts.created_on);
    let reached = episode_reached(facts.notices, silent_since, today);
    let next = match reached {
        None => Some(NextNotice {
            kind: NoticeKind::Rectification,
            counted_from: silent_since,
            due_on: settings.silence.exceeded_on(silent_since),
        }),
        Some(notice) => notice.kind.next().map(|kind| {
            let period = match kind {
                NoticeKind::PublicNotice => settings.after_rectification,
                _ => settings.after_public_notice,
            };
            NextNotice {
                kind,
                counted_from: notice.issued_on,
                due_on: period.exceeded_on(notice.issued_on),
            }
        }),
    };
    let due = next.is_some_and(|n| n.due_on <= today);
    let rung = match (reached.map(|n| n.kind), due) {
        (None, false) => Rung::Normal,
        (None, true) => Rung::RectificationDue,
        (Some(NoticeKind::Rectification), false) => Rung::Rectifying,
        (Some(NoticeKind::Rectification), true) => Rung::PublicNoticeDue,
        (Some(NoticeKind::PublicNotice), false) => Rung::PubliclyNotified,
        (Some(NoticeKind::PublicNotice), true) => Rung::ShutdownDue,
        (Some(NoticeKind::ShutdownDecision), _) => Rung::ShutDown,
    };
    LadderState {
        rung,
        silent_since,
        never_updated: last_update.is_none(),
        reached,
        next,
    }
}

/// The furthest notice of the episode that began at `silent_since`: issued after it, not after
/// `today`. Of several notices of that kind (a notice reissued), the latest counts, since the
/// unit's month runs from the notice it received last.
fn episode_reached(
    notices: &[IssuedNotice],
    silent_since: NaiveDate,
    today: NaiveDate,
) -> Option<IssuedNotice> {
    notices
        .iter()
        .filter(|n| n.issued_on > silent_since && n.issued_on <= today)
        .max_by_key(|n| (n.kind, n.issued_on))
        .copied()
}

/// The last day the unit may still update after `kind` was issued on `issued_on` before the
/// next step is due (what a notice prints as its deadline); `None` after the shutdown decision.
pub fn update_deadline(
    kind: NoticeKind,
    issued_on: NaiveDate,
    settings: &LadderSettings,
) -> Option<NaiveDate> {
    match kind {
        NoticeKind::Rectification => Some(settings.after_rectification.after(issued_on)),
        NoticeKind::PublicNotice => Some(settings.after_public_notice.after(issued_on)),
        NoticeKind::ShutdownDecision => None,
    }
}

/// How a notice about to be issued compares with the day the ladder made it due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "timing")]
pub enum NoticeTiming {
    OnTime,
    /// Before the ladder made it due (a school acting on a shorter rule); the window asks
    /// for confirmation.
    Early {
        due_on: NaiveDate,
    },
    /// After it was due; the next step still counts from the real date.
    Late {
        due_on: NaiveDate,
    },
}

/// Why a notice cannot be recorded as issued on that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NoticeError {
    /// The platform is closed or shut down.
    PlatformInactive(PlatformStatus),
    InFuture(NaiveDate),
    BeforeCreation {
        on: NaiveDate,
        created_on: NaiveDate,
    },
    /// The platform was updated on or after the notice's date: there is no silence to notify.
    UpdatedSince {
        on: NaiveDate,
        last_update: NaiveDate,
    },
    /// The step before is missing from this episode (a public notice without a rectification
    /// notice, a shutdown without a public notice), or was issued only on that same day.
    MissingStep {
        kind: NoticeKind,
        needed: NoticeKind,
    },
    /// This episode already reached this step or a later one.
    AlreadyReached {
        kind: NoticeKind,
        reached: IssuedNotice,
    },
}

/// 第六条四: whether `kind` may be recorded as issued on `on`, and whether that is on time.
///
/// Early notices are allowed (the ladder then counts from them); out-of-order ones are not.
/// Who may issue (the school-level role) is `permissions`' question, not this one.
pub fn check_notice(
    facts: &LadderFacts<'_>,
    status: PlatformStatus,
    kind: NoticeKind,
    on: NaiveDate,
    today: NaiveDate,
    settings: &LadderSettings,
) -> Result<NoticeTiming, NoticeError> {
    if matches!(status, PlatformStatus::Closed | PlatformStatus::ShutDown) {
        return Err(NoticeError::PlatformInactive(status));
    }
    if on > today {
        return Err(NoticeError::InFuture(on));
    }
    if on < facts.created_on {
        return Err(NoticeError::BeforeCreation {
            on,
            created_on: facts.created_on,
        });
    }
    if let Some(last_update) = facts.last_update
        && last_update >= on
    {
        return Err(NoticeError::UpdatedSince { on, last_update });
    }
    let silent_since = facts
        .last_update
        .filter(|u| *u > facts.created_on)
        .unwrap_or(facts.created_on);
    let episode: Vec<&IssuedNotice> = facts
        .notices
        .iter()
        .filter(|n| n.issued_on > silent_since)
        .collect();
    if let Some(reached) = episode
        .iter()
        .filter(|n| n.kind >= kind)
        .max_by_key(|n| (n.kind, n.issued_on))
    {
        return Err(NoticeError::AlreadyReached {
            kind,
            reached: **reached,
        });
    }
    if let Some(needed) = kind.previous()
        && !episode.iter().any(|n| n.kind == needed && n.issued_on < on)
    {
        return Err(NoticeError::MissingStep { kind, needed });
    }
    // The ladder as it stood the day before: its next step is this notice.
    let day_before = on.pred_opt().unwrap_or(on);
    let due_on = ladder(facts, day_before, settings)
        .next
        .filter(|n| n.kind == kind)
        .map_or(on, |n| n.due_on);
    Ok(match on.cmp(&due_on) {
        std::cmp::Ordering::Less => NoticeTiming::Early { due_on },
        std::cmp::Ordering::Equal => NoticeTiming::OnTime,
        std::cmp::Ordering::Greater => NoticeTiming::Late { due_on },
    })
}

#[cfg(test)]
#[path = "ladder_tests.rs"]
mod tests;
