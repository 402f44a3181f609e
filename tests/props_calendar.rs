//! Property test (issue 15, item 8): the holiday file importer never panics, every year it
//! accepts validates, and every refusal names a line of the file.

mod fuzz_targets;

use proptest::prelude::*;
use serde_json::json;

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => (2019i32..2028, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => (0i32..10000, 0u32..14, 0u32..40).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        1 => any::<String>(),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("春节".to_owned()),
        Just("国庆节".to_owned()),
        Just(String::new()),
        any::<String>()
    ]
}

/// MediaDesk's own format: {"year", "holidays": [{"name", "dates"}], "makeup_workdays"}.
fn own_format() -> impl Strategy<Value = String> {
    let group = (name(), proptest::collection::vec(date(), 0..5))
        .prop_map(|(name, dates)| json!({"name": name, "dates": dates}))
        .boxed();
    let year = (
        2018i32..2029,
        proptest::collection::vec(group.clone(), 0..4),
        proptest::collection::vec(group, 0..3),
    )
        .prop_map(|(year, holidays, makeups)| {
            json!({"year": year, "holidays": holidays, "makeup_workdays": makeups})
        })
        .boxed();
    prop_oneof![
        year.clone()
            .prop_map(|y| serde_json::to_string_pretty(&y).unwrap_or_default()),
        proptest::collection::vec(year, 0..3)
            .prop_map(|ys| serde_json::to_string_pretty(&ys).unwrap_or_default()),
    ]
}

/// The holiday-cn format: {"year", "papers", "days": [{"name", "date", "isOffDay"}]}.
fn holiday_cn() -> impl Strategy<Value = String> {
    let day = (name(), date(), any::<bool>())
        .prop_map(|(name, date, off)| json!({"name": name, "date": date, "isOffDay": off}));
    (2018i32..2029, proptest::collection::vec(day, 0..12)).prop_map(|(year, days)| {
        serde_json::to_string_pretty(&json!({"year": year, "papers": [], "days": days}))
            .unwrap_or_default()
    })
}

proptest! {
    #![proptest_config(fuzz_targets::config(1024))]

    #[test]
    fn any_text(input in any::<String>()) {
        fuzz_targets::calendar(&input);
    }

    #[test]
    fn own_format_files(input in own_format()) {
        fuzz_targets::calendar(&input);
    }

    #[test]
    fn holiday_cn_files(input in holiday_cn()) {
        fuzz_targets::calendar(&input);
    }

    /// A valid file cut off anywhere: refused with a line inside the file, never a panic.
    #[test]
    fn truncated_files(input in own_format(), cut in 0.0f64..1.0) {
        let mut at = (input.len() as f64 * cut) as usize;
        while !input.is_char_boundary(at) {
            at -= 1;
        }
        fuzz_targets::calendar(&input[..at]);
    }
}
