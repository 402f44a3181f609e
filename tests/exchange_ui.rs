//! The window's Excel and backup parts, driven like a person would (egui_kittest, no
//! display): 导出 Excel writes exactly the rows the registry shows; the 导入 dialog shows the
//! guessed mapping, lets a column be re-mapped, names a bad row by number and reason with
//! 导入 disabled, and imports a clean sheet all at once; 设置 → 数据库 lists backups, backs
//! up now, takes a chosen folder (where the daily backup then goes, off the UI thread), and
//! restores a backup into a window reopened on it; on the school's server it says the
//! backups are pg_dump's.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use mediadesk::domain::unit::UnitDraft;
use mediadesk::exchange::{Cell, ColumnRole, read_source};
use mediadesk::store::Store;
use mediadesk::ui::{Hooks, MediaDeskApp};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// The app over `store`, its desktop hooks answering with these files and folder.
fn harness(store: Store, hooks: Hooks) -> Harness<'static, MediaDeskApp> {
    let mut app = MediaDeskApp::new(Ok(store), today());
    app.workspace_mut().unwrap().set_hooks(hooks);
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    // A unit's people start on 待办: go to the registry as they would.
    h.run_ok();
    h.get_by_role_and_label(Role::Button, "平台台账").click();
    h
}

fn hooks(save_xlsx: Option<PathBuf>, sheet: Option<PathBuf>, folder: Option<PathBuf>) -> Hooks {
    Hooks {
        save_path: Box::new(|_| None),
        pick_scan: Box::new(|| None),
        open_file: Box::new(|_| Ok(())),
        pick_attachment: Box::new(|| None),
        save_backup: Box::new(|_| None),
        save_xlsx: Box::new(move |_| save_xlsx.clone()),
        pick_sheet: Box::new(move || sheet.clone()),
        pick_folder: Box::new(move || folder.clone()),
        ..Default::default()
    }
}

fn click(h: &mut Harness<'_, MediaDeskApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_ok();
    h.get_by_label(label).click();
    h.run_ok();
}

fn notice(h: &Harness<'_, MediaDeskApp>) -> String {
    h.state()
        .workspace()
        .unwrap()
        .notice()
        .unwrap_or_default()
        .to_owned()
}

fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.clone(),
        other => format!("{other:?}"),
    }
}

/// The column `header` of the sheet `sheet` of an exported workbook, below its header row.
fn column(path: &Path, sheet: &str, header: &str) -> Vec<String> {
    let file = read_source(path).unwrap();
    let sheet = file.sheets.iter().find(|s| s.name == sheet).unwrap();
    let head = &sheet.rows[0];
    let at = head
        .cells
        .iter()
        .position(|c| text_of(c) == header)
        .unwrap_or_else(|| panic!("no column {header}: {:?}", head.cells));
    sheet.rows[1..]
        .iter()
        .filter(|r| !r.is_blank())
        .map(|r| text_of(r.cell(at)))
        .collect()
}

#[test]
fn export_writes_the_filtered_rows_only() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("台账.xlsx");
    let store = common::demo_as("admin", today());
    let mut h = harness(store, hooks(Some(out.clone()), None, None));
    h.run_ok();
    let search = h.get_by_role_and_label(Role::TextInput, "搜索：");
    search.click();
    h.run_ok();
    h.get_by_role_and_label(Role::TextInput, "搜索：")
        .type_text("微信");
    h.run_ok();
    let shown: Vec<String> = h
        .state()
        .workspace()
        .unwrap()
        .registry()
        .visible_rows()
        .map(|r| r.name.clone())
        .collect();
    assert_eq!(shown.len(), 3, "{shown:?}");
    click(&mut h, "导出 Excel");
    wait_until(&mut h, |h| !h.state().workspace().unwrap().is_exporting());

    assert_eq!(column(&out, "平台台账", "账号名称"), shown);
    let filed = column(&out, "备案记录", "账号名称");
    assert!(!filed.is_empty());
    assert!(filed.iter().all(|n| shown.contains(n)), "{filed:?}");
    let said = notice(&h);
    assert!(said.contains(&out.display().to_string()), "{said}");
    assert!(said.contains("平台 3 个"), "{said}");
}

const BAD_SHEET: &str = "\
单位,媒体平台,账号名称,账号,是否认证,内容范围,创建时间,负责人,联络手机,管理员\n\
商学院,抖音,商学院甲,sxy_a1,是,学生活动,2024-01-02,王建国,13803710001,李珺 15937165432\n\
商学院,抖音,商学院乙,sxy_a2,可能,学生活动,2024-01-02,王建国,13803710001,李珺 15937165432\n";

/// 平台号 is no header the guess knows: the person maps it to the account.
const GOOD_SHEET: &str = "\
单位,媒体平台,账号名称,平台号,内容范围,创建时间,负责人,联络手机,管理员\n\
商学院,抖音,商学院青年,sxy_youth,学生活动,2024-01-02,王建国,13803710001,李珺 15937165432\n\
商学院,微博,商学院微博,sxy_weibo,学院新闻,2024-03-05,王建国,13803710001,李珺 15937165432\n";

fn sheet_file(dir: &tempfile::TempDir, name: &str, body: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, body).unwrap();
    path
}

#[test]
fn a_bad_row_is_named_and_keeps_import_disabled() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = sheet_file(&dir, "去年台账.csv", BAD_SHEET);
    let (store, _) = common::unit_store();
    let mut h = harness(store, hooks(None, Some(sheet), None));
    h.run_ok();
    click(&mut h, "从表格导入…");
    settle(&mut h);
    h.get_by_label("第一步：核对各列的含义");
    // The guessed mapping: each header and the field it was taken for.
    h.get_by_role_and_label(Role::ComboBox, "C 列「账号名称」");
    h.get_by_role_and_label(Role::ComboBox, "E 列「是否认证」");
    let layout = h
        .state()
        .workspace()
        .unwrap()
        .import_dialog()
        .unwrap()
        .layout()
        .unwrap()
        .clone();
    let role_of = |c: usize| {
        layout
            .mapping
            .columns
            .iter()
            .find(|m| m.column == c)
            .unwrap()
            .role
    };
    assert_eq!(role_of(2), ColumnRole::Name);
    assert_eq!(role_of(3), ColumnRole::Account);
    assert_eq!(role_of(9), ColumnRole::Administrators);
    click(&mut h, "下一步：逐行检查");
    settle(&mut h);

    h.get_by_label("第 3 行");
    h.get_by_label_contains("是否认证（E 列）：「可能」");
    h.get_by_label_contains("有 1 行有问题，不能导入");
    let import = h.get_by_role_and_label(Role::Button, "导入 1 个平台");
    assert!(import.accesskit_node().is_disabled());
    import.click();
    h.run_ok();
    assert!(
        h.state()
            .workspace()
            .unwrap()
            .store()
            .platforms()
            .unwrap()
            .is_empty()
    );
    assert!(h.state().workspace().unwrap().import_dialog().is_some());
}

#[test]
fn a_good_sheet_imports_after_a_column_is_mapped() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = sheet_file(&dir, "台账.csv", GOOD_SHEET);
    let (store, _) = common::unit_store();
    let mut h = harness(store, hooks(None, Some(sheet), None));
    h.run_ok();
    click(&mut h, "从表格导入…");
    settle(&mut h);
    h.get_by_label_contains("还没有对应到的必填字段：账号ID/网址");
    // Previewing before the column is mapped says what is missing, nothing written.
    click(&mut h, "下一步：逐行检查");
    settle(&mut h);
    h.get_by_label_contains("缺少必需的列：账号ID/网址");

    h.get_by_role_and_label(Role::ComboBox, "D 列「平台号」")
        .click();
    h.run_ok();
    h.get_by_label("账号ID/网址").click();
    h.run_ok();
    assert!(
        h.query_by_label_contains("还没有对应到的必填字段")
            .is_none()
    );
    click(&mut h, "下一步：逐行检查");
    settle(&mut h);
    h.get_by_label_contains("可导入 2 行，有问题 0 行");
    h.get_by_label_contains("商学院青年（sxy_youth）");
    click(&mut h, "导入 2 个平台");

    let w = h.state().workspace().unwrap();
    let mut names: Vec<String> = w
        .store()
        .platforms()
        .unwrap()
        .into_iter()
        .map(|p| p.draft.name)
        .collect();
    names.sort();
    assert_eq!(names, ["商学院微博", "商学院青年"]);
    assert!(w.import_dialog().is_none());
    assert!(notice(&h).contains("已导入 2 个平台"), "{}", notice(&h));
    assert_eq!(w.registry().total(), 2);
}

#[test]
fn a_file_that_is_not_a_spreadsheet_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = sheet_file(&dir, "台账.xlsx", "%PDF-1.7 not a workbook");
    let (store, _) = common::unit_store();
    let mut h = harness(store, hooks(None, Some(sheet), None));
    h.run_ok();
    click(&mut h, "从表格导入…");
    settle(&mut h);
    // The dialog says why, and offers no step further.
    h.get_by_label_contains("PDF");
    assert!(h.query_by_label("下一步：逐行检查").is_none());
}

/// Steps the window until the import dialog's worker (reading, checking) is done.
fn settle(h: &mut Harness<'_, MediaDeskApp>) {
    wait_until(h, |h| {
        h.state()
            .workspace()
            .unwrap()
            .import_dialog()
            .is_none_or(|d| !d.is_working())
    });
    h.run_ok();
}

/// The demo school in a file, the system administrator signed in, on 设置.
fn demo_file(dir: &tempfile::TempDir, folder: Option<PathBuf>) -> Harness<'static, MediaDeskApp> {
    let mut s = Store::open(&dir.path().join("mediadesk.db")).unwrap();
    s.load_demo(today()).unwrap();
    s.sign_in("admin", mediadesk::store::DEMO_PASSWORD).unwrap();
    let mut h = harness(s, hooks(None, None, folder));
    h.run_ok();
    click(&mut h, "设置");
    h
}

/// Steps the window (the daily backup runs on its thread) until `done` holds.
fn wait_until(
    h: &mut Harness<'_, MediaDeskApp>,
    done: impl Fn(&Harness<'_, MediaDeskApp>) -> bool,
) {
    let start = Instant::now();
    while !done(h) {
        assert!(start.elapsed() < Duration::from_secs(20), "timed out");
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
}

fn backups_in(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("mediadesk-") && n.ends_with(".db"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_backup_taken_now_is_listed_and_restore_brings_the_data_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo_file(&dir, None);
    let folder = dir.path().join("backups");
    // The daily backup taken at start lands first, so every backup listed predates the change.
    wait_until(&mut h, |_| !backups_in(&folder).is_empty());
    h.get_by_label_contains("备份文件夹：");
    click(&mut h, "立即备份");
    assert!(notice(&h).starts_with("已备份到"), "{}", notice(&h));
    h.run_ok();
    let listed = h
        .state()
        .workspace()
        .unwrap()
        .settings()
        .database()
        .backups()
        .len();
    assert!(listed >= 1);
    // (The daily backup taken at start may be listed too.)
    assert!(
        h.query_all_by_label_contains("单位 4 个，平台 17 个")
            .next()
            .is_some()
    );

    // A change after the backup: a fifth unit.
    h.state_mut()
        .workspace_mut()
        .unwrap()
        .store_mut()
        .add_unit(&UnitDraft {
            name: "新设学院".into(),
            ..Default::default()
        })
        .unwrap();
    let units = |h: &Harness<'_, MediaDeskApp>| {
        h.state()
            .workspace()
            .unwrap()
            .store()
            .units()
            .unwrap()
            .len()
    };
    assert_eq!(units(&h), 5);

    let restore = h.get_all_by_label("恢复…").next().unwrap();
    restore.scroll_to_me();
    h.run_ok();
    h.get_all_by_label("恢复…").next().unwrap().click();
    h.run_ok();
    h.get_by_label("恢复这份备份？");
    h.get_by_label_contains("内容：单位 4 个，平台 17 个");
    click(&mut h, "确认恢复");
    h.run_ok();

    assert_eq!(units(&h), 4, "{}", notice(&h));
    assert!(notice(&h).starts_with("已从"), "{}", notice(&h));
    assert!(notice(&h).contains("完整性检查和审计链校验均通过"));
    assert!(
        backups_in(&folder)
            .iter()
            .any(|n| n.contains("-before-restore")),
        "{:?}",
        backups_in(&folder)
    );
    // The window reopened on the restored file: whoever continues signs in again.
    assert!(h.state().workspace().unwrap().store().session().is_none());
    h.get_by_role_and_label(Role::Button, "登录");
}

#[test]
fn a_chosen_folder_is_remembered_and_the_daily_backup_goes_there() {
    let dir = tempfile::tempdir().unwrap();
    let usb = dir.path().join("U盘备份");
    std::fs::create_dir_all(&usb).unwrap();
    let mut h = demo_file(&dir, Some(usb.clone()));
    click(&mut h, "选择备份文件夹…");
    assert!(notice(&h).contains("U盘备份"), "{}", notice(&h));
    let settings = h.state().workspace().unwrap().store().settings().unwrap();
    assert_eq!(settings.backup_folder.as_deref(), Some(usb.as_path()));
    h.get_by_label(&format!("备份文件夹：{}", usb.display()));
    // The schedule restarts in the new folder and backs up at once, off the UI thread.
    wait_until(&mut h, |_| !backups_in(&usb).is_empty());
    wait_until(&mut h, |h| {
        !h.state()
            .workspace()
            .unwrap()
            .settings()
            .database()
            .backups()
            .is_empty()
    });
    click(&mut h, "改回默认文件夹");
    let settings = h.state().workspace().unwrap().store().settings().unwrap();
    assert_eq!(settings.backup_folder, None);
}

#[test]
fn on_the_school_server_backups_are_the_servers() {
    let Some(_) = common::backends::test_server() else {
        eprintln!("MEDIADESK_TEST_PG is not set: skipping");
        return;
    };
    common::backends::with_backend(common::backends::Backend::Postgres, || {
        let mut store = common::fresh_store();
        store.create_first_admin("admin", common::PASSWORD).unwrap();
        let mut h = harness(store, hooks(None, None, None));
        h.run_ok();
        click(&mut h, "设置");
        h.get_by_label_contains("备份由服务器负责（pg_dump）");
        assert!(h.query_by_label("立即备份").is_none());
        assert!(h.query_by_label("选择备份文件夹…").is_none());
    });
}

#[test]
fn ten_thousand_rows_with_one_bad_one_show_that_row_and_scroll() {
    let dir = tempfile::tempdir().unwrap();
    let mut body =
        String::from("单位,媒体平台,账号名称,账号,内容范围,创建时间,负责人,联络手机,管理员\n");
    for i in 0..10_000 {
        let created = if i == 6_543 {
            "去年九月"
        } else {
            "2024-01-02"
        };
        body.push_str(&format!(
            "商学院,抖音,商学院账号{i},sxy_{i},学生活动,{created},王建国,13803710001,李珺 15937165432\n"
        ));
    }
    let sheet = sheet_file(&dir, "全校台账.csv", &body);
    let (store, _) = common::unit_store();
    let mut h = harness(store, hooks(None, Some(sheet), None));
    h.run_ok();
    click(&mut h, "从表格导入…");
    settle(&mut h);
    click(&mut h, "下一步：逐行检查");
    settle(&mut h);
    h.get_by_label_contains("可导入 9999 行，有问题 1 行");
    // The header is row 1, so the 6,544th data row is row 6,545.
    h.get_by_label("第 6545 行");
    h.get_by_label_contains("创建时间（F 列）");
    assert!(
        h.get_by_role_and_label(Role::Button, "导入 9999 个平台")
            .accesskit_node()
            .is_disabled()
    );
    // Every row: only the rows in view are laid out.
    click(&mut h, "只看有问题的行");
    h.get_by_label("第 2 行");
    assert!(h.query_by_label("第 6545 行").is_none());
    assert!(h.query_by_label("第 400 行").is_none());
}

#[test]
fn an_unreadable_file_in_the_backup_folder_is_listed_without_restore() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("backups");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(
        folder.join("mediadesk-20200101-000000.db"),
        b"not a database",
    )
    .unwrap();
    let h = demo_file(&dir, None);
    h.get_by_label_contains("不能读取：");
    // Only readable backups (the daily one taken at start, if done yet) offer 恢复.
    let listed = h
        .state()
        .workspace()
        .unwrap()
        .settings()
        .database()
        .backups();
    let readable = listed.iter().filter(|b| b.contents.is_ok()).count();
    assert_eq!(listed.len(), readable + 1);
    assert_eq!(h.query_all_by_label("恢复…").count(), readable);
}

#[test]
fn a_backup_damaged_before_the_restore_is_refused_and_the_data_stays() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = demo_file(&dir, None);
    let folder = dir.path().join("backups");
    wait_until(&mut h, |_| !backups_in(&folder).is_empty());
    h.state_mut()
        .workspace_mut()
        .unwrap()
        .store_mut()
        .add_unit(&UnitDraft {
            name: "新设学院".into(),
            ..Default::default()
        })
        .unwrap();
    h.run_ok();
    let listed = h
        .state()
        .workspace()
        .unwrap()
        .settings()
        .database()
        .backups()
        .to_vec();
    let at = listed.iter().position(|b| b.contents.is_ok()).unwrap();
    let path = listed[at].path.clone();
    h.get_all_by_label("恢复…").nth(at).unwrap().scroll_to_me();
    h.run_ok();
    h.get_all_by_label("恢复…").nth(at).unwrap().click();
    h.run_ok();
    h.get_by_label("恢复这份备份？");
    // Meanwhile the file is damaged (a USB disk pulled out mid-copy).
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 3]).unwrap();
    click(&mut h, "确认恢复");
    h.run_ok();

    let w = h.state().workspace().unwrap();
    assert_eq!(w.store().units().unwrap().len(), 5, "{}", notice(&h));
    assert!(notice(&h).starts_with("没有恢复："), "{}", notice(&h));
    assert!(
        notice(&h).contains("当前数据库未作任何改动"),
        "{}",
        notice(&h)
    );
    // Shown in the notice (a long one wraps, so its first line matches as well).
    assert!(h.query_all_by_label_contains("没有恢复：").next().is_some());
}

#[test]
fn another_sheet_of_the_workbook_can_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("两年台账.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    for (sheet_name, name, account) in [
        ("2025年", "商学院去年号", "sxy_2025"),
        ("2026年", "商学院今年号", "sxy_2026"),
    ] {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name).unwrap();
        let header = [
            "单位",
            "媒体平台",
            "账号名称",
            "账号",
            "内容范围",
            "创建时间",
            "负责人",
            "联络手机",
            "管理员",
        ];
        let row = [
            "商学院",
            "抖音",
            name,
            account,
            "学生活动",
            "2024-01-02",
            "王建国",
            "13803710001",
            "李珺 15937165432",
        ];
        for (c, (h, v)) in header.iter().zip(row).enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
            sheet.write_string(1, c as u16, v).unwrap();
        }
    }
    book.save(&path).unwrap();
    let (store, _) = common::unit_store();
    let mut h = harness(store, hooks(None, Some(path), None));
    h.run_ok();
    click(&mut h, "从表格导入…");
    settle(&mut h);
    h.get_by_role_and_label(Role::ComboBox, "工作表：").click();
    h.run_ok();
    h.get_by_label("2026年").click();
    h.run_ok();
    let layout = h
        .state()
        .workspace()
        .unwrap()
        .import_dialog()
        .unwrap()
        .layout()
        .cloned();
    assert_eq!(layout.map(|l| l.sheet), Some(1));
    click(&mut h, "下一步：逐行检查");
    settle(&mut h);
    h.get_by_label_contains("工作表「2026年」");
    h.get_by_label_contains("商学院今年号（sxy_2026）");
    assert!(h.query_by_label_contains("商学院去年号").is_none());
}
