//! One due action (待办): what it concerns, what is due, since when, by when, under which
//! article, and how urgent it is. Every supervision rule produces these, and the dashboard,
//! `mediadesk supervise` and printed lists all show the same list in the same order.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::article::Article;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UnitRef {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlatformRef {
    pub id: i64,
    pub name: String,
    /// 媒体平台 as shown (微信公众号, 网站 …).
    pub kind_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PersonRef {
    pub id: i64,
    pub name: String,
}

/// What is due. How soon is [`Urgency`]; the two together give the wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueKind {
    /// 第六条四 step 3: the shutdown decision (or, upcoming: the last day to update).
    ShutdownDecision,
    /// 第六条四 step 2: the public notice.
    PublicNotice,
    /// 第六条四 step 1: the rectification notice.
    RectificationNotice,
    /// 第八条一: an incident not reported to the three offices.
    IncidentUnreported,
    /// 第八条一: an incident reported later than the limit, still open.
    IncidentReportedLate,
    /// 第四条一: the filing.
    Filing,
    /// 第四条二: the written report of a change.
    ChangeReport,
    /// 第八条一/二: an incident reported in time, not closed yet.
    IncidentOpen,
    /// 第六条二: no party-building column.
    PartyColumnMissing,
    /// 第六条二: no 党建 post within the interval.
    PartyPosts,
    /// 第五条: a staff member's training.
    Training,
    /// 附件 年审: the yearly review.
    AnnualReview,
    /// The platform's verification (认证) ends.
    Verification,
}

impl DueKind {
    /// Warnings never turn a unit red, however overdue: the policy sets no hard deadline for
    /// them (「定期」, 「定期举办培训」) or they are reminders (年审, 认证).
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            Self::IncidentOpen
                | Self::PartyColumnMissing
                | Self::PartyPosts
                | Self::Training
                | Self::AnnualReview
                | Self::Verification
        )
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::ShutdownDecision => "shutdown_decision",
            Self::PublicNotice => "public_notice",
            Self::RectificationNotice => "rectification_notice",
            Self::IncidentUnreported => "incident_unreported",
            Self::IncidentReportedLate => "incident_reported_late",
            Self::Filing => "filing",
            Self::ChangeReport => "change_report",
            Self::IncidentOpen => "incident_open",
            Self::PartyColumnMissing => "party_column_missing",
            Self::PartyPosts => "party_posts",
            Self::Training => "training",
            Self::AnnualReview => "annual_review",
            Self::Verification => "verification",
        }
    }
}

/// How soon, in the order the list shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// The due date has passed.
    Overdue,
    DueToday,
    /// Due within the look-ahead (or a warning's own window).
    Upcoming,
    /// No date: a standing problem (no party-building column, an open incident) or a deadline
    /// the working-day calendar cannot compute (its year is not imported).
    Undated,
}

impl Urgency {
    /// From the due date: `None` is [`Urgency::Undated`].
    pub fn of(due_on: Option<NaiveDate>, today: NaiveDate) -> Self {
        match due_on.map(|d| d.cmp(&today)) {
            None => Self::Undated,
            Some(Ordering::Less) => Self::Overdue,
            Some(Ordering::Equal) => Self::DueToday,
            Some(Ordering::Greater) => Self::Upcoming,
        }
    }
}

/// The traffic light of an item, a platform or a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    /// An obligation is due or overdue.
    Red,
    /// A warning, or an obligation coming up.
    Amber,
    /// Nothing listed.
    Green,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueItem {
    pub unit: UnitRef,
    pub platform: Option<PlatformRef>,
    pub person: Option<PersonRef>,
    /// The record the item is about, by kind: the change (ChangeReport), the incident.
    pub record_id: Option<i64>,
    pub kind: DueKind,
    /// The day the clock started: last update, creation, the change, the discovery, the last
    /// training, the previous notice. `None` when there is none (never trained).
    pub since: Option<NaiveDate>,
    /// The day the action is due (for the ladder: the first day the notice is due).
    pub due_on: Option<NaiveDate>,
    pub article: Article,
    pub urgency: Urgency,
    /// The deadline needs this year's holiday schedule, which is missing.
    pub calendar_missing: Option<i32>,
}

impl DueItem {
    /// Red when an obligation's date has come; amber otherwise.
    pub fn light(&self) -> Light {
        let due = matches!(self.urgency, Urgency::Overdue | Urgency::DueToday);
        if due && !self.kind.is_warning() {
            Light::Red
        } else {
            Light::Amber
        }
    }

    /// Whole days past the due date (0 when not overdue).
    pub fn days_overdue(&self, today: NaiveDate) -> i64 {
        self.due_on.map_or(0, |due| (today - due).num_days().max(0))
    }
}

/// The list's order: overdue first, then due today, then soonest due, then the undated; within
/// each, red before amber, the older due date first, the graver kind first, then by names so
/// the order is stable.
pub fn sort_by_urgency(items: &mut [DueItem]) {
    // A list of 35,000 items makes ~500,000 comparisons, and a merge sort of the items
    // themselves moves ~200 bytes at each step: sort positions instead, each with the dates
    // and kinds packed into one number, reach the names (borrowed) only on a tie there, then
    // move every item once. The position breaks full ties, so the order is a stable sort's.
    let mut order: Vec<(u64, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (packed_key(item), i))
        .collect();
    order.sort_unstable_by(|(ka, ia), (kb, ib)| {
        ka.cmp(kb)
            .then_with(|| name_key(&items[*ia]).cmp(&name_key(&items[*ib])))
            .then_with(|| ia.cmp(ib))
    });
    let mut order: Vec<usize> = order.into_iter().map(|(_, i)| i).collect();
    // Position k takes the item now at order[k]: follow each cycle once.
    for start in 0..order.len() {
        let mut k = start;
        loop {
            let from = std::mem::replace(&mut order[k], usize::MAX);
            if from == usize::MAX || from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// The first part of the order as one number: urgency, light, undated, due date, kind.
fn packed_key(i: &DueItem) -> u64 {
    use chrono::Datelike;
    // Days from the Common Era fit in 32 bits both ways; undated items compare only among
    // themselves here (the flag comes first), so their 0 is never set against a date.
    let day = i.due_on.map_or(0, |d| {
        u64::from((i64::from(d.num_days_from_ce()) - i64::from(i32::MIN)) as u32)
    });
    (i.urgency as u64) << 40
        | (i.light() as u64) << 38
        | u64::from(i.due_on.is_none()) << 37
        | day << 4
        | i.kind as u64
}

/// A name with its id, the id telling two people of the same name apart.
type NamedId<'a> = Option<(&'a str, i64)>;

/// The rest of the order: the names, then the record.
fn name_key(i: &DueItem) -> (&str, NamedId<'_>, NamedId<'_>, Option<i64>) {
    (
        i.unit.name.as_str(),
        i.platform.as_ref().map(|p| (p.name.as_str(), p.id)),
        i.person.as_ref().map(|p| (p.name.as_str(), p.id)),
        i.record_id,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn item(kind: DueKind, due: Option<&str>, platform: &str) -> DueItem {
        let today = d("2026-11-26");
        let due_on = due.map(d);
        DueItem {
            unit: UnitRef {
                id: 1,
                name: "文传学院".into(),
            },
            platform: Some(PlatformRef {
                id: platform.len() as i64,
                name: platform.into(),
                kind_name: "微信公众号".into(),
            }),
            person: None,
            record_id: None,
            kind,
            since: None,
            due_on,
            article: Article::Inactivity,
            urgency: Urgency::of(due_on, today),
            calendar_missing: None,
        }
    }

    #[test]
    fn urgency_from_the_due_date() {
        let today = d("2026-11-26");
        let cases = [
            (Some("2026-11-25"), Urgency::Overdue),
            (Some("2026-11-26"), Urgency::DueToday),
            (Some("2026-11-27"), Urgency::Upcoming),
            (None, Urgency::Undated),
        ];
        for (due, urgency) in cases {
            assert_eq!(Urgency::of(due.map(d), today), urgency, "{due:?}");
        }
    }

    #[test]
    fn lights_by_kind_and_urgency() {
        use DueKind::*;
        let cases = [
            (RectificationNotice, Some("2026-11-20"), Light::Red),
            (RectificationNotice, Some("2026-11-26"), Light::Red),
            (RectificationNotice, Some("2026-12-01"), Light::Amber),
            (Filing, Some("2026-11-25"), Light::Red),
            (Filing, None, Light::Amber),
            (IncidentReportedLate, Some("2026-10-01"), Light::Red),
            (Training, Some("2025-01-01"), Light::Amber),
            (PartyPosts, Some("2026-11-01"), Light::Amber),
            (PartyColumnMissing, None, Light::Amber),
            (Verification, Some("2026-11-20"), Light::Amber),
        ];
        for (kind, due, light) in cases {
            assert_eq!(item(kind, due, "x").light(), light, "{kind:?} {due:?}");
        }
    }

    #[test]
    fn overdue_first_then_soonest_due() {
        use DueKind::*;
        let mut items = vec![
            item(Verification, Some("2026-12-20"), "认证"),
            item(PartyColumnMissing, None, "无专栏"),
            item(Training, Some("2025-01-01"), "培训"),
            item(Filing, Some("2026-11-26"), "今天备案"),
            item(RectificationNotice, Some("2026-11-01"), "整改"),
            item(ShutdownDecision, Some("2026-11-20"), "关停"),
            item(PublicNotice, Some("2026-11-01"), "通报"),
            item(ChangeReport, Some("2026-11-30"), "变更"),
        ];
        sort_by_urgency(&mut items);
        let order: Vec<&str> = items
            .iter()
            .map(|i| i.platform.as_ref().unwrap().name.as_str())
            .collect();
        assert_eq!(
            order,
            [
                "通报",
                "整改",
                "关停",
                "培训",
                "今天备案",
                "变更",
                "认证",
                "无专栏"
            ]
        );
        assert_eq!(items[0].days_overdue(d("2026-11-26")), 25);
        assert_eq!(items[5].days_overdue(d("2026-11-26")), 0);
    }

    /// The order as first written: a plain comparison of the items, names cloned.
    fn reference_sort(items: &mut [DueItem]) {
        items.sort_by(|a, b| {
            (a.urgency, a.light(), a.due_on.is_none(), a.due_on, a.kind)
                .cmp(&(b.urgency, b.light(), b.due_on.is_none(), b.due_on, b.kind))
                .then_with(|| a.unit.name.cmp(&b.unit.name))
                .then_with(|| {
                    let name = |i: &DueItem| i.platform.as_ref().map(|p| (p.name.clone(), p.id));
                    name(a).cmp(&name(b))
                })
                .then_with(|| {
                    let name = |i: &DueItem| i.person.as_ref().map(|p| (p.name.clone(), p.id));
                    name(a).cmp(&name(b))
                })
                .then_with(|| a.record_id.cmp(&b.record_id))
        });
    }

    #[test]
    fn the_packed_sort_is_the_plain_comparison_s() {
        use DueKind::*;
        let kinds = [
            ShutdownDecision,
            Filing,
            Training,
            PartyColumnMissing,
            IncidentOpen,
            Verification,
        ];
        let dues = [
            None,
            Some("0900-01-01"),
            Some("2025-12-31"),
            Some("2026-11-25"),
            Some("2026-11-26"),
            Some("2026-11-27"),
            Some("9999-12-31"),
        ];
        let names = ["甲", "乙", "甲乙", ""];
        let mut items = Vec::new();
        let mut seed = 7_u64;
        for n in 0..3000_u64 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let pick = |shift: u32, len: usize| ((seed >> shift) as usize) % len;
            let mut i = item(
                kinds[pick(10, kinds.len())],
                dues[pick(20, dues.len())],
                names[pick(30, names.len())],
            );
            i.unit.name = names[pick(40, names.len())].into();
            if pick(50, 3) == 0 {
                i.platform = None;
                i.person = Some(PersonRef {
                    id: (seed >> 52) as i64 % 4,
                    name: names[pick(56, names.len())].into(),
                });
            }
            i.record_id = (pick(60, 2) == 0).then_some((n % 5) as i64);
            // Tells apart items the order ties, to see that ties keep their places.
            i.calendar_missing = Some(n as i32);
            items.push(i);
        }
        let mut expected = items.clone();
        reference_sort(&mut expected);
        sort_by_urgency(&mut items);
        assert_eq!(items, expected);
        sort_by_urgency(&mut items);
        assert_eq!(items, expected, "sorting a sorted list changes nothing");
        sort_by_urgency(&mut []);
    }

    #[test]
    fn codes_are_unique() {
        use DueKind::*;
        let all = [
            ShutdownDecision,
            PublicNotice,
            RectificationNotice,
            IncidentUnreported,
            IncidentReportedLate,
            Filing,
            ChangeReport,
            IncidentOpen,
            PartyColumnMissing,
            PartyPosts,
            Training,
            AnnualReview,
            Verification,
        ];
        let mut codes: Vec<&str> = all.iter().map(|k| k.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len());
    }
}
