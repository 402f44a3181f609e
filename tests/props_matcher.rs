//! Property test (issue 15, item 8): the screening matcher on any text and any word list.
//! Every finding's byte range lies on character boundaries inside the text and is exactly
//! what it says it matched.

mod fuzz_targets;

use proptest::prelude::*;

/// Words from a small alphabet so that texts built from the same alphabet hit them.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[赌博翻墙代考a-cＡ-Ｃ1-3]{1,4}",
        any::<String>(),
        "[İßǅΣσς]{1,3}",
    ]
}

/// Texts that contain the words, with filler (spaces, punctuation, zero-width characters,
/// combining marks, emoji) between their characters, and personal data.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[赌博翻墙代考a-cＡ-Ｃ1-3]{1,4}",
        "[ *、！\u{200B}\u{200D}\u{301}\u{FE0F}😀\u{3000}\n]{1,3}",
        Just("11010519491231002X".to_owned()),
        Just("138 1234 5678".to_owned()),
        Just("2021123456".to_owned()),
        Just("zhangsan@sias.edu.cn".to_owned()),
        Just("http://bit.ly/x".to_owned()),
        Just("6222 0212 3456 7890 128".to_owned()),
        "[İßǅΣσςẞﬀ]{1,3}",
        any::<String>(),
    ];
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(piece, 0..24).prop_map(|p| p.concat()),
    ]
}

proptest! {
    #![proptest_config(fuzz_targets::config(512))]

    #[test]
    fn findings_are_slices_of_the_text(
        text in text(),
        words in proptest::collection::vec(word(), 0..8),
    ) {
        fuzz_targets::matcher(&text, &words);
    }
}

/// The generators do make texts with findings, so the property is not checked on nothing.
#[test]
fn generated_texts_have_findings() {
    use mediadesk::domain::screening::{PersonalDataSettings, Screener};
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let screener = Screener::seeded(&PersonalDataSettings::default()).unwrap();
    let mut runner = TestRunner::deterministic();
    let with_findings = (0..200)
        .filter(|_| {
            let text = text().new_tree(&mut runner).unwrap().current();
            !screener.screen(&text).findings.is_empty()
        })
        .count();
    assert!(
        with_findings >= 40,
        "only {with_findings} of 200 texts had findings"
    );
}
