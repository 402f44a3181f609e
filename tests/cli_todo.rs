//! `mediadesk todo` through the real binary on a demo database: each person's list (the
//! information officer's returned post with the reviewer's comment, the reviewer's post to
//! review, the administrator's post to publish), the same items the store gives the window,
//! and a refusal without anyone signed in.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

use mediadesk::domain::todo::TodoKind;
use mediadesk::store::{DEMO_PASSWORD, Store};

mod common;
use common::cli::{err, out, run as mediadesk};

const TODAY: &str = "2026-11-26";
const RETURNED: &str = "关于2027届毕业生图像信息采集工作的通知";
const RETURN_COMMENT: &str = "请补充采集地点和联系人办公电话后重新提交。";
const TO_REVIEW: &str = "商学院学子在全国大学生市场调查与分析大赛中获佳绩";
const TO_PUBLISH: &str = "【党建园地】深入学习贯彻党的二十届四中全会精神";

fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("m.db");
    let o = mediadesk(&db, None, &["demo"]);
    assert!(o.status.success(), "{}", err(&o));
    db
}

/// The titles of the person's list as the store gives it to the window, in order.
fn store_titles(db: &Path, login: &str) -> Vec<String> {
    let mut store = Store::open(db).unwrap();
    store.sign_in(login, DEMO_PASSWORD).unwrap();
    let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    store
        .todo(today, today.and_hms_opt(12, 0, 0).unwrap())
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect()
}

fn json_items(db: &Path, login: &str) -> Vec<serde_json::Value> {
    let o = mediadesk(db, Some(login), &["todo", "--today", TODAY, "--json"]);
    assert!(o.status.success(), "{}", err(&o));
    serde_json::from_str::<serde_json::Value>(&out(&o))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn each_person_gets_their_own_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let cases = [
        ("zhangzhe", "被退回，待修改", RETURNED),
        ("liuxiaoyan", "待我审核", TO_REVIEW),
        ("lijun", "待我发布", TO_PUBLISH),
    ];
    for (login, what, title) in cases {
        let o = mediadesk(&db, Some(login), &["todo", "--today", TODAY]);
        assert!(o.status.success(), "{login}: {}", err(&o));
        let text = out(&o);
        let line = text
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{login} should see {title}:\n{text}"));
        assert!(line.contains(what), "{line}");
        assert!(
            text.lines()
                .next()
                .unwrap()
                .contains("的待办（2026-11-26）"),
            "{text}"
        );

        // The JSON lists the same items as the store gives the window, in the same order.
        let items = json_items(&db, login);
        let titles: Vec<String> = items
            .iter()
            .map(|i| i["item"]["title"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(titles, store_titles(&db, login), "{login}");
    }
    // The returned post carries the reviewer's comment, in text and JSON.
    let o = mediadesk(&db, Some("zhangzhe"), &["todo", "--today", TODAY]);
    let text = out(&o);
    let line = text.lines().find(|l| l.contains(RETURNED)).unwrap();
    assert!(line.contains(RETURN_COMMENT), "{line}");
    assert!(line.contains("李珺（lijun）"), "{line}");
    let items = json_items(&db, "zhangzhe");
    let returned = items
        .iter()
        .find(|i| i["item"]["title"] == RETURNED)
        .unwrap();
    assert_eq!(returned["item"]["kind"]["kind"], "returned");
    assert_eq!(returned["item"]["comment"]["comment"], RETURN_COMMENT);
    assert_eq!(returned["item"]["target"]["page"], "post");
    // Others' posts are not on the information officer's list.
    assert!(
        !text.contains(TO_REVIEW) && !text.contains(TO_PUBLISH),
        "{text}"
    );
}

#[test]
fn without_anyone_signed_in_it_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let o = mediadesk(&db, None, &["todo"]);
    assert!(!o.status.success());
    assert!(
        err(&o).contains("待办是按登录人的单位和角色列出的"),
        "{}",
        err(&o)
    );
    assert!(out(&o).is_empty());
    // A wrong password is refused too.
    let o = Command::new(env!("CARGO_BIN_EXE_mediadesk"))
        .arg("--db")
        .arg(&db)
        .args(["--as", "zhangzhe", "todo"])
        .env_remove("MEDIADESK_DB")
        .env("MEDIADESK_PASSWORD", "wrong-password")
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(!out(&o).contains(RETURNED));
}

on_both_backends! {
/// The store reads the same list on SQLite and on the school's server: the returned post
/// with its last 退回 (read from the audit log), none for a post never returned.
fn the_store_reads_the_list_and_the_return_note_on_both_backends() {
    let mut s = common::fresh_store();
    let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    s.load_demo(today).unwrap();
    common::demo_sign_in(&mut s, "zhangzhe");
    let items = s.todo(today, today.and_hms_opt(12, 0, 0).unwrap()).unwrap();
    let returned = items.iter().find(|i| i.title == RETURNED).unwrap();
    assert_eq!(returned.kind, TodoKind::Returned);
    let note = returned.comment.clone().unwrap();
    assert_eq!(note.comment, RETURN_COMMENT);
    assert_eq!(note.by, "李珺（lijun）");
    let mediadesk::domain::todo::TodoTarget::Post(id) = returned.target else {
        panic!("a post opens its page")
    };
    assert_eq!(s.return_note(id).unwrap(), Some(note));
    // The post to review was returned once and resubmitted: its note is still there, but it
    // is not on the author's list as returned.
    let kinds: Vec<TodoKind> = items.iter().map(|i| i.kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == TodoKind::Returned).count(), 1);
    common::demo_sign_in(&mut s, "lijun");
    let items = s.todo(today, today.and_hms_opt(12, 0, 0).unwrap()).unwrap();
    assert!(items.iter().any(|i| i.kind == TodoKind::Publish && i.title == TO_PUBLISH));
    let id_of = |s: &Store, title: &str| {
        s.posts(&mediadesk::store::PostFilter {
            title_contains: title.into(),
            ..Default::default()
        })
        .unwrap()[0]
            .id
    };
    assert_eq!(s.return_note(id_of(&s, TO_PUBLISH)).unwrap(), None);
    let review = s.return_note(id_of(&s, TO_REVIEW)).unwrap().unwrap();
    assert_eq!(review.by, "刘晓燕（liuxiaoyan）");
    // Nobody signed in: nothing.
    s.sign_out().unwrap();
    assert!(s.todo(today, today.and_hms_opt(12, 0, 0).unwrap()).unwrap().is_empty());
}
}
