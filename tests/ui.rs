//! The window, driven like a person would: click, type, look (egui_kittest, no display).
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use eframe::egui;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::domain::unit::UnitDraft;
use mediadesk::store::Store;
use mediadesk::ui::MediaDeskApp;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn harness(store: Store) -> Harness<'static, MediaDeskApp> {
    harness_over(Ok(store), [1280.0, 800.0])
}

fn harness_over(
    store: Result<Store, mediadesk::store::StoreError>,
    size: [f32; 2],
) -> Harness<'static, MediaDeskApp> {
    let app = MediaDeskApp::new(store, today());
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    // A unit's people start on 待办: go to the registry as they would (when signed in).
    let _ = h.run_ok();
    if let Some(nav) = h.query_by_role_and_label(Role::Button, "平台台账") {
        nav.click();
    }
    h
}

fn demo_store() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    s.sign_in("admin", mediadesk::store::DEMO_PASSWORD).unwrap();
    s
}

fn visible_names(h: &Harness<'_, MediaDeskApp>) -> Vec<String> {
    h.state()
        .workspace()
        .unwrap()
        .registry()
        .visible_rows()
        .map(|r| r.name.clone())
        .collect()
}

fn input<'a>(h: &'a Harness<'_, MediaDeskApp>, label: &'a str) -> egui_kittest::Node<'a> {
    h.query_by_role_and_label(Role::TextInput, label)
        .unwrap_or_else(|| h.get_by_role_and_label(Role::MultilineTextInput, label))
}

#[test]
fn typing_into_search_filters_the_table() {
    let mut h = harness(demo_store());
    h.run();
    let all = visible_names(&h);
    assert_eq!(all.len(), 17);
    h.get_by_label("共 17 个平台");
    let search = input(&h, "搜索：");
    search.click();
    h.run();
    input(&h, "搜索：").type_text("微信");
    h.run();
    let shown = visible_names(&h);
    assert_eq!(shown.len(), 3, "{shown:?}");
    assert!(shown.contains(&"文传青年".to_owned()));
    // The table on screen follows: a WeChat account is drawn, a Bilibili one is not.
    h.get_by_label("外院声音");
    assert!(h.query_by_label("电信极客").is_none());
    h.get_by_label("共 17 个平台，筛选后显示 3 个");
}

#[test]
fn clicking_a_header_sorts() {
    let mut h = harness(demo_store());
    h.run();
    h.get_by_label("创建时间").click();
    h.run();
    let names = visible_names(&h);
    assert_eq!(names.first().map(String::as_str), Some("电子信息工程学院"));
    h.get_by_label("创建时间 ▲").click();
    h.run();
    assert_eq!(
        visible_names(&h).first().map(String::as_str),
        Some("电信学生会")
    );
}

/// 测试学院 with its 管理员 signed in (the person who registers platforms).
fn store_with_one_unit() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    s.create_first_admin("xitong", "xitong-2026").unwrap();
    let unit = s
        .add_unit(&UnitDraft {
            name: "测试学院".into(),
            ..Default::default()
        })
        .unwrap();
    let person = s
        .add_person(&mediadesk::domain::unit::PersonDraft {
            unit_id: unit,
            name: "测试管理员".into(),
            mobile: "13800000000".into(),
            roles: vec![
                mediadesk::domain::unit::Role::Administrator,
                mediadesk::domain::unit::Role::UnitHead,
            ],
        })
        .unwrap();
    s.add_user(&mediadesk::store::NewUser {
        login: "ceshi".into(),
        display_name: String::new(),
        person_id: Some(person),
        is_system_admin: false,
        is_school_supervisor: false,
        password: "ceshi-2026".into(),
        password_again: "ceshi-2026".into(),
    })
    .unwrap();
    s.sign_out().unwrap();
    s.sign_in("ceshi", "ceshi-2026").unwrap();
    s
}

fn type_into(h: &mut Harness<'_, MediaDeskApp>, label: &str, text: &str) {
    password(h, label).click();
    h.run();
    password(h, label).type_text(text);
    h.run();
}

fn password<'a>(h: &'a Harness<'_, MediaDeskApp>, label: &'a str) -> egui_kittest::Node<'a> {
    h.get_by_role_and_label(Role::PasswordInput, label)
}

/// Opens the dialog and fills every required field with good values.
fn fill_new_platform(h: &mut Harness<'_, MediaDeskApp>, mobile: &str) {
    h.get_by_label("＋ 新增平台").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "创建单位：")
        .click();
    h.run();
    h.get_by_label("测试学院").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "媒体平台：")
        .click();
    h.run();
    h.get_by_label("抖音").click();
    h.run();
    for (label, value) in [
        ("账号名称：", "测试青年说"),
        ("账号 ID：", "test_youth"),
        ("内容范围：", "学生活动短视频"),
        ("创建时间：", "2026-11-20"),
        ("负责人：", "王建国"),
        ("联络手机：", mobile),
        ("管理员1姓名", "李珺"),
    ] {
        input(h, label).click();
        h.run();
        input(h, label).type_text(value);
        h.run();
    }
    // The administrator's mobile input is labelled 「手机」.
    input(h, "手机").click();
    h.run();
    input(h, "手机").type_text("15937165432");
    h.run();
}

#[test]
fn adding_a_platform_through_the_dialog_puts_it_in_the_table() {
    let mut h = harness(store_with_one_unit());
    h.run();
    assert!(visible_names(&h).is_empty());
    fill_new_platform(&mut h, "13812345678");
    h.get_by_label("保存").click();
    h.run();
    assert_eq!(visible_names(&h), vec!["测试青年说".to_owned()]);
    assert!(
        h.state()
            .workspace()
            .unwrap()
            .store()
            .platforms()
            .unwrap()
            .len()
            == 1
    );
    // The dialog closed and the row is drawn.
    assert!(h.query_by_label("新增平台").is_none());
    h.get_by_label("测试青年说");
    h.get_by_label("剩 1 个工作日");
}

#[test]
fn a_bad_mobile_shows_the_error_beside_the_field_and_saves_nothing() {
    let mut h = harness(store_with_one_unit());
    h.run();
    fill_new_platform(&mut h, "1381234");
    h.get_by_label("手机号码应为 11 位数字");
    h.get_by_label("保存").click();
    h.run();
    assert!(
        h.state()
            .workspace()
            .unwrap()
            .store()
            .platforms()
            .unwrap()
            .is_empty()
    );
    h.get_by_label("还有内容需要修改，请看各项旁边的红色提示。");
    // The typing is kept.
    assert_eq!(input(&h, "联络手机：").value().as_deref(), Some("1381234"));
}

#[test]
fn closing_a_changed_dialog_asks_first() {
    let mut h = harness(store_with_one_unit());
    h.run();
    h.get_by_label("＋ 新增平台").click();
    h.run();
    input(&h, "账号名称：").click();
    h.run();
    input(&h, "账号名称：").type_text("半截");
    h.run();
    h.get_by_label("取消").click();
    h.run();
    h.get_by_label("放弃未保存的修改？");
    h.get_by_label("继续编辑").click();
    h.run();
    assert_eq!(input(&h, "账号名称：").value().as_deref(), Some("半截"));
    h.get_by_label("取消").click();
    h.run();
    h.get_by_label("放弃修改").click();
    h.run();
    assert!(h.query_by_label("放弃未保存的修改？").is_none());
    assert!(
        h.query_all_by_role_and_label(Role::TextInput, "账号名称：")
            .next()
            .is_none()
    );
}

#[test]
fn an_empty_database_opens_the_welcome_page_and_loads_the_demo() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    h.get_by_label("欢迎使用 MediaDesk");
    h.get_by_role_and_label(Role::Button, "载入演示数据")
        .click();
    h.run();
    // The demo's accounts are listed on the sign-in page; signing in opens the window.
    h.get_by_label_contains("admin　系统管理员").click();
    h.run();
    type_into(&mut h, "密码：", mediadesk::store::DEMO_PASSWORD);
    h.get_by_role_and_label(Role::Button, "登录").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "平台台账").click();
    h.run();
    assert_eq!(visible_names(&h).len(), 17);
    h.get_by_label("逾期未备案");
}

#[test]
fn starting_empty_with_ones_own_unit() {
    let mut h = harness(Store::open_in_memory().unwrap());
    h.run();
    input(&h, "本单位名称：").click();
    h.run();
    input(&h, "本单位名称：").type_text("外国语学院");
    h.run();
    h.get_by_label("开始").click();
    h.run();
    // A new database asks for its system administrator first.
    h.get_by_label("创建系统管理员");
    type_into(&mut h, "密码：", "xitong-2026");
    type_into(&mut h, "再输一次：", "xitong-2025");
    h.get_by_label("创建并登录").click();
    h.run();
    h.get_by_label_contains("两次输入的密码不一致");
    password(&h, "再输一次：").click();
    h.run();
    h.key_press(egui::Key::End);
    h.key_press(egui::Key::Backspace);
    password(&h, "再输一次：").type_text("6");
    h.run();
    h.get_by_label("创建并登录").click();
    h.run();
    h.get_by_label("共 0 个平台");
    assert!(
        h.state()
            .workspace()
            .unwrap()
            .store()
            .session()
            .unwrap()
            .is_system_admin
    );
    let units = h.state().workspace().unwrap().store().units().unwrap();
    assert_eq!(units[0].name, "外国语学院");
}

#[test]
fn a_database_that_cannot_be_opened_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.db");
    std::fs::write(&path, "not sqlite at all, just text").unwrap();
    let mut h = harness_over(Store::open(&path), [1000.0, 600.0]);
    h.run();
    h.get_by_label("无法打开数据库");
    h.get_by_label_contains("不是 SQLite 数据库");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "not sqlite at all, just text"
    );
}

#[test]
fn people_names_outside_gb2312_render() {
    // kittest panics on a missing glyph: drawing the units page proves 喆 堃 珺 render.
    let mut h = harness(demo_store());
    h.run();
    h.get_by_label("单位与人员").click();
    h.run();
    h.get_by_label("李珺");
    h.get_by_label("张喆");
}

#[test]
fn an_unsaved_dialog_comes_back_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    {
        let mut s = Store::open(&path).unwrap();
        s.create_first_admin("xitong", "xitong-2026").unwrap();
        s.add_unit(&UnitDraft {
            name: "测试学院".into(),
            ..Default::default()
        })
        .unwrap();
    }
    let signed_in = |path: &std::path::Path| {
        Store::open(path).map(|mut s| {
            s.sign_in("xitong", "xitong-2026").unwrap();
            s
        })
    };
    {
        let mut h = harness_over(signed_in(&path), [1280.0, 800.0]);
        h.run();
        h.get_by_label("＋ 新增平台").click();
        h.run();
        input(&h, "账号名称：").click();
        h.run();
        input(&h, "账号名称：").type_text("写到一半的账号");
        h.run();
        // The periodic autosave (every 2 s while typing) has the same effect; the process
        // then dies without saving the platform.
        h.state_mut().workspace_mut().unwrap().flush_autosave();
    }
    let mut h = harness_over(signed_in(&path), [1280.0, 800.0]);
    h.run();
    h.get_by_label("已恢复上次未保存的内容（程序上次可能意外退出）。");
    assert_eq!(
        input(&h, "账号名称：").value().as_deref(),
        Some("写到一半的账号")
    );
}

#[test]
fn the_administrator_is_not_offered_to_switch_themselves_off() {
    let mut h = harness(demo_store());
    h.run();
    h.get_by_label("账号").click();
    h.run();
    // Every other account has 停用; one's own row says 本人 instead.
    let users = h
        .state()
        .workspace()
        .unwrap()
        .store()
        .users()
        .unwrap()
        .len();
    assert_eq!(h.query_all_by_label("停用").count(), users - 1);
    assert!(h.query_by_label("（本人）").is_some());
}
