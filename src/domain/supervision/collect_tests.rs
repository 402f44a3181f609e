//! The merged due list on a small school: each rule shows up once, with its dates and article,
//! nothing comes from a platform in good standing, and the list is in the order of urgency.

use chrono::NaiveDateTime;

use super::*;
use crate::domain::supervision::incident::{IncidentDraft, IncidentKind, Office};
use crate::domain::supervision::summary::unit_summaries;
use crate::domain::supervision::{Light, Period};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

const TODAY: &str = "2026-11-26";

fn unit(id: i64) -> UnitRef {
    UnitRef {
        id,
        name: ["", "文传学院", "商学院"][id as usize].into(),
    }
}

/// A platform in good standing: filed, updated last week, its 党建 column kept up, verified for
/// another year, reviewed this year.
fn good(id: i64, name: &str, unit_id: i64) -> PlatformFacts {
    PlatformFacts {
        platform: PlatformRef {
            id,
            name: name.into(),
            kind_name: "微信公众号".into(),
        },
        unit: unit(unit_id),
        status: PlatformStatus::Filed,
        created_on: d("2024-03-01"),
        last_update: Some(d("2026-11-20")),
        notices: Vec::new(),
        party_building: PartyBuildingFacts {
            has_column: true,
            last_post: Some(d("2026-11-15")),
        },
        verified: true,
        verified_until: Some(d("2027-09-01")),
        last_annual_review: Some(d("2026-11-02")),
        pending_changes: Vec::new(),
    }
}

fn school() -> (Vec<PlatformFacts>, Vec<Incident>, Vec<StaffMember>) {
    let mut silent = good(1, "文传之声", 1);
    silent.last_update = Some(d("2026-06-30"));
    let mut rectifying = good(2, "文传青年", 1);
    rectifying.last_update = Some(d("2026-08-20"));
    rectifying.notices = vec![IssuedNotice {
        kind: NoticeKind::Rectification,
        issued_on: d("2026-11-10"),
    }];
    let mut unfiled = good(3, "文传影像", 1);
    unfiled.status = PlatformStatus::Unfiled;
    unfiled.created_on = d("2026-11-02");
    unfiled.last_annual_review = None;
    let mut changed = good(4, "商院在线", 2);
    changed.status = PlatformStatus::ChangePending;
    changed.pending_changes = vec![PendingChange {
        id: 41,
        changed_on: d("2026-11-10"),
    }];
    let mut no_column = good(5, "商院网站", 2);
    no_column.party_building.has_column = false;
    let mut party_late = good(6, "商院抖音", 2);
    party_late.party_building.last_post = Some(d("2026-10-01"));
    party_late.verified_until = Some(d("2026-12-10"));
    let mut closed = good(7, "旧账号", 2);
    closed.status = PlatformStatus::Closed;
    closed.last_update = Some(d("2025-01-01"));
    closed.party_building.has_column = false;
    let fine = good(8, "文传网站", 1);
    let platforms = vec![
        silent, rectifying, unfiled, changed, no_column, party_late, closed, fine,
    ];

    let incident = |id: i64, platform_id: i64, found: &str, reported: Option<&str>| Incident {
        id,
        draft: IncidentDraft {
            platform_id,
            kind: IncidentKind::AccountStolen,
            found_at: t(found),
            found_by: String::new(),
            description: "异常登录".into(),
            reported_at: reported.map(t),
            reported_to: if reported.is_some() {
                Office::ALL.to_vec()
            } else {
                Vec::new()
            },
            actions_taken: String::new(),
            closed_at: None,
        },
    };
    let mut closed_incident = incident(94, 8, "2026-10-01 09:00", Some("2026-10-01 10:00"));
    closed_incident.draft.closed_at = Some(t("2026-10-02 10:00"));
    closed_incident.draft.actions_taken = "改密码".into();
    let incidents = vec![
        incident(91, 8, "2026-11-25 08:00", None),
        incident(92, 4, "2026-11-01 09:00", Some("2026-11-03 09:00")),
        incident(93, 7, "2026-11-24 09:00", Some("2026-11-24 11:00")),
        closed_incident,
    ];

    let staff = |id: i64, name: &str, unit_id: i64, last: Option<&str>| StaffMember {
        person: PersonRef {
            id,
            name: name.into(),
        },
        unit: unit(unit_id),
        last_training: last.map(d),
    };
    let staff = vec![
        staff(100, "黄堃", 1, None),
        staff(101, "杨梦瑶", 2, Some("2025-10-10")),
        staff(102, "张喆", 2, Some("2026-05-10")),
        staff(103, "李珺", 1, Some("2025-12-01")),
    ];
    (platforms, incidents, staff)
}

fn input<'a>(
    settings: &'a SupervisionSettings,
    calendar: &'a WorkCalendar,
    data: &'a (Vec<PlatformFacts>, Vec<Incident>, Vec<StaffMember>),
) -> SupervisionInput<'a> {
    SupervisionInput {
        today: d(TODAY),
        now: t("2026-11-26 09:00"),
        settings,
        calendar,
        change_report_days: 5,
        platforms: &data.0,
        incidents: &data.1,
        staff: &data.2,
    }
}

type Row = (
    String,
    DueKind,
    Urgency,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Article,
);

fn rows(items: &[DueItem]) -> Vec<Row> {
    items
        .iter()
        .map(|i| {
            let whom = i
                .platform
                .as_ref()
                .map(|p| p.name.clone())
                .or_else(|| i.person.as_ref().map(|p| p.name.clone()))
                .unwrap_or_default();
            (whom, i.kind, i.urgency, i.since, i.due_on, i.article)
        })
        .collect()
}

#[test]
fn every_rule_in_one_list_sorted_by_urgency() {
    let calendar = WorkCalendar::bundled().unwrap();
    let settings = SupervisionSettings {
        annual_review_month: Some(12),
        ..SupervisionSettings::default()
    };
    let data = school();
    let items = due_items(&input(&settings, &calendar, &data));
    use DueKind::*;
    use Urgency::*;
    let row = |whom: &str, kind, urgency, since: Option<&str>, due: Option<&str>, article| {
        (
            whom.to_owned(),
            kind,
            urgency,
            since.map(d),
            due.map(d),
            article,
        )
    };
    let expected: Vec<Row> = vec![
        // Red and overdue, the oldest due date first.
        row(
            "文传之声",
            RectificationNotice,
            Overdue,
            Some("2026-06-30"),
            Some("2026-08-31"),
            Article::Inactivity,
        ),
        row(
            "商院在线",
            IncidentReportedLate,
            Overdue,
            Some("2026-11-01"),
            Some("2026-11-02"),
            Article::SecurityIncident,
        ),
        // Created Monday 2026-11-02: the 5th working day after is Monday 11-09.
        row(
            "文传影像",
            Filing,
            Overdue,
            Some("2026-11-02"),
            Some("2026-11-09"),
            Article::Filing,
        ),
        row(
            "商院在线",
            ChangeReport,
            Overdue,
            Some("2026-11-10"),
            Some("2026-11-17"),
            Article::ChangeReport,
        ),
        // Found yesterday 08:00, unreported 25 hours later: overdue on the deadline's own day.
        row(
            "文传网站",
            IncidentUnreported,
            Overdue,
            Some("2026-11-25"),
            Some("2026-11-26"),
            Article::SecurityIncident,
        ),
        // Amber and overdue; the never-trained (no date) last.
        row(
            "杨梦瑶",
            Training,
            Overdue,
            Some("2025-10-10"),
            Some("2026-10-11"),
            Article::Training,
        ),
        row(
            "商院抖音",
            PartyPosts,
            Overdue,
            Some("2026-10-01"),
            Some("2026-11-02"),
            Article::PartyBuilding,
        ),
        row("黄堃", Training, Overdue, None, None, Article::Training),
        // Coming up within the look-ahead, soonest first; the public notice is listed although
        // two weeks away, because the rectification notice is out.
        row(
            "李珺",
            Training,
            Upcoming,
            Some("2025-12-01"),
            Some("2026-12-02"),
            Article::Training,
        ),
        row(
            "商院抖音",
            Verification,
            Upcoming,
            None,
            Some("2026-12-10"),
            Article::ChangeReport,
        ),
        row(
            "文传青年",
            PublicNotice,
            Upcoming,
            Some("2026-11-10"),
            Some("2026-12-11"),
            Article::Inactivity,
        ),
        // No date.
        row(
            "旧账号",
            IncidentOpen,
            Undated,
            Some("2026-11-24"),
            None,
            Article::SecurityIncident,
        ),
        row(
            "商院网站",
            PartyColumnMissing,
            Undated,
            Some("2024-03-01"),
            None,
            Article::PartyBuilding,
        ),
    ];
    assert_eq!(rows(&items), expected);
    assert_eq!(items[0].light(), Light::Red);
    assert_eq!(items[4].record_id, Some(91));
    assert_eq!(items[3].record_id, Some(41));
    assert!(items.iter().all(|i| i.calendar_missing.is_none()));
}

#[test]
fn the_annual_review_season_and_a_missing_calendar_year() {
    let calendar = WorkCalendar::bundled().unwrap();
    let settings = SupervisionSettings {
        annual_review_month: Some(11),
        lookahead_days: 0,
        ..SupervisionSettings::default()
    };
    let mut data = school();
    // Reviewed in 2025 only: the November 2026 season asks for it.
    data.0[7].last_annual_review = Some(d("2025-11-20"));
    let items = due_items(&input(&settings, &calendar, &data));
    let review: Vec<&DueItem> = items
        .iter()
        .filter(|i| i.kind == DueKind::AnnualReview)
        .collect();
    assert_eq!(review.len(), 1);
    assert_eq!(review[0].platform.as_ref().unwrap().name, "文传网站");
    assert_eq!(review[0].urgency, Urgency::Upcoming);
    assert_eq!(review[0].due_on, Some(d("2026-11-30")));
    assert_eq!(review[0].light(), Light::Amber);

    // A filing whose deadline falls in a year the calendar does not know.
    let mut data = school();
    data.0[2].created_on = d("2026-12-29");
    let late = SupervisionInput {
        today: d("2026-12-30"),
        now: t("2026-12-30 09:00"),
        ..input(&settings, &calendar, &data)
    };
    let filing: Vec<DueItem> = due_items(&late)
        .into_iter()
        .filter(|i| i.kind == DueKind::Filing)
        .collect();
    assert_eq!(filing.len(), 1);
    assert_eq!(filing[0].calendar_missing, Some(2027));
    assert_eq!(filing[0].urgency, Urgency::Undated);
    assert_eq!(filing[0].due_on, None);
}

#[test]
fn a_platform_in_good_standing_has_nothing_due() {
    let calendar = WorkCalendar::bundled().unwrap();
    let settings = SupervisionSettings::default();
    let data = school();
    let input = input(&settings, &calendar, &data);
    assert!(platform_due_items(&input, &data.0[7]).is_empty());
    // Closed platforms are not supervised.
    assert!(platform_due_items(&input, &data.0[6]).is_empty());
    // The rectification notice's platform lists its next step however far off.
    let rectifying = platform_due_items(
        &SupervisionInput {
            today: d("2026-11-11"),
            ..input
        },
        &data.0[1],
    );
    assert_eq!(rectifying.len(), 1);
    assert_eq!(rectifying[0].kind, DueKind::PublicNotice);
    assert_eq!(rectifying[0].due_on, Some(d("2026-12-11")));
}

#[test]
fn the_two_week_rule_moves_everything_earlier() {
    let calendar = WorkCalendar::bundled().unwrap();
    let settings = SupervisionSettings {
        ladder: crate::domain::supervision::LadderSettings::two_week_rule(),
        party_building_interval: Period::Days(14),
        ..SupervisionSettings::default()
    };
    let data = school();
    let items = due_items(&input(&settings, &calendar, &data));
    let ladder: Vec<(String, DueKind, Option<NaiveDate>)> = items
        .iter()
        .filter(|i| i.article == Article::Inactivity)
        .map(|i| (i.platform.as_ref().unwrap().name.clone(), i.kind, i.due_on))
        .collect();
    let names = |list: &[(&str, DueKind, &str)]| -> Vec<(String, DueKind, Option<NaiveDate>)> {
        list.iter()
            .map(|(name, kind, due)| ((*name).to_owned(), *kind, Some(d(due))))
            .collect()
    };
    // Every platform updated on 11-20 is listed: two weeks end on 12-04, within the look-ahead.
    assert_eq!(
        ladder,
        names(&[
            ("文传之声", DueKind::RectificationNotice, "2026-07-15"),
            ("文传青年", DueKind::PublicNotice, "2026-11-18"),
            ("商院在线", DueKind::RectificationNotice, "2026-12-05"),
            ("商院抖音", DueKind::RectificationNotice, "2026-12-05"),
            ("商院网站", DueKind::RectificationNotice, "2026-12-05"),
            ("文传影像", DueKind::RectificationNotice, "2026-12-05"),
            ("文传网站", DueKind::RectificationNotice, "2026-12-05"),
        ])
    );
}

#[test]
fn unit_lights_from_the_list() {
    let calendar = WorkCalendar::bundled().unwrap();
    let settings = SupervisionSettings::default();
    let data = school();
    let items = due_items(&input(&settings, &calendar, &data));
    let platforms: Vec<(i64, i64)> = data
        .0
        .iter()
        .filter(|p| p.is_active())
        .map(|p| (p.platform.id, p.unit.id))
        .collect();
    let summaries = unit_summaries(&[unit(1), unit(2)], &platforms, &items);
    assert!(summaries.iter().all(|s| s.light == Light::Red));
    let wenchuan = summaries.iter().find(|s| s.unit.id == 1).unwrap();
    // 文传之声 and 文传影像 red, 文传网站 red too (the unreported incident), 文传青年 amber.
    assert_eq!(
        (
            wenchuan.red_platforms,
            wenchuan.amber_platforms,
            wenchuan.green_platforms
        ),
        (3, 1, 0)
    );
}

/// The list's filing deadline is `registry_clock`'s, down to the year named when the calendar
/// lacks one: on the bundled calendar and on one with a gap (2025 missing) and no 2027.
#[test]
fn the_filing_deadline_is_the_registry_clock_s() {
    use crate::domain::registry::{FilingClock, registry_clock};
    let bundled = WorkCalendar::bundled().unwrap();
    let gap = WorkCalendar::empty()
        .with_overrides(
            [2023, 2024, 2026]
                .into_iter()
                .map(|y| bundled.schedule(y).unwrap().clone()),
        )
        .unwrap();
    let days = [
        "2019-12-30",
        "2020-01-02",
        "2023-05-06",
        "2024-03-01",
        "2024-12-27",
        "2025-06-01",
        "2026-01-05",
        "2026-11-19",
        "2026-11-20",
        "2026-11-26",
        "2026-12-25",
        "2027-01-04",
    ];
    let statuses = [
        PlatformStatus::Unfiled,
        PlatformStatus::Filed,
        PlatformStatus::ChangePending,
    ];
    let mut compared = 0;
    for calendar in [&bundled, &gap] {
        for status in statuses {
            for created in days {
                for today in days.iter().filter(|t| **t >= created) {
                    let (created, today) = (d(created), d(today));
                    let expected = match registry_clock(calendar, status, created, today) {
                        FilingClock::NotRunning => None,
                        FilingClock::DaysLeft { deadline, .. }
                        | FilingClock::Overdue { deadline, .. } => Some(Ok(deadline)),
                        FilingClock::Unknown { year } => Some(Err(UnknownYear(year))),
                    };
                    assert_eq!(
                        filing_due(calendar, status, created, today),
                        expected,
                        "{status:?} created {created}, today {today}"
                    );
                    compared += 1;
                }
            }
        }
    }
    assert_eq!(compared, 2 * 3 * 78);
    // The cases above reach each answer.
    assert_eq!(
        filing_due(
            &gap,
            PlatformStatus::Unfiled,
            d("2024-03-01"),
            d("2026-11-26")
        ),
        Some(Err(UnknownYear(2025)))
    );
    assert_eq!(
        filing_due(
            &gap,
            PlatformStatus::Unfiled,
            d("2026-11-19"),
            d("2027-01-04")
        ),
        Some(Err(UnknownYear(2027)))
    );
}
