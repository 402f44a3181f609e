//! The 审计记录 page: verifying shows the signed entries, an anchor typed from a printed form is
//! checked, and dropped append-only triggers are shown and put back by the system administrator.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::store::Store;
use mediadesk::ui::MediaDeskApp;

fn today() -> NaiveDate {
    mediadesk::today()
}

/// The demo school on the audit page, signed in as `login`, with `prepare` run on the store.
fn audit_page(login: &str, prepare: impl FnOnce(&Store)) -> Harness<'static, MediaDeskApp> {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(today()).unwrap();
    store
        .sign_in(login, mediadesk::store::DEMO_PASSWORD)
        .unwrap();
    prepare(&store);
    let app = MediaDeskApp::new(Ok(store), today());
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    h.get_by_label("审计记录").click();
    h.run();
    h
}

fn has_text(h: &Harness<'_, MediaDeskApp>, part: &str) -> bool {
    h.query_all_by(|n| {
        n.label().is_some_and(|l| l.contains(part)) || n.value().is_some_and(|v| v.contains(part))
    })
    .next()
    .is_some()
}

#[test]
fn verifying_counts_the_signed_entries_and_checks_an_anchor() {
    let mut h = audit_page("lijun", |_| {});
    h.get_by_label("校验审计记录").click();
    h.run();
    assert!(has_text(&h, "签名均已验证"));
    let (n, head) = {
        let check = h
            .state()
            .workspace()
            .unwrap()
            .store()
            .verify_audit()
            .unwrap();
        (check.head_seq.unwrap(), check.head.unwrap())
    };
    let field = h.get_by_role_and_label(Role::TextInput, "核对锚点：");
    field.click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "核对锚点：")
        .type_text(&format!("{n}:{}", &head[..16]));
    h.run();
    h.get_by_label("核对").click();
    h.run();
    assert!(has_text(&h, "锚点相符"));
    // A malformed anchor is explained, the typing kept.
    h.get_by_role_and_label(Role::TextInput, "核对锚点：")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "核对锚点：")
        .type_text("x");
    h.run();
    h.get_by_label("核对").click();
    h.run();
    assert!(has_text(&h, "格式不对"));
    let typed = h
        .get_by_role_and_label(Role::TextInput, "核对锚点：")
        .value()
        .unwrap_or_default();
    let anchor = format!("{n}:{}", &head[..16]);
    assert_eq!(typed.replace('x', ""), anchor, "the typing is kept");
}

#[test]
fn dropped_triggers_are_shown_and_put_back_by_the_administrator() {
    let drop = |s: &Store| {
        s.execute_raw_for_tests("DROP TRIGGER audit_log_no_delete")
            .unwrap();
    };
    // Someone else sees the warning but no button.
    let h = audit_page("lijun", drop);
    assert!(has_text(&h, "防改保护"));
    assert!(h.query_by_label("恢复防改保护").is_none());
    assert!(has_text(&h, "请系统管理员登录后恢复"));
    // The system administrator puts them back, and the chain records it.
    let mut h = audit_page("admin", drop);
    h.get_by_label("恢复防改保护").click();
    h.run();
    let store = h.state().workspace().unwrap().store();
    assert!(store.missing_audit_triggers().unwrap().is_empty());
    assert!(h.query_by_label("恢复防改保护").is_none());
    assert!(store.verify_audit().unwrap().broken.is_none());
}

#[test]
fn on_a_file_the_check_runs_beside_the_window_and_reports_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("m.db")).unwrap();
    store.load_demo(today()).unwrap();
    store
        .sign_in("lijun", mediadesk::store::DEMO_PASSWORD)
        .unwrap();
    let app = MediaDeskApp::new(Ok(store), today());
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    h.get_by_label("审计记录").click();
    h.run();
    h.get_by_label("校验审计记录").click();
    // The window keeps drawing while the check runs on its own connection.
    let mut frames = 0;
    while !has_text(&h, "签名均已验证") {
        assert!(frames < 200, "no verdict after {frames} frames");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
        frames += 1;
    }
}
