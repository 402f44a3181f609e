//! The list of due actions: every supervision rule applied to every platform, incident and
//! staff member, merged into one list sorted by urgency ([`sort_by_urgency`]). The inputs are
//! plain facts the store gathers with a few aggregate queries (last update per platform, last
//! 党建 post, last training per person …); nothing here reads a database.

use std::collections::HashMap;

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::annual_review::{AnnualReviewStatus, annual_review_status};
use super::article::Article;
use super::due::{DueItem, DueKind, PersonRef, PlatformRef, UnitRef, Urgency, sort_by_urgency};
use super::incident::{Incident, ReportStatus, report_status};
use super::ladder::{IssuedNotice, LadderFacts, NoticeKind, Rung, ladder};
use super::party_building::{PartyBuildingFacts, PartyBuildingStatus, party_building_status};
use super::settings::SupervisionSettings;
use super::training::{TrainingStatus, training_status};
use super::verification::{VerificationStatus, verification_status};
use crate::domain::calendar::{UnknownYear, WorkCalendar, deadline_after, filing_deadline};
use crate::domain::platform::PlatformStatus;

/// A change of a filed platform whose written report (第四条二) is still pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingChange {
    pub id: i64,
    pub changed_on: NaiveDate,
}

/// Everything the rules read about one platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformFacts {
    pub platform: PlatformRef,
    pub unit: UnitRef,
    pub status: PlatformStatus,
    pub created_on: NaiveDate,
    /// Latest update: posts published through MediaDesk and updates recorded by hand.
    pub last_update: Option<NaiveDate>,
    /// Every ladder notice ever issued for it.
    pub notices: Vec<IssuedNotice>,
    pub party_building: PartyBuildingFacts,
    pub verified: bool,
    pub verified_until: Option<NaiveDate>,
    /// When the latest annual review form was handed in (已报送).
    pub last_annual_review: Option<NaiveDate>,
    pub pending_changes: Vec<PendingChange>,
}

impl PlatformFacts {
    /// Closed and shut-down platforms are no longer supervised (their open incidents still are).
    pub fn is_active(&self) -> bool {
        !matches!(
            self.status,
            PlatformStatus::Closed | PlatformStatus::ShutDown
        )
    }
}

/// A person who runs a platform (管理员, 信息员), with their latest training.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub person: PersonRef,
    pub unit: UnitRef,
    /// The latest session they attended.
    pub last_training: Option<NaiveDate>,
}

/// The whole input of [`due_items`].
#[derive(Debug, Clone, Copy)]
pub struct SupervisionInput<'a> {
    pub today: NaiveDate,
    /// For the 24-hour incident rule.
    pub now: NaiveDateTime,
    pub settings: &'a SupervisionSettings,
    pub calendar: &'a WorkCalendar,
    /// 第四条二's deadline in working days (the store's `change_report_days` setting).
    pub change_report_days: u32,
    /// Every platform, closed ones included (incidents refer to them).
    pub platforms: &'a [PlatformFacts],
    /// Incidents not closed yet (closed ones are ignored if passed).
    pub incidents: &'a [Incident],
    pub staff: &'a [StaffMember],
}

/// Every due action, sorted by urgency.
pub fn due_items(input: &SupervisionInput<'_>) -> Vec<DueItem> {
    let mut items = Vec::new();
    for p in input.platforms.iter().filter(|p| p.is_active()) {
        platform_items(input, p, &mut items);
    }
    incident_items(input, &mut items);
    training_items(input, &mut items);
    sort_by_urgency(&mut items);
    items
}

/// The items of one platform alone (its page in the window), sorted by urgency.
pub fn platform_due_items(input: &SupervisionInput<'_>, platform: &PlatformFacts) -> Vec<DueItem> {
    let mut items = Vec::new();
    if platform.is_active() {
        platform_items(input, platform, &mut items);
    }
    sort_by_urgency(&mut items);
    items
}

struct Builder<'a> {
    platform: &'a PlatformFacts,
    today: NaiveDate,
}

impl Builder<'_> {
    fn item(&self, kind: DueKind, since: Option<NaiveDate>, due_on: Option<NaiveDate>) -> DueItem {
        DueItem {
            unit: self.platform.unit.clone(),
            platform: Some(self.platform.platform.clone()),
            person: None,
            record_id: None,
            kind,
            since,
            due_on,
            article: article_of(kind),
            urgency: Urgency::of(due_on, self.today),
            calendar_missing: None,
        }
    }
}

fn article_of(kind: DueKind) -> Article {
    match kind {
        DueKind::ShutdownDecision | DueKind::PublicNotice | DueKind::RectificationNotice => {
            Article::Inactivity
        }
        DueKind::IncidentUnreported | DueKind::IncidentReportedLate | DueKind::IncidentOpen => {
            Article::SecurityIncident
        }
        DueKind::Filing => Article::Filing,
        DueKind::ChangeReport | DueKind::Verification => Article::ChangeReport,
        DueKind::PartyColumnMissing | DueKind::PartyPosts => Article::PartyBuilding,
        DueKind::Training => Article::Training,
        DueKind::AnnualReview => Article::AnnualReview,
    }
}

fn notice_due_kind(kind: NoticeKind) -> DueKind {
    match kind {
        NoticeKind::Rectification => DueKind::RectificationNotice,
        NoticeKind::PublicNotice => DueKind::PublicNotice,
        NoticeKind::ShutdownDecision => DueKind::ShutdownDecision,
    }
}

fn platform_items(input: &SupervisionInput<'_>, p: &PlatformFacts, items: &mut Vec<DueItem>) {
    let today = input.today;
    let s = input.settings;
    let b = Builder { platform: p, today };
    let horizon = today
        .checked_add_days(Days::new(u64::from(s.lookahead_days)))
        .unwrap_or(NaiveDate::MAX);

    // 第六条四: a due notice, or the last day to update before the next one.
    let facts = LadderFacts {
        created_on: p.created_on,
        last_update: p.last_update,
        notices: &p.notices,
    };
    let state = ladder(&facts, today, &s.ladder);
    if let Some(next) = state.next
        && state.rung != Rung::ShutDown
        // Once a notice is out, the next step is listed however far off it is.
        && (next.due_on <= horizon || state.reached.is_some())
    {
        items.push(b.item(
            notice_due_kind(next.kind),
            Some(next.counted_from),
            Some(next.due_on),
        ));
    }

    // 第四条一: the filing deadline.
    match filing_due(input.calendar, p.status, p.created_on, today) {
        Some(Ok(deadline)) if deadline <= horizon => {
            items.push(b.item(DueKind::Filing, Some(p.created_on), Some(deadline)));
        }
        None | Some(Ok(_)) => {}
        Some(Err(UnknownYear(year))) => {
            let mut item = b.item(DueKind::Filing, Some(p.created_on), None);
            item.calendar_missing = Some(year);
            items.push(item);
        }
    }

    // 第四条二: each pending change's written report.
    for change in &p.pending_changes {
        let deadline = deadline_after(input.calendar, change.changed_on, input.change_report_days);
        let mut item = match deadline {
            Ok(deadline) if deadline > horizon => continue,
            Ok(deadline) => b.item(
                DueKind::ChangeReport,
                Some(change.changed_on),
                Some(deadline),
            ),
            Err(unknown) => {
                let mut item = b.item(DueKind::ChangeReport, Some(change.changed_on), None);
                item.calendar_missing = Some(unknown.0);
                item
            }
        };
        item.record_id = Some(change.id);
        items.push(item);
    }

    // 第六条二: the party-building column and its cadence.
    match party_building_status(
        p.party_building,
        p.created_on,
        today,
        s.party_building_interval,
    ) {
        PartyBuildingStatus::NoColumn => {
            items.push(b.item(DueKind::PartyColumnMissing, Some(p.created_on), None));
        }
        PartyBuildingStatus::Ok { since, due_on } | PartyBuildingStatus::Late { since, due_on } => {
            if due_on <= horizon {
                items.push(b.item(DueKind::PartyPosts, Some(since), Some(due_on)));
            }
        }
    }

    // 附件 年审.
    match annual_review_status(
        s.annual_review_month,
        p.status,
        p.created_on,
        p.last_annual_review,
        today,
    ) {
        AnnualReviewStatus::NotAsked | AnnualReviewStatus::Done => {}
        AnnualReviewStatus::InSeason { season } | AnnualReviewStatus::Missed { season } => {
            items.push(b.item(
                DueKind::AnnualReview,
                Some(season.starts_on),
                Some(season.ends_on),
            ));
        }
    }

    // 认证 ending.
    match verification_status(
        p.verified,
        p.verified_until,
        today,
        s.verification_warning_days,
    ) {
        VerificationStatus::NotTracked | VerificationStatus::Valid { .. } => {}
        VerificationStatus::Expiring { until } | VerificationStatus::Expired { until } => {
            items.push(b.item(DueKind::Verification, None, Some(until)));
        }
    }
}

/// 第四条一 for the list: an unfiled platform's filing deadline, or the year the calendar
/// lacks; `None` when no clock runs. The same answer as `domain::registry::registry_clock`
/// (a test holds the two together) without the working days left or overdue, which the list
/// never shows and which walk every day from the deadline to today: thousands of calendar
/// look-ups for each platform left unfiled for years.
fn filing_due(
    calendar: &WorkCalendar,
    status: PlatformStatus,
    created_on: NaiveDate,
    today: NaiveDate,
) -> Option<Result<NaiveDate, UnknownYear>> {
    if status != PlatformStatus::Unfiled {
        return None;
    }
    Some(filing_deadline(calendar, created_on).and_then(|deadline| {
        let (from, to) = if deadline >= today {
            (today, deadline)
        } else {
            (deadline, today)
        };
        match first_unknown_year(calendar, from, to) {
            Some(year) => Err(UnknownYear(year)),
            None => Ok(deadline),
        }
    }))
}

/// The year counting the working days from `from` to `to` (`from <= to`) stops at, as
/// `WorkCalendar::working_days_between` finds it: `from`'s year, then `to`'s, then the years
/// between, oldest first.
fn first_unknown_year(calendar: &WorkCalendar, from: NaiveDate, to: NaiveDate) -> Option<i32> {
    use chrono::Datelike;
    let (first, last) = (from.year(), to.year());
    [first, last]
        .into_iter()
        .chain(first.saturating_add(1)..last)
        .find(|&year| calendar.schedule(year).is_none())
}

fn incident_items(input: &SupervisionInput<'_>, items: &mut Vec<DueItem>) {
    let platforms: HashMap<i64, &PlatformFacts> =
        input.platforms.iter().map(|p| (p.platform.id, p)).collect();
    for incident in input.incidents {
        let draft = &incident.draft;
        if draft.closed_at.is_some() {
            continue;
        }
        let Some(p) = platforms.get(&draft.platform_id) else {
            continue;
        };
        let b = Builder {
            platform: p,
            today: input.today,
        };
        let since = Some(draft.found_at.date());
        let status = report_status(draft, input.settings.incident_report_hours, input.now);
        let deadline = Some(status.deadline().date());
        let mut item = match status {
            ReportStatus::Unreported { overdue, .. } => {
                let mut item = b.item(DueKind::IncidentUnreported, since, deadline);
                // The limit is in hours: past it is overdue even on the deadline's own day.
                item.urgency = if overdue {
                    Urgency::Overdue
                } else {
                    // 「立即报告」: never later than today, even if the limit ends tomorrow.
                    Urgency::DueToday.min(item.urgency)
                };
                item
            }
            ReportStatus::Late { .. } => {
                let mut item = b.item(DueKind::IncidentReportedLate, since, deadline);
                item.urgency = Urgency::Overdue;
                item
            }
            ReportStatus::OnTime { .. } => b.item(DueKind::IncidentOpen, since, None),
        };
        item.article = draft.kind.article();
        item.record_id = Some(incident.id);
        items.push(item);
    }
}

fn training_items(input: &SupervisionInput<'_>, items: &mut Vec<DueItem>) {
    let today = input.today;
    let horizon = today
        .checked_add_days(Days::new(u64::from(input.settings.lookahead_days)))
        .unwrap_or(NaiveDate::MAX);
    for member in input.staff {
        let (since, due_on, urgency) = match training_status(
            member.last_training,
            today,
            input.settings.training_interval,
        ) {
            TrainingStatus::Never => (None, None, Urgency::Overdue),
            TrainingStatus::Current { due_on, .. } if due_on > horizon => continue,
            TrainingStatus::Current { last, due_on } | TrainingStatus::Lapsed { last, due_on } => {
                (Some(last), Some(due_on), Urgency::of(Some(due_on), today))
            }
        };
        items.push(DueItem {
            unit: member.unit.clone(),
            platform: None,
            person: Some(member.person.clone()),
            record_id: None,
            kind: DueKind::Training,
            since,
            due_on,
            article: Article::Training,
            urgency,
            calendar_missing: None,
        });
    }
}

#[cfg(test)]
#[path = "collect_tests.rs"]
mod tests;
