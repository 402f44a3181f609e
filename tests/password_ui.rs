//! Passwords in the window (issue 14): signing in with a password an administrator reset
//! leads to the change-password form before anything else; 修改我的密码 asks for the current
//! password; an administrator resets another's from the 账号 page; the forms' 「必填」 shows only
//! after a field was left or saving was tried.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use eframe::egui;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::store::{DEMO_PASSWORD, Store};
use mediadesk::ui::MediaDeskApp;

fn today() -> NaiveDate {
    mediadesk::today()
}

fn harness(store: Store) -> Harness<'static, MediaDeskApp> {
    let app = MediaDeskApp::new(Ok(store), today());
    // Tall enough for the whole 账号 page of the demo's fifteen accounts.
    let mut h = Harness::builder()
        .with_size([1280.0, 1600.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    h
}

fn type_into(h: &mut Harness<'_, MediaDeskApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).click();
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

fn store_as(login: &str) -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    s.sign_in(login, DEMO_PASSWORD).unwrap();
    s
}

fn must_change(h: &Harness<'_, MediaDeskApp>) -> bool {
    h.state()
        .workspace()
        .unwrap()
        .store()
        .session()
        .is_some_and(|s| s.must_change_password)
}

#[test]
fn a_reset_password_leads_to_the_change_form_first() {
    let mut s = store_as("admin");
    let zhangzhe = s.user_id("zhangzhe").unwrap().unwrap();
    s.reset_password(zhangzhe, "temp-pass-2026", "temp-pass-2026")
        .unwrap();
    s.sign_out().unwrap();
    let mut h = harness(s);
    type_into(&mut h, Role::TextInput, "登录名：", "zhangzhe");
    type_into(&mut h, Role::PasswordInput, "密码：", "temp-pass-2026");
    h.get_by_role_and_label(Role::Button, "登录").click();
    h.run();
    // The form, and nothing of the window behind it.
    h.get_by_label("请先修改密码");
    assert!(h.query_by_label("审计记录").is_none());
    assert!(must_change(&h));
    // A wrong current password is refused in Chinese; the form stays.
    type_into(&mut h, Role::PasswordInput, "当前密码：", "guess-2026");
    type_into(&mut h, Role::PasswordInput, "新密码：", "mine-pass-2026");
    type_into(
        &mut h,
        Role::PasswordInput,
        "确认新密码：",
        "mine-pass-2026",
    );
    h.get_by_role_and_label(Role::Button, "修改密码").click();
    h.run();
    h.get_by_label_contains("当前密码不正确");
    h.get_by_label("请先修改密码");
    type_into(&mut h, Role::PasswordInput, "当前密码：", "temp-pass-2026");
    h.get_by_role_and_label(Role::Button, "修改密码").click();
    h.run();
    assert!(h.query_by_label("请先修改密码").is_none());
    h.get_by_label("审计记录");
    assert!(!must_change(&h));
}

#[test]
fn changing_ones_own_password_asks_for_the_current_one() {
    let mut h = harness(store_as("zhangzhe"));
    h.get_by_role_and_label(Role::Button, "账号").click();
    h.run();
    // Nothing typed, nothing said.
    assert!(h.query_by_label("必填").is_none());
    h.get_by_role_and_label(Role::Button, "修改密码").click();
    h.run();
    assert!(h.query_all_by_label("必填").count() >= 2, "after a try");
    type_into(&mut h, Role::PasswordInput, "当前密码：", "not-it-2026");
    type_into(&mut h, Role::PasswordInput, "新密码：", "mine-pass-2026");
    type_into(
        &mut h,
        Role::PasswordInput,
        "确认新密码：",
        "mine-pass-2026",
    );
    h.get_by_role_and_label(Role::Button, "修改密码").click();
    h.run();
    h.get_by_label_contains("当前密码不正确");
    type_into(&mut h, Role::PasswordInput, "当前密码：", DEMO_PASSWORD);
    h.get_by_role_and_label(Role::Button, "修改密码").click();
    h.run();
    h.get_by_label("密码已修改。");
    let store = h.state().workspace().unwrap().store();
    assert_eq!(
        store
            .audit_entries(&mediadesk::store::AuditFilter {
                limit: 1,
                ..Default::default()
            })
            .unwrap()[0]
            .action,
        "password_set"
    );
}

#[test]
fn an_administrator_resets_anothers_password() {
    let mut h = harness(store_as("admin"));
    h.get_by_role_and_label(Role::Button, "账号").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "账号：").click();
    h.run();
    h.get_by_label_contains("（zhangzhe）").click();
    h.run();
    type_into(&mut h, Role::PasswordInput, "临时密码：", "temp-pass-2026");
    type_into(
        &mut h,
        Role::PasswordInput,
        "确认临时密码：",
        "temp-pass-2026",
    );
    h.get_by_role_and_label(Role::Button, "重置密码").click();
    h.run();
    h.get_by_label_contains("密码已重置");
    let store = h.state_mut().workspace_mut().unwrap().store_mut();
    store.sign_out().unwrap();
    let session = store.sign_in("zhangzhe", "temp-pass-2026").unwrap();
    assert!(session.must_change_password);
}

#[test]
fn sign_in_errors_wait_for_a_try() {
    let mut s = store_as("admin");
    s.sign_out().unwrap();
    let mut h = harness(s);
    assert!(h.query_by_label("必填").is_none());
    // Leaving the login field empty says so beside it, the password field stays quiet.
    h.get_by_role_and_label(Role::TextInput, "登录名：").click();
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(h.query_all_by_label("必填").count(), 1);
    h.get_by_role_and_label(Role::Button, "登录").click();
    h.run();
    assert_eq!(h.query_all_by_label("必填").count(), 2);
}
