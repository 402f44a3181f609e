//! The lifecycle in the window: editing a filed platform asks for the change reason, the
//! history window closes a platform, the calendar editor refuses a bad year and takes a good one.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::domain::platform::PlatformStatus;
use mediadesk::store::Store;
use mediadesk::ui::MediaDeskApp;

fn today() -> NaiveDate {
    mediadesk::today()
}

/// The demo school in the window, signed in as `login`.
fn harness(login: &str) -> Harness<'static, MediaDeskApp> {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(today()).unwrap();
    store
        .sign_in(login, mediadesk::store::DEMO_PASSWORD)
        .unwrap();
    let app = MediaDeskApp::new(Ok(store), today());
    let mut h = Harness::builder()
        .with_size([1280.0, 1000.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    // From 待办 (the first page after signing in) to the registry.
    h.run();
    h.get_by_role_and_label(Role::Button, "平台台账").click();
    h
}

fn platform_status(h: &Harness<'_, MediaDeskApp>, name: &str) -> PlatformStatus {
    let store = h.state().workspace().unwrap().store();
    store
        .platforms()
        .unwrap()
        .into_iter()
        .find(|p| p.draft.name.contains(name))
        .unwrap()
        .status
}

fn type_into(h: &mut Harness<'_, MediaDeskApp>, label: &str, text: &str) {
    // Fields low in a dialog may be scrolled out of view: bring them in first, as a person would.
    h.get_by_role_and_label(Role::TextInput, label)
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

#[test]
fn editing_a_filed_platform_asks_why_and_records_the_change() {
    // 文传青年 is kept by 文学与传媒学院's administrator.
    let mut h = harness("huangkun");
    let id = {
        let store = h.state().workspace().unwrap().store();
        let p = store
            .platforms()
            .unwrap()
            .into_iter()
            .find(|p| p.draft.name == "文传青年")
            .unwrap();
        p.id
    };
    h.run();
    h.get_by_label("文传青年").click();
    h.run();
    type_into(&mut h, "账号名称：", "说");
    h.get_by_label("保存").click();
    h.run();
    h.get_by_label("已备案平台的信息变更须书面报备（第四条二），请填写变更原因");
    let store = h.state().workspace().unwrap().store();
    assert_eq!(store.platform(id).unwrap().draft.name, "文传青年");
    type_into(&mut h, "变更原因：", "账号更名");
    h.get_by_label("保存").click();
    h.run();
    let store = h.state().workspace().unwrap().store();
    let p = store.platform(id).unwrap();
    assert!(p.draft.name.contains('说'), "{}", p.draft.name);
    assert_eq!(p.status, PlatformStatus::ChangePending);
    let change = &store.platform_changes(id).unwrap()[0];
    assert_eq!(change.reason, "账号更名");
    assert_eq!(change.fields[0].field, "账号名称");
}

#[test]
fn the_history_window_closes_a_platform() {
    // 电信极客 is 电子信息工程学院's; its administrator stops it.
    let mut h = harness("zhengzihan");
    h.run();
    h.get_by_label("电信极客").click();
    h.run();
    h.get_by_label("历史与报备…").click();
    h.run();
    h.get_by_label("平台历史：电信极客");
    h.get_by_label("登记");
    h.get_by_label("停止运营…").click();
    h.run();
    // Without the content disposition it is refused, and says what is missing.
    type_into(&mut h, "停止运营原因：", "项目结束");
    h.get_by_label("确定").click();
    h.run();
    h.get_by_label("请填写已发布内容的处理方式。");
    assert_eq!(platform_status(&h, "电信极客"), PlatformStatus::Filed);
    type_into(&mut h, "已发布内容处理：", "保留历史内容");
    h.get_by_label("确定").click();
    h.run();
    assert_eq!(platform_status(&h, "电信极客"), PlatformStatus::Closed);
    h.get_by_label("打印停止运营报告…");
}
