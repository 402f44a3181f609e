//! Files from the window when the desktop's dialog cannot open: the message, the in-window
//! chooser (typing a path, picking a file, cancelling), the bar that shows where a saved file
//! went (打开文件, 打开所在文件夹, 打印), and 打印 beside 保存 PDF in the form's preview. The
//! desktop (dialogs, viewer, file manager, printer) is replaced by test hooks.
#![allow(clippy::unwrap_used)]

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::store::Store;
use mediadesk::ui::{Hooks, MediaDeskApp};

type Log = Rc<RefCell<Vec<PathBuf>>>;

/// What the hooks saw.
#[derive(Default)]
struct Desk {
    opened: Log,
    folders: Log,
    printed: Log,
}

/// How the fake desktop behaves.
struct Fake {
    /// The desktop's dialogs could not open.
    dialogs_fail: bool,
    /// The printer's answer; `None`: no printing on this system.
    printer: Option<Result<(), String>>,
    /// Who is signed in.
    login: &'static str,
    /// The database file (`None`: in memory).
    db: Option<PathBuf>,
}

/// The demo in the window, signed in as `fake.login` (huangkun: 文学与传媒学院's
/// administrator), every desktop dialog returning nothing, the in-window chooser starting in
/// `folder`.
fn harness(folder: &Path, fake: Fake) -> (Harness<'static, MediaDeskApp>, Desk) {
    let today = mediadesk::today();
    let mut store = match &fake.db {
        Some(path) => Store::open(path).unwrap(),
        None => Store::open_in_memory().unwrap(),
    };
    store.load_demo(today).unwrap();
    store
        .sign_in(fake.login, mediadesk::store::DEMO_PASSWORD)
        .unwrap();
    let mut app = MediaDeskApp::new(Ok(store), today);
    let desk = Desk::default();
    let (opened, folders, printed) = (
        desk.opened.clone(),
        desk.folders.clone(),
        desk.printed.clone(),
    );
    let fails = fake.dialogs_fail;
    let print_file: Option<mediadesk::ui::app::OpenFileHook> = fake.printer.map(|answer| {
        let hook: mediadesk::ui::app::OpenFileHook = Box::new(move |p: &Path| {
            printed.borrow_mut().push(p.to_path_buf());
            answer.clone()
        });
        hook
    });
    app.workspace_mut().unwrap().set_hooks(Hooks {
        save_path: Box::new(|_| None),
        pick_scan: Box::new(|| None),
        pick_attachment: Box::new(|| None),
        save_backup: Box::new(|_| None),
        save_xlsx: Box::new(|_| None),
        pick_sheet: Box::new(|| None),
        pick_folder: Box::new(|| None),
        choose_file: Box::new(|_| None),
        dialog_failed: Box::new(move || fails),
        chooser_folder: folder.to_path_buf(),
        open_file: Box::new(move |p| {
            opened.borrow_mut().push(p.to_path_buf());
            Ok(())
        }),
        open_folder: Box::new(move |p| {
            folders.borrow_mut().push(p.to_path_buf());
            Ok(())
        }),
        print_file,
    });
    let h = Harness::builder()
        .with_size([1280.0, 2000.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    (h, desk)
}

/// A temporary folder (where the chooser starts) and the window over it.
fn window(dialogs_fail: bool, printer: Option<Result<(), String>>) -> Window {
    let dir = tempfile::tempdir().unwrap();
    let (h, desk) = harness(
        dir.path(),
        Fake {
            dialogs_fail,
            printer,
            login: "huangkun",
            db: None,
        },
    );
    Window {
        dir,
        h,
        desk,
        _db: None,
    }
}

struct Window {
    dir: tempfile::TempDir,
    /// Where the database file is, when there is one.
    _db: Option<tempfile::TempDir>,
    h: Harness<'static, MediaDeskApp>,
    desk: Desk,
}

/// The demo's system administrator on the 设置 page, over a database file.
fn settings_window() -> Window {
    let dir = tempfile::tempdir().unwrap();
    let db = tempfile::tempdir().unwrap();
    let (mut h, desk) = harness(
        dir.path(),
        Fake {
            dialogs_fail: true,
            printer: Some(Ok(())),
            login: "admin",
            db: Some(db.path().join("mediadesk.db")),
        },
    );
    h.run();
    press(&mut h, "设置");
    Window {
        dir,
        h,
        desk,
        _db: Some(db),
    }
}

/// The preview's 打印, and the render it starts.
fn print_from_preview(h: &mut Harness<'_, MediaDeskApp>) {
    open_preview(h);
    h.get_by_role_and_label(Role::Button, "打印").click();
    h.run_steps(2);
    wait_for_job(h);
}

/// 备案 → the first form of 文传影像 in the preview.
fn open_preview(h: &mut Harness<'_, MediaDeskApp>) {
    h.run();
    press(h, "备案");
    h.get_by_role_and_label(Role::ComboBox, "打印备案表：")
        .click();
    h.run();
    h.get_by_label_contains("文传影像 · 视频号").click();
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

/// Clicks the button `label` and lets the window answer.
fn press(h: &mut Harness<'_, MediaDeskApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

fn filings(h: &Harness<'_, MediaDeskApp>) -> usize {
    h.state()
        .workspace()
        .unwrap()
        .store()
        .filings()
        .unwrap()
        .len()
}

fn choosing(h: &Harness<'_, MediaDeskApp>) -> bool {
    h.state().workspace().unwrap().is_choosing_file()
}

fn notice(h: &Harness<'_, MediaDeskApp>) -> String {
    h.state()
        .workspace()
        .unwrap()
        .notice()
        .unwrap_or_default()
        .to_owned()
}

/// Types a whole path into the chooser's 文件名： field (which holds the suggested name).
fn type_file_name(h: &mut Harness<'_, MediaDeskApp>, path: &Path) {
    let field = h.get_by_role_and_label(Role::TextInput, "文件名：");
    assert!(field.value().unwrap().ends_with(".pdf"));
    field.set_text_value_accesskit(&path.display().to_string());
    h.run();
}

fn pdf_at(path: &Path) {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        !lopdf::Document::load_mem(&bytes)
            .unwrap()
            .get_pages()
            .is_empty()
    );
}

#[test]
fn without_a_desktop_dialog_the_chooser_saves_the_form_and_the_bar_shows_it() {
    let Window {
        dir,
        mut h,
        desk,
        _db,
    } = window(true, Some(Ok(())));
    let before = filings(&h);
    open_preview(&mut h);
    h.get_by_label("保存 PDF…").click();
    h.run();
    // Said, not silent: the message, and the window's own chooser instead.
    assert!(choosing(&h));
    assert_eq!(
        notice(&h),
        "系统的文件对话框打不开，已改用 MediaDesk 自带的文件选择窗口。"
    );
    h.get_by_label_contains("系统的文件对话框打不开");
    h.get_by_label_contains("保存到…");
    assert_eq!(filings(&h), before);

    let out = dir.path().join("文传影像备案表.pdf");
    type_file_name(&mut h, &out);
    h.get_by_role_and_label(Role::Button, "保存").click();
    h.run_steps(2);
    wait_for_job(&mut h);

    assert!(!choosing(&h));
    pdf_at(&out);
    // The same road as the desktop's dialog: recorded as printed, and opened.
    assert_eq!(filings(&h), before + 1);
    assert_eq!(desk.opened.borrow().as_slice(), std::slice::from_ref(&out));
    let w = h.state().workspace().unwrap();
    assert_eq!(w.saved_file(), Some(out.as_path()));
    h.get_by_label_contains("文件已保存到：");

    press(&mut h, "打开所在文件夹");
    assert_eq!(desk.folders.borrow().as_slice(), [dir.path().to_path_buf()]);
    press(&mut h, "打开文件");
    assert_eq!(desk.opened.borrow().as_slice(), [out.clone(), out.clone()]);
    press(&mut h, "打印");
    assert_eq!(desk.printed.borrow().as_slice(), std::slice::from_ref(&out));
    assert!(notice(&h).contains("交给系统打印"), "{}", notice(&h));
}

#[test]
fn cancel_in_the_chooser_writes_and_records_nothing() {
    let Window {
        dir,
        mut h,
        desk,
        _db,
    } = window(true, None);
    let before = filings(&h);
    open_preview(&mut h);
    // No printing on this system: no 打印 beside 保存 PDF.
    assert!(h.query_by_role_and_label(Role::Button, "打印").is_none());
    h.get_by_label("保存 PDF…").click();
    h.run();
    assert!(choosing(&h));
    h.get_by_role_and_label(Role::Button, "取消").click();
    h.run_steps(3);
    assert!(!choosing(&h));
    assert!(!h.state().workspace().unwrap().is_printing());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    assert_eq!(filings(&h), before);
    assert!(desk.opened.borrow().is_empty());
    assert!(h.state().workspace().unwrap().saved_file().is_none());
}

#[test]
fn a_cancelled_desktop_dialog_stays_a_cancel() {
    let Window {
        dir: _dir,
        mut h,
        desk: _desk,
        _db,
    } = window(false, None);
    let before = filings(&h);
    open_preview(&mut h);
    h.get_by_label("保存 PDF…").click();
    h.run_steps(3);
    assert!(!choosing(&h));
    assert!(!notice(&h).contains("打不开"));
    assert_eq!(filings(&h), before);
}

#[test]
fn a_file_is_picked_in_the_chooser_and_attached() {
    let Window {
        dir,
        mut h,
        desk: _desk,
        _db,
    } = window(true, None);
    std::fs::write(dir.path().join("scan.png"), tiny_png()).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "不是扫描件").unwrap();
    h.run();
    press(&mut h, "备案");
    let attach = h
        .get_all_by_label("附加…")
        .next()
        .expect("a record to attach to");
    attach.scroll_to_me();
    h.run();
    h.get_all_by_label("附加…").next().unwrap().click();
    h.run();
    assert!(choosing(&h));
    h.get_by_label_contains("选择文件");
    // Only the files the flow takes are listed.
    assert!(h.query_by_label_contains("notes.txt").is_none());
    h.get_by_label_contains("scan.png").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "打开").click();
    h.run_steps(3);
    assert!(!choosing(&h));
    assert!(notice(&h).contains("scan.png"), "{}", notice(&h));
    let store = h.state().workspace().unwrap().store();
    let scans: Vec<_> = store
        .filings()
        .unwrap()
        .iter()
        .filter_map(|f| store.scan(f.filing.id).unwrap())
        .filter(|s| s.file_name == "scan.png")
        .collect();
    assert_eq!(scans.len(), 1);
    assert_eq!(scans[0].bytes, tiny_png());
}

#[test]
fn print_beside_save_records_the_form_and_hands_it_to_the_printer() {
    let Window {
        dir: _dir,
        mut h,
        desk,
        _db,
    } = window(true, Some(Ok(())));
    let before = filings(&h);
    print_from_preview(&mut h);
    // No dialog for printing: a temporary copy, recorded like a save.
    assert!(!choosing(&h));
    assert_eq!(filings(&h), before + 1);
    let printed = desk.printed.borrow().clone();
    assert_eq!(printed.len(), 1);
    pdf_at(&printed[0]);
    assert!(desk.opened.borrow().is_empty());
    assert!(notice(&h).contains("交给系统打印"), "{}", notice(&h));
    assert_eq!(
        h.state().workspace().unwrap().saved_file(),
        Some(printed[0].as_path())
    );
}

#[test]
fn a_failing_printer_is_said_in_chinese() {
    let Window {
        dir: _dir,
        mut h,
        desk,
        _db,
    } = window(true, Some(Err("lp: No default destination.".to_owned())));
    print_from_preview(&mut h);
    assert_eq!(desk.printed.borrow().len(), 1);
    let shown = notice(&h);
    assert!(shown.starts_with("打印「"), "{shown}");
    assert!(
        shown.contains("没有成功：lp: No default destination."),
        "{shown}"
    );
    assert!(shown.contains("默认打印机"), "{shown}");
    h.get_by_label_contains("没有成功");
}

#[test]
fn a_backup_goes_through_the_chooser_and_its_folder_opens() {
    let Window {
        dir,
        mut h,
        desk,
        _db,
    } = settings_window();
    h.get_by_label("备份数据库…").scroll_to_me();
    h.run();
    h.get_by_label("备份数据库…").click();
    h.run();
    assert!(choosing(&h));
    let out = dir.path().join("我的备份.db");
    let field = h.get_by_role_and_label(Role::TextInput, "文件名：");
    assert!(field.value().unwrap().ends_with(".db"));
    field.set_text_value_accesskit(&out.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "保存").click();
    h.run_steps(3);
    assert!(!choosing(&h));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"SQLite format 3\0"));
    assert_eq!(
        h.state().workspace().unwrap().saved_file(),
        Some(out.as_path())
    );
    // Not a PDF: nothing to print.
    assert!(h.query_by_role_and_label(Role::Button, "打印").is_none());
    press(&mut h, "打开所在文件夹");
    assert_eq!(desk.folders.borrow().as_slice(), [dir.path().to_path_buf()]);
    press(&mut h, "关闭");
    assert!(h.state().workspace().unwrap().saved_file().is_none());
}

#[test]
fn a_word_list_is_exported_through_the_chooser() {
    // (The hooks' logs are not read here: `..` lets them go; `_db` keeps the database.)
    let Window {
        dir, mut h, _db, ..
    } = settings_window();
    h.get_by_label("审查词表").click();
    h.run();
    let export = h.get_by_role_and_label(Role::Button, "导出");
    export.scroll_to_me();
    h.run();
    press(&mut h, "导出");
    assert!(choosing(&h));
    let out = dir.path().join("词表.txt");
    h.get_by_role_and_label(Role::TextInput, "文件名：")
        .set_text_value_accesskit(&out.display().to_string());
    h.run();
    h.get_by_role_and_label(Role::Button, "保存").click();
    h.run_steps(3);
    assert!(!std::fs::read_to_string(&out).unwrap().is_empty());
    assert_eq!(
        h.state().workspace().unwrap().saved_file(),
        Some(out.as_path())
    );
    // The 文件 field shows the file chosen.
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "文件：").value(),
        Some(out.display().to_string())
    );
}

#[test]
fn the_backup_folder_is_chosen_in_the_chooser() {
    // (The hooks' logs are not read here: `..` lets them go; `_db` keeps the database.)
    let Window {
        dir, mut h, _db, ..
    } = settings_window();
    std::fs::create_dir(dir.path().join("季度存档")).unwrap();
    h.get_by_label("选择备份文件夹…").scroll_to_me();
    h.run();
    h.get_by_label("选择备份文件夹…").click();
    h.run();
    assert!(choosing(&h));
    h.get_by_label_contains("选择文件夹");
    h.get_by_label("🗀 季度存档").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "选择此文件夹")
        .click();
    h.run_steps(3);
    assert!(!choosing(&h));
    let settings = h.state().workspace().unwrap().store().settings().unwrap();
    assert_eq!(settings.backup_folder, Some(dir.path().join("季度存档")));
}

/// A 1×1 PNG.
fn tiny_png() -> Vec<u8> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, 1, 1);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&[255, 255, 255, 255]).unwrap();
    }
    bytes
}
