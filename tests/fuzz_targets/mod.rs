//! The fuzz targets of issue 15 (item 8), shared by the property tests (`tests/props_*.rs`)
//! and the regression corpus (`tests/regressions.rs`). Each target takes raw input, runs it
//! through what MediaDesk does with such input, and panics only when an invariant breaks:
//! bad input must be refused, never crash, and whatever is accepted must be sound.
//! (`cargo fuzz` needs a nightly toolchain, which these machines cannot fetch.)
#![allow(dead_code)] // each test crate uses some of the targets

use std::sync::OnceLock;

use chrono::NaiveDate;
use mediadesk::domain::calendar::parse_year_file;
use mediadesk::domain::identity::is_refused_in_text;
use mediadesk::domain::platform::{PlatformDraft, PlatformKind};
use mediadesk::domain::post::{PostDraft, validate_post};
use mediadesk::domain::screening::{
    AllowList, AttachmentPolicy, Category, PersonalDataSettings, Screener, Severity, WordEntry,
    WordList, check_attachment, mask_personal_data, sniff, validate_word,
};
use mediadesk::domain::validation::{ValidationContext, validate_platform};
use proptest::test_runner::Config;

/// The number of cases each property runs: `PROPTEST_CASES` if set (CI can run more, or a
/// developer fewer), else `default`.
pub fn config(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        // A failure prints its shrunk input; keep it in tests/regressions/ (see its README).
        failure_persistence: None,
        ..Config::default()
    }
}

fn kinds() -> Vec<PlatformKind> {
    [
        ("网站", true, false),
        ("微信公众号", false, true),
        ("抖音", false, false),
    ]
    .into_iter()
    .zip(1..)
    .map(|((name, is_website, has_account_type), id)| PlatformKind {
        id,
        name: name.into(),
        is_website,
        has_account_type,
        sort_order: id,
    })
    .collect()
}

/// `platforms add --json`: parse, then validate. Whatever passes validation holds no
/// character a text field refuses.
pub fn platform_json(input: &str) {
    let Ok(draft) = serde_json::from_str::<PlatformDraft>(input) else {
        return;
    };
    let kinds = kinds();
    let names = vec!["郑州西亚斯学院".to_owned(), "西亚斯".to_owned()];
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
    for duplicate_of in [None, Some((7, "旧账号".to_owned()))] {
        let ctx = ValidationContext {
            today,
            kinds: &kinds,
            unit_exists: draft.unit_id == 1,
            school_names: &names,
            duplicate_of,
        };
        let errors = validate_platform(&draft, &ctx);
        for error in &errors {
            assert!(!error.message().is_empty(), "{error:?}");
            let _ = error.to_string();
        }
        if errors.is_empty() {
            let texts = [
                &draft.name,
                &draft.account,
                &draft.content_scope,
                &draft.responsible_person,
                &draft.contact_mobile,
                &draft.approval_ref,
                &draft.notes,
            ];
            for text in texts {
                assert!(!text.chars().any(is_refused_in_text), "accepted {text:?}");
            }
        }
    }
    let _ = mediadesk::domain::validation::normalize_account(&draft.account);
}

/// A post's JSON (`posts add --json`, the window's autosaved draft): parse, validate, and
/// the fields a post shows must survive a round trip.
pub fn post_json(input: &str) {
    let Ok(draft) = serde_json::from_str::<PostDraft>(input) else {
        return;
    };
    let errors = validate_post(&draft);
    for error in &errors {
        let _ = error.to_string();
    }
    let _ = mediadesk::domain::workflow::check_attribution(&draft.attribution);
    let again = serde_json::to_string(&draft).expect("a parsed draft serialises");
    let back: PostDraft = serde_json::from_str(&again).expect("and parses back");
    assert_eq!(back, draft);
}

/// `calendar import`: every accepted year validates, every refusal names a line in the file.
pub fn calendar(input: &str) {
    match parse_year_file(input) {
        Ok(years) => {
            for year in years {
                assert_eq!(
                    year.validate(),
                    Ok(()),
                    "accepted an invalid year {}",
                    year.year
                );
            }
        }
        Err(error) => {
            let lines = input.lines().count().max(1);
            assert!(
                (1..=lines + 1).contains(&error.line),
                "line {} of {lines}: {error}",
                error.line
            );
            let _ = error.to_string();
        }
    }
}

/// `words import`: every line is taken, counted as a duplicate, or reported with its line
/// number; what was taken exports and imports back unchanged.
pub fn words(input: &str) {
    let mut list = WordList::new(Category::ObscenityGamblingViolence);
    let report = list.import(input, Severity::Block);
    let lines = input.lines().count();
    assert!(report.added + report.duplicates + report.problems.len() <= lines.max(1));
    for problem in &report.problems {
        assert!((1..=lines).contains(&problem.line), "{problem:?}");
        let _ = problem.message();
    }
    assert_eq!(list.entries.len(), report.added);
    let mut again = WordList::new(Category::ObscenityGamblingViolence);
    let second = again.import(&list.export(), Severity::Block);
    assert!(second.problems.is_empty(), "{:?}", second.problems);
    assert_eq!(again.entries, list.entries);
    let mut allow = AllowList::default();
    let _ = allow.import(input);
}

fn seeded() -> &'static Screener {
    static SEEDED: OnceLock<Screener> = OnceLock::new();
    SEEDED.get_or_init(|| {
        let settings = PersonalDataSettings {
            student_number_patterns: vec![r"20\d{8}".into()],
            staff_number_patterns: vec![r"JS\d{5}".into()],
        };
        Screener::seeded(&settings).expect("the seed lists compile")
    })
}

/// The screener over `text` with the shipped lists and, when given, a screener built from
/// `words` (those a list would accept): every finding is a slice of the text on character
/// boundaries, its character positions agree with its byte positions, and masking keeps the
/// text's length in characters.
pub fn matcher(text: &str, words: &[String]) {
    check_findings(seeded(), text);
    let entries: Vec<WordEntry> = words
        .iter()
        .filter(|w| validate_word(w).is_ok())
        .enumerate()
        .map(|(i, word)| WordEntry {
            word: word.clone(),
            category: if i % 2 == 0 {
                Category::ObscenityGamblingViolence
            } else {
                Category::InternalInformation
            },
            severity: if i % 3 == 0 {
                Severity::Warn
            } else {
                Severity::Block
            },
        })
        .collect();
    if entries.is_empty() {
        return;
    }
    let allow = AllowList {
        words: words
            .iter()
            .filter(|w| validate_word(w).is_ok())
            .skip(1)
            .step_by(4)
            .cloned()
            .collect(),
    };
    let screener = Screener::new(entries, &allow, &PersonalDataSettings::default())
        .expect("validated words compile");
    check_findings(&screener, text);
}

fn check_findings(screener: &Screener, text: &str) {
    let report = screener.screen(text);
    for finding in &report.findings {
        let (b0, b1) = (finding.byte_start, finding.byte_end);
        assert!(
            b0 <= b1 && b1 <= text.len(),
            "{finding:?} in {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(b0) && text.is_char_boundary(b1),
            "{finding:?} not on char boundaries of {text:?}"
        );
        assert_eq!(text[b0..b1], finding.matched, "{finding:?}");
        assert_eq!(text[..b0].chars().count(), finding.start, "{finding:?}");
        assert_eq!(text[..b1].chars().count(), finding.end, "{finding:?}");
    }
    let masked = mask_personal_data(text, &report.findings);
    assert_eq!(
        masked.chars().count(),
        text.chars().count(),
        "{text:?} → {masked:?}"
    );
}

/// An attachment: sniffing and the whole check never panic, whatever the bytes and name.
pub fn attachment(name: &str, bytes: &[u8]) {
    let _ = sniff(bytes);
    let policy = AttachmentPolicy {
        max_bytes: 1 << 20,
        max_video_bytes: 1 << 20,
        max_archive_entries: 64,
        max_unpacked_bytes: 1 << 22,
        max_part_bytes: 1 << 20,
        max_extracted_chars: 100_000,
        max_nesting_depth: 3,
    };
    let report = check_attachment(name, bytes, &policy);
    let _ = report.blocks();
    let _ = seeded().check_attachment(name, bytes, &policy);
}
