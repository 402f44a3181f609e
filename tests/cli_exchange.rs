//! `mediadesk export xlsx`, `import xlsx`, `backup`, `backups list` and `restore` as a script
//! uses them: the real binary on temporary databases.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

use mediadesk::store::Store;

const PASSWORD: &str = "demo2026";

fn mediadesk(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mediadesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MEDIADESK_DB")
        .output()
        .unwrap()
}

fn mediadesk_as(db: &Path, login: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mediadesk"))
        .arg("--db")
        .arg(db)
        .args(["--as", login])
        .args(args)
        .env_remove("MEDIADESK_DB")
        .env("MEDIADESK_PASSWORD", PASSWORD)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn demo(db: &Path) {
    let o = mediadesk(db, &["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// The registry as comparable facts: unit, kind, name, account, people.
fn registry(db: &Path) -> Vec<String> {
    let store = Store::open(db).unwrap();
    let units = store.units().unwrap();
    let kinds = store.platform_kinds().unwrap();
    let mut out: Vec<String> = store
        .platforms()
        .unwrap()
        .into_iter()
        .map(|p| {
            let d = p.draft;
            let unit = &units.iter().find(|u| u.id == d.unit_id).unwrap().name;
            let kind = &kinds.iter().find(|k| k.id == d.kind_id).unwrap().name;
            format!(
                "{unit}|{kind}|{}|{}|{}|{}|{:?}|{}",
                d.name,
                d.account,
                d.responsible_person,
                d.contact_mobile,
                d.administrators,
                d.created_on
            )
        })
        .collect();
    out.sort();
    out
}

/// A copy of the demo database without unit 1's platforms (the rows that refer to them are
/// left dangling, which the registry does not read).
fn without_unit_one(demo_db: &Path, db: &Path) {
    std::fs::copy(demo_db, db).unwrap();
    let store = Store::open(db).unwrap();
    store
        .execute_raw_for_tests(
            "PRAGMA foreign_keys = OFF;
             DELETE FROM platform_admins WHERE platform_id IN
                 (SELECT id FROM platforms WHERE unit_id = 1);
             DELETE FROM platforms WHERE unit_id = 1;",
        )
        .unwrap();
}

fn unit_one(db: &Path) -> Vec<String> {
    let name = Store::open(db).unwrap().unit(1).unwrap().name;
    registry(db)
        .into_iter()
        .filter(|r| r.starts_with(&format!("{name}|")))
        .collect()
}

#[test]
fn export_then_import_into_a_fresh_database_gives_the_same_registry() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    demo(&db);
    let xlsx = dir.path().join("台账.xlsx");
    let o = mediadesk(&db, &["export", "xlsx", "--out", xlsx.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("平台 17 个"), "{}", stdout(&o));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));

    // Importing the same file into the same database: every account is already registered.
    let o = mediadesk_as(&db, "admin", &["import", "xlsx", xlsx.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("第 2 行"), "{}", stdout(&o));
    assert_eq!(registry(&db).len(), 17);

    // One unit's 台账 into a database that lacks its platforms, by that unit's administrator.
    let unit_xlsx = dir.path().join("商学院.xlsx");
    let o = mediadesk(
        &db,
        &[
            "export",
            "xlsx",
            "--out",
            unit_xlsx.to_str().unwrap(),
            "--unit",
            "1",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let expected = unit_one(&db);
    assert!(!expected.is_empty());
    let fresh = dir.path().join("fresh.db");
    without_unit_one(&db, &fresh);
    assert!(unit_one(&fresh).is_empty());
    // A dry run checks every row and writes nothing.
    let o = mediadesk_as(
        &fresh,
        "lijun",
        &["import", "xlsx", unit_xlsx.to_str().unwrap(), "--dry-run"],
    );
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let ready = format!("可导入 {} 行", expected.len());
    assert!(stdout(&o).contains(&ready), "{}", stdout(&o));
    assert!(stdout(&o).contains("没有写入"), "{}", stdout(&o));
    assert!(unit_one(&fresh).is_empty());

    let o = mediadesk_as(
        &fresh,
        "lijun",
        &["import", "xlsx", unit_xlsx.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(unit_one(&fresh), expected);
}

#[test]
fn one_bad_row_writes_nothing_and_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    demo(&db);
    let fresh = dir.path().join("fresh.db");
    without_unit_one(&db, &fresh);
    let csv = dir.path().join("台账.csv");
    std::fs::write(
        &csv,
        "创建单位,媒体平台,账号名称,账号ID/网址,内容范围,创建时间,负责人,联络手机,管理员1姓名,管理员1手机\n\
         商学院,微博,商学院就业,sxy_jobs,就业信息,2024-09-27,王建国,13803710001,李珺,15937160003\n\
         商学院,微博,商学院团委,sxy_tw,团学活动,2024-09-27,王建国,1380371,李珺,15937160003\n",
    )
    .unwrap();
    let o = mediadesk_as(&fresh, "lijun", &["import", "xlsx", csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("第 3 行"), "{}", stdout(&o));
    assert!(!stdout(&o).contains("第 2 行："), "{}", stdout(&o));
    assert!(stderr(&o).contains("全部未导入"), "{}", stderr(&o));
    assert!(unit_one(&fresh).is_empty());

    // Without --as an import is refused before anything is read.
    let o = mediadesk(&fresh, &["import", "xlsx", csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(unit_one(&fresh).is_empty());
}

#[test]
fn a_file_that_is_not_a_spreadsheet_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    demo(&db);
    let pdf = dir.path().join("台账.xlsx");
    std::fs::write(&pdf, b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n").unwrap();
    let o = mediadesk_as(&db, "admin", &["import", "xlsx", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("PDF"), "{}", stderr(&o));
    assert_eq!(registry(&db).len(), 17);
}

#[test]
fn backup_list_and_restore_bring_back_the_earlier_registry() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    demo(&db);
    // Backups are the system administrator's.
    let o = mediadesk(&db, &["backup"]);
    assert_eq!(o.status.code(), Some(1));
    let o = mediadesk_as(&db, "admin", &["backup"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = mediadesk(&db, &["backups", "list", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    let contents = &list[0]["contents"]["Ok"];
    assert_eq!(contents["platforms"], 17, "{list:?}");
    assert!(contents["units"].as_i64().unwrap() > 0);
    assert!(contents["audit_head"].is_string());
    let backup = list[0]["path"].as_str().unwrap().to_owned();
    let o = mediadesk(&db, &["backups", "list"]);
    assert!(stdout(&o).contains("平台 17 个"), "{}", stdout(&o));

    // A platform added after the backup.
    let before = registry(&db);
    let json = dir.path().join("p.json");
    std::fs::write(
        &json,
        r#"{"unit_id": 1, "kind_id": 2, "name": "商学院就业", "account": "sxy_jobs_new",
            "account_type": "service", "verified": false, "content_scope": "就业信息",
            "created_on": "2026-01-05", "responsible_person": "王建国",
            "contact_mobile": "13803710001",
            "administrators": [{"name": "李珺", "mobile": "15937160003"}],
            "maintenance": {"by": "in_house"}}"#,
    )
    .unwrap();
    let o = mediadesk_as(
        &db,
        "lijun",
        &["platforms", "add", "--json", json.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(registry(&db).len(), 18);

    // Restore needs a signed-in administrator.
    let o = mediadesk(&db, &["restore", &backup]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(registry(&db).len(), 18);

    let o = mediadesk_as(&db, "admin", &["restore", &backup]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("恢复前的数据库已备份"),
        "{}",
        stdout(&o)
    );
    assert_eq!(registry(&db), before);
    let o = mediadesk(&db, &["audit", "verify"]);
    assert!(o.status.success(), "{}", stderr(&o));

    // The database as it was before the restore was kept, with the added platform.
    let saved: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("before-restore"))
        .collect();
    assert_eq!(saved.len(), 1);
    assert_eq!(registry(&saved[0]).len(), 18);
}

#[test]
fn a_corrupt_backup_is_refused_and_the_database_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    demo(&db);
    let copy = dir.path().join("copy.db");
    let o = mediadesk_as(&db, "admin", &["backup", "--out", copy.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&copy).unwrap();
    std::fs::write(&copy, &bytes[..bytes.len() / 2]).unwrap();

    let o = mediadesk_as(&db, "admin", &["restore", copy.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stderr(&o).contains("损坏"), "{}", stderr(&o));
    let o = mediadesk(&db, &["audit", "verify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(registry(&db).len(), 17);

    // Not a database at all.
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "hello").unwrap();
    let o = mediadesk_as(&db, "admin", &["restore", text.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("不是 MediaDesk"), "{}", stderr(&o));
    assert_eq!(registry(&db).len(), 17);
}
