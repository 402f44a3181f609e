//! The date picker beside the date fields, driven like a person would (egui_kittest, no
//! display): it opens on the typed month, a click on a day fills the field, 今天 fills
//! today, and the bundled calendar's holidays (休) and make-up working days (班) are marked.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::store::{DEMO_PASSWORD, Store};
use mediadesk::ui::MediaDeskApp;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn new_platform_dialog() -> Harness<'static, MediaDeskApp> {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    s.sign_in("admin", DEMO_PASSWORD).unwrap();
    let app = MediaDeskApp::new(Ok(s), today());
    let mut h = Harness::builder()
        .with_size([1366.0, 900.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    h.get_by_role_and_label(Role::Button, "平台台账").click();
    h.run();
    h.get_by_label("＋ 新增平台").click();
    h.run();
    h
}

fn created_on(h: &Harness<'_, MediaDeskApp>) -> String {
    h.get_by_role_and_label(Role::TextInput, "创建时间：")
        .value()
        .unwrap_or_default()
}

/// Opens the picker of the first date field (创建时间).
fn open_picker(h: &mut Harness<'_, MediaDeskApp>) {
    h.get_all_by_label("日历").next().unwrap().click();
    h.run();
}

#[test]
fn a_click_on_a_day_fills_the_field_and_today_fills_today() {
    let mut h = new_platform_dialog();
    assert_eq!(created_on(&h), "");
    open_picker(&mut h);
    // An empty field opens on today's month, Monday first.
    h.get_by_label("2026年11月");
    for name in ["一", "二", "三", "四", "五", "六", "日"] {
        h.get_by_label(name);
    }
    h.get_by_label_contains("下个月").click();
    h.run();
    h.get_by_label("2026年12月");
    // 2026-12-01 is an ordinary Tuesday: no mark.
    h.get_by_role_and_label(Role::Button, "1").click();
    h.run();
    assert_eq!(created_on(&h), "2026-12-01");
    assert!(h.query_by_label("2026年12月").is_none(), "the grid closed");

    // Opening again starts from the typed month; 今天 fills today.
    open_picker(&mut h);
    h.get_by_label("2026年12月");
    h.get_by_role_and_label(Role::Button, "今天").click();
    h.run();
    assert_eq!(created_on(&h), "2026-11-26");
}

#[test]
fn typing_still_works_and_the_typed_month_opens() {
    let mut h = new_platform_dialog();
    let field = h.get_by_role_and_label(Role::TextInput, "创建时间：");
    field.click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "创建时间：")
        .type_text("2026年10月8日");
    h.run();
    assert_eq!(created_on(&h), "2026年10月8日");
    open_picker(&mut h);
    h.get_by_label("2026年10月");
    // The bundled 2026 notice: 1–7 October off, Saturday 10 October worked, an ordinary
    // weekend marked 休 too.
    for day in 1..=7 {
        h.get_by_role_and_label(Role::Button, &format!("{day}休"));
    }
    h.get_by_role_and_label(Role::Button, "10班");
    h.get_by_role_and_label(Role::Button, "17休");
    h.get_by_role_and_label(Role::Button, "9");
    h.get_by_label_contains("休：放假");
    // A year with no schedule says so and marks only the weekends.
    h.get_by_label_contains("下一年").click();
    h.run();
    h.get_by_label("2027年10月");
    h.get_by_label_contains("尚无 2027 年的节假日安排");
    h.get_by_role_and_label(Role::Button, "2休");
    h.get_by_role_and_label(Role::Button, "1");
}

#[test]
fn a_date_time_field_keeps_its_time() {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    s.sign_in("zhangzhe", DEMO_PASSWORD).unwrap();
    let app = MediaDeskApp::new(Ok(s), today());
    let mut h = Harness::builder()
        .with_size([1400.0, 1000.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    // A unit's people land on 待办: to 信息发布 first.
    h.get_by_label_contains("信息发布（").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "新建信息").click();
    h.run();
    let label = "计划发布时间：";
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text("2026-11-28 14:30");
    h.run();
    h.get_by_label("日历").click();
    h.run();
    h.get_by_label("2026年11月");
    h.get_by_label_contains("下个月").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "2").click();
    h.run();
    let planned = h
        .get_by_role_and_label(Role::TextInput, label)
        .value()
        .unwrap_or_default();
    assert_eq!(planned, "2026-12-02 14:30");
}
