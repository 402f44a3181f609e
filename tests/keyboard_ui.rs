//! Issue 14 item 4: the keyboard. Enter submits the form it was pressed in, Ctrl+S saves,
//! Esc closes the top dialog (asking first when there is typing), Ctrl+F finds, Ctrl+N starts
//! something new, F1 lists them; 切换用户 asks before dropping a post's unsaved typing.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::store::{DEMO_PASSWORD, PostFilter, Store};
use mediadesk::ui::MediaDeskApp;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn harness_over(store: Store) -> Harness<'static, MediaDeskApp> {
    let app = MediaDeskApp::new(Ok(store), today());
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    h
}

fn demo(login: &str) -> Harness<'static, MediaDeskApp> {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(today()).unwrap();
    store.sign_in(login, DEMO_PASSWORD).unwrap();
    harness_over(store)
}

fn input<'a>(h: &'a Harness<'_, MediaDeskApp>, label: &'a str) -> egui_kittest::Node<'a> {
    h.query_by_role_and_label(Role::TextInput, label)
        .unwrap_or_else(|| h.get_by_role_and_label(Role::MultilineTextInput, label))
}

fn type_in(h: &mut Harness<'_, MediaDeskApp>, label: &str, text: &str) {
    input(h, label).click();
    h.run();
    input(h, label).type_text(text);
    h.run();
}

fn press(h: &mut Harness<'_, MediaDeskApp>, modifiers: Modifiers, key: Key) {
    h.key_combination_modifiers(modifiers, &[key]);
    h.run();
}

fn ctrl(h: &mut Harness<'_, MediaDeskApp>, key: Key) {
    press(h, Modifiers::COMMAND, key);
}

fn registry(h: &mut Harness<'_, MediaDeskApp>) {
    h.get_by_role_and_label(Role::Button, "平台台账").click();
    h.run();
}

fn platform_count(h: &Harness<'_, MediaDeskApp>) -> usize {
    h.state()
        .workspace()
        .unwrap()
        .store()
        .platforms()
        .unwrap()
        .len()
}

#[test]
fn ctrl_n_opens_a_new_platform_and_esc_closes_it_asking_when_typed() {
    let mut h = demo("wangjianguo");
    registry(&mut h);
    ctrl(&mut h, Key::N);
    assert!(
        h.query_by_label("新增平台").is_some(),
        "Ctrl+N opens the dialog"
    );
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(
        h.query_by_label("新增平台").is_none(),
        "Esc closes an untouched dialog"
    );

    ctrl(&mut h, Key::N);
    type_in(&mut h, "账号名称：", "半截输入");
    press(&mut h, Modifiers::NONE, Key::Escape);
    // Typing is never dropped without asking.
    h.get_by_label("继续编辑").click();
    h.run();
    assert_eq!(input(&h, "账号名称：").value().as_deref(), Some("半截输入"));
}

#[test]
fn enter_and_ctrl_s_save_the_platform_dialog_only_when_it_is_right() {
    let mut h = demo("wangjianguo");
    let before = platform_count(&h);
    registry(&mut h);
    ctrl(&mut h, Key::N);
    type_in(&mut h, "账号名称：", "键盘青年");
    // Enter in a one-line field submits: the form is incomplete, so it says so and stays.
    press(&mut h, Modifiers::NONE, Key::Enter);
    h.get_by_label_contains("还有内容需要修改");
    assert_eq!(platform_count(&h), before);
    ctrl(&mut h, Key::S);
    assert_eq!(platform_count(&h), before);
    assert!(h.query_by_label("新增平台").is_some());
}

#[test]
fn ctrl_f_goes_to_the_registry_search() {
    let mut h = demo("admin");
    registry(&mut h);
    ctrl(&mut h, Key::F);
    assert!(input(&h, "搜索：").is_focused());
    h.get_by_role_and_label(Role::TextInput, "搜索：")
        .type_text("微信");
    h.run();
    h.get_by_label_contains("筛选后显示 3 个");
}

#[test]
fn the_post_editor_saves_with_ctrl_s_and_switching_user_asks_first() {
    let mut h = demo("zhangzhe");
    h.get_by_label_contains("信息发布（").click();
    h.run();
    ctrl(&mut h, Key::N);
    type_in(&mut h, "标题：", "键盘写的草稿");
    type_in(&mut h, "正文", "第一段。");
    ctrl(&mut h, Key::S);
    let store = h.state().workspace().unwrap().store();
    let found = store
        .posts(&PostFilter {
            title_contains: "键盘写的草稿".into(),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1, "Ctrl+S saved the draft");

    // More typing, then 切换用户: asked, and 继续编辑 keeps it.
    type_in(&mut h, "正文", "第二段。");
    h.get_by_label("切换用户").click();
    h.run();
    h.get_by_label_contains("切换用户会丢掉这些修改");
    h.get_by_label("继续编辑").click();
    h.run();
    assert!(h.state().workspace().unwrap().store().session().is_some());
    assert!(
        input(&h, "正文")
            .value()
            .is_some_and(|v| v.contains("第二段"))
    );
    // Esc on the editor is 返回列表: asked too, since there is unsaved typing.
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.state().workspace().unwrap().post_view().is_some());
    h.get_by_label("切换用户").click();
    h.run();
    h.get_by_label("不保存，切换用户").click();
    h.run();
    assert!(h.state().workspace().unwrap().store().session().is_none());
}

#[test]
fn f1_lists_the_shortcuts_and_esc_closes_them() {
    let mut h = demo("admin");
    press(&mut h, Modifiers::NONE, Key::F1);
    h.get_by_label("快捷键");
    h.get_by_label("Ctrl+S");
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label("Ctrl+S").is_none());
    h.get_by_label("帮助").click();
    h.run();
    h.get_by_label("Ctrl+N");
}

#[test]
fn enter_on_the_welcome_page_starts_with_the_unit_typed() {
    let mut h = harness_over(Store::open_in_memory().unwrap());
    type_in(&mut h, "本单位名称：", "键盘学院");
    press(&mut h, Modifiers::NONE, Key::Enter);
    // The next step of a fresh start: the first account, the unit kept for after it.
    assert!(
        h.query_by_role_and_label(Role::TextInput, "本单位名称：")
            .is_none(),
        "Enter left the welcome page"
    );
}
