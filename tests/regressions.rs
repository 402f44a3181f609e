//! The regression corpus of the fuzz targets (issue 15, item 8): every input that once made a
//! target fail is kept as a file under `tests/regressions/<target>/` and run here on every
//! `cargo test`, so a fixed failure stays fixed. See `tests/regressions/README.md`.

mod fuzz_targets;

use std::path::{Path, PathBuf};

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable corpus entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} holds no case", dir.display());
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("a readable corpus file");
            (path, bytes)
        })
        .collect()
}

/// Text targets take the file as UTF-8 (lossily: a case may hold any bytes).
fn text_cases(target: &str) -> Vec<(PathBuf, String)> {
    corpus(target)
        .into_iter()
        .map(|(path, bytes)| (path, String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

#[test]
fn platform_json() {
    for (path, text) in text_cases("platform_json") {
        eprintln!("{}", path.display());
        fuzz_targets::platform_json(&text);
    }
}

#[test]
fn post_json() {
    for (path, text) in text_cases("post_json") {
        eprintln!("{}", path.display());
        fuzz_targets::post_json(&text);
    }
}

#[test]
fn calendar() {
    for (path, text) in text_cases("calendar") {
        eprintln!("{}", path.display());
        fuzz_targets::calendar(&text);
    }
}

#[test]
fn words() {
    for (path, text) in text_cases("words") {
        eprintln!("{}", path.display());
        fuzz_targets::words(&text);
    }
}

/// A matcher case is the word list, one word a line, then a line `----`, then the text.
#[test]
fn matcher() {
    for (path, case) in text_cases("matcher") {
        eprintln!("{}", path.display());
        let (words, text) = case.split_once("\n----\n").unwrap_or(("", &case));
        let words: Vec<String> = words.lines().map(str::to_owned).collect();
        fuzz_targets::matcher(text, &words);
    }
}

/// An attachment case is the file itself; its name without the leading `NNN-`, with `%XX`
/// escapes decoded (so a hostile name such as one holding U+202E stays out of the checkout's
/// file names), is the file name it is checked under.
#[test]
fn attachment() {
    for (path, bytes) in corpus("attachment") {
        eprintln!("{}", path.display());
        let stored = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let name = percent_decode(stored.split_once('-').map_or(stored, |(_, rest)| rest));
        fuzz_targets::attachment(&name, &bytes);
    }
}

fn percent_decode(name: &str) -> String {
    let bytes = name.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| name.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn attachment_case_names_decode() {
    assert_eq!(
        percent_decode("report%E2%80%AEfdp.exe"),
        "report\u{202E}fdp.exe"
    );
    assert_eq!(percent_decode("100%.txt"), "100%.txt");
}
