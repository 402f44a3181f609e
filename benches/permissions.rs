//! What the permission check costs: the pure rule (`domain::permissions::may`) for every kind
//! of write (`Permission::ALL`), and whole checked writes on a large school (10,000 platforms, 200,000 posts) —
//! one approval step as the store runs it (read, ask the rule, write, append the audit
//! chain), and a refused write (rolled back, the refusal recorded). Issue 10; run with
//! `cargo bench --bench permissions`.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use mediadesk::domain::permissions::{Permission, Target, may};
use mediadesk::domain::post::Queue;
use mediadesk::domain::workflow::{PostAction, PostState};
use mediadesk::store::{DEMO_PASSWORD, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date")
}

fn bench_permissions(c: &mut Criterion) {
    let mut store = Store::open_in_memory().expect("in-memory store");
    store
        .generate_large(10_000, Some(200_000), today())
        .expect("generate platforms and posts");
    store.sign_in("bench_info", DEMO_PASSWORD).expect("sign in");
    let actor = store.actor().expect("actor").expect("signed in");
    let unit = actor.unit_id.expect("a unit's person");

    let mut group = c.benchmark_group("permissions");
    group.bench_function("may_every_permission", |b| {
        b.iter(|| {
            Permission::ALL
                .iter()
                .filter(|p| may(Some(&actor), **p, &Target::Unit(black_box(unit))).is_ok())
                .count()
        })
    });

    // A draft of the information officer's own: submitting and withdrawing it are two
    // checked writes, each with its audit entry.
    let draft = store
        .queue(Queue::ToRevise)
        .expect("queue")
        .into_iter()
        .find(|row| row.state == PostState::Draft)
        .expect("a draft to submit")
        .id;
    group.bench_function("submit_and_withdraw_200k_posts", |b| {
        b.iter(|| {
            for action in [PostAction::Submit, PostAction::Withdraw] {
                let version = store.post(draft).expect("post").version;
                store.post_step(draft, version, &action).expect("step");
            }
        })
    });

    // The information officer may not change the settings: rolled back, the refusal recorded.
    let settings = store.settings().expect("settings");
    group.bench_function("refused_settings_write", |b| {
        b.iter(|| {
            assert!(store.save_settings(black_box(&settings)).is_err());
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_permissions
}
criterion_main!(benches);
