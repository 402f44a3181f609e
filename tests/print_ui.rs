//! Printing from the window: preview, save (the save dialog replaced by a test hook), the
//! background job, the filing record, and moving it along.
#![allow(clippy::unwrap_used)]

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::domain::filing::FilingState;
use mediadesk::store::Store;
use mediadesk::ui::{Hooks, MediaDeskApp};

fn today() -> NaiveDate {
    mediadesk::today()
}

struct Opened(Rc<RefCell<Vec<PathBuf>>>);

/// The demo in the window, signed in as `login`, saving to `out`.
fn harness(out: PathBuf, login: &str) -> (Harness<'static, MediaDeskApp>, Opened) {
    harness_after(out, login, |_| {}, false)
}

/// [`harness`] after `change` made by `login` on the demo. `tofu`: characters no font in the
/// window has are drawn as boxes, as in the real window, rather than failing the test.
fn harness_after(
    out: PathBuf,
    login: &str,
    change: impl FnOnce(&mut Store),
    tofu: bool,
) -> (Harness<'static, MediaDeskApp>, Opened) {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(today()).unwrap();
    store
        .sign_in(login, mediadesk::store::DEMO_PASSWORD)
        .unwrap();
    change(&mut store);
    let mut app = MediaDeskApp::new(Ok(store), today());
    let opened = Rc::new(RefCell::new(Vec::new()));
    let log = opened.clone();
    app.workspace_mut().unwrap().set_hooks(Hooks {
        save_path: Box::new(move |_| Some(out.clone())),
        pick_scan: Box::new(|| None),
        open_file: Box::new(move |p| {
            log.borrow_mut().push(p.to_path_buf());
            Ok(())
        }),
        pick_attachment: Box::new(|| None),
        save_backup: Box::new(|_| None),
        ..Default::default()
    });
    let mut builder = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_context_setup(MediaDeskApp::setup);
    if tofu {
        builder = builder.allow_missing_glyphs();
    }
    let h = builder.build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    (h, Opened(opened))
}

/// From the start page to the preview of `platform`'s initial filing form.
fn preview(h: &mut Harness<'_, MediaDeskApp>, platform: &str) {
    h.run();
    h.get_by_role_and_label(Role::Button, "备案").click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, "打印备案表：")
        .click();
    h.run();
    h.get_by_label_contains(platform).click();
    h.run();
    h.get_by_label("预览…").click();
    h.run();
}

/// Steps the window until the print job has finished (it runs on its own thread).
fn wait_for_job(h: &mut Harness<'_, MediaDeskApp>) {
    for _ in 0..600 {
        h.step();
        if !h.state().workspace().unwrap().is_printing() {
            h.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("the print job did not finish");
}

#[test]
fn preview_print_record_submit_and_archive() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("备案表.pdf");
    // 文传影像 is 文学与传媒学院's: its administrator prints and hands in the form.
    let (mut h, opened) = harness(out.clone(), "huangkun");
    let before = h
        .state()
        .workspace()
        .unwrap()
        .store()
        .filings()
        .unwrap()
        .len();
    preview(&mut h, "文传影像 · 视频号");
    h.get_by_label("初次备案：文传影像（第 1 / 4 页）");
    h.get_by_label("下一页").click();
    h.run();
    h.get_by_label("初次备案：文传影像（第 2 / 4 页）");
    h.get_by_label("保存 PDF…").click();
    h.run_steps(2);
    wait_for_job(&mut h);

    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert_eq!(
        lopdf::Document::load_mem(&bytes).unwrap().get_pages().len(),
        4
    );
    assert_eq!(opened.0.borrow().as_slice(), std::slice::from_ref(&out));
    let filings = h.state().workspace().unwrap().store().filings().unwrap();
    assert_eq!(filings.len(), before + 1);
    assert_eq!(filings[0].platform_name, "文传影像");
    assert_eq!(filings[0].filing.state, FilingState::AwaitingSignature);
    h.get_by_label("待签章");

    h.get_by_label("标记已报送").click();
    h.run();
    h.get_by_label("确定").click();
    h.run();
    // (The demo's annual reviews of last December are 已报送 too.)
    assert!(h.query_all_by_label("已报送").count() >= 1);
    let filings = h.state().workspace().unwrap().store().filings().unwrap();
    assert_eq!(filings[0].filing.state, FilingState::Submitted);
    // Archiving is the news center's: the unit sees it waiting, without the button.
    h.get_by_label("待新闻中心归档");
    assert!(h.query_by_label("归档").is_none());
    h.get_by_label("切换用户").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "登录名：").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "登录名：")
        .type_text("songwenbo");
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "密码：")
        .click();
    h.run();
    h.get_by_role_and_label(Role::PasswordInput, "密码：")
        .type_text(mediadesk::store::DEMO_PASSWORD);
    h.run();
    h.get_by_role_and_label(Role::Button, "登录").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "备案").click();
    h.run();
    h.get_by_label("归档").click();
    h.run();
    // Archiving without the number is refused with a message; the window stays open.
    h.get_by_label("确定").click();
    h.run();
    h.get_by_label("请填写新闻中心给出的备案编号。");
    let number = h.get_by_role_and_label(Role::TextInput, "备案编号：");
    number.click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "备案编号：")
        .type_text("XW-2026-007");
    h.run();
    h.get_by_label("确定").click();
    h.run();
    let store = h.state().workspace().unwrap().store();
    let f = &store.filings().unwrap()[0];
    assert_eq!(f.filing.state, FilingState::Archived);
    assert_eq!(f.filing.archive_no, "XW-2026-007");
    // The platform is now filed, and the registry says so.
    let p = store.platform(f.filing.platform_id).unwrap();
    assert_eq!(p.status, mediadesk::domain::platform::PlatformStatus::Filed);
}

#[test]
fn a_failed_save_leaves_no_file_and_no_record() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gone").join("x.pdf");
    // The school prints the annual review of every unit.
    let (mut h, opened) = harness(out.clone(), "songwenbo");
    let before = h
        .state()
        .workspace()
        .unwrap()
        .store()
        .filings()
        .unwrap()
        .len();
    h.run();
    h.get_by_role_and_label(Role::Button, "备案").click();
    h.run();
    h.get_by_label("预览年审…").click();
    h.run();
    h.get_by_label_contains("年审：全部单位（15 个平台）");
    h.get_by_label("保存 PDF…").click();
    h.run_steps(2);
    wait_for_job(&mut h);
    assert!(!out.exists());
    assert!(opened.0.borrow().is_empty());
    assert_eq!(
        h.state()
            .workspace()
            .unwrap()
            .store()
            .filings()
            .unwrap()
            .len(),
        before
    );
    let notice = h.state().workspace().unwrap().notice().unwrap().to_owned();
    assert!(notice.contains("不存在"), "{notice}");
}

#[test]
fn the_preview_says_which_characters_the_print_font_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("备案表.pdf");
    // 文传影像's responsible person written in Hangul, which the bundled face leaves out.
    let (mut h, _opened) = harness_after(
        out.clone(),
        "huangkun",
        |store| {
            let platform = store
                .platforms()
                .unwrap()
                .into_iter()
                .find(|p| p.draft.name == "文传影像")
                .unwrap();
            let mut draft = platform.draft.clone();
            draft.responsible_person = "김민준".into();
            store
                .update_platform(platform.id, platform.version, &draft, "更正姓名", today())
                .unwrap();
        },
        true,
    );
    preview(&mut h, "文传影像 · 视频号");
    h.get_by_label_contains("打印字体没有这 3 个字：「김」U+AE40、「민」U+BBFC、「준」U+C900，");
    // The print goes ahead all the same.
    h.get_by_label("保存 PDF…").click();
    h.run_steps(2);
    wait_for_job(&mut h);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
}
