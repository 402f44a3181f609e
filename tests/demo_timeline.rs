//! The demo's posts tell a believable story (issue 14), on both backends: each post's history
//! is in time order (drafted ≤ submitted ≤ reviewed ≤ published), its publication time is not
//! before its review, and nothing is later than the moment the demo was loaded.
#![allow(clippy::unwrap_used)]

use chrono::{Local, NaiveDate, NaiveDateTime};
use mediadesk::store::{PostFilter, Store};

mod common;

fn check(s: &Store, latest: NaiveDateTime) {
    let posts = s
        .posts(&PostFilter {
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    assert!(posts.len() >= 6, "{}", posts.len());
    for row in posts {
        let history = s.post_history(row.id).unwrap();
        assert!(!history.is_empty(), "{}", row.title);
        for pair in history.windows(2) {
            assert!(
                pair[0].at <= pair[1].at,
                "「{}」: {} {} after {} {}",
                row.title,
                pair[0].action,
                pair[0].at,
                pair[1].action,
                pair[1].at
            );
        }
        for e in &history {
            assert!(
                e.at <= latest,
                "「{}」: {} at {}",
                row.title,
                e.action,
                e.at
            );
        }
        let post = s.post(row.id).unwrap();
        if let Some(published) = post.published_at {
            assert!(published <= latest, "「{}」", row.title);
            for e in history.iter().filter(|e| e.action != "publish") {
                assert!(
                    e.at <= published,
                    "「{}」: {} at {} after publication {published}",
                    row.title,
                    e.action,
                    e.at
                );
            }
        }
    }
}

on_both_backends! {
fn demo_histories_are_in_order_and_in_the_past() {
    // Loaded today: nothing later than now.
    let s = common::demo_as("admin", mediadesk::today());
    check(&s, Local::now().naive_local());
    // Loaded as of a fixed day (tests do): nothing after the day before it.
    let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let s = common::demo_as("admin", day);
    check(&s, day.and_hms_opt(0, 0, 0).unwrap());
}
}
