//! Backups at the scale of a whole school (issue 13): the generated large school with 10,000
//! platforms and 200,000 posts. Budget: a backup ≤ 2 s, without blocking the window — the
//! window's daily backup runs on its own thread through a read-only connection
//! (`ops::file_backup`), measured here; 立即备份 (the store's backup, on record); and the
//! 设置 page's list, which opens each backup to say what it holds. The database is generated once into the system's temporary folder
//! (`mediadesk-bench-backup/`) and reused by later runs.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use mediadesk::store::back_up_file;
use mediadesk::store::{DEMO_PASSWORD, Store, list_backups};

const POSTS: usize = 200_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// The large school's file, generated on the first run.
fn big_school() -> PathBuf {
    let dir = std::env::temp_dir().join("mediadesk-bench-backup");
    let db = dir.join("mediadesk.db");
    let ready = dir.join("ready");
    if !ready.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let started = Instant::now();
        let mut store = Store::open(&db).unwrap();
        store.generate_large(10_000, Some(POSTS), today()).unwrap();
        drop(store);
        std::fs::write(&ready, b"").unwrap();
        println!(
            "generated the {POSTS}-post school in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!("database: {} MB", size / (1024 * 1024));
    db
}

fn bench_backup(c: &mut Criterion) {
    let db = big_school();
    // The window holds the database open (and locked) meanwhile, as in real use.
    let mut window = Store::open(&db).unwrap();
    window.sign_in("admin", DEMO_PASSWORD).unwrap();
    let folder = db.with_file_name("backups");
    let at = today().and_hms_opt(9, 0, 0).unwrap();
    let mut group = c.benchmark_group("backup");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    // The same name each time: the new copy replaces the last (rename), the disk stays flat.
    group.bench_function("daily backup, 200k posts", |b| {
        b.iter(|| black_box(back_up_file(&db, &folder, 2, at).unwrap()))
    });
    // 立即备份: the store's own backup on the window's connection, on record in the audit log.
    let by_hand = db.with_file_name("by-hand");
    group.bench_function("立即备份 (on record), 200k posts", |b| {
        b.iter(|| black_box(window.automatic_backup(Some(&by_hand), 2).unwrap()))
    });
    group.bench_function("list backups (设置 → 数据库)", |b| {
        b.iter(|| black_box(list_backups(&folder).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench_backup);
criterion_main!(benches);
