//! The store on an in-memory database: CRUD, foreign keys, the stale-edit refusal, drafts.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use mediadesk::domain::platform::{
    AccountType, Administrator, Maintenance, PlatformDraft, PlatformStatus,
};
use mediadesk::domain::unit::{PersonDraft, Role, UnitDraft};
use mediadesk::domain::validation::Field;
use mediadesk::store::{Conflict, Store, StoreError};

mod common;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// 商学院, signed in as its head and administrator.
fn store_with_unit() -> (Store, i64) {
    common::unit_store()
}

fn wechat(store: &Store) -> i64 {
    store
        .platform_kinds()
        .unwrap()
        .into_iter()
        .find(|k| k.name == "微信公众号")
        .unwrap()
        .id
}

fn draft(unit_id: i64, kind_id: i64) -> PlatformDraft {
    PlatformDraft {
        unit_id,
        kind_id,
        name: "商学院青年".into(),
        account: "sxy_youth".into(),
        account_type: Some(AccountType::Subscription),
        verified: false,
        verified_until: None,
        content_scope: "学院新闻".into(),
        created_on: NaiveDate::from_ymd_opt(2024, 9, 27).unwrap(),
        responsible_person: "王建国".into(),
        contact_mobile: "13812345678".into(),
        administrators: vec![
            Administrator {
                name: "李珺".into(),
                mobile: "15937165432".into(),
            },
            Administrator {
                name: "张喆".into(),
                mobile: "18637165432".into(),
            },
        ],
        maintenance: Maintenance::Vendor {
            name: "郑州云帆网络科技有限公司".into(),
        },
        approval_ref: String::new(),
        notes: "备注".into(),
        intranet_only: false,
        last_post_on: None,
    }
}

on_both_backends! {
fn a_platform_round_trips_with_every_field() {
    let (mut s, unit) = store_with_unit();
    let kind = wechat(&s);
    let d = draft(unit, kind);
    let id = s.add_platform(&d, today()).unwrap();
    let p = s.platform(id).unwrap();
    assert_eq!(p.draft, d);
    assert_eq!(p.status, PlatformStatus::Unfiled);
    assert_eq!(p.version, 1);
    assert_eq!(s.platforms().unwrap().len(), 1);
    let rows = s
        .registry_rows(|_, _| mediadesk::domain::registry::FilingClock::NotRunning)
        .unwrap();
    assert_eq!(rows[0].unit_name, "商学院");
    assert!(rows[0].administrators.contains("李珺 15937165432"));
}
}

on_both_backends! {
fn invalid_drafts_write_nothing() {
    let (mut s, unit) = store_with_unit();
    let kind = wechat(&s);
    let mut d = draft(unit, kind);
    d.contact_mobile = "12345".into();
    let err = s.add_platform(&d, today()).unwrap_err();
    match err {
        StoreError::Invalid(errors) => assert_eq!(errors[0].field, Field::ContactMobile),
        other => panic!("{other}"),
    }
    assert!(s.platforms().unwrap().is_empty());
}
}

on_both_backends! {
fn duplicate_accounts_are_refused_but_the_same_platform_may_be_saved_again() {
    let (mut s, unit) = store_with_unit();
    let kind = wechat(&s);
    let id = s.add_platform(&draft(unit, kind), today()).unwrap();
    let mut again = draft(unit, kind);
    again.account = " SXY_Youth ".into();
    assert!(matches!(
        s.add_platform(&again, today()),
        Err(StoreError::Invalid(_))
    ));
    // Editing the platform itself is not a duplicate of itself.
    s.update_platform(id, 1, &draft(unit, kind), "", today())
        .unwrap();
    assert_eq!(s.platform(id).unwrap().version, 2);
}
}

on_both_backends! {
fn a_stale_edit_is_refused_and_the_newer_row_kept() {
    let (mut s, unit) = store_with_unit();
    let kind = wechat(&s);
    let id = s.add_platform(&draft(unit, kind), today()).unwrap();
    let mut first = draft(unit, kind);
    first.name = "第一次修改".into();
    s.update_platform(id, 1, &first, "", today()).unwrap();
    let mut second = draft(unit, kind);
    second.name = "基于旧版本的修改".into();
    let err = s.update_platform(id, 1, &second, "", today()).unwrap_err();
    assert!(matches!(err, StoreError::Stale { .. }), "{err}");
    assert!(err.to_string().contains("没有保存"));
    assert_eq!(s.platform(id).unwrap().draft.name, "第一次修改");
    assert!(matches!(
        s.update_platform(999, 1, &second, "", today()),
        Err(StoreError::NotFound { .. })
    ));
}
}

on_both_backends! {
fn foreign_keys_refuse_orphans() {
    let (mut s, unit) = store_with_unit();
    let kind = wechat(&s);
    // A person in a unit that does not exist (the system administrator may add anywhere).
    common::sign_in(&mut s, "admin");
    let err = s
        .add_person(&PersonDraft {
            unit_id: 999,
            name: "无主".into(),
            mobile: String::new(),
            roles: vec![],
        })
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict(Conflict::ReferenceGone(_))),
        "{err}"
    );
    // A unit with platforms cannot be deleted.
    common::sign_in(&mut s, "wangjianguo");
    s.add_platform(&draft(unit, kind), today()).unwrap();
    common::sign_in(&mut s, "admin");
    let err = s.delete_unit(unit).unwrap_err();
    assert!(err.to_string().contains("不能删除"), "{err}");
    assert_eq!(s.units().unwrap().len(), 1);
    // A kind in use cannot be deleted.
    assert!(s.delete_platform_kind(kind).is_err());
}
}

on_both_backends! {
fn people_keep_their_roles_and_stale_edits_are_refused() {
    let (mut s, unit) = store_with_unit();
    let id = s
        .add_person(&PersonDraft {
            unit_id: unit,
            name: "黄堃".into(),
            mobile: "17703710007".into(),
            roles: vec![Role::Reviewer, Role::InfoOfficer],
        })
        .unwrap();
    let p = s
        .people()
        .unwrap()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap();
    assert_eq!(p.roles, vec![Role::InfoOfficer, Role::Reviewer]);
    let edit = PersonDraft {
        unit_id: unit,
        name: "黄堃".into(),
        mobile: String::new(),
        roles: vec![Role::Administrator],
    };
    s.update_person(id, 1, &edit).unwrap();
    assert!(matches!(
        s.update_person(id, 1, &edit),
        Err(StoreError::Stale { .. })
    ));
    let p = s
        .people()
        .unwrap()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap();
    assert_eq!(p.roles, vec![Role::Administrator]);
}
}

on_both_backends! {
fn units_are_unique_and_stale_edits_refused() {
    let (mut s, unit) = store_with_unit();
    common::sign_in(&mut s, "admin");
    let dup = UnitDraft {
        name: "商学院".into(),
        ..Default::default()
    };
    assert!(s.add_unit(&dup).is_err());
    let edit = UnitDraft {
        name: "商学院（新）".into(),
        ..Default::default()
    };
    s.update_unit(unit, 1, &edit).unwrap();
    assert!(matches!(
        s.update_unit(unit, 1, &edit),
        Err(StoreError::Stale { .. })
    ));
}
}

on_both_backends! {
fn drafts_survive_and_can_be_discarded() {
    let mut s = common::fresh_store();
    s.save_draft("platform:new", &vec!["半截输入"]).unwrap();
    let back: Option<Vec<String>> = s.load_draft("platform:new").unwrap();
    assert_eq!(back.unwrap(), vec!["半截输入"]);
    s.discard_draft("platform:new").unwrap();
    assert!(
        s.load_draft::<Vec<String>>("platform:new")
            .unwrap()
            .is_none()
    );
}
}

on_both_backends! {
fn demo_data_is_realistic() {
    let mut s = common::fresh_store();
    s.load_demo(today()).unwrap();
    assert_eq!(s.units().unwrap().len(), 4);
    assert!(s.people().unwrap().len() >= 12);
    let kinds: std::collections::HashSet<i64> = s
        .platforms()
        .unwrap()
        .iter()
        .map(|p| p.draft.kind_id)
        .collect();
    assert!(kinds.len() >= 6);
    let cal = s.work_calendar().unwrap();
    let rows = s
        .registry_rows(|st, c| mediadesk::domain::registry::registry_clock(&cal, st, c, today()))
        .unwrap();
    assert!(rows.len() >= 10);
    assert!(
        rows.iter()
            .any(|r| r.status == mediadesk::domain::registry::StatusView::Overdue)
    );
    assert!(rows.iter().any(|r| {
        r.last_post_on
            .is_some_and(|d| (today() - d).num_days() > 90)
    }));
    // Loading twice is refused.
    assert!(s.load_demo(today()).is_err());
}
}

on_both_backends! {
fn the_registry_query_uses_indexes() {
    let s = common::fresh_store();
    let plan = s
        .query_plan("SELECT name FROM platform_admins WHERE platform_id = 1")
        .unwrap();
    assert!(
        plan.iter()
            .any(|l| l.contains("PRIMARY KEY") || l.to_uppercase().contains("INDEX")),
        "{plan:?}"
    );
    let plan = s
        .query_plan("SELECT id FROM platforms WHERE kind_id = 1 AND account_key = 'x'")
        .unwrap();
    assert!(
        plan.iter().any(|l| l.to_uppercase().contains("INDEX")),
        "{plan:?}"
    );
}
}

on_both_backends! {
fn a_large_generated_school() {
    let mut s = common::fresh_store();
    s.generate_large(300, None, today()).unwrap();
    assert_eq!(s.units().unwrap().len(), 60);
    assert_eq!(s.platforms().unwrap().len(), 300);
    assert_eq!(s.people().unwrap().len(), 900);
}
}

on_both_backends! {
fn settings_round_trip_and_keep_the_school_protected() {
    let mut s = common::admin_store();
    let mut settings = s.settings().unwrap();
    assert_eq!(settings.school_name, "郑州西亚斯学院");
    settings.school_name = "某某大学".into();
    settings.protected_names = vec!["某大".into(), " ".into()];
    s.save_settings(&settings).unwrap();
    let back = s.settings().unwrap();
    assert_eq!(
        back.protected_names,
        vec!["某某大学".to_owned(), "某大".to_owned()]
    );
}
}
