//! 设置 › 节假日安排 driven like a person would (egui_kittest, no display): a year without a
//! schedule says what that means, a click cycles a day 普通 → 休 → 班 → 普通, the notice
//! number is checked, 保存 stores the year and later deadlines count on it; unsaved clicks
//! survive leaving the page and 放弃 drops them.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::domain::calendar::{DayKind, filing_deadline};
use mediadesk::store::{DEMO_PASSWORD, Store};
use mediadesk::ui::MediaDeskApp;

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn settings_page() -> Harness<'static, MediaDeskApp> {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(d("2026-11-26")).unwrap();
    s.sign_in("admin", DEMO_PASSWORD).unwrap();
    let app = MediaDeskApp::new(Ok(s), d("2026-11-26"));
    let mut h = Harness::builder()
        .with_size([1366.0, 2600.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    h.get_by_role_and_label(Role::Button, "设置").click();
    h.run();
    h.get_by_label("按日历点选放假和调休上班的日子").click();
    h.run();
    h
}

fn click(h: &mut Harness<'_, MediaDeskApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

fn type_notice(h: &mut Harness<'_, MediaDeskApp>, text: &str) {
    let label = "国务院办公厅通知文号：";
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

fn stored_2027(h: &Harness<'_, MediaDeskApp>) -> bool {
    let store = h.state().workspace().unwrap().store();
    store.work_calendar().unwrap().schedule(2027).is_some()
}

#[test]
fn a_new_year_is_clicked_in_checked_saved_and_counted_on() {
    let mut h = settings_page();
    h.get_by_label_contains("尚无 2027 年的节假日安排");
    h.get_by_label("2027 年节假日安排");

    // Saturday 2 January cycles 普通 → 休 → 班 → 普通.
    for (from, to) in [("普通", "休"), ("休", "班"), ("班", "普通")] {
        click(&mut h, &format!("1月2日 {from}"));
        h.get_by_role_and_label(Role::Button, &format!("1月2日 {to}"));
    }
    // A weekday has no 班: 普通 → 休 → 普通.
    click(&mut h, "1月4日 普通");
    click(&mut h, "1月4日 休");
    h.get_by_role_and_label(Role::Button, "1月4日 普通");

    // 元旦 on Friday 1 January and Monday 4 January off, Saturday 9 January worked.
    click(&mut h, "1月1日 普通");
    click(&mut h, "1月4日 普通");
    click(&mut h, "1月9日 普通");
    click(&mut h, "1月9日 休");
    h.get_by_label_contains("有未保存的修改");

    // No notice number, then one without its bracketed year: refused, nothing stored.
    click(&mut h, "保存 2027 年");
    h.get_by_label_contains("请填写国务院办公厅通知文号");
    assert!(!stored_2027(&h));
    type_notice(&mut h, "国办发明电");
    click(&mut h, "保存 2027 年");
    h.get_by_label_contains("通知文号应含方括号中的年份");
    assert!(!stored_2027(&h));

    type_notice(&mut h, "〔2026〕7号");
    click(&mut h, "保存 2027 年");
    assert!(stored_2027(&h), "the year is stored");
    assert!(h.query_by_label_contains("有未保存的修改").is_none());
    assert!(h.query_by_label_contains("尚无 2027 年").is_none());

    let calendar = h
        .state()
        .workspace()
        .unwrap()
        .store()
        .work_calendar()
        .unwrap();
    let schedule = calendar.schedule(2027).unwrap();
    assert_eq!(
        schedule.sources,
        vec!["国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕7号）".to_owned()]
    );
    assert_eq!(
        calendar.day_kind(d("2027-01-01")),
        Ok(DayKind::Holiday {
            name: "元旦".into()
        })
    );
    assert!(matches!(
        calendar.day_kind(d("2027-01-04")),
        Ok(DayKind::Holiday { .. })
    ));
    assert!(matches!(
        calendar.day_kind(d("2027-01-09")),
        Ok(DayKind::MakeupWorkday { .. })
    ));
    // A platform created on Thursday 31 December 2026 is due on the 5th working day after:
    // 5–8 January and the worked Saturday 9 January.
    assert_eq!(
        filing_deadline(&calendar, d("2026-12-31")),
        Ok(d("2027-01-09"))
    );
    // The grids show the stored year.
    h.get_by_role_and_label(Role::Button, "1月9日 班");
}

#[test]
fn unsaved_clicks_survive_leaving_the_page_and_discard_drops_them() {
    let mut h = settings_page();
    click(&mut h, "3月1日 普通");
    h.get_by_label_contains("有未保存的修改");
    click(&mut h, "平台台账");
    click(&mut h, "设置");
    h.get_by_role_and_label(Role::Button, "3月1日 休");
    h.get_by_label_contains("有未保存的修改");
    click(&mut h, "放弃");
    h.get_by_role_and_label(Role::Button, "3月1日 普通");
    assert!(h.query_by_label_contains("有未保存的修改").is_none());
    assert!(!stored_2027(&h));
}

#[test]
fn a_bundled_year_shows_its_holidays_and_make_up_days() {
    let mut h = settings_page();
    h.get_by_role_and_label(Role::ComboBox, "年份：").click();
    h.run();
    h.get_by_label("2026 年").click();
    h.run();
    h.get_by_label("2026 年节假日安排");
    assert!(h.query_by_label_contains("尚无 2026 年").is_none());
    h.get_by_role_and_label(Role::Button, "10月1日 休");
    h.get_by_role_and_label(Role::Button, "10月10日 班");
    h.get_by_role_and_label(Role::Button, "10月12日 普通");
    let notice = h
        .get_by_role_and_label(Role::TextInput, "国务院办公厅通知文号：")
        .value()
        .unwrap_or_default();
    assert_eq!(notice, "国办发明电〔2025〕7号");
}

#[test]
fn a_year_with_no_day_marked_is_refused_and_the_calendar_unchanged() {
    let mut h = settings_page();
    type_notice(&mut h, "国办发明电〔2026〕7号");
    click(&mut h, "保存 2027 年");
    h.get_by_label_contains("原有日历未改动");
    assert!(!stored_2027(&h));
    // The typing is kept: marking a day and saving again stores the year.
    click(&mut h, "1月1日 普通");
    click(&mut h, "保存 2027 年");
    assert!(stored_2027(&h));
    assert!(h.query_by_label_contains("原有日历未改动").is_none());
}
