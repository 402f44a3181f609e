//! Property test (issue 15, item 8): a post's JSON never panics on parsing or validation, and
//! what parses survives a round trip.

mod fuzz_targets;

use proptest::prelude::*;
use serde_json::json;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\u{0}-\u{1F}\u{202E}\u{200B}a-z学院新闻通知\n]{0,20}",
        Just(String::new()),
        "[学]{195,205}",
    ]
}

fn post_shaped() -> impl Strategy<Value = String> {
    (
        any::<i64>(),
        text(),
        text(),
        prop_oneof![
            Just("notice"),
            Just("news"),
            Just("announcement"),
            Just("party_building"),
            Just("other"),
        ],
        text(),
        prop_oneof![Just("original"), Just("reprint"), Just("copied")],
        (text(), text(), text(), text()),
        any::<bool>(),
        prop_oneof![
            Just(serde_json::Value::Null),
            "20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]"
                .prop_map(serde_json::Value::String),
            any::<String>().prop_map(serde_json::Value::String),
        ],
    )
        .prop_map(
            |(
                platform,
                title,
                body,
                category,
                column,
                origin,
                (author, source, link, editor),
                internal,
                planned,
            )| {
                json!({
                    "platform_id": platform, "title": title, "body": body,
                    "category": category, "column": column, "origin": origin,
                    "author_or_provider": author, "source_name": source,
                    "source_link": link, "editor": editor, "internal": internal,
                    "planned_at": planned,
                })
                .to_string()
            },
        )
}

proptest! {
    #![proptest_config(fuzz_targets::config(1024))]

    #[test]
    fn any_text(input in any::<String>()) {
        fuzz_targets::post_json(&input);
    }

    #[test]
    fn posts_with_hostile_values(input in post_shaped()) {
        fuzz_targets::post_json(&input);
    }
}

#[test]
fn the_post_generator_makes_parsable_posts() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let parsed = (0..200)
        .filter(|_| {
            let input = post_shaped().new_tree(&mut runner).unwrap().current();
            serde_json::from_str::<mediadesk::domain::post::PostDraft>(&input).is_ok()
        })
        .count();
    assert!(parsed >= 40, "only {parsed} of 200 posts parsed");
}
