//! The command line as a script would use it: the real binary on a temporary database.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn mediadesk(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mediadesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MEDIADESK_DB")
        .output()
        .unwrap()
}

/// `mediadesk --as LOGIN …` with the demo password in the environment.
fn mediadesk_as(db: &Path, login: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mediadesk"))
        .arg("--db")
        .arg(db)
        .args(["--as", login])
        .args(args)
        .env_remove("MEDIADESK_DB")
        .env("MEDIADESK_PASSWORD", "demo2026")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const GOOD: &str = r#"{
  "unit_id": 1,
  "kind_id": 2,
  "name": "商学院就业",
  "account": "sxy_jobs",
  "account_type": "service",
  "verified": true,
  "verified_until": "2027-06-30",
  "content_scope": "招生就业信息",
  "created_on": "2026-11-20",
  "responsible_person": "王建国",
  "contact_mobile": "13803710001",
  "administrators": [{"name": "李珺", "mobile": "15937160003"}],
  "maintenance": {"by": "in_house"}
}"#;

#[test]
fn demo_list_show_and_add() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let o = mediadesk(&db, &["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The message counts what was loaded.
    assert!(stdout(&o).contains("17 个平台"), "{}", stdout(&o));
    let o = mediadesk(&db, &["units", "list"]);
    assert!(stdout(&o).contains("商学院"));
    let o = mediadesk(&db, &["platforms", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 17);
    // The welcome page describes the same demo before it is loaded.
    let platforms = format!("{} 个平台", list.as_array().unwrap().len());
    assert!(mediadesk::text::ui_window::WELCOME_DEMO_CONTENTS.contains(&platforms));
    let o = mediadesk(&db, &["platforms", "list"]);
    assert!(stdout(&o).contains("逾期未备案"), "{}", stdout(&o));

    let file = dir.path().join("p.json");
    std::fs::write(&file, GOOD).unwrap();
    let o = mediadesk_as(
        &db,
        "lijun",
        &["platforms", "add", "--json", file.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("编号 18"), "{}", stdout(&o));

    let o = mediadesk(&db, &["platforms", "show", "18", "--json"]);
    let p: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(p["name"], "商学院就业");
    assert_eq!(p["account_type"], "service");
    assert_eq!(p["status"], "unfiled");
    let o = mediadesk(&db, &["platforms", "show", "18"]);
    assert!(stdout(&o).contains("账号类型：服务号"));
}

#[test]
fn bad_input_names_the_field_exits_non_zero_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(mediadesk(&db, &["demo"]).status.success());
    let cases = [
        (GOOD.replace("13803710001", "1380371"), "联络手机"),
        (GOOD.replace("sxy_jobs", "sias_sxy"), "已登记同一账号"),
        (GOOD.replace("商学院就业", "西亚斯就业"), "批准文号"),
        (GOOD.replace("2026-11-20", "2099-01-01"), "创建时间"),
        (
            GOOD.replace(r#""unit_id": 1"#, r#""unit_id": 99"#),
            "创建单位",
        ),
        (
            GOOD.replace(r#"[{"name": "李珺", "mobile": "15937160003"}]"#, "[]"),
            "管理员",
        ),
        ("{ not json".to_owned(), "不是有效的平台 JSON"),
        (
            GOOD.replace("\"notes\"", "\"x\"")
                .replace("\"maintenance\"", "\"colour\""),
            "不是有效的平台 JSON",
        ),
    ];
    for (json, expected) in cases {
        let file = dir.path().join("bad.json");
        std::fs::write(&file, &json).unwrap();
        let o = mediadesk_as(
            &db,
            "lijun",
            &["platforms", "add", "--json", file.to_str().unwrap()],
        );
        assert_eq!(o.status.code(), Some(1), "{expected}");
        assert!(stderr(&o).contains(expected), "{expected}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"));
    }
    let o = mediadesk(&db, &["platforms", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 17, "nothing was written");
}

#[test]
fn unusable_databases_are_explained_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("text.db");
    std::fs::write(&text, "hello").unwrap();
    let o = mediadesk(&text, &["units", "list"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("不是 SQLite 数据库"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&text).unwrap(), "hello");

    // A read on a path with no database says so and creates none.
    let missing = dir.path().join("missing");
    let o = mediadesk(&missing, &["platforms", "show", "5"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("不存在"), "{}", stderr(&o));
    assert!(!missing.exists());

    // A database cut short (a copy that stopped half way) points to the backups.
    let whole = dir.path().join("whole.db");
    assert!(mediadesk(&whole, &["demo"]).status.success());
    let bytes = std::fs::read(&whole).unwrap();
    let cut = dir.path().join("cut.db");
    std::fs::write(&cut, &bytes[..bytes.len() * 3 / 4]).unwrap();
    let o = mediadesk(&cut, &["platforms", "list"]);
    assert_eq!(o.status.code(), Some(1));
    let said = stderr(&o);
    assert!(
        said.contains("已损坏") && said.contains("backups"),
        "{said}"
    );
    assert!(!said.contains("malformed"), "{said}");

    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let o = mediadesk(&blocker.join("sub/m.db"), &["demo"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("无法在"), "{}", stderr(&o));
}

#[test]
fn printing_forms_writes_the_pdf_and_records_the_filing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(mediadesk(&db, &["demo"]).status.success());
    let pdf = dir.path().join("备案表.pdf");
    let o = mediadesk_as(
        &db,
        "huangkun",
        &[
            "print",
            "filing-form",
            "--platform",
            "6",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("4 页"), "{}", stdout(&o));
    let doc = lopdf::Document::load(&pdf).unwrap();
    assert_eq!(doc.get_pages().len(), 4);

    let all = dir.path().join("年审.pdf");
    let o = mediadesk_as(
        &db,
        "songwenbo",
        &[
            "print",
            "annual-review",
            "--all",
            "--out",
            all.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // 17 demo platforms, one closed and one shut down: 15 forms of 4 copies.
    assert_eq!(lopdf::Document::load(&all).unwrap().get_pages().len(), 60);
    let unit = dir.path().join("unit.pdf");
    let o = mediadesk_as(
        &db,
        "lijun",
        &[
            "print",
            "annual-review",
            "--unit",
            "1",
            "--out",
            unit.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn printing_refuses_bad_requests_without_leaving_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(mediadesk(&db, &["demo"]).status.success());
    let pdf = dir.path().join("x.pdf");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec!["--platform".into(), "99".into()],
            "找不到编号为 99 的平台",
        ),
        // 外语角日常 (id 11) stopped operating.
        (vec!["--platform".into(), "11".into()], "停止运营"),
    ];
    for (args, expected) in cases {
        let mut full = vec!["print", "filing-form", "--out", pdf.to_str().unwrap()];
        full.extend(args.iter().map(String::as_str));
        let o = mediadesk_as(&db, "songwenbo", &full);
        assert_eq!(o.status.code(), Some(1), "{expected}");
        assert!(stderr(&o).contains(expected), "{expected}: {}", stderr(&o));
        assert!(!pdf.exists());
    }
    let missing_dir = dir.path().join("no/such/folder/x.pdf");
    let o = mediadesk_as(
        &db,
        "lijun",
        &[
            "print",
            "filing-form",
            "--platform",
            "1",
            "--out",
            missing_dir.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("不存在"), "{}", stderr(&o));
    let o = mediadesk_as(
        &db,
        "songwenbo",
        &[
            "print",
            "annual-review",
            "--unit",
            "42",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(!pdf.exists());
    // Nothing was recorded by the refusals.
    let o = mediadesk(&db, &["platforms", "show", "1", "--json"]);
    assert!(o.status.success());
}

#[test]
fn calendar_days_deadline_and_import() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(mediadesk(&db, &["demo"]).status.success());
    let o = mediadesk(&db, &["calendar", "deadline", "--from", "2024-09-27"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("2024-10-10"), "{}", stdout(&o));
    let o = mediadesk(
        &db,
        &[
            "calendar",
            "days",
            "--from",
            "2024-09-28",
            "--to",
            "2024-10-01",
            "--json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let days: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let kinds: Vec<&str> = days
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["weekend", "makeup_workday", "workday", "holiday"]);

    // 2027 is unknown until imported: reported, non-zero exit naming the year.
    let o = mediadesk(
        &db,
        &[
            "calendar",
            "days",
            "--from",
            "2026-12-31",
            "--to",
            "2027-01-02",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("未知"), "{}", stdout(&o));
    assert!(stderr(&o).contains("2027"), "{}", stderr(&o));
    let o = mediadesk(&db, &["calendar", "deadline", "--from", "2026-12-29"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("2027"), "{}", stderr(&o));

    // A malformed file is refused with its line; nothing changes.
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"year\": 2027,\n  \"holidays\": [{\"name\": \"元旦\", \"dates\": [\"2027-02-30\"]}],\n  \"makeup_workdays\": []\n}\n").unwrap();
    let o = mediadesk_as(&db, "admin", &["calendar", "import", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("第 3 行"), "{}", stderr(&o));

    // The holiday-cn format imports.
    let good = dir.path().join("2027.json");
    std::fs::write(
        &good,
        r#"{"year":2027,"papers":[],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#,
    )
    .unwrap();
    let o = mediadesk_as(
        &db,
        "admin",
        &["calendar", "import", good.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = mediadesk(
        &db,
        &[
            "calendar",
            "days",
            "--from",
            "2026-12-31",
            "--to",
            "2027-01-02",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("2027-01-01\t周五\t法定节假日（元旦）"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn history_and_change_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(mediadesk(&db, &["demo"]).status.success());
    // 外院声音 (id 10) has a pending change in the demo.
    let o = mediadesk(&db, &["platforms", "history", "10", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let h: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let kinds: Vec<&str> = h["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "created",
            "filing_printed",
            "filing_submitted",
            "filed",
            "changed"
        ]
    );
    let change = h["changes"][0]["id"].as_i64().unwrap();
    let o = mediadesk(&db, &["platforms", "history", "10"]);
    assert!(stdout(&o).contains("信息变更"), "{}", stdout(&o));

    let pdf = dir.path().join("变更.pdf");
    let o = mediadesk(
        &db,
        &[
            "print",
            "change-report",
            "--change",
            &change.to_string(),
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!lopdf::Document::load(&pdf).unwrap().get_pages().is_empty());
    let o = mediadesk(
        &db,
        &[
            "print",
            "change-report",
            "--change",
            "999",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("找不到编号为 999 的变更记录"),
        "{}",
        stderr(&o)
    );

    let ending = dir.path().join("停运.pdf");
    let o = mediadesk(
        &db,
        &[
            "print",
            "ending-report",
            "--platform",
            "11",
            "--out",
            ending.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("停止运营报告"));
}

#[test]
fn check_reports_findings_and_exits_one_when_something_blocks() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.db");
    let text = "联系人身份证号 11010519491231002X，本文为内部资料。";
    let o = mediadesk(&db, &["check", "--text", text, "--json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["blocks"], true);
    let findings = report["findings"].as_array().unwrap();
    let id = findings
        .iter()
        .find(|f| f["rule"] == "resident_id")
        .unwrap();
    // Character offsets into the original, Chinese included.
    let chars: Vec<char> = text.chars().collect();
    let (start, end) = (
        id["start"].as_u64().unwrap() as usize,
        id["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        chars[start..end].iter().collect::<String>(),
        "11010519491231002X"
    );
    // A clean text passes; the database is never needed.
    let o = mediadesk(&db, &["check", "--text", "学院举办春季运动会。"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!db.exists());
    // Bad input: binary, empty, missing.
    let bin = dir.path().join("bin.txt");
    std::fs::write(&bin, [0xff, 0xfe, 0x00, 0x81, 0x9f]).unwrap();
    let o = mediadesk(&db, &["check", bin.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不是 UTF-8"), "{}", stderr(&o));
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let o = mediadesk(&db, &["check", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("内容为空"));
    let o = mediadesk(
        &db,
        &["check", dir.path().join("nope.txt").to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn check_file_refuses_an_executable_renamed_as_a_photo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.db");
    let fake = dir.path().join("photo.jpg");
    let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
    elf.resize(4096, 0);
    std::fs::write(&fake, &elf).unwrap();
    let o = mediadesk(&db, &["check-file", fake.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("可执行程序"), "{}", stdout(&o));
    let png = dir.path().join("ok.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x00IEND\xaeB`\x82").unwrap();
    let o = mediadesk(&db, &["check-file", png.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // The JSON carries each issue's sentence beside its typed detail.
    let o = mediadesk(&db, &["check-file", fake.to_str().unwrap(), "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let issue = &report["issues"][0];
    assert!(
        issue["detail"].is_object() || issue["detail"].is_string(),
        "{issue}"
    );
    assert!(
        issue["message"].as_str().unwrap().contains("可执行程序"),
        "{issue}"
    );
    assert!(stdout(&mediadesk(&db, &["check-file", png.to_str().unwrap()])).contains("PNG 图片"));
}

/// A pipe or an endless device named by mistake is refused at once, never waited on.
#[cfg(unix)]
#[test]
fn check_refuses_a_fifo_and_dev_zero_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.db");
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    for (command, path) in [
        ("check", fifo.as_path()),
        ("check-file", fifo.as_path()),
        ("check", Path::new("/dev/zero")),
        ("check-file", Path::new("/dev/zero")),
    ] {
        let o = mediadesk(&db, &[command, path.to_str().unwrap()]);
        assert_eq!(
            o.status.code(),
            Some(2),
            "{command} {path:?}: {}",
            stderr(&o)
        );
        assert!(
            stderr(&o).contains("不是普通文件")
                || stderr(&o).contains("管道")
                || stderr(&o).contains("设备"),
            "{command} {path:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn word_lists_live_in_the_database_with_versions() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(mediadesk(&db, &["demo"]).status.success());
    let list = |db: &Path| {
        let o = mediadesk(
            db,
            &[
                "words",
                "list",
                "--category",
                "internal_information",
                "--json",
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap()
    };
    assert_eq!(list(&db)[0]["version"], 0, "the shipped seed until edited");
    let o = mediadesk_as(
        &db,
        "admin",
        &[
            "words",
            "add",
            "校内传阅",
            "--category",
            "internal_information",
            "--severity",
            "block",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(list(&db)[0]["version"], 1);
    // The check now uses the database's lists.
    let o = mediadesk(&db, &["check", "--text", "本材料仅限校内传阅"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    // An allowed phrase suppresses it.
    let o = mediadesk_as(
        &db,
        "admin",
        &["words", "add", "校内传阅栏", "--category", "allow"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = mediadesk(&db, &["check", "--text", "欢迎投稿校内传阅栏"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // Import reports bad lines by number and keeps the good ones.
    let file = dir.path().join("words.txt");
    std::fs::write(&file, "# 自定义\n赌球\n\n这一行太长这一行太长这一行太长这一行太长这一行太长这一行太长这一行太长这一行太长这一行太长这一行太长x\n").unwrap();
    let o = mediadesk_as(
        &db,
        "admin",
        &["words", "import", file.to_str().unwrap(), "--category", "7"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("第 4 行"), "{}", stdout(&o));
    let o = mediadesk(&db, &["words", "export", "--category", "7"]);
    assert!(stdout(&o).contains("赌球"));
    // Bad input.
    let o = mediadesk_as(
        &db,
        "admin",
        &["words", "remove", "不存在的词", "--category", "7"],
    );
    assert_eq!(o.status.code(), Some(1));
    let o = mediadesk(&db, &["words", "list", "--category", "99"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("没有「99」这个词表"), "{}", stderr(&o));
}

/// A read on a mistyped --db says so instead of showing an empty registry, and creates nothing.
#[test]
fn a_read_on_a_missing_database_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("typo.db");
    for args in [
        &["platforms", "list"][..],
        &["units", "list"],
        &["supervise"],
    ] {
        let o = mediadesk(&db, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).contains("不存在"), "{args:?}: {}", stderr(&o));
        assert!(!db.exists(), "{args:?}");
    }
    // The table of who may do what needs no database.
    assert!(mediadesk(&db, &["permissions"]).status.success());
    assert!(!db.exists());
}

/// A mistyped argument is explained in Chinese with exit 2, never clap's English.
#[test]
fn argument_errors_are_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let o = mediadesk(&db, &["supervise", "--today", "2026-13-01"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("不正确"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("invalid value"), "{}", stderr(&o));
    let o = mediadesk(&db, &["platfroms", "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("platforms"), "{}", stderr(&o));
    assert!(!db.exists());
}

#[test]
fn a_bad_page_or_window_size_is_refused_before_any_window_opens() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let o = mediadesk(&db, &["--page", "首页"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("没有名为「首页」的页面"),
        "{}",
        stderr(&o)
    );
    let o = mediadesk(&db, &["--window-size", "１０２４x640"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("宽x高"), "{}", stderr(&o));
    assert!(!db.exists(), "nothing was created");
}
