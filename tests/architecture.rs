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
