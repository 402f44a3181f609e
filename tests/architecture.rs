//! The house's arrows point down (../shared/DESIGN.md): `ui` and `cli` never import each other,
//! `print` and `store` never import each other, `domain` imports none of the layers above it,
//! and nothing below the window knows egui. A maintainer then knows where an operation lives:
//! in `ops`, once, for both the window and the command line.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// Files under `src/<layer>` that mention `crate::<other>` (a `use` or a path).
fn imports(layer: &str, other: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(layer);
    let needle = format!("crate::{other}::");
    let bare = format!("crate::{other};");
    rust_files(&root)
        .into_iter()
        .filter(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            text.lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .any(|l| l.contains(&needle) || l.contains(&bare))
        })
        .map(|f| f.display().to_string())
        .collect()
}

#[test]
fn the_layers_point_down() {
    let forbidden = [
        ("ui", "cli"),
        ("cli", "ui"),
        ("print", "store"),
        ("store", "print"),
        ("print", "ops"),
        ("store", "ops"),
        ("domain", "store"),
        ("domain", "print"),
        ("domain", "ops"),
        ("domain", "ui"),
        ("domain", "cli"),
        // The domain returns typed values; `text` words them (it stands above the domain).
        ("domain", "text"),
        ("ops", "ui"),
        ("ops", "cli"),
        ("store", "ui"),
        ("store", "cli"),
        ("print", "ui"),
        ("print", "cli"),
    ];
    let mut found = Vec::new();
    for (layer, other) in forbidden {
        for file in imports(layer, other) {
            found.push(format!("{layer} → {other}: {file}"));
        }
    }
    assert!(
        found.is_empty(),
        "imports against the arrows:\n{}",
        found.join("\n")
    );
}

#[test]
fn nothing_below_the_window_knows_egui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for layer in ["domain", "store", "print", "ops", "cli", "text"] {
        for f in rust_files(&src.join(layer)) {
            let text = std::fs::read_to_string(&f).unwrap();
            if text.contains("egui::") || text.contains("eframe::") {
                found.push(f.display().to_string());
            }
        }
    }
    assert!(found.is_empty(), "{found:?}");
}

/// Files whose Chinese is not interface wording, and why. Everything else keeps its Chinese
/// in `src/text/` (DESIGN 5: wording reviewed in one place; another locale stays possible).
const CHINESE_ALLOWED: &[(&str, &str)] = &[
    (
        "src/store/demo.rs",
        "demo data: the fictional units, people and platforms",
    ),
    ("src/store/demo_posts.rs", "demo data: the fictional posts"),
    (
        "src/store/demo_large.rs",
        "generated data: the names and subjects a large test school is made of",
    ),
    (
        "src/store/demo_supervision.rs",
        "demo data: the fictional training, incident and party column",
    ),
    (
        "src/print/labels.rs",
        "the filing form's fixed text, verbatim from the policy's 附件; checked against the font",
    ),
    (
        "src/print/report_labels.rs",
        "the written reports' fixed text, as the school's forms",
    ),
    (
        "src/print/slip_labels.rs",
        "the approval slip's fixed text, as the school's form",
    ),
    (
        "src/print/notice_labels.rs",
        "the supervision notices' and incident report's fixed text, as the school's documents",
    ),
    (
        "src/print/text_fit.rs",
        "typesetting data: CJK punctuation that may not start or end a line",
    ),
    (
        "src/domain/identity.rs",
        "platform kind names matched as data",
    ),
    (
        "src/domain/settings.rs",
        "the default settings: the school's name and the copies' marks, data the administrator edits",
    ),
    (
        "src/domain/screening/finding.rs",
        "severity words accepted in a word-list file",
    ),
    (
        "src/domain/screening/words.rs",
        "the 级别: directive accepted in a word-list file",
    ),
    (
        "src/domain/calendar/import.rs",
        "the holiday-cn data set's name, stored as a year's source",
    ),
    (
        "src/domain/supervision/history_csv.rs",
        "column headings accepted in a post-history CSV",
    ),
];

fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// Whether a line of code holds a string literal with Chinese (or full-width punctuation).
fn has_chinese_literal(line: &str) -> bool {
    let code = line.trim_start();
    if code.starts_with("//") {
        return false;
    }
    let mut in_string = false;
    let mut escaped = false;
    for c in code.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            } else if is_han(c) {
                return true;
            }
        } else if c == '"' {
            in_string = true;
        }
    }
    // A literal that continues on the next line counts by its first line only; a line
    // inside such a literal starts with Chinese.
    code.chars().next().is_some_and(is_han)
}

#[test]
fn chinese_wording_lives_in_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for f in rust_files(&root.join("src")) {
        let rel = f.strip_prefix(root).unwrap().display().to_string();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        if rel.starts_with("src/text/")
            || name == "tests.rs"
            || name.ends_with("_tests.rs")
            || CHINESE_ALLOWED.iter().any(|(allowed, _)| *allowed == rel)
        {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for (i, line) in text.lines().enumerate() {
            // Tests may use Chinese freely; they sit at the end of a file.
            if line.trim() == "#[cfg(test)]" {
                break;
            }
            if has_chinese_literal(line) {
                found.push(format!("{rel}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "Chinese outside src/text/ (move it there, or allow the file with a reason):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_chinese_check_sees_literals_and_not_comments() {
    assert!(has_chinese_literal(r#"ui.label("备案");"#));
    assert!(has_chinese_literal(r#"format!("{a}：{b}")"#));
    assert!(has_chinese_literal("    尚未备案的平台\","));
    assert!(!has_chinese_literal("/// 第四条一: five working days"));
    assert!(!has_chinese_literal(r#"let x = "ascii"; // 中文注释"#));
}
