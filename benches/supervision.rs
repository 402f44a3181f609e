//! The due-action list at the scale: 10,000 platforms in 60 units, 30,000 staff, 200
//! open incidents. The budget is 50 ms for the whole list including the store's
//! aggregate queries; this measures the pure part (every rule, the merge, the sort and the
//! unit lights), which must leave the queries most of it.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use mediadesk::domain::calendar::WorkCalendar;
use mediadesk::domain::platform::PlatformStatus;
use mediadesk::domain::supervision::{
    Incident, IncidentDraft, IncidentKind, IssuedNotice, NoticeKind, PartyBuildingFacts,
    PendingChange, PersonRef, PlatformFacts, PlatformRef, StaffMember, SupervisionInput,
    SupervisionSettings, UnitRef, due_items, sort_by_urgency, unit_summaries,
};

const PLATFORMS: i64 = 10_000;
const UNITS: i64 = 60;

fn ago(today: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        today.checked_sub_days(Days::new(days as u64)).unwrap()
    } else {
        today
            .checked_add_days(Days::new(days.unsigned_abs()))
            .unwrap()
    }
}

fn school(
    today: NaiveDate,
) -> (
    Vec<UnitRef>,
    Vec<PlatformFacts>,
    Vec<Incident>,
    Vec<StaffMember>,
) {
    let units: Vec<UnitRef> = (0..UNITS)
        .map(|id| UnitRef {
            id,
            name: format!("第{id}学院"),
        })
        .collect();
    let platforms: Vec<PlatformFacts> = (0..PLATFORMS)
        .map(|id| {
            // A spread of standings: most fine, some silent, some on each rung.
            let silent = (id * 37) % 200;
            let notices = match id % 50 {
                0 => vec![IssuedNotice {
                    kind: NoticeKind::Rectification,
                    issued_on: ago(today, 20),
                }],
                1 => vec![
                    IssuedNotice {
                        kind: NoticeKind::Rectification,
                        issued_on: ago(today, 50),
                    },
                    IssuedNotice {
                        kind: NoticeKind::PublicNotice,
                        issued_on: ago(today, 15),
                    },
                ],
                _ => Vec::new(),
            };
            PlatformFacts {
                platform: PlatformRef {
                    id,
                    name: format!("平台{id:05}"),
                    kind_name: "微信公众号".into(),
                },
                unit: units[(id % UNITS) as usize].clone(),
                status: match id % 97 {
                    0 => PlatformStatus::Unfiled,
                    1 => PlatformStatus::ChangePending,
                    2 => PlatformStatus::Closed,
                    _ => PlatformStatus::Filed,
                },
                created_on: ago(today, 400 + id % 300),
                last_update: Some(ago(
                    today,
                    silent.max(if notices.is_empty() { 0 } else { 120 }),
                )),
                notices,
                party_building: PartyBuildingFacts {
                    has_column: id % 13 != 0,
                    last_post: Some(ago(today, (id * 7) % 60)),
                },
                verified: id % 3 == 0,
                verified_until: Some(ago(today, 20 - id % 400)),
                last_annual_review: Some(ago(today, (id * 11) % 500)),
                pending_changes: if id % 97 == 1 {
                    vec![PendingChange {
                        id,
                        changed_on: ago(today, 3),
                    }]
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    let incidents: Vec<Incident> = (0..200)
        .map(|id| Incident {
            id,
            draft: IncidentDraft {
                platform_id: id * 50,
                kind: IncidentKind::Vulnerability,
                found_at: ago(today, id % 5).and_hms_opt(9, 0, 0).unwrap(),
                found_by: String::new(),
                description: "漏洞".into(),
                reported_at: None,
                reported_to: Vec::new(),
                actions_taken: String::new(),
                closed_at: None,
            },
        })
        .collect();
    let staff: Vec<StaffMember> = (0..3 * PLATFORMS)
        .map(|id| StaffMember {
            person: PersonRef {
                id,
                name: format!("人员{id}"),
            },
            unit: units[(id % UNITS) as usize].clone(),
            last_training: (id % 10 != 0).then(|| ago(today, (id * 13) % 500)),
        })
        .collect();
    (units, platforms, incidents, staff)
}

fn bench(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let calendar = WorkCalendar::bundled().unwrap();
    let settings = SupervisionSettings::default();
    let (units, platforms, incidents, staff) = school(today);
    let input = SupervisionInput {
        today,
        now: today.and_hms_opt(9, 0, 0).unwrap(),
        settings: &settings,
        calendar: &calendar,
        change_report_days: 5,
        platforms: &platforms,
        incidents: &incidents,
        staff: &staff,
    };
    let pairs: Vec<(i64, i64)> = platforms
        .iter()
        .filter(|p| p.is_active())
        .map(|p| (p.platform.id, p.unit.id))
        .collect();
    let items = due_items(&input);
    assert!(items.len() > 1000, "{}", items.len());

    let mut group = c.benchmark_group("supervision_10k");
    group.bench_function("due_items", |b| {
        b.iter(|| black_box(due_items(black_box(&input))).len())
    });
    group.bench_function("unit_summaries", |b| {
        b.iter(|| black_box(unit_summaries(&units, &pairs, black_box(&items))).len())
    });
    group.finish();
}

/// The whole list through the store: 10,000 platforms and 1,000,000 posts in SQLite, the
/// aggregate queries (last update, party-building posts, notices, filings) included — the
/// issue's 50 ms budget.
fn bench_store(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let mut store = mediadesk::store::Store::open_in_memory().unwrap();
    store
        .generate_large(PLATFORMS as usize, Some(1_000_000), today)
        .unwrap();
    let now = today.and_hms_opt(10, 0, 0).unwrap();
    let items = store.due_actions(today, now).unwrap();
    assert!(!items.is_empty());
    let mut group = c.benchmark_group("supervision_store_10k_1m");
    group.sample_size(10);
    group.bench_function(format!("due_actions_{}_items", items.len()), |b| {
        b.iter(|| black_box(store.due_actions(today, now).unwrap()))
    });
    group.bench_function("facts_queries_only", |b| {
        b.iter(|| black_box(store.supervision_facts(today).unwrap()))
    });
    group.bench_function("dashboard_with_monthly_chart", |b| {
        b.iter(|| black_box(mediadesk::ops::supervision::dashboard(&store, today).unwrap()))
    });
    group.finish();

    // The pieces of `due_actions` besides the facts: the three settings reads and the pure
    // rules over the store's own facts (its ~35,000 items, most of them undated or tied).
    let mut group = c.benchmark_group("supervision_store_pieces");
    group.sample_size(20);
    group.bench_function("supervision_settings", |b| {
        b.iter(|| black_box(store.supervision_settings().unwrap()))
    });
    group.bench_function("work_calendar", |b| {
        b.iter(|| black_box(store.work_calendar().unwrap()))
    });
    group.bench_function("settings", |b| {
        b.iter(|| black_box(store.settings().unwrap()))
    });
    let facts = store.supervision_facts(today).unwrap();
    let settings = store.supervision_settings().unwrap();
    let calendar = store.work_calendar().unwrap();
    let input = SupervisionInput {
        today,
        now,
        settings: &settings,
        calendar: &calendar,
        change_report_days: store.settings().unwrap().change_report_days,
        platforms: &facts.platforms,
        incidents: &facts.incidents,
        staff: &facts.staff,
    };
    group.bench_function(format!("due_items_on_store_facts_{}", items.len()), |b| {
        b.iter(|| black_box(due_items(black_box(&input))).len())
    });
    // In the order the rules produce them (platform by platform, then the staff).
    let mut unsorted = items.clone();
    unsorted.sort_by_key(|i| {
        (
            i.platform.as_ref().map_or(i64::MAX, |p| p.id),
            i.person.as_ref().map(|p| p.id),
        )
    });
    group.bench_function("sort_by_urgency_store_items", |b| {
        b.iter_batched(
            || unsorted.clone(),
            |mut items| {
                sort_by_urgency(&mut items);
                items
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench, bench_store);
criterion_main!(benches);
