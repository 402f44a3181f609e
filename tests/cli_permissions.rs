//! The command line signs in for every write: each command that changes data, run without
//! `--as`, is refused with a Chinese message and exit 1, and the database stays as it was;
//! a wrong password and a person without the right are refused too, and only the sign-in
//! (or the refused attempt) goes on record.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(db: &Path, args: &[&str], password: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mediadesk"));
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MEDIADESK_DB")
        .env_remove("MEDIADESK_PASSWORD")
        .env("MEDIADESK_NEW_PASSWORD", "new-account-2026")
        .stdin(Stdio::null());
    if let Some(p) = password {
        cmd.env("MEDIADESK_PASSWORD", p);
    }
    cmd.output().unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every row of every table, for "nothing was written".
fn dump(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut rows = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let n = stmt.column_count();
        let mut q = stmt.query([]).unwrap();
        while let Some(r) = q.next().unwrap() {
            let v: Vec<String> = (0..n)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect();
            rows.push(format!("{table}: {}", v.join("|")));
        }
    }
    rows
}

#[test]
fn every_write_without_as_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(run(&db, &["demo"], None).status.success());
    let file = dir.path().join("in.txt");
    std::fs::write(&file, "{}").unwrap();
    let f = file.to_str().unwrap();
    let pdf = dir.path().join("x.pdf");
    let out = pdf.to_str().unwrap();
    let writes: Vec<Vec<&str>> = vec![
        vec!["platforms", "add", "--json", f],
        vec![
            "platforms",
            "close",
            "1",
            "--on",
            "2026-11-01",
            "--reason",
            "x",
            "--content",
            "y",
        ],
        vec![
            "platforms",
            "shut-down",
            "1",
            "--on",
            "2026-11-01",
            "--reason",
            "violation",
            "--document-no",
            "x",
        ],
        vec!["filings", "report", "1"],
        vec!["filings", "archive", "1", "--number", "X"],
        vec!["filings", "scan", "1", f],
        vec!["changes", "report", "1"],
        vec!["calendar", "import", f],
        vec!["words", "add", "某词", "--category", "7"],
        vec!["words", "remove", "某词", "--category", "7"],
        vec!["words", "import", f, "--category", "7"],
        vec!["users", "add", "--login", "someone", "--system-admin"],
        vec!["posts", "new", "--json", f],
        vec!["posts", "submit", "1"],
        vec!["posts", "approve", "1"],
        vec!["posts", "reject", "1", "--comment", "x"],
        vec!["posts", "publish", "1", "--link", "https://a.cn/1"],
        vec!["posts", "withdraw", "1"],
        vec!["posts", "override", "1", "--reason", "理由充分"],
        vec!["posts", "attach", "1", f],
        vec!["print", "filing-form", "--platform", "1", "--out", out],
        vec!["print", "annual-review", "--all", "--out", out],
        vec![
            "updates",
            "add",
            "--platform",
            "1",
            "--date",
            "2026-11-01",
            "--title",
            "x",
        ],
        vec!["updates", "import", "--platform", "1", f],
        vec!["updates", "party-column", "--platform", "1"],
        vec![
            "notices",
            "issue",
            "--platform",
            "5",
            "--kind",
            "rectification",
            "--no",
            "x",
        ],
        vec![
            "incidents",
            "add",
            "--platform",
            "1",
            "--kind",
            "vulnerability",
            "--found-at",
            "2026-11-01 09:00",
            "--description",
            "x",
        ],
        vec![
            "training",
            "add",
            "--on",
            "2026-11-01",
            "--topic",
            "x",
            "--organiser",
            "y",
        ],
    ];
    let before = dump(&db);
    for args in &writes {
        let o = run(&db, args, Some("demo2026"));
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", err(&o));
        assert!(err(&o).contains("--as"), "{args:?}: {}", err(&o));
        assert!(!pdf.exists(), "{args:?} left a file");
    }
    assert_eq!(before, dump(&db), "nothing was written");
}

#[test]
fn a_wrong_password_or_a_missing_right_is_refused_and_only_that_is_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(run(&db, &["demo"], None).status.success());
    let audit = |db: &Path| -> Vec<String> {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.prepare("SELECT action FROM audit_log ORDER BY seq")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let close = [
        "--as",
        "zhangzhe",
        "platforms",
        "close",
        "2",
        "--on",
        "2026-11-01",
        "--reason",
        "x",
        "--content",
        "y",
    ];
    // A wrong password: refused, only the failed sign-in on record.
    let before = audit(&db);
    let o = run(&db, &close, Some("not-the-password"));
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("密码不正确"), "{}", err(&o));
    assert_eq!(audit(&db)[before.len()..], ["sign_in_failed"]);
    // An 信息员 may not stop a platform: the message says who may; the attempt is recorded.
    let before = audit(&db);
    let o = run(&db, &close, Some("demo2026"));
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("管理员或单位负责人"), "{}", err(&o));
    assert_eq!(audit(&db)[before.len()..], ["sign_in", "refused"]);
    // Another unit's administrator neither.
    let o = run(
        &db,
        &[
            "--as",
            "huangkun",
            "platforms",
            "close",
            "2",
            "--on",
            "2026-11-01",
            "--reason",
            "x",
            "--content",
            "y",
        ],
        Some("demo2026"),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("其他单位"), "{}", err(&o));
    // Read commands need no sign-in.
    assert!(run(&db, &["platforms", "list"], None).status.success());
    // The table of who may do what is printed from the rules.
    let o = run(&db, &["permissions"], None);
    assert!(String::from_utf8_lossy(&o.stdout).contains("关停平台"));
}
