//! Issue 14 item 3: messages that behave. A notice comes as a toast over the page (nothing on
//! the page moves), a success fades by itself, and nothing the last person left on screen (an
//! error, a half-typed form) is shown to the next one after 切换用户.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::store::{DEMO_PASSWORD, Store};
use mediadesk::ui::MediaDeskApp;

fn demo(login: &str, step: f32) -> Harness<'static, MediaDeskApp> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(today).unwrap();
    store.sign_in(login, DEMO_PASSWORD).unwrap();
    let app = MediaDeskApp::new(Ok(store), today);
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_step_dt(step)
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    h
}

fn click(h: &mut Harness<'_, MediaDeskApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

fn notice(h: &Harness<'_, MediaDeskApp>) -> Option<String> {
    h.state().workspace().unwrap().notice().map(str::to_owned)
}

#[test]
fn a_notice_is_a_toast_that_moves_nothing_and_a_success_fades() {
    let mut h = demo("admin", 0.5);
    click(&mut h, "设置");
    let button = h.get_by_label("保存设置").rect();
    click(&mut h, "保存设置");
    assert_eq!(notice(&h).as_deref(), Some("设置已保存"));
    let toast = h.get_by_label("设置已保存").rect();
    // At the bottom right of the window, over the page: the page stays where it was.
    assert!(toast.min.x > 640.0 && toast.min.y > 700.0, "{toast:?}");
    assert_eq!(h.get_by_label("保存设置").rect(), button);
    for _ in 0..24 {
        h.step();
    }
    assert!(notice(&h).is_none(), "a success fades after a few seconds");
    assert!(h.query_by_label("设置已保存").is_none());
}

#[test]
fn what_one_person_left_on_screen_is_gone_for_the_next() {
    let mut h = demo("admin", 1.0 / 60.0);
    click(&mut h, "单位与人员");
    click(&mut h, "＋ 新增单位");
    h.get_by_role_and_label(Role::TextInput, "单位名称：")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "单位名称：")
        .type_text("商学院");
    h.run();
    click(&mut h, "保存");
    // The name is taken: the refusal is shown on the page, the form kept.
    let refusal = "已有名为「商学院」的单位，请换一个名称。";
    h.get_by_label(refusal);
    click(&mut h, "取消");
    h.get_by_label(refusal);

    click(&mut h, "切换用户");
    h.get_by_role_and_label(Role::TextInput, "登录名：").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "登录名：")
        .type_text("admin");
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "密码：")
        .click();
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "密码：")
        .type_text(DEMO_PASSWORD);
    h.run();
    click(&mut h, "登录");
    click(&mut h, "单位与人员");
    assert!(
        h.query_by_label(refusal).is_none(),
        "the old refusal is gone"
    );
}

fn field<'a>(h: &'a Harness<'_, MediaDeskApp>, label: &'a str) -> egui_kittest::Node<'a> {
    h.get_by_role_and_label(Role::TextInput, label)
}

#[test]
fn the_platform_form_keeps_its_fields_still_and_a_refused_save_goes_to_the_first_wrong_one() {
    let mut h = demo("wangjianguo", 1.0 / 60.0);
    h.get_by_role_and_label(Role::Button, "平台台账").click();
    h.run();
    h.get_by_label("＋ 新增平台").click();
    h.run();
    let below = field(&h, "批准文号：").rect();
    // A message appears under 联络手机 as one types a bad value, then goes: nothing below
    // it moves either time.
    field(&h, "联络手机：").click();
    h.run();
    field(&h, "联络手机：").type_text("12");
    h.run();
    h.get_by_label_contains("手机号码应为 11 位数字");
    assert_eq!(field(&h, "批准文号：").rect(), below);
    // 保存 with the form incomplete: the first wrong text field has the keyboard.
    field(&h, "账号名称：").click();
    h.run();
    field(&h, "账号名称：").type_text("新号");
    h.run();
    h.get_by_role_and_label(Role::Button, "保存").click();
    h.run();
    h.get_by_label_contains("还有内容需要修改");
    assert!(
        field(&h, "账号 ID：").is_focused(),
        "the first wrong field is focused"
    );
}
