//! Every permission against every kind of person, through the store itself (no window, no
//! command line): each write is tried on a fresh copy of the demo school, signed in as the
//! person. Allowed writes go through; refused ones change nothing — every table but the
//! audit log is the same row for row, and the audit log gained exactly the record of the
//! refused attempt (none when nobody is signed in).
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use mediadesk::domain::calendar::YearSchedule;
use mediadesk::domain::filing::{FilingKind, FilingStep};
use mediadesk::domain::lifecycle::{Closure, Shutdown, ShutdownReason};
use mediadesk::domain::permissions::Permission;
use mediadesk::domain::platform::Administrator;
use mediadesk::domain::screening::{Category, Severity};
use mediadesk::domain::supervision::{
    IncidentDraft, IncidentKind, NoticeKind, TrainingSessionDraft, UpdateDraft,
};
use mediadesk::domain::unit::{PersonDraft, Role, UnitDraft};
use mediadesk::domain::workflow::PostAction;
use mediadesk::store::{DEMO_PASSWORD, NewUser, Store, StoreError};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// The people of the table, in its column order: nobody, a disabled account, the system
/// administrator, the school's supervisor, 商学院's head (also a reviewer), reviewer,
/// administrator and 信息员, and another unit's administrator.
const PEOPLE: [&str; 9] = [
    "",
    "tingyong",
    "admin",
    "songwenbo",
    "wangjianguo",
    "liuxiaoyan",
    "lijun",
    "zhangzhe",
    "huangkun",
];

/// Who may, by the rules of `domain::permissions`, stated here again by hand.
const TABLE: [(Permission, &str); 27] = [
    (Permission::EditSettings, "NNYNNNNNN"),
    (Permission::EditWordLists, "NNYNNNNNN"),
    (Permission::ImportCalendar, "NNYNNNNNN"),
    (Permission::ManagePlatformKinds, "NNYNNNNNN"),
    (Permission::ManageAccounts, "NNYNNNNNN"),
    (Permission::BackupDatabase, "NNYNNNNNN"),
    (Permission::ManageUnits, "NNYYNNNNN"),
    (Permission::EditUnit, "NNYNYNNNN"),
    (Permission::ManagePeople, "NNYNYNNNN"),
    (Permission::EditPlatform, "NNNNYNYNN"),
    (Permission::PrintFiling, "NNNYYNYNN"),
    (Permission::ReportFiling, "NNNNYNYNN"),
    (Permission::ArchiveFiling, "NNNYNNNNN"),
    (Permission::ReportChange, "NNNNYNYNN"),
    (Permission::ClosePlatform, "NNNNYNYNN"),
    (Permission::ShutDownPlatform, "NNNYNNNNN"),
    (Permission::DraftPost, "NNNNNNNYN"),
    (Permission::EditPost, "NNNNNNNYN"),
    (Permission::SubmitPost, "NNNNNNNYN"),
    (Permission::WithdrawPost, "NNNNNNNYN"),
    (Permission::ReviewPost, "NNNNYYNNN"),
    (Permission::PublishPost, "NNNNNNYNN"),
    (Permission::OverrideScreening, "NNNNYYNNN"),
    (Permission::RecordUpdate, "NNNNYNYNN"),
    (Permission::IssueNotice, "NNNYNNNNN"),
    (Permission::RecordIncident, "NNNNYNYNN"),
    (Permission::RecordTraining, "NNNYYNYNN"),
];

/// What the cases work on, found by name in the prepared school.
struct Fixture {
    unit: i64,
    platform: i64,
    awaiting_filing: i64,
    submitted_filing: i64,
    pending_change: i64,
    draft_post: i64,
    returned_post: i64,
    submitted_post: i64,
    approved_post: i64,
    /// A person of the unit, for a training's attendance.
    trainee: i64,
}

/// The demo school with a filing of 商学院 waiting for signatures, one handed in, a change
/// waiting to be reported, and a disabled account `tingyong` of 商学院 with every unit role;
/// written to `dir/school.db`.
fn prepare(dir: &Path) -> (PathBuf, Fixture) {
    let path = dir.join("school.db");
    let mut s = Store::open(&path).unwrap();
    s.load_demo(today()).unwrap();
    let platform_named = |s: &Store, name: &str| {
        s.platforms()
            .unwrap()
            .into_iter()
            .find(|p| p.draft.name == name)
            .unwrap()
    };
    let unit = platform_named(&s, "西亚斯商学院").draft.unit_id;
    s.sign_in("admin", DEMO_PASSWORD).unwrap();
    let person = s
        .add_person(&PersonDraft {
            unit_id: unit,
            name: "停用者".into(),
            mobile: "13800000009".into(),
            roles: Role::UNIT_ROLES.to_vec(),
        })
        .unwrap();
    s.add_user(&NewUser {
        login: "tingyong".into(),
        display_name: String::new(),
        person_id: Some(person),
        is_system_admin: true,
        is_school_supervisor: true,
        password: DEMO_PASSWORD.into(),
        password_again: DEMO_PASSWORD.into(),
    })
    .unwrap();
    s.sign_out().unwrap();
    s.sign_in("lijun", DEMO_PASSWORD).unwrap();
    let youth = platform_named(&s, "商学院青年说");
    let site = platform_named(&s, "郑州西亚斯学院商学院");
    let awaiting_filing = s
        .record_filings(&[youth.id], FilingKind::Annual, today())
        .unwrap()[0];
    let submitted_filing = s
        .record_filings(&[site.id], FilingKind::Annual, today())
        .unwrap()[0];
    s.apply_filing_step(
        submitted_filing,
        1,
        &FilingStep::Submit { on: today() },
        today(),
    )
    .unwrap();
    let wechat = platform_named(&s, "西亚斯商学院");
    let mut changed = wechat.draft.clone();
    changed.administrators.push(Administrator {
        name: "刘晓燕".into(),
        mobile: "13803710002".into(),
    });
    s.update_platform(wechat.id, wechat.version, &changed, "增加管理员", today())
        .unwrap();
    let pending_change = s.platform_changes(wechat.id).unwrap()[0].id;
    s.sign_out().unwrap();
    let post_titled = |s: &Store, start: &str| {
        s.posts(&Default::default())
            .unwrap()
            .into_iter()
            .find(|p| p.title.starts_with(start))
            .unwrap()
            .id
    };
    let fixture = Fixture {
        unit,
        platform: site.id,
        awaiting_filing,
        submitted_filing,
        pending_change,
        draft_post: post_titled(&s, "2026年度国家奖学金"),
        returned_post: post_titled(&s, "关于2027届毕业生"),
        submitted_post: post_titled(&s, "商学院学子"),
        approved_post: post_titled(&s, "【党建园地】"),
        trainee: s
            .people()
            .unwrap()
            .into_iter()
            .find(|p| p.unit_id == unit)
            .unwrap()
            .id,
    };
    (path, fixture)
}

/// Every table but the audit log, row for row, and the audit log's actions.
fn dump(path: &Path) -> (Vec<String>, Vec<String>) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut rows = Vec::new();
    for table in tables.iter().filter(|t| *t != "audit_log") {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let columns = stmt.column_count();
        let mut q = stmt.query([]).unwrap();
        while let Some(r) = q.next().unwrap() {
            let values: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect();
            rows.push(format!("{table}: {}", values.join(" | ")));
        }
    }
    let audit: Vec<String> = conn
        .prepare("SELECT action || ' ' || actor FROM audit_log ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    (rows, audit)
}

/// Tries `permission`'s write as the store exposes it.
fn attempt(s: &mut Store, p: Permission, f: &Fixture, dir: &Path) -> Result<(), StoreError> {
    let version_of_post = |s: &Store, id: i64| s.post(id).unwrap().version;
    match p {
        Permission::EditSettings => {
            let settings = s.settings().unwrap();
            s.save_settings(&settings)
        }
        Permission::EditWordLists => s
            .edit_word_list(Category::ObscenityGamblingViolence, "测试", |l| {
                l.add("测试词语", Severity::Warn).map_err(StoreError::from)
            })
            .map(|_| ()),
        Permission::ImportCalendar => {
            let year: YearSchedule = serde_json::from_str(
                r#"{"year": 2027, "sources": ["测试"], "holidays": [{"name": "元旦", "dates": ["2027-01-01"]}], "makeup_workdays": []}"#,
            )
            .unwrap();
            s.import_calendar_years(&[year])
        }
        Permission::ManagePlatformKinds => s.add_platform_kind("测试平台", false).map(|_| ()),
        Permission::ManageAccounts => s
            .add_user(&NewUser {
                login: "xinzhanghao".into(),
                display_name: "新账号".into(),
                person_id: None,
                is_system_admin: false,
                is_school_supervisor: true,
                password: "xinzhanghao-2026".into(),
                password_again: "xinzhanghao-2026".into(),
            })
            .map(|_| ()),
        Permission::BackupDatabase => s.backup_to(&dir.join("backup.db")),
        Permission::ManageUnits => s
            .add_unit(&UnitDraft {
                name: "测试学院".into(),
                ..Default::default()
            })
            .map(|_| ()),
        Permission::EditUnit => {
            let unit = s.unit(f.unit).unwrap();
            s.update_unit(
                f.unit,
                unit.version,
                &UnitDraft {
                    name: unit.name,
                    party_branch: unit.party_branch,
                    head: unit.head,
                    secretary: "新书记".into(),
                },
            )
        }
        Permission::ManagePeople => s
            .add_person(&PersonDraft {
                unit_id: f.unit,
                name: "新同事".into(),
                mobile: String::new(),
                roles: vec![Role::InfoOfficer],
            })
            .map(|_| ()),
        Permission::EditPlatform => {
            let p = s.platform(f.platform).unwrap();
            let mut draft = p.draft.clone();
            draft.notes = "备注有改动".into();
            s.update_platform(f.platform, p.version, &draft, "", today())
        }
        Permission::PrintFiling => s
            .record_filings(&[f.platform], FilingKind::Annual, today())
            .map(|_| ()),
        Permission::ReportFiling => {
            let v = s.filing(f.awaiting_filing).unwrap().filing.version;
            s.apply_filing_step(
                f.awaiting_filing,
                v,
                &FilingStep::Submit { on: today() },
                today(),
            )
        }
        Permission::ArchiveFiling => {
            let v = s.filing(f.submitted_filing).unwrap().filing.version;
            let step = FilingStep::Archive {
                on: today(),
                archive_no: "XW-TEST".into(),
            };
            s.apply_filing_step(f.submitted_filing, v, &step, today())
        }
        Permission::ReportChange => {
            let v = s.change(f.pending_change).unwrap().version;
            s.mark_change_reported(f.pending_change, v, today(), today())
        }
        Permission::ClosePlatform => s.close_platform(
            f.platform,
            &Closure {
                on: today(),
                reason: "合并".into(),
                content_disposition: "保留".into(),
            },
            today(),
        ),
        Permission::ShutDownPlatform => s.shut_down_platform(
            f.platform,
            &Shutdown {
                on: today(),
                reason: ShutdownReason::PolicyChange,
                details: String::new(),
                document_no: "校宣〔2026〕1号".into(),
            },
            today(),
        ),
        Permission::DraftPost => {
            let mut draft = s.post(f.returned_post).unwrap().draft;
            draft.title = "新的一条".into();
            s.create_post(&draft).map(|_| ())
        }
        Permission::EditPost => {
            let post = s.post(f.draft_post).unwrap();
            let mut draft = post.draft.clone();
            draft.column = "公示".into();
            s.edit_post(f.draft_post, post.version, &draft)
        }
        Permission::SubmitPost => {
            let v = version_of_post(s, f.returned_post);
            s.post_step(f.returned_post, v, &PostAction::Submit)
                .map(|_| ())
        }
        Permission::WithdrawPost => {
            let v = version_of_post(s, f.submitted_post);
            s.post_step(f.submitted_post, v, &PostAction::Withdraw)
                .map(|_| ())
        }
        Permission::ReviewPost => {
            let v = version_of_post(s, f.submitted_post);
            let approve = PostAction::Approve {
                comment: String::new(),
            };
            s.post_step(f.submitted_post, v, &approve).map(|_| ())
        }
        Permission::PublishPost => {
            let v = version_of_post(s, f.approved_post);
            let publish = PostAction::Publish {
                link: "https://mp.weixin.qq.com/s/test".into(),
                at: today().and_hms_opt(9, 0, 0).unwrap(),
            };
            s.post_step(f.approved_post, v, &publish).map(|_| ())
        }
        Permission::OverrideScreening => {
            let v = version_of_post(s, f.draft_post);
            s.override_screening(f.draft_post, v, "经核实为测试号码，不是真实身份信息")
        }
        Permission::RecordUpdate => s
            .add_update(
                &UpdateDraft {
                    platform_id: f.platform,
                    on: today(),
                    title: "学院召开教学工作会议".into(),
                    link: "https://www.sias.edu.cn/sxy/1.html".into(),
                    party_building: false,
                },
                today(),
            )
            .map(|_| ()),
        Permission::IssueNotice => s
            .issue_notice(
                f.platform,
                NoticeKind::Rectification,
                today(),
                "校宣〔2026〕9号",
                today(),
            )
            .map(|_| ()),
        Permission::RecordIncident => s
            .add_incident(
                &IncidentDraft {
                    platform_id: f.platform,
                    kind: IncidentKind::Vulnerability,
                    found_at: today().and_hms_opt(8, 0, 0).unwrap(),
                    found_by: "李珺".into(),
                    description: "网站后台存在弱口令".into(),
                    reported_at: None,
                    reported_to: Vec::new(),
                    actions_taken: String::new(),
                    closed_at: None,
                },
                today().and_hms_opt(12, 0, 0).unwrap(),
            )
            .map(|_| ()),
        Permission::RecordTraining => s
            .add_training(
                &TrainingSessionDraft {
                    held_on: today(),
                    topic: "新媒体内容审核".into(),
                    organiser: "党委宣传部".into(),
                },
                &[f.trainee],
                today(),
            )
            .map(|_| ()),
    }
}

#[test]
fn every_permission_against_every_kind_of_person_through_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let (school, fixture) = prepare(dir.path());
    for (permission, expected) in TABLE {
        for (login, want) in PEOPLE.iter().zip(expected.chars()) {
            let case = dir.path().join("case.db");
            std::fs::copy(&school, &case).unwrap();
            let mut s = Store::open(&case).unwrap();
            // The steps happen on the fixture's day (publication times are checked against it).
            s.freeze_clock(today().and_hms_opt(12, 0, 0).unwrap());
            if !login.is_empty() {
                s.sign_in(login, DEMO_PASSWORD).unwrap();
            }
            if *login == "tingyong" {
                // Disabled by the system administrator while signed in at another desk.
                rusqlite::Connection::open(&case)
                    .unwrap()
                    .execute("UPDATE users SET active = 0 WHERE login = 'tingyong'", [])
                    .unwrap();
            }
            let (rows_before, audit_before) = dump(&case);
            let result = attempt(&mut s, permission, &fixture, dir.path());
            let (rows_after, audit_after) = dump(&case);
            if want == 'Y' {
                assert!(result.is_ok(), "{permission:?} by {login}: {result:?}");
                let added = &audit_after[audit_before.len()..];
                assert!(
                    !added.is_empty() && added.iter().all(|a| !a.starts_with("refused ")),
                    "{permission:?} by {login} is on record: {added:?}"
                );
            } else {
                let err = result.expect_err(&format!("{permission:?} by {login} is refused"));
                assert!(
                    matches!(err, StoreError::Forbidden(_)),
                    "{permission:?} by {login}: {err:?}"
                );
                assert_eq!(rows_before, rows_after, "{permission:?} by {login}");
                let added = &audit_after[audit_before.len()..];
                if login.is_empty() {
                    assert!(added.is_empty(), "{permission:?}: {added:?}");
                } else {
                    assert_eq!(added.len(), 1, "{permission:?} by {login}: {added:?}");
                    assert!(added[0].starts_with("refused "), "{added:?}");
                }
                assert!(!err.to_string().is_empty());
            }
            drop(s);
            std::fs::remove_file(&case).unwrap();
            for suffix in ["-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", case.display()));
            }
        }
    }
}
