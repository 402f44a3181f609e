//! Property test (issue 15, item 8): `platforms add --json` never panics, on any text and on
//! JSON shaped like a platform draft with hostile values, and never accepts a refused character.

mod fuzz_targets;

use proptest::prelude::*;
use serde_json::{Value, json};

/// Strings a hostile user would try: anything, or look-alikes and control characters mixed
/// into plausible values.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z_]{0,12}",
        proptest::collection::vec(
            prop_oneof![
                Just("sias_sxy".to_owned()),
                Just("商学院".to_owned()),
                Just("郑州西亚斯学院".to_owned()),
                Just("13812345678".to_owned()),
                Just("https://sxy.example.edu.cn/".to_owned()),
                "[\u{0}-\u{1F}\u{7F}-\u{9F}\u{200B}-\u{200F}\u{202A}-\u{202E}\u{2066}-\u{2069}\u{FEFF}\u{AD}]",
                "[Ａ-Ｚａ-ｚ０-９＿]{1,4}",
            ],
            0..6,
        )
        .prop_map(|parts| parts.concat()),
    ]
}

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        hostile_text().prop_map(Value::String),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z_]{1,12}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A draft whose fields have the right names, each value either plausible or anything.
fn draft_shaped() -> impl Strategy<Value = String> {
    let field = |plausible: BoxedStrategy<Value>| prop_oneof![30 => plausible, 1 => any_json()];
    let text = || hostile_text().prop_map(Value::String).boxed();
    let date = || {
        prop_oneof![
            9 => (1990i32..2030, 1u32..=12, 1u32..=28),
            1 => (0i32..10000, 0u32..14, 0u32..33),
        ]
        .prop_map(|(y, m, d)| json!(format!("{y:04}-{m:02}-{d:02}")))
        .boxed()
    };
    (
        (
            field((0i64..3).prop_map(Value::from).boxed()),
            field((0i64..5).prop_map(Value::from).boxed()),
            field(text()),
            field(text()),
            field(
                prop_oneof![
                    Just(Value::Null),
                    Just(json!("subscription")),
                    Just(json!("service")),
                    Just(json!("enterprise")),
                ]
                .boxed(),
            ),
            field(any::<bool>().prop_map(Value::Bool).boxed()),
            field(prop_oneof![Just(Value::Null), date()].boxed()),
        ),
        (
            field(text()),
            field(date()),
            field(text()),
            field(text()),
            field(
                proptest::collection::vec((hostile_text(), hostile_text()), 0..4)
                    .prop_map(|admins| {
                        Value::Array(
                            admins
                                .into_iter()
                                .map(|(name, mobile)| json!({"name": name, "mobile": mobile}))
                                .collect(),
                        )
                    })
                    .boxed(),
            ),
            field(
                prop_oneof![
                    Just(json!({"by": "in_house"})),
                    hostile_text().prop_map(|name| json!({"by": "vendor", "name": name})),
                ]
                .boxed(),
            ),
            field(text()),
            field(text()),
        ),
    )
        .prop_map(
            |(
                (unit, kind, name, account, account_type, verified, verified_until),
                (scope, created_on, responsible, mobile, admins, maintenance, approval, notes),
            )| {
                json!({
                    "unit_id": unit, "kind_id": kind, "name": name, "account": account,
                    "account_type": account_type, "verified": verified,
                    "verified_until": verified_until, "content_scope": scope,
                    "created_on": created_on, "responsible_person": responsible,
                    "contact_mobile": mobile, "administrators": admins,
                    "maintenance": maintenance, "approval_ref": approval, "notes": notes,
                })
                .to_string()
            },
        )
}

proptest! {
    #![proptest_config(fuzz_targets::config(1024))]

    #[test]
    fn any_text(input in any::<String>()) {
        fuzz_targets::platform_json(&input);
    }

    #[test]
    fn any_json_value(value in any_json()) {
        fuzz_targets::platform_json(&value.to_string());
    }

    #[test]
    fn drafts_with_hostile_values(input in draft_shaped()) {
        fuzz_targets::platform_json(&input);
    }
}

/// The generator does reach validation: most drafts it makes parse.
#[test]
fn the_draft_generator_makes_parsable_drafts() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let parsed = (0..200)
        .filter(|_| {
            let input = draft_shaped().new_tree(&mut runner).unwrap().current();
            serde_json::from_str::<mediadesk::domain::platform::PlatformDraft>(&input).is_ok()
        })
        .count();
    assert!(parsed >= 40, "only {parsed} of 200 drafts parsed");
}
