//! Accounts, the three steps and the audit chain from the command line, as a script would
//! drive them: the real binary on a temporary database, passwords from the environment.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(db: &Path, password: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mediadesk"));
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MEDIADESK_DB")
        .env_remove("MEDIADESK_PASSWORD")
        .env_remove("MEDIADESK_NEW_PASSWORD")
        .stdin(Stdio::null());
    if let Some(p) = password {
        cmd.env("MEDIADESK_PASSWORD", p);
    }
    cmd.output().unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const PW: Option<&str> = Some("demo2026");

const POST: &str = r#"{
  "platform_id": 2,
  "title": "商学院举办职业生涯规划讲座",
  "body": "讲座邀请企业人力资源总监与同学们交流。",
  "category": "news",
  "column": "学院新闻",
  "origin": "original",
  "author_or_provider": "学生会 王同学",
  "editor": "张喆"
}"#;

#[test]
fn a_post_goes_through_three_people_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(run(&db, None, &["demo"]).status.success());
    let file = dir.path().join("post.json");
    std::fs::write(&file, POST).unwrap();
    let o = run(
        &db,
        PW,
        &[
            "posts",
            "new",
            "--json",
            file.to_str().unwrap(),
            "--as",
            "zhangzhe",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("编号 7"), "{}", out(&o));
    let o = run(&db, PW, &["posts", "submit", "7", "--as", "zhangzhe"]);
    assert!(o.status.success(), "{}", err(&o));
    // Self-approval and a return without a comment are refused.
    let o = run(&db, PW, &["posts", "approve", "7", "--as", "zhangzhe"]);
    assert!(!o.status.success());
    assert!(err(&o).contains("审核人或单位负责人"), "{}", err(&o));
    let o = run(&db, PW, &["posts", "reject", "7", "--as", "liuxiaoyan"]);
    assert!(err(&o).contains("退回意见"), "{}", err(&o));
    let o = run(
        &db,
        PW,
        &[
            "posts",
            "approve",
            "7",
            "--as",
            "liuxiaoyan",
            "--comment",
            "同意",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let o = run(&db, PW, &["posts", "publish", "7", "--as", "lijun"]);
    assert!(err(&o).contains("发布链接"), "{}", err(&o));
    // A publication time that cannot be true is refused (第八条一), nothing written.
    for (lie, says) in [
        ("2099-12-31 23:59", "还没有到"),
        ("1970-01-01 00:00", "30 天前"),
    ] {
        let o = run(
            &db,
            PW,
            &[
                "posts",
                "publish",
                "7",
                "--as",
                "lijun",
                "--link",
                "https://mp.weixin.qq.com/s/x",
                "--at",
                lie,
            ],
        );
        assert_eq!(o.status.code(), Some(1), "{lie}");
        assert!(err(&o).contains(says), "{lie}: {}", err(&o));
    }
    let at = (chrono::Local::now().naive_local() - chrono::Duration::hours(2))
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let o = run(
        &db,
        PW,
        &[
            "posts",
            "publish",
            "7",
            "--as",
            "lijun",
            "--link",
            "https://mp.weixin.qq.com/s/x",
            "--at",
            &at,
        ],
    );
    assert!(o.status.success(), "{}", err(&o));

    let o = run(&db, None, &["posts", "show", "7", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["post"]["state"], "published");
    assert_eq!(v["post"]["reviewer_name"], "刘晓燕");
    assert_eq!(v["post"]["published_at"], at.replace(' ', "T") + ":00");
    assert_eq!(v["revisions"].as_array().unwrap().len(), 1);
    let actions: Vec<&str> = v["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["create", "submit", "approve", "publish"]);

    let o = run(&db, None, &["posts", "list", "--state", "已发布", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);
    let o = run(&db, None, &["posts", "list", "--state", "nonsense"]);
    assert!(err(&o).contains("未知状态"), "{}", err(&o));

    let o = run(&db, None, &["audit", "verify"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("审计记录完整"), "{}", out(&o));
}

#[test]
fn passwords_never_come_from_arguments_and_wrong_ones_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(run(&db, None, &["demo"]).status.success());
    let o = run(&db, None, &["posts", "submit", "6", "--as", "zhangzhe"]);
    assert!(err(&o).contains("MEDIADESK_PASSWORD"), "{}", err(&o));
    let o = run(
        &db,
        Some("wrong"),
        &["posts", "submit", "6", "--as", "zhangzhe"],
    );
    assert!(err(&o).contains("登录名或密码不正确"), "{}", err(&o));
    // The demo's draft holds an ID number: blocked until a reviewer lets it through.
    let o = run(&db, PW, &["posts", "submit", "6", "--as", "zhangzhe"]);
    assert!(err(&o).contains("不能提交审核"), "{}", err(&o));
    assert!(!err(&o).contains("11010519491231002X"));
    let o = run(
        &db,
        PW,
        &[
            "posts",
            "override",
            "6",
            "--as",
            "liuxiaoyan",
            "--reason",
            "经核实为样例号码",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let o = run(&db, PW, &["posts", "submit", "6", "--as", "zhangzhe"]);
    assert!(o.status.success(), "{}", err(&o));
}

#[test]
fn users_are_added_by_a_system_administrator() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let add = |password: Option<&str>, new: &str, args: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mediadesk"));
        cmd.arg("--db").arg(&db).args(["users", "add"]).args(args);
        cmd.env_remove("MEDIADESK_PASSWORD")
            .env("MEDIADESK_NEW_PASSWORD", new)
            .stdin(Stdio::null());
        if let Some(p) = password {
            cmd.env("MEDIADESK_PASSWORD", p);
        }
        cmd.output().unwrap()
    };
    // First start: the first account is the system administrator.
    let o = add(
        None,
        "xitong-2026",
        &["--login", "xitong", "--name", "系统管理员"],
    );
    assert!(err(&o).contains("系统管理员"), "{}", err(&o));
    let o = add(
        None,
        "xitong-2026",
        &[
            "--login",
            "xitong",
            "--name",
            "系统管理员",
            "--system-admin",
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let o = add(None, "short", &["--login", "second", "--system-admin"]);
    assert!(err(&o).contains("--as"), "{}", err(&o));
    let o = add(
        Some("xitong-2026"),
        "short",
        &["--login", "second", "--system-admin", "--as", "xitong"],
    );
    assert!(err(&o).contains("至少需要 8 个字符"), "{}", err(&o));
    let o = add(
        Some("xitong-2026"),
        "second-2026",
        &["--login", "second", "--system-admin", "--as", "xitong"],
    );
    assert!(o.status.success(), "{}", err(&o));
    let o = run(&db, None, &["users", "list", "--json"]);
    let users: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(users.as_array().unwrap().len(), 2);
    assert!(
        !out(&o).contains("argon2"),
        "hashes never leave the database"
    );
    let o = run(&db, None, &["audit", "log", "--object", "user:"]);
    assert!(out(&o).contains("user_add"), "{}", out(&o));
}

#[test]
fn audit_verify_names_the_first_broken_entry() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(run(&db, None, &["demo"]).status.success());
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "DROP TRIGGER audit_log_no_update;
             UPDATE audit_log SET actor = '冒名者' WHERE seq = 12;",
        )
        .unwrap();
    }
    let o = run(&db, None, &["audit", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("第 12 条"), "{}", err(&o));
    let o = run(&db, None, &["audit", "verify", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["verified"], 11);
}

#[test]
fn audit_verify_checks_a_printed_anchor() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(run(&db, None, &["demo"]).status.success());
    let o = run(&db, None, &["audit", "verify", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let n = v["head_seq"].as_u64().unwrap();
    assert_eq!(v["sealed"].as_u64(), Some(n), "every demo entry is sealed");
    let head = v["head"].as_str().unwrap().to_owned();
    let anchor = format!("{n}:{}", &head[..16]);
    let o = run(&db, None, &["audit", "verify", "--anchor", &anchor]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("锚点相符"), "{}", out(&o));
    // Malformed anchors are refused in words, before anything is read.
    for bad in ["12", "x:0123456789abcdef", "12:xyz"] {
        let o = run(&db, None, &["audit", "verify", "--anchor", bad]);
        assert_eq!(o.status.code(), Some(1), "{bad}");
        assert!(err(&o).contains("序号:哈希"), "{bad}: {}", err(&o));
    }
    // The tail cut off: the rest verifies, the anchor says what happened.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(&format!(
            "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > {}",
            n - 2
        ))
        .unwrap();
    }
    let o = run(
        &db,
        None,
        &["audit", "verify", "--hashes-only", "--anchor", &anchor],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("被截掉"), "{}", err(&o));
}

#[test]
fn a_dropped_trigger_fails_verify_until_the_administrator_repairs_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(run(&db, None, &["demo"]).status.success());
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("DROP TRIGGER audit_log_no_delete")
            .unwrap();
    }
    let o = run(&db, None, &["audit", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("audit_log_no_delete"), "{}", err(&o));
    let o = run(&db, PW, &["audit", "repair"]);
    assert_eq!(o.status.code(), Some(1), "repair without --as");
    let o = run(&db, PW, &["audit", "repair", "--as", "zhangzhe"]);
    assert_eq!(o.status.code(), Some(1), "{}", out(&o));
    let o = run(&db, PW, &["audit", "repair", "--as", "admin"]);
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("已恢复"), "{}", out(&o));
    let o = run(&db, None, &["audit", "verify"]);
    assert!(o.status.success(), "{}", err(&o));
}

#[test]
fn the_approval_slip_prints_the_steps_and_the_numbered_draft() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(run(&db, None, &["demo"]).status.success());
    let pdf = dir.path().join("slip.pdf");
    let o = run(
        &db,
        None,
        &[
            "print",
            "approval-slip",
            "--post",
            "1",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    let doc = lopdf::Document::load(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    for expected in [
        "信息发布审核单",
        "商学院召开2026年秋季学期教学工作会议",
        "刘晓燕",
        "李珺",
        "内容属实",
    ] {
        assert!(text.contains(expected), "{expected} missing in {text}");
    }
    // The publish step shows when it went online (the demo publishes 3 days ago at 09:30).
    let published = chrono::Local::now().date_naive() - chrono::Duration::days(3);
    let expected = format!("{} 09:30", published.format("%Y-%m-%d"));
    assert!(text.contains(&expected), "{expected} missing in {text}");
    let o = run(
        &db,
        None,
        &[
            "print",
            "approval-slip",
            "--post",
            "99",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    assert!(err(&o).contains("找不到编号为 99 的信息"), "{}", err(&o));
}
