//! Names for the audit page (issue 14), on both backends: one query names every post,
//! platform, account, person and unit of a page of entries; what was deleted, what is not a
//! named kind, and malformed objects are left out (the page shows their raw text).
#![allow(clippy::unwrap_used)]

use mediadesk::store::{AuditFilter, ObjectName, PostFilter, Store};

mod common;

fn demo() -> Store {
    common::demo_as("admin", mediadesk::today())
}

on_both_backends! {
fn every_kind_is_named_and_the_rest_left_out() {
    let s = demo();
    let entries = s
        .audit_entries(&AuditFilter {
            limit: 100_000,
            ..Default::default()
        })
        .unwrap();
    let names = s
        .audit_object_names(entries.iter().map(|e| e.object.as_str()))
        .unwrap();
    let platform = &s.platforms().unwrap()[0];
    let post = &s
        .posts(&PostFilter {
            limit: 1,
            ..Default::default()
        })
        .unwrap()[0];
    let unit = &s.units().unwrap()[0];
    let person = &s.people().unwrap()[0];
    let admin = s.user_id("admin").unwrap().unwrap();
    let expected = [
        (
            format!("platform:{}", platform.id),
            ObjectName::Platform(platform.draft.name.clone()),
        ),
        (format!("post:{}", post.id), ObjectName::Post(post.title.clone())),
        (format!("unit:{}", unit.id), ObjectName::Unit(unit.name.clone())),
        (
            format!("person:{}", person.id),
            ObjectName::Person(person.name.clone()),
        ),
        (
            format!("user:{admin}"),
            ObjectName::User(s.session().unwrap().display_name.clone(), "admin".into()),
        ),
    ];
    for (object, name) in &expected {
        // Asked alone, and found among the whole chain's names when it is on the chain.
        let alone = s.audit_object_names([object.as_str()]).unwrap();
        assert_eq!(alone.get(object), Some(name), "{object}");
        if entries.iter().any(|e| &e.object == object) {
            assert_eq!(names.get(object), Some(name), "{object}");
        }
    }
    let odd = s
        .audit_object_names(["post:999999", "calendar:2026", "post:x", "post", ""])
        .unwrap();
    assert!(odd.is_empty(), "{odd:?}");
    assert!(s.audit_object_names([]).unwrap().is_empty());
}
}
