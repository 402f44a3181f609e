//! Supervision from the command line, through the real binary on a demo database: the due
//! list (text and JSON), updates by hand and from CSV, the school's notices up to the shutdown
//! decision, incidents and training; bad input refused in Chinese with nothing written.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use chrono::{Days, NaiveDate};

mod common;
use common::cli::{err, out, run as mediadesk};

fn count(db: &Path, table: &str) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// Notices of 文传之声 (the demo's other platforms have their own).
fn notices_of_5(db: &Path) -> i64 {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(
            "SELECT COUNT(*) FROM supervision_notices WHERE platform_id = 5",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn ago(n: u64) -> String {
    today().checked_sub_days(Days::new(n)).unwrap().to_string()
}

/// The demo school; 文传之声 (platform 5) has been silent for five months.
fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("m.db");
    let o = mediadesk(&db, None, &["demo"]);
    assert!(o.status.success(), "{}", err(&o));
    db
}

fn due(db: &Path) -> Vec<serde_json::Value> {
    let o = mediadesk(db, None, &["supervise", "--json"]);
    assert!(o.status.success(), "{}", err(&o));
    serde_json::from_str::<serde_json::Value>(&out(&o))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn has(items: &[serde_json::Value], kind: &str, platform: i64) -> bool {
    items
        .iter()
        .any(|i| i["kind"] == kind && i["platform_id"] == platform)
}

#[test]
fn supervise_lists_every_due_action_most_urgent_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let items = due(&db);
    assert!(has(&items, "rectification_notice", 5), "{items:#?}");
    let silent = items
        .iter()
        .find(|i| i["kind"] == "rectification_notice" && i["platform_id"] == 5)
        .unwrap();
    assert_eq!(silent["article"], "第六条四");
    assert_eq!(silent["what"], "应发整改通知");
    assert_eq!(silent["since"], ago(150));
    assert!(has(&items, "filing", 6));
    assert!(items.iter().any(|i| i["kind"] == "training"));
    // Overdue first.
    assert_eq!(items[0]["urgency"], "overdue");

    let o = mediadesk(&db, None, &["supervise"]);
    let text = out(&o);
    assert!(text.contains("应发整改通知"), "{text}");
    assert!(text.contains("文传之声"), "{text}");
    assert!(text.contains("（第六条四）"), "{text}");

    // As of a day long ago, before 文传之声 fell silent, it is not listed.
    let o = mediadesk(&db, None, &["supervise", "--today", &ago(140), "--json"]);
    let then: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert!(!has(then.as_array().unwrap(), "rectification_notice", 5));
}

#[test]
fn updates_by_hand_and_from_csv_with_bad_input_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let tomorrow = today().succ_opt().unwrap().to_string();
    // A write without --as is refused.
    let o = mediadesk(
        &db,
        None,
        &[
            "updates",
            "add",
            "--platform",
            "5",
            "--date",
            &ago(1),
            "--title",
            "x",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("--as"), "{}", err(&o));
    // A date in the future.
    let o = mediadesk(
        &db,
        Some("huangkun"),
        &[
            "updates",
            "add",
            "--platform",
            "5",
            "--date",
            &tomorrow,
            "--title",
            "明天的文章",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("晚于今天"), "{}", err(&o));
    assert_eq!(count(&db, "platform_updates"), 0);

    // A CSV with a row of the wrong width: the row number, nothing imported.
    let csv = dir.path().join("history.csv");
    std::fs::write(
        &csv,
        format!(
            "日期,标题,链接\n{},迎新晚会,https://wc.sias.edu.cn/1.html\n{},只有两列\n",
            ago(20),
            ago(10)
        ),
    )
    .unwrap();
    let o = mediadesk(
        &db,
        Some("huangkun"),
        &[
            "updates",
            "import",
            "--platform",
            "5",
            csv.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("第 3 行"), "{}", err(&o));
    assert_eq!(count(&db, "platform_updates"), 0);

    std::fs::write(
        &csv,
        format!(
            "日期,标题,链接\n{},迎新晚会,https://wc.sias.edu.cn/1.html\n{},期中教学检查,\n",
            ago(20),
            ago(10)
        ),
    )
    .unwrap();
    let o = mediadesk(
        &db,
        Some("huangkun"),
        &[
            "updates",
            "import",
            "--platform",
            "5",
            csv.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("2 条"), "{}", out(&o));
    assert_eq!(count(&db, "platform_updates"), 2);
    // The platform is no longer silent.
    assert!(!has(&due(&db), "rectification_notice", 5));

    let o = mediadesk(
        &db,
        Some("huangkun"),
        &[
            "updates",
            "add",
            "--platform",
            "5",
            "--date",
            &ago(0),
            "--title",
            "学院新闻",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let o = mediadesk(&db, None, &["updates", "list", "--platform", "5"]);
    assert_eq!(out(&o).lines().count(), 3, "{}", out(&o));
}

#[test]
fn notices_are_the_schools_and_climb_the_ladder_to_the_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let issue = |login: &str, kind: &str, on: &str, no: &str| {
        mediadesk(
            &db,
            Some(login),
            &[
                "notices",
                "issue",
                "--platform",
                "5",
                "--kind",
                kind,
                "--no",
                no,
                "--on",
                on,
            ],
        )
    };
    // The unit's own administrator may not issue a notice (第六条四).
    let o = issue("huangkun", "rectification", &ago(0), "校宣〔2026〕1号");
    assert_eq!(o.status.code(), Some(1));
    assert!(!err(&o).is_empty());
    assert_eq!(notices_of_5(&db), 0);
    // Out of order.
    let o = issue("songwenbo", "public", &ago(0), "校宣〔2026〕2号");
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("整改通知"), "{}", err(&o));
    assert_eq!(notices_of_5(&db), 0);

    let o = issue("songwenbo", "rectification", &ago(70), "校宣〔2026〕1号");
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("整改通知书"), "{}", out(&o));
    assert!(has(&due(&db), "public_notice", 5));
    let o = issue("songwenbo", "public", &ago(35), "校宣〔2026〕2号");
    assert!(o.status.success(), "{}", err(&o));
    assert!(has(&due(&db), "shutdown_decision", 5));
    let o = issue("songwenbo", "shutdown", &ago(0), "校宣〔2026〕3号");
    assert!(o.status.success(), "{}", err(&o));

    let o = mediadesk(&db, None, &["platforms", "history", "5"]);
    let history = out(&o);
    assert!(history.contains("校宣〔2026〕2号"), "{history}");
    assert!(history.contains("关停"), "{history}");
    let o = mediadesk(&db, None, &["notices", "list", "--platform", "5"]);
    assert_eq!(out(&o).lines().count(), 3, "{}", out(&o));
    // Each notice prints as its document; the shutdown decision cites the two before it.
    let ids: Vec<String> = out(&o)
        .lines()
        .map(|l| l.split('　').next().unwrap().to_owned())
        .collect();
    let shutdown_pdf = dir.path().join("关停决定.pdf");
    let o = mediadesk(
        &db,
        None,
        &[
            "print",
            "notice",
            "--notice",
            &ids[2],
            "--out",
            shutdown_pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("关停决定"), "{}", out(&o));
    let doc = lopdf::Document::load(&shutdown_pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text: String = doc
        .extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect();
    for no in ["校宣〔2026〕3号", "校宣〔2026〕1号", "校宣〔2026〕2号"] {
        assert!(text.contains(no), "{no} missing: {text}");
    }
    let o = mediadesk(
        &db,
        None,
        &[
            "print",
            "notice",
            "--notice",
            "9999",
            "--out",
            shutdown_pdf.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("督查通知"), "{}", err(&o));
    // A platform already shut down gets no more notices.
    let o = issue("songwenbo", "rectification", &ago(0), "校宣〔2026〕4号");
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("关停"), "{}", err(&o));
    assert_eq!(notices_of_5(&db), 3);
}

#[test]
fn incidents_and_training() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    // The demo has one incident already (电信极客, reported late).
    let demo_incidents = count(&db, "security_incidents");
    assert!(has(&due(&db), "incident_reported_late", 8));
    let found = format!("{} 09:00", ago(3));
    let reported = format!("{} 10:00", ago(1));
    let o = mediadesk(
        &db,
        Some("lijun"),
        &[
            "incidents",
            "add",
            "--platform",
            "2",
            "--kind",
            "account-stolen",
            "--found-at",
            &found,
            "--description",
            "公众号后台出现陌生设备登录",
            "--reported-at",
            &reported,
            "--reported-to",
            "news-center,propaganda-dept,it-center",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(has(&due(&db), "incident_reported_late", 2));
    // Reported before it was found: refused, nothing written.
    let o = mediadesk(
        &db,
        Some("lijun"),
        &[
            "incidents",
            "add",
            "--platform",
            "2",
            "--kind",
            "vulnerability",
            "--found-at",
            &reported,
            "--description",
            "弱口令",
            "--reported-at",
            &found,
            "--reported-to",
            "news-center",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(count(&db, "security_incidents"), demo_incidents + 1);
    let o = mediadesk(&db, None, &["incidents", "list", "--platform", "2"]);
    assert!(out(&o).contains("账号被盗用"), "{}", out(&o));
    // The incident report, under the unit's own number.
    let id = (demo_incidents + 1).to_string();
    let report = dir.path().join("安全事件报告.pdf");
    let o = mediadesk(
        &db,
        None,
        &[
            "print",
            "incident",
            "--incident",
            &id,
            "--no",
            "电信〔2026〕7号",
            "--out",
            report.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let doc = lopdf::Document::load(&report).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text: String = doc
        .extract_text(&pages)
        .unwrap()
        .split_whitespace()
        .collect();
    assert!(text.contains("电信〔2026〕7号"), "{text}");
    assert!(text.contains("账号被盗用"), "{text}");

    let o = mediadesk(
        &db,
        Some("songwenbo"),
        &[
            "training",
            "add",
            "--on",
            &ago(10),
            "--topic",
            "新媒体内容审核",
            "--organiser",
            "党委宣传部",
            "--person",
            "7,3",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("2 人"), "{}", out(&o));
    let o = mediadesk(&db, None, &["training", "list"]);
    assert!(out(&o).contains("新媒体内容审核"), "{}", out(&o));
}
