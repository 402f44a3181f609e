//! The 督查 page, driven like a person would (egui_kittest, no display): the school's
//! supervisor lands on it, sees the demo's silent platform as 应发整改通知, narrows the list
//! to one unit and opens a platform from it.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::store::{DEMO_PASSWORD, Store};
use mediadesk::ui::MediaDeskApp;
use mediadesk::ui::Page;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn signed_in(login: &str) -> Harness<'static, MediaDeskApp> {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    s.sign_in(login, DEMO_PASSWORD).unwrap();
    let app = MediaDeskApp::new(Ok(s), today());
    let mut h = Harness::builder()
        .with_size([1366.0, 800.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    h
}

#[test]
fn the_school_supervisor_lands_on_the_dashboard_and_sees_what_is_due() {
    let mut h = signed_in("songwenbo");
    assert_eq!(h.state().workspace().unwrap().page(), Page::Supervision);
    h.get_by_label_contains("督查 · 2026年11月26日");
    assert!(
        !h.query_all_by_label("应发整改通知")
            .collect::<Vec<_>>()
            .is_empty(),
        "the silent platform is listed"
    );
    let all = h
        .state()
        .workspace()
        .unwrap()
        .supervision()
        .shown_items()
        .len();
    assert!(all > 5, "{all}");
    // Every unit has its light and counts; choosing one narrows the list to it.
    let unit = h
        .state()
        .workspace()
        .unwrap()
        .supervision()
        .dashboard()
        .unwrap()
        .units[0]
        .unit
        .clone();
    h.get_by_role_and_label(Role::Button, &unit.name).click();
    h.run();
    let shown = h.state().workspace().unwrap().supervision().shown_items();
    assert!(!shown.is_empty() && shown.len() < all);
    assert!(shown.iter().all(|i| i.unit.id == unit.id));
    // A platform opens from the list: its history window, titled with its name.
    let platform = shown.iter().find_map(|i| i.platform.clone()).unwrap();
    h.get_all_by_label("查看平台").next().unwrap().click();
    h.run();
    h.get_by_label(&mediadesk::text::ui_history::title(&platform.name));
}

#[test]
fn a_unit_administrator_finds_the_dashboard_in_the_navigation() {
    let mut h = signed_in("lijun");
    assert_ne!(h.state().workspace().unwrap().page(), Page::Supervision);
    h.get_by_role_and_label(Role::Button, "督查").click();
    h.run();
    assert_eq!(h.state().workspace().unwrap().page(), Page::Supervision);
    h.get_by_label(mediadesk::text::ui_supervision::CHART_HEADING);
}
