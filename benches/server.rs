//! The school server at scale (issue 11): PostgreSQL on localhost holding 60 units, 10,000
//! platforms and 200,000 posts. Budgets: loading the registry ≤ 300 ms; opening a review
//! queue ≤ 20 ms; one approval step (read, check, write, audit) ≤ 10 ms; 16 desks at once
//! ≥ 500 steps/s in total with no error; a change reaching another desk ≤ 1 s.
//! Needs `MEDIADESK_TEST_PG` (a C-collation database, `.ci/start-postgres` prints one); the
//! data is made once in the schema `mediadesk_bench` and kept for later runs.
//! Run with `MEDIADESK_TEST_PG=postgres://… cargo bench --bench server`.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use mediadesk::domain::post::{PostDraft, Queue};
use mediadesk::domain::registry::registry_clock;
use mediadesk::domain::workflow::{Attribution, Category, Origin, PostAction};
use mediadesk::store::db::server::ServerAddress;
use mediadesk::store::{DEMO_PASSWORD, Store};

const SCHEMA: &str = "mediadesk_bench";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn address() -> Option<ServerAddress> {
    let url = std::env::var("MEDIADESK_TEST_PG").ok()?;
    Some(ServerAddress::parse(&url).unwrap())
}

fn desk(address: &ServerAddress, login: &str) -> Store {
    let mut s = Store::open_server_in(address, None, Some(SCHEMA)).unwrap();
    s.sign_in(login, DEMO_PASSWORD).unwrap();
    s
}

/// The large school on the server: generated in memory, then copied (once).
fn big_school(address: &ServerAddress) -> Store {
    let server = Store::open_server_in(address, None, Some(SCHEMA)).unwrap();
    if !server.holds_data().unwrap() {
        let started = Instant::now();
        let mut file = Store::open_in_memory().unwrap();
        file.generate_large(10_000, Some(200_000), today()).unwrap();
        let report = file.copy_into(&server).unwrap();
        println!(
            "copied {} rows to the server in {:.1} s",
            report.total_rows(),
            started.elapsed().as_secs_f64()
        );
    }
    server
}

fn news(title: &str) -> PostDraft {
    PostDraft {
        platform_id: 1,
        title: title.into(),
        body: "学院举办学术活动，师生踊跃参加。".into(),
        category: Category::News,
        column: "学院新闻".into(),
        attribution: Attribution {
            origin: Origin::Original,
            author_or_provider: "信息员".into(),
            source_name: String::new(),
            source_link: String::new(),
            editor: "信息员".into(),
        },
        internal: false,
        planned_at: None,
    }
}

/// A post of the author's in 待审核, for the reviewer to send back and the author to resend.
fn submitted_post(author: &mut Store, title: &str) -> i64 {
    let id = author.create_post(&news(title)).unwrap();
    let v = author.post(id).unwrap().version;
    author.post_step(id, v, &PostAction::Submit).unwrap();
    id
}

/// One cycle: the reviewer returns the post, the author submits it again (two steps).
fn cycle(reviewer: &mut Store, author: &mut Store, id: i64) {
    let v = reviewer.post(id).unwrap().version;
    reviewer
        .post_step(
            id,
            v,
            &PostAction::Reject {
                comment: "请补充来源".into(),
            },
        )
        .unwrap();
    let v = author.post(id).unwrap().version;
    author.post_step(id, v, &PostAction::Submit).unwrap();
}

fn bench(c: &mut Criterion) {
    let Some(address) = address() else {
        println!("MEDIADESK_TEST_PG is not set: no server to measure");
        return;
    };
    let school = big_school(&address);
    let cal = school.work_calendar().unwrap();
    let mut group = c.benchmark_group("server_10k_200k");
    group.sample_size(20);
    group.bench_function("load_registry_10000_platforms", |b| {
        b.iter(|| {
            black_box(
                school
                    .registry_rows(|s, d| registry_clock(&cal, s, d, today()))
                    .unwrap(),
            )
        })
    });
    let mut reviewer = desk(&address, "bench_head");
    let rows = reviewer.queue(Queue::ToReview).unwrap().len();
    group.bench_function(format!("open_review_queue_{rows}_rows"), |b| {
        b.iter(|| black_box(reviewer.queue(Queue::ToReview).unwrap()))
    });
    let mut author = desk(&address, "bench_info");
    let id = submitted_post(&mut author, "基准测试：审核一步");
    group.bench_function("return_and_resubmit_two_steps", |b| {
        b.iter(|| cycle(&mut reviewer, &mut author, id))
    });
    group.finish();
    concurrent_desks(&address);
    notify_latency(&address);
}

/// 16 desks (a reviewer and an author each, their own post) for three seconds.
fn concurrent_desks(address: &ServerAddress) {
    const DESKS: usize = 16;
    let steps = Arc::new(AtomicU64::new(0));
    let go = Arc::new(AtomicBool::new(false));
    let handles: Vec<_> = (0..DESKS)
        .map(|n| {
            let address = address.clone();
            let steps = Arc::clone(&steps);
            let go = Arc::clone(&go);
            std::thread::spawn(move || {
                let mut reviewer = desk(&address, "bench_head");
                let mut author = desk(&address, "bench_info");
                let id = submitted_post(&mut author, &format!("基准测试：第{n}桌"));
                while !go.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(5));
                }
                let until = Instant::now() + Duration::from_secs(3);
                while Instant::now() < until {
                    cycle(&mut reviewer, &mut author, id);
                    steps.fetch_add(2, Ordering::Relaxed);
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(2));
    let started = Instant::now();
    go.store(true, Ordering::Relaxed);
    for h in handles {
        h.join().unwrap();
    }
    let secs = started.elapsed().as_secs_f64();
    let total = steps.load(Ordering::Relaxed);
    println!(
        "16 desks at once: {total} steps in {secs:.2} s = {:.0} steps/s, no error",
        total as f64 / secs
    );
    let check = Store::open_server_in(address, None, Some(SCHEMA))
        .unwrap()
        .verify_audit()
        .unwrap();
    assert!(check.broken.is_none(), "{:?}", check.problem);
}

/// From one desk's commit to another desk's callback, 50 times.
fn notify_latency(address: &ServerAddress) {
    let listening = Store::open_server_in(address, None, Some(SCHEMA)).unwrap();
    let (tx, rx) = mpsc::channel();
    let listener = listening
        .listen_for_changes(move || {
            let _ = tx.send(Instant::now());
        })
        .unwrap();
    rx.recv_timeout(Duration::from_secs(10)).unwrap();
    assert!(listener.is_connected());
    let mut author = desk(address, "bench_info");
    while rx.try_recv().is_ok() {}
    let id = author.create_post(&news("基准测试：通知")).unwrap();
    while rx.recv_timeout(Duration::from_millis(200)).is_ok() {}
    let mut latencies = Vec::new();
    for _ in 0..50 {
        let v = author.post(id).unwrap().version;
        let sent = Instant::now();
        let step = if v % 2 == 0 {
            PostAction::Submit
        } else {
            PostAction::Withdraw
        };
        if author.post_step(id, v, &step).is_err() {
            let v = author.post(id).unwrap().version;
            let other = if matches!(step, PostAction::Submit) {
                PostAction::Withdraw
            } else {
                PostAction::Submit
            };
            author.post_step(id, v, &other).unwrap();
        }
        let seen = rx.recv_timeout(Duration::from_secs(5)).unwrap();
        latencies.push(seen.duration_since(sent));
        while rx.recv_timeout(Duration::from_millis(20)).is_ok() {}
    }
    latencies.sort();
    println!(
        "a step reaching another desk: median {:?}, worst {:?} (50 steps)",
        latencies[latencies.len() / 2],
        latencies[latencies.len() - 1]
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
