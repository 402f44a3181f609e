//! The platform lifecycle on an in-memory database: reportable changes, closure, shutdown,
//! illegal transitions, and the history that records each of them.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use mediadesk::domain::lifecycle::{Closure, EventKind, Shutdown, ShutdownReason};
use mediadesk::domain::platform::{Administrator, PlatformStatus};
use mediadesk::domain::validation::Field;
use mediadesk::store::{ChangeState, DEMO_PASSWORD, Ending, Store, StoreError};

mod common;

fn sign_in(s: &mut Store, login: &str) {
    s.sign_out().unwrap();
    s.sign_in(login, DEMO_PASSWORD).unwrap();
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-26";

fn demo() -> Store {
    let mut s = common::fresh_store();
    s.load_demo(d(TODAY)).unwrap();
    s
}

fn id_of(s: &Store, name: &str) -> i64 {
    s.platforms()
        .unwrap()
        .into_iter()
        .find(|p| p.draft.name == name)
        .unwrap()
        .id
}

on_both_backends! {
fn the_demo_went_through_the_real_lifecycle() {
    let s = demo();
    let kinds: Vec<EventKind> = s
        .platform_history(id_of(&s, "文传青年"))
        .unwrap()
        .iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            EventKind::Created,
            EventKind::FilingPrinted,
            EventKind::FilingSubmitted,
            EventKind::Filed,
            // Last December's annual review, printed, handed in and archived.
            EventKind::FilingPrinted,
            EventKind::FilingSubmitted,
            EventKind::Filed
        ]
    );
    let pending = id_of(&s, "外院声音");
    assert_eq!(
        s.platform(pending).unwrap().status,
        PlatformStatus::ChangePending
    );
    assert_eq!(
        s.platform_changes(pending).unwrap()[0].fields[0].field,
        "管理员"
    );
    assert!(matches!(
        s.ending(id_of(&s, "外语角日常")).unwrap(),
        Some(Ending::Closed(_))
    ));
}
}

on_both_backends! {
fn editing_a_filed_platform_needs_a_reason_and_records_the_change() {
    let mut s = demo();
    sign_in(&mut s, "huangkun");
    let today = d(TODAY);
    let id = id_of(&s, "文传青年");
    let p = s.platform(id).unwrap();
    let mut draft = p.draft.clone();
    draft.name = "文传青年说".into();
    draft.administrators.push(Administrator {
        name: "杨梦瑶".into(),
        mobile: "15003710008".into(),
    });
    // No reason: refused, nothing written.
    match s
        .update_platform(id, p.version, &draft, " ", today)
        .unwrap_err()
    {
        StoreError::Invalid(errors) => assert_eq!(errors[0].field, Field::ChangeReason),
        other => panic!("{other}"),
    }
    assert_eq!(s.platform(id).unwrap().draft.name, "文传青年");
    s.update_platform(id, p.version, &draft, "账号更名", today)
        .unwrap();
    let after = s.platform(id).unwrap();
    assert_eq!(after.status, PlatformStatus::ChangePending);
    let change = &s.platform_changes(id).unwrap()[0];
    let fields: Vec<&str> = change.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["账号名称", "管理员"]);
    assert_eq!(change.fields[0].old, "文传青年");
    assert_eq!(change.state, ChangeState::Pending);
    assert_eq!(
        s.platform_history(id).unwrap().last().unwrap().kind,
        EventKind::Changed
    );

    // Only notes: no report needed, stays pending for the earlier change.
    let mut notes = after.draft.clone();
    notes.notes = "备注".into();
    s.update_platform(id, after.version, &notes, "", today)
        .unwrap();
    assert_eq!(s.platform_changes(id).unwrap().len(), 1);

    // Reporting it brings the platform back to 已备案.
    let c = s.platform_changes(id).unwrap()[0].clone();
    assert!(
        s.mark_change_reported(c.id, c.version, d("2026-12-01"), today)
            .is_err(),
        "future"
    );
    assert!(
        s.mark_change_reported(c.id, c.version, d("2026-01-01"), today)
            .is_err(),
        "before the change"
    );
    s.mark_change_reported(c.id, c.version, today, today)
        .unwrap();
    assert!(
        s.mark_change_reported(c.id, c.version + 1, today, today)
            .is_err(),
        "twice"
    );
    assert_eq!(s.platform(id).unwrap().status, PlatformStatus::Filed);
    assert_eq!(
        s.platform_history(id).unwrap().last().unwrap().kind,
        EventKind::ChangeReported
    );
}
}

on_both_backends! {
fn unfiled_platforms_change_freely() {
    let mut s = demo();
    sign_in(&mut s, "huangkun");
    let id = id_of(&s, "文传影像");
    let p = s.platform(id).unwrap();
    let mut draft = p.draft.clone();
    draft.name = "文传影像馆".into();
    s.update_platform(id, p.version, &draft, "", d(TODAY))
        .unwrap();
    assert!(s.platform_changes(id).unwrap().is_empty());
    assert_eq!(s.platform(id).unwrap().status, PlatformStatus::Unfiled);
}
}

on_both_backends! {
fn closing_and_shutting_down_and_what_is_refused_after() {
    let mut s = demo();
    let today = d(TODAY);
    let id = id_of(&s, "电信极客");
    sign_in(&mut s, "zhengzihan");
    let bad = Closure {
        on: today,
        reason: String::new(),
        content_disposition: "保留".into(),
    };
    assert!(
        s.close_platform(id, &bad, today)
            .unwrap_err()
            .to_string()
            .contains("停止运营原因")
    );
    let shutdown = Shutdown {
        on: today,
        reason: ShutdownReason::LongSilence,
        details: "公开通报后一个月仍未更新".into(),
        document_no: "校宣〔2026〕12号".into(),
    };
    // Shutting down is the school's act (第四条三), not the unit's.
    let err = s.shut_down_platform(id, &shutdown, today).unwrap_err();
    assert!(err.to_string().contains("学校督查人员"), "{err}");
    sign_in(&mut s, "songwenbo");
    s.shut_down_platform(id, &shutdown, today).unwrap();
    assert_eq!(s.platform(id).unwrap().status, PlatformStatus::ShutDown);
    assert!(
        matches!(s.ending(id).unwrap(), Some(Ending::ShutDown(ref x)) if x.document_no == "校宣〔2026〕12号")
    );
    // A shut-down platform can no longer be changed, closed or shut down again.
    let p = s.platform(id).unwrap();
    let mut draft = p.draft.clone();
    draft.name = "改名".into();
    sign_in(&mut s, "zhengzihan");
    let err = s
        .update_platform(id, p.version, &draft, "试图修改", today)
        .unwrap_err();
    assert!(err.to_string().contains("已关停"), "{err}");
    let good = Closure {
        on: today,
        reason: "x".into(),
        content_disposition: "y".into(),
    };
    assert!(s.close_platform(id, &good, today).is_err());
    sign_in(&mut s, "songwenbo");
    assert!(s.shut_down_platform(id, &shutdown, today).is_err());
    assert_eq!(
        s.platform_history(id).unwrap().last().unwrap().kind,
        EventKind::ShutDown
    );

    let other = id_of(&s, "外院资讯");
    sign_in(&mut s, "xujunyao");
    s.close_platform(other, &good, today).unwrap();
    assert_eq!(s.platform(other).unwrap().status, PlatformStatus::Closed);
    sign_in(&mut s, "songwenbo");
    assert!(s.shut_down_platform(other, &shutdown, today).is_err());
    // Closed platforms are not printed for the annual review.
    assert!(!s.active_platform_ids(None).unwrap().contains(&other));
}
}

on_both_backends! {
fn reports_render_from_the_records() {
    let s = demo();
    let pending = id_of(&s, "外院声音");
    let change = s.platform_changes(pending).unwrap()[0].id;
    let data = mediadesk::ops::documents::change_report_data(&s, change).unwrap();
    assert_eq!(data.platform_name, "外院声音");
    assert_eq!(data.changes[0].field, "管理员");
    let settings = mediadesk::print::FormSettings::default();
    let pdf = mediadesk::print::render_change_report(&data, &settings).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    match mediadesk::ops::documents::ending_document_data(&s, id_of(&s, "外语角日常")).unwrap()
    {
        mediadesk::ops::documents::EndingDocument::Closure(c) => {
            assert!(c.reason.contains("外院声音"))
        }
        mediadesk::ops::documents::EndingDocument::Shutdown(_) => {
            panic!("it was closed, not shut down")
        }
    }
    assert!(mediadesk::ops::documents::ending_document_data(&s, pending).is_err());
}
}
