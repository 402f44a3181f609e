//! Characters the print font cannot draw are said before they print as empty boxes: Hangul,
//! which the bundled face leaves out (fonts/extract_fonts.py), in a platform's form and in a
//! post's approval slip, through the real binary. The print still goes ahead.
#![allow(clippy::unwrap_used)]

use std::path::Path;

mod common;
use common::cli::{err, out, run};

/// A 商学院 platform whose responsible person is written in Hangul.
const KOREAN_NAME: &str = r#"{
  "unit_id": 1,
  "kind_id": 2,
  "name": "商学院韩语角",
  "account": "sxy_korean",
  "account_type": "subscription",
  "verified": false,
  "content_scope": "韩语学习交流活动",
  "created_on": "2026-11-20",
  "responsible_person": "김민준",
  "contact_mobile": "13803710001",
  "administrators": [{"name": "李珺", "mobile": "15937160003"}],
  "maintenance": {"by": "in_house"}
}"#;

fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("m.db");
    let o = run(&db, None, &["demo"]);
    assert!(o.status.success(), "{}", err(&o));
    db
}

fn platform_id(db: &Path, name: &str) -> String {
    let o = run(db, None, &["platforms", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let found = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} not in {list}"));
    found["id"].to_string()
}

#[test]
fn a_form_with_hangul_is_warned_of_and_still_printed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let file = dir.path().join("p.json");
    std::fs::write(&file, KOREAN_NAME).unwrap();
    let o = run(
        &db,
        Some("lijun"),
        &["platforms", "add", "--json", file.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", err(&o));
    let id = platform_id(&db, "商学院韩语角");
    let pdf = dir.path().join("form.pdf");
    let o = run(
        &db,
        Some("lijun"),
        &[
            "print",
            "filing-form",
            "--platform",
            &id,
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("4 页"), "{}", out(&o));
    // Each character once, in code point order, and what to do about them.
    let expected = "打印字体没有这 3 个字：「김」U+AE40、「민」U+BBFC、「준」U+C900，";
    assert!(err(&o).contains(expected), "{}", err(&o));
    assert!(err(&o).contains("设置 → 打印字体"), "{}", err(&o));
    assert_eq!(lopdf::Document::load(&pdf).unwrap().get_pages().len(), 4);

    // A form without such characters says nothing of the kind.
    let other = dir.path().join("other.pdf");
    let o = run(
        &db,
        Some("huangkun"),
        &[
            "print",
            "filing-form",
            "--platform",
            "6",
            "--out",
            other.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(!err(&o).contains("打印字体没有"), "{}", err(&o));
}

#[test]
fn an_approval_slip_with_hangul_is_warned_of_and_still_printed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let post = r#"{
      "platform_id": 2,
      "title": "韩语角活动：안녕하세요",
      "body": "韩语学习交流。",
      "category": "news",
      "column": "学院新闻",
      "origin": "original",
      "author_or_provider": "学生会 王同学",
      "editor": "张喆"
    }"#;
    let file = dir.path().join("post.json");
    std::fs::write(&file, post).unwrap();
    let o = run(
        &db,
        Some("zhangzhe"),
        &["posts", "new", "--json", file.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", err(&o));
    assert!(out(&o).contains("编号 7"), "{}", out(&o));
    let pdf = dir.path().join("slip.pdf");
    let o = run(
        &db,
        Some("zhangzhe"),
        &[
            "print",
            "approval-slip",
            "--post",
            "7",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", err(&o));
    // 안녕하세요: five syllables, sorted by code point.
    assert!(
        err(&o).contains("打印字体没有这 5 个字：「녕」U+B155、「세」U+C138、「안」U+C548、「요」U+C694、「하」U+D558，"),
        "{}",
        err(&o)
    );
    assert!(lopdf::Document::load(&pdf).is_ok());
}
