//! Speed of the approval screens on a large school: opening a review queue among 200,000
//! posts (target ≤ 20 ms) and verifying a 1,000,000-entry audit chain stored in SQLite
//! (target ≤ 2 s). Run with `cargo bench --bench posts`.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use mediadesk::domain::post::Queue;
use mediadesk::store::{DEMO_PASSWORD, Store};

#[path = "support/audit_chain.rs"]
mod audit_chain;
use audit_chain::chain;

const POSTS: usize = 200_000;
const AUDIT_ENTRIES: usize = 1_000_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("valid date")
}

fn big_store() -> Store {
    let mut store = Store::open_in_memory().expect("in-memory store");
    store
        .generate_large(10_000, Some(POSTS), today())
        .expect("generate platforms and posts");
    store
}

fn bench_queues(c: &mut Criterion) {
    let mut store = big_store();
    let mut group = c.benchmark_group("posts_200k");
    for (login, queue) in [
        ("bench_head", Queue::ToReview),
        ("bench_admin", Queue::ToPublish),
        ("bench_info", Queue::ToRevise),
    ] {
        store.sign_in(login, DEMO_PASSWORD).expect("sign in");
        let rows = store.queue(queue).expect("queue").len();
        assert!(rows > 0, "{login} has an empty {queue:?} queue");
        group.bench_function(format!("open_{}_queue_{rows}_rows", queue.code()), |b| {
            b.iter(|| black_box(store.queue(queue).expect("queue")))
        });
        group.bench_function(format!("counts_{login}"), |b| {
            b.iter(|| black_box(store.queue_counts().expect("counts")))
        });
        store.sign_out().expect("sign out");
    }
    group.finish();
}

fn bench_audit_in_sqlite(c: &mut Criterion) {
    let mut store = Store::open_in_memory().expect("in-memory store");
    store
        .import_audit_entries(&chain(AUDIT_ENTRIES))
        .expect("import chain");
    let check = store.verify_audit().expect("verify");
    assert_eq!(check.verified, AUDIT_ENTRIES as u64);
    let mut group = c.benchmark_group("audit_sqlite");
    group.sample_size(10);
    group.bench_function("verify_1m_entries_from_sqlite", |b| {
        b.iter(|| black_box(store.verify_audit().expect("verify")))
    });
    group.finish();
}

criterion_group!(benches, bench_queues, bench_audit_in_sqlite);
criterion_main!(benches);
