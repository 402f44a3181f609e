//! Property test (issue 15, item 8): the word list importer never panics, accounts for every
//! line, and what it takes exports and imports back unchanged.

mod fuzz_targets;

use proptest::prelude::*;

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[赌博翻墙代考枪支a-zＡ-Ｚ ]{0,8}",
        "[赌博翻墙代考枪支a-z ]{1,6} ?\\| ?(block|warn|info|拦截|提醒|提示|[a-z]{0,5})",
        "# [a-z：:]{0,20}",
        Just(String::new()),
        "[\u{0}-\u{1F}\u{200B}\u{FEFF}\u{202E} *★]{1,4}",
        "[学]{45,55}",
    ]
}

fn word_file() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(line(), 0..30),
        prop_oneof![Just("\n"), Just("\r\n"), Just("\r")],
        any::<bool>(),
    )
        .prop_map(|(lines, end, bom)| {
            let body = lines.join(end);
            if bom { format!("\u{FEFF}{body}") } else { body }
        })
}

proptest! {
    #![proptest_config(fuzz_targets::config(1024))]

    #[test]
    fn any_text(input in any::<String>()) {
        fuzz_targets::words(&input);
    }

    #[test]
    fn word_files(input in word_file()) {
        fuzz_targets::words(&input);
    }
}
