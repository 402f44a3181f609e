//! The registry at scale: 60 units, 10,000 platforms, 30,000 people (`mediadesk demo
//! --scale 10000`). Budgets: re-filter on a keystroke ≤ 2 ms; one frame of the registry
//! view ≤ 4 ms of CPU.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;
use mediadesk::domain::registry::{RegistryQuery, Sort, filter_rows, registry_clock, sort_rows};
use mediadesk::store::Store;
use mediadesk::ui::{MediaDeskApp, RegistryView};

fn large_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    store.generate_large(10_000, None, today).unwrap();
    store
}

fn rows(store: &Store) -> Vec<mediadesk::domain::registry::RegistryRow> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let cal = store.work_calendar().unwrap();
    store
        .registry_rows(|s, c| registry_clock(&cal, s, c, today))
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let store = large_store();
    let rows = rows(&store);
    assert_eq!(rows.len(), 10_000);
    let sorted = sort_rows(&rows, Sort::default());

    let mut group = c.benchmark_group("registry_10k");
    for (name, search) in [
        ("one_char", "王"),
        ("two_chars", "学院"),
        ("miss", "不存在的账号"),
        ("ascii", "acct_09"),
    ] {
        let query = RegistryQuery {
            search: search.into(),
            ..Default::default()
        };
        group.bench_function(format!("filter_{name}"), |b| {
            b.iter(|| black_box(filter_rows(&rows, &sorted, black_box(&query))).len())
        });
    }
    group.bench_function("sort_by_created_on", |b| {
        b.iter(|| {
            black_box(sort_rows(
                &rows,
                Sort {
                    column: mediadesk::domain::registry::Column::CreatedOn,
                    ascending: false,
                },
            ))
        })
    });
    group.bench_function("load_rows_from_sqlite", |b| {
        b.iter(|| black_box(self::rows(&store)).len())
    });

    // One frame of the registry view: layout and tessellation, no GPU.
    let ctx = egui::Context::default();
    MediaDeskApp::setup(&ctx);
    let mut view = RegistryView::default();
    view.set_rows(
        rows.clone(),
        store.units().unwrap(),
        store.platform_kinds().unwrap(),
    );
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    };
    let frame = |ctx: &egui::Context, view: &mut RegistryView| {
        let out = ctx.run_ui(input(), |ui| {
            egui::CentralPanel::default_margins().show(ui, |ui| {
                let mut actions = Vec::new();
                view.ui(ui, &mut actions);
                black_box(actions.len());
            });
        });
        black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
    };
    // Warm the font atlas with every glyph the table shows.
    for _ in 0..5 {
        frame(&ctx, &mut view);
    }
    group.bench_function("frame_registry_view", |b| b.iter(|| frame(&ctx, &mut view)));
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30);
    targets = bench
}
criterion_main!(benches);
