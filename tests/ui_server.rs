//! The window's school-server parts, driven like a person would (egui_kittest, no display):
//! 设置 → 数据库, the 连接学校服务器 form refusing bad input with the typing kept, 测试连接
//! against nothing and (with MEDIADESK_TEST_PG) against a real server, the welcome page's
//! offer, and the start-up page asking for the server's password.
#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use eframe::egui;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::store::db::server::{ServerAddress, ServerError};
use mediadesk::store::{Location, Store, StoreError};
use mediadesk::ui::MediaDeskApp;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn harness(app: MediaDeskApp) -> Harness<'static, MediaDeskApp> {
    Harness::builder()
        .with_size([1280.0, 900.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app)
}

/// The demo school in a file, the system administrator signed in.
fn demo_file(dir: &tempfile::TempDir) -> (Store, std::path::PathBuf) {
    let path = dir.path().join("学院.db");
    let mut s = Store::open(&path).unwrap();
    s.load_demo(today()).unwrap();
    s.sign_in("admin", mediadesk::store::DEMO_PASSWORD).unwrap();
    (s, path)
}

fn input<'a>(h: &'a Harness<'_, MediaDeskApp>, label: &'a str) -> egui_kittest::Node<'a> {
    h.query_by_role_and_label(Role::TextInput, label)
        .unwrap_or_else(|| h.get_by_role_and_label(Role::PasswordInput, label))
}

fn type_into(h: &mut Harness<'_, MediaDeskApp>, label: &str, text: &str) {
    input(h, label).scroll_to_me();
    h.run();
    input(h, label).click();
    h.run();
    input(h, label).type_text(text);
    h.run();
}

/// Clears a field by pressing Backspace as often as it has characters.
fn clear(h: &mut Harness<'_, MediaDeskApp>, label: &str) {
    let n = input(h, label).value().unwrap_or_default().chars().count();
    input(h, label).scroll_to_me();
    h.run();
    input(h, label).click();
    h.run();
    for _ in 0..n {
        h.key_press(egui::Key::End);
        h.key_press(egui::Key::Backspace);
        h.run();
    }
}

fn click(h: &mut Harness<'_, MediaDeskApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run_ok();
}

/// Steps the window until a label containing `part` shows (the connection runs on a thread).
fn wait_for(h: &mut Harness<'_, MediaDeskApp>, part: &str) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(15) {
        h.step();
        if h.query_by_label_contains(part).is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("「{part}」 never showed");
}

/// Opens 设置 → 数据库 → 连接学校服务器 on the demo file.
fn settings_form(dir: &tempfile::TempDir) -> Harness<'static, MediaDeskApp> {
    let (store, _) = demo_file(dir);
    let mut h = harness(MediaDeskApp::new(Ok(store), today()));
    h.run();
    h.get_by_label("设置").click();
    h.run();
    click(&mut h, "连接学校服务器");
    h
}

#[test]
fn settings_shows_where_the_data_is_now() {
    let dir = tempfile::tempdir().unwrap();
    let (store, path) = demo_file(&dir);
    let mut h = harness(MediaDeskApp::new(Ok(store), today()));
    h.run();
    h.get_by_label("设置").click();
    h.run();
    h.get_by_label("数据库");
    h.get_by_label(&format!("当前使用本机数据库文件：{}", path.display()));
    h.get_by_label("备份数据库…");
    // On a file there is nothing to go back to.
    assert!(h.query_by_label("改用本机数据库文件").is_none());
    click(&mut h, "连接学校服务器");
    h.get_by_label_contains("mediadesk db copy --from 文件 --to postgres://… --as 管理员");
    h.get_by_label_contains("不会把本机文件中的数据搬过去");
    assert_eq!(input(&h, "端口：").value().as_deref(), Some("5432"));
}

#[test]
fn the_form_refuses_an_empty_host_and_a_bad_port_and_keeps_the_typing() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = settings_form(&dir);
    type_into(&mut h, "数据库名：", "mediadesk");
    type_into(&mut h, "用户名：", "xwb");
    type_into(&mut h, "密码：", "secret");
    click(&mut h, "测试连接");
    h.get_by_label("请填写服务器地址（主机名或 IP 地址）。");
    type_into(&mut h, "服务器地址：", "db.example.edu.cn");
    type_into(&mut h, "端口：", "x");
    click(&mut h, "连接并使用");
    h.get_by_label("端口须是 1 到 65535 之间的数字（PostgreSQL 通常是 5432）。");
    clear(&mut h, "端口：");
    type_into(&mut h, "端口：", "70000");
    click(&mut h, "测试连接");
    h.get_by_label("端口须是 1 到 65535 之间的数字（PostgreSQL 通常是 5432）。");
    assert_eq!(
        input(&h, "服务器地址：").value().as_deref(),
        Some("db.example.edu.cn")
    );
    assert_eq!(input(&h, "端口：").value().as_deref(), Some("70000"));
    assert_eq!(
        input(&h, "数据库名：").value().as_deref(),
        Some("mediadesk")
    );
    assert_eq!(input(&h, "用户名：").value().as_deref(), Some("xwb"));
    // Still on the file.
    let w = h.state().workspace().unwrap();
    assert!(w.store().path().is_some());
}

#[test]
fn a_verify_mode_wants_its_ca_file_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = settings_form(&dir);
    type_into(&mut h, "服务器地址：", "db.example.edu.cn");
    type_into(&mut h, "数据库名：", "mediadesk");
    type_into(&mut h, "用户名：", "xwb");
    assert!(h.query_by_label("选择…").is_none());
    h.get_by_role_and_label(Role::ComboBox, "加密方式：")
        .click();
    h.run();
    click(&mut h, "加密并核对证书和主机名");
    h.get_by_label("选择…");
    click(&mut h, "测试连接");
    h.get_by_label_contains("请用「选择…」指定信息技术管理中心提供的 CA 证书文件");
}

#[test]
fn testing_a_server_nobody_answers_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = settings_form(&dir);
    type_into(&mut h, "服务器地址：", "127.0.0.1");
    clear(&mut h, "端口：");
    type_into(&mut h, "端口：", "1");
    type_into(&mut h, "数据库名：", "mediadesk");
    type_into(&mut h, "用户名：", "xwb");
    click(&mut h, "测试连接");
    wait_for(&mut h, "连不上学校服务器");
    h.get_by_label_contains("127.0.0.1:1");
    // A failed 连接并使用 leaves the window on the file, the typing kept.
    click(&mut h, "连接并使用");
    wait_for(&mut h, "连不上学校服务器");
    assert!(h.state().workspace().unwrap().store().path().is_some());
    assert_eq!(input(&h, "端口：").value().as_deref(), Some("1"));
}

#[test]
fn testing_the_real_server_reports_what_is_there() {
    let Ok(url) = std::env::var("MEDIADESK_TEST_PG") else {
        eprintln!("MEDIADESK_TEST_PG is not set: skipping the real server's 测试连接");
        return;
    };
    let a = ServerAddress::parse(&url).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut h = settings_form(&dir);
    type_into(&mut h, "服务器地址：", &a.host);
    clear(&mut h, "端口：");
    type_into(&mut h, "端口：", &a.port.to_string());
    type_into(&mut h, "数据库名：", &a.dbname);
    type_into(&mut h, "用户名：", &a.user);
    if let Some(p) = &a.password {
        type_into(&mut h, "密码：", p);
    }
    click(&mut h, "测试连接");
    wait_for(&mut h, "连接成功");
    h.get_by_label_contains("连接成功：PostgreSQL ");
    // 测试连接 changes nothing: the window is still on its file.
    assert!(h.state().workspace().unwrap().store().path().is_some());
}

#[test]
fn the_welcome_page_offers_the_school_server() {
    let store = Store::open_in_memory().unwrap();
    let mut h = harness(MediaDeskApp::new(Ok(store), today()));
    h.run();
    h.get_by_role_and_label(Role::Button, "载入演示数据");
    assert!(h.query_by_label("测试连接").is_none());
    h.get_by_role_and_label(Role::Button, "连接学校服务器")
        .click();
    h.run();
    h.get_by_label("测试连接");
    click(&mut h, "连接并使用");
    h.get_by_label("请填写服务器地址（主机名或 IP 地址）。");
}

#[test]
fn a_server_wanting_its_password_asks_for_it_at_start() {
    let address = ServerAddress::parse("postgres://xwb@127.0.0.1:1/mediadesk").unwrap();
    let refused = StoreError::Server(ServerError::WrongPassword { user: "xwb".into() });
    let app = MediaDeskApp::new(Err(refused), today()).with_location(Location::Server(address));
    let mut h = harness(app);
    h.run();
    h.get_by_label("请输入学校服务器的密码");
    h.get_by_label_contains("postgres://xwb@127.0.0.1:1/mediadesk");
    h.get_by_label("改用本机数据库文件");
    type_into(&mut h, "密码：", "secret");
    click(&mut h, "连接");
    // Nobody answers there: the message says so, and 重试 stays offered.
    wait_for(&mut h, "连不上学校服务器");
    h.run_ok();
    h.get_by_label("重试");
    assert!(h.state().workspace().is_none());
}

#[test]
fn a_failed_file_start_shows_only_its_message() {
    let refused = StoreError::Server(ServerError::Other("x".into()));
    let app = MediaDeskApp::new(Err(refused), today())
        .with_location(Location::File("/nowhere/学院.db".into()));
    let mut h = harness(app);
    h.run();
    h.get_by_label("无法打开数据库");
    assert!(h.query_by_label("重试").is_none());
    assert!(h.query_by_label("改用本机数据库文件").is_none());
}

mod common;
use common::backends::{Backend, fresh_store, test_server, with_backend};

/// The demo school in a schema of its own on the test server, signed in as `admin`, and a
/// second desk on the same schema.
fn two_desks_on_the_server() -> (Store, Store) {
    let mut a = fresh_store();
    a.load_demo(today()).unwrap();
    a.sign_in("admin", mediadesk::store::DEMO_PASSWORD).unwrap();
    let schema = a.current_schema_for_tests().unwrap();
    let address = ServerAddress::parse(&test_server().unwrap()).unwrap();
    let mut b = Store::open_server_in(&address, None, Some(&schema)).unwrap();
    b.sign_in("admin", mediadesk::store::DEMO_PASSWORD).unwrap();
    (a, b)
}

#[test]
fn another_desk_s_change_shows_without_pressing_anything() {
    with_backend(Backend::Postgres, || {
        let (a, mut b) = two_desks_on_the_server();
        let mut h = harness(MediaDeskApp::new(Ok(a), today()));
        h.run_ok();
        wait_for(&mut h, "· 已连接");
        h.get_by_label("单位与人员").click();
        h.run_ok();
        assert!(h.query_by_label_contains("远程新增学院").is_none());
        b.add_unit(&mediadesk::domain::unit::UnitDraft {
            name: "远程新增学院".into(),
            ..Default::default()
        })
        .unwrap();
        wait_for(&mut h, "远程新增学院");
    });
}

#[test]
fn a_dropped_connection_is_said_and_mended() {
    with_backend(Backend::Postgres, || {
        let (a, b) = two_desks_on_the_server();
        let pid = a.backend_pid_for_tests().unwrap();
        let mut h = harness(MediaDeskApp::new(Ok(a), today()));
        h.run_ok();
        wait_for(&mut h, "· 已连接");
        let address = ServerAddress::parse(&test_server().unwrap()).unwrap();
        let mut killer = address.connect(None).unwrap();
        killer
            .batch_execute(&format!("SELECT pg_terminate_backend({pid})"))
            .unwrap();
        drop(b);
        // The next read meets the broken connection: the message says so ...
        h.get_by_label("审计记录").click();
        h.run_ok();
        wait_for(&mut h, "与学校服务器的连接中断了");
        // ... and the window reconnects by itself shortly after.
        wait_for(&mut h, "已重新连接学校服务器");
        h.get_by_label("平台台账").click();
        h.run_ok();
        h.get_by_label_contains("共 17 个平台");
    });
}

#[test]
fn an_empty_server_database_opens_the_welcome_page_with_the_way_back() {
    with_backend(Backend::Postgres, || {
        let mut h = harness(MediaDeskApp::new(Ok(fresh_store()), today()));
        h.run_ok();
        h.get_by_role_and_label(Role::Button, "载入演示数据");
        wait_for(&mut h, "· 已连接");
        h.get_by_label("改用本机数据库文件");
    });
}

#[test]
fn a_server_asking_for_a_password_nobody_gave_asks_for_it() {
    let Some(url) = test_server() else {
        eprintln!("MEDIADESK_TEST_PG is not set: skipping");
        return;
    };
    let mut a = ServerAddress::parse(&url).unwrap();
    a.password = None;
    if a.password(None).is_some() {
        eprintln!("PGPASSWORD or .pgpass gives a password here: skipping");
        return;
    }
    // At start: the page asks for the password (nothing is written: the server refused).
    let location = Location::Server(a.clone());
    let opened = location.open(None);
    let mut h = harness(MediaDeskApp::new(opened, today()).with_location(location));
    h.run();
    h.get_by_label("请输入学校服务器的密码");
    assert!(h.query_by_label_contains("连不上").is_none());
    input(&h, "密码：");
    // In the form: 测试连接 without a password says to type it.
    let dir = tempfile::tempdir().unwrap();
    let mut h = settings_form(&dir);
    type_into(&mut h, "服务器地址：", &a.host);
    clear(&mut h, "端口：");
    type_into(&mut h, "端口：", &a.port.to_string());
    type_into(&mut h, "数据库名：", &a.dbname);
    type_into(&mut h, "用户名：", &a.user);
    click(&mut h, "测试连接");
    wait_for(&mut h, "服务器要求输入密码");
}

#[test]
fn another_desk_s_change_leaves_the_typing_alone() {
    with_backend(Backend::Postgres, || {
        let (a, mut b) = two_desks_on_the_server();
        let mut h = harness(MediaDeskApp::new(Ok(a), today()));
        h.run_ok();
        wait_for(&mut h, "· 已连接");
        h.get_by_role_and_label(Role::Button, "设置").click();
        h.run_ok();
        let typed = input(&h, "学校名称：").value().unwrap() + "（未保存）";
        type_into(&mut h, "学校名称：", "（未保存）");
        b.add_unit(&mediadesk::domain::unit::UnitDraft {
            name: "远程新增学院".into(),
            ..Default::default()
        })
        .unwrap();
        // Going to 单位与人员 reads nothing: the unit is there because the change was heard.
        let start = Instant::now();
        loop {
            h.step();
            h.get_by_role_and_label(Role::Button, "单位与人员").click();
            h.step();
            h.step();
            if h.query_by_label_contains("远程新增学院").is_some() {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "never reloaded");
            h.get_by_role_and_label(Role::Button, "设置").click();
            h.step();
            std::thread::sleep(Duration::from_millis(50));
        }
        h.get_by_role_and_label(Role::Button, "设置").click();
        h.run_ok();
        assert_eq!(input(&h, "学校名称：").value(), Some(typed));
    });
}
