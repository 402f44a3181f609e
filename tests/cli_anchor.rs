//! The audit anchor printed at the foot of a filing form (issue 15), end to end through the real
//! binary: the anchor read back from the PDF is the chain's head when the form was laid out —
//! after the sign-in, before the print's own record —
//! `audit verify --anchor` accepts it, and once the chain's tail is cut off it says so.
#![allow(clippy::unwrap_used)]

use std::path::Path;

mod common;
use common::cli::{err as stderr, run as mediadesk};

/// The chain's head as `audit verify --json` reports it: (length, full hash).
fn head(db: &Path) -> (u64, String) {
    let o = mediadesk(db, None, &["audit", "verify", "--hashes-only", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    (
        v["head_seq"].as_u64().unwrap(),
        v["head"].as_str().unwrap().to_owned(),
    )
}

/// Every page's anchor token `N:HASH16`, read from the PDF's text.
fn anchors_in(pdf: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(pdf).unwrap();
    (1..=doc.get_pages().len() as u32)
        .map(|p| {
            let text: String = doc
                .extract_text(&[p])
                .unwrap()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let after = text
                .split("审计锚点")
                .nth(1)
                .unwrap_or_else(|| panic!("page {p} has no anchor: {text}"));
            after.split('（').next().unwrap().to_owned()
        })
        .collect()
}

#[test]
fn the_anchor_printed_on_a_filing_form_verifies_until_the_tail_is_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(mediadesk(&db, None, &["demo"]).status.success());
    let (before, before_hash) = head(&db);

    let pdf = dir.path().join("备案表.pdf");
    let o = mediadesk(
        &db,
        Some("huangkun"),
        &[
            "print",
            "filing-form",
            "--platform",
            "6",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));

    // All four copies carry the same anchor: the head before the print recorded itself.
    let anchors = anchors_in(&pdf);
    assert_eq!(anchors.len(), 4);
    assert!(anchors.iter().all(|a| a == &anchors[0]), "{anchors:?}");
    let anchor = anchors[0].clone();
    let (seq, hash16) = anchor.split_once(':').unwrap();
    let seq: u64 = seq.parse().unwrap();
    assert_eq!(hash16.len(), 16);
    // The sign-in of `--as` is recorded before the print, the print's own record after it.
    let (after, after_hash) = head(&db);
    assert!(seq >= before && seq < after, "{before} ≤ {seq} < {after}");
    assert_ne!(hash16, &after_hash[..16]);
    if seq == before {
        assert_eq!(hash16, &before_hash[..16]);
    }

    let o = mediadesk(&db, None, &["audit", "verify", "--anchor", &anchor]);
    assert!(o.status.success(), "{}", stderr(&o));

    // The anchored entry itself cut off (with everything after it): the paper proves it.
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(&format!(
            "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > {}",
            seq - 1
        ))
        .unwrap();
    }
    let o = mediadesk(&db, None, &["audit", "verify", "--anchor", &anchor]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("被截掉"), "{}", stderr(&o));
}

#[test]
fn every_other_printed_document_carries_the_head_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    assert!(mediadesk(&db, None, &["demo"]).status.success());
    // Printing these records nothing, so every one carries the head as it stands.
    let (len, hash) = head(&db);
    let expected = format!("{len}:{}", &hash[..16]);
    let documents: [&[&str]; 4] = [
        &["approval-slip", "--post", "1"],
        &["ending-report", "--platform", "11"],
        &["notice", "--notice", "1"],
        &["incident", "--incident", "1"],
    ];
    for args in documents {
        let pdf = dir.path().join(format!("{}.pdf", args[0]));
        let mut full = vec!["print"];
        full.extend_from_slice(args);
        full.extend(["--out", pdf.to_str().unwrap()]);
        let o = mediadesk(&db, None, &full);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let anchors = anchors_in(&pdf);
        assert!(!anchors.is_empty());
        assert!(
            anchors.iter().all(|a| a == &expected),
            "{args:?}: {anchors:?}"
        );
    }
    let o = mediadesk(&db, None, &["audit", "verify", "--anchor", &expected]);
    assert!(o.status.success(), "{}", stderr(&o));
}
