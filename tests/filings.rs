//! Filing records on an in-memory database: printing records them, the secretary moves them
//! along, archiving files the platform, scans are kept by content type.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use mediadesk::domain::filing::{FilingKind, FilingState, FilingStep};
use mediadesk::domain::permissions::Refusal;
use mediadesk::domain::platform::PlatformStatus;
use mediadesk::store::{DEMO_PASSWORD, Store, StoreError};

mod common;

fn sign_in(s: &mut Store, login: &str) {
    s.sign_out().unwrap();
    s.sign_in(login, DEMO_PASSWORD).unwrap();
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn demo() -> Store {
    let mut s = common::fresh_store();
    s.load_demo(d("2026-11-26")).unwrap();
    s
}

fn platform_id(s: &Store, name: &str) -> i64 {
    s.platforms()
        .unwrap()
        .into_iter()
        .find(|p| p.draft.name == name)
        .unwrap()
        .id
}

on_both_backends! {
fn printing_submitting_and_archiving_files_the_platform() {
    let mut s = demo();
    let today = d("2026-11-26");
    let id = platform_id(&s, "文传影像");
    assert_eq!(s.platform(id).unwrap().status, PlatformStatus::Unfiled);
    // Another unit's administrator may not print it; its own may.
    sign_in(&mut s, "lijun");
    assert!(matches!(
        s.record_filings(&[id], FilingKind::Initial, today),
        Err(StoreError::Forbidden(Refusal::NotAllowed {
            other_unit: true,
            ..
        }))
    ));
    sign_in(&mut s, "huangkun");
    let filing = s.record_filings(&[id], FilingKind::Initial, today).unwrap()[0];
    let row = s.filing(filing).unwrap();
    assert_eq!(row.filing.state, FilingState::AwaitingSignature);
    assert_eq!(row.platform_name, "文传影像");

    // Archiving is the news center's act, and only after handing in; nothing changes.
    let early = FilingStep::Archive {
        on: today,
        archive_no: "XW-1".into(),
    };
    let err = s.apply_filing_step(filing, 1, &early, today).unwrap_err();
    assert!(matches!(err, StoreError::Forbidden(_)), "{err}");
    assert!(err.to_string().contains("学校督查人员"), "{err}");
    sign_in(&mut s, "songwenbo");
    let err = s.apply_filing_step(filing, 1, &early, today).unwrap_err();
    assert!(err.to_string().contains("已报送"), "{err}");
    assert_eq!(
        s.filing(filing).unwrap().filing.state,
        FilingState::AwaitingSignature
    );

    sign_in(&mut s, "huangkun");
    s.apply_filing_step(filing, 1, &FilingStep::Submit { on: today }, today)
        .unwrap();
    sign_in(&mut s, "songwenbo");
    // A second window still holding version 1 is refused.
    let stale = s.apply_filing_step(filing, 1, &early, today).unwrap_err();
    assert!(matches!(stale, StoreError::Stale { .. }), "{stale}");
    s.apply_filing_step(filing, 2, &early, today).unwrap();
    let row = s.filing(filing).unwrap();
    assert_eq!(row.filing.state, FilingState::Archived);
    assert_eq!(row.filing.archive_no, "XW-1");
    assert_eq!(s.platform(id).unwrap().status, PlatformStatus::Filed);

    // The registry shows the filing state.
    let rows = s
        .registry_rows(|_, _| mediadesk::domain::registry::FilingClock::NotRunning)
        .unwrap();
    let r = rows.iter().find(|r| r.id == id).unwrap();
    assert_eq!(r.filing, Some((FilingKind::Initial, FilingState::Archived)));
}
}

on_both_backends! {
fn closed_platforms_are_not_printed_and_a_batch_is_all_or_nothing() {
    let mut s = demo();
    sign_in(&mut s, "xujunyao");
    let closed = platform_id(&s, "外语角日常");
    let open = platform_id(&s, "外院资讯");
    let before = s.filings().unwrap().len();
    let err = s
        .record_filings(&[open, closed], FilingKind::Annual, d("2026-11-26"))
        .unwrap_err();
    assert!(err.to_string().contains("外语角日常"), "{err}");
    assert_eq!(s.filings().unwrap().len(), before);
    assert!(
        s.record_filings(&[open, 999], FilingKind::Annual, d("2026-11-26"))
            .is_err()
    );
    assert_eq!(s.filings().unwrap().len(), before);
}
}

on_both_backends! {
fn scans_are_checked_by_content_and_kept() {
    let mut s = demo();
    sign_in(&mut s, "huangkun");
    let id = platform_id(&s, "文传青年");
    let filing = s
        .record_filings(&[id], FilingKind::Annual, d("2026-11-26"))
        .unwrap()[0];
    let err = s
        .attach_scan(filing, "签章.pdf", b"MZ\x90\x00 not a pdf")
        .unwrap_err();
    assert!(err.to_string().contains("不是 PDF、JPG 或 PNG"), "{err}");
    assert!(s.scan(filing).unwrap().is_none());
    let big = vec![0u8; mediadesk::store::MAX_SCAN_BYTES + 1];
    assert!(s.attach_scan(filing, "big.pdf", &big).is_err());
    s.attach_scan(filing, "签章.pdf", b"%PDF-1.7\n...").unwrap();
    let scan = s.scan(filing).unwrap().unwrap();
    assert_eq!(scan.media_type, "application/pdf");
    assert_eq!(scan.file_name, "签章.pdf");
    assert!(s.filing(filing).unwrap().filing.has_scan);
    assert!(matches!(
        s.attach_scan(999, "x.png", b"\x89PNG\r\n\x1a\n"),
        Err(StoreError::NotFound { .. })
    ));
}
}
