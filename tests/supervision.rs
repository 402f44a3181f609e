//! Supervision through the store: hand-recorded updates and imported histories (第六条四),
//! the school's notices up the ladder and into the platform's history, incidents (第八条一),
//! training (第五条), and the due list computed from aggregate queries over the demo school.
#![allow(clippy::unwrap_used)]

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use mediadesk::domain::lifecycle::EventKind;
use mediadesk::domain::platform::PlatformStatus;
use mediadesk::domain::supervision::{
    Article, DueKind, IncidentDraft, IncidentKind, NoticeKind, Office, TrainingSessionDraft,
    UpdateDraft, UpdateProblem,
};
use mediadesk::store::{DEMO_PASSWORD, Store, StoreError, SupervisionRefusal};

mod common;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn now() -> NaiveDateTime {
    today().and_hms_opt(12, 0, 0).unwrap()
}

fn ago(n: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(n)).unwrap()
}

fn demo() -> Store {
    let mut s = common::fresh_store();
    s.load_demo(today()).unwrap();
    s
}

fn platform(s: &Store, name: &str) -> i64 {
    s.platforms()
        .unwrap()
        .into_iter()
        .find(|p| p.draft.name == name)
        .unwrap()
        .id
}

fn update(platform_id: i64, on: NaiveDate) -> UpdateDraft {
    UpdateDraft {
        platform_id,
        on,
        title: "学院召开教学工作会议".into(),
        link: "https://sxy.sias.edu.cn/info/1.html".into(),
        party_building: false,
    }
}

fn audit_len(s: &Store) -> u64 {
    s.verify_audit().unwrap().verified
}

on_both_backends! {
fn updates_out_of_range_are_refused_with_nothing_written() {
    let mut s = demo();
    let site = platform(&s, "郑州西亚斯学院商学院");
    s.sign_in("lijun", DEMO_PASSWORD).unwrap();
    let created = s.platform(site).unwrap().draft.created_on;
    let cases = [
        (
            today().succ_opt().unwrap(),
            UpdateProblem::InFuture(today().succ_opt().unwrap()),
        ),
        (
            created.pred_opt().unwrap(),
            UpdateProblem::BeforeCreation {
                on: created.pred_opt().unwrap(),
                created_on: created,
            },
        ),
    ];
    for (on, problem) in cases {
        let before = audit_len(&s);
        let err = s.add_update(&update(site, on), today()).unwrap_err();
        assert!(
            matches!(&err, StoreError::Supervision(SupervisionRefusal::Update(p)) if p == &[problem]),
            "{err:?}"
        );
        assert!(err.to_string().contains(&on.to_string()), "{err}");
        assert!(s.platform_updates(site).unwrap().is_empty());
        assert_eq!(audit_len(&s), before);
    }
    s.add_update(&update(site, today()), today()).unwrap();
    assert_eq!(s.platform_updates(site).unwrap().len(), 1);
    assert_eq!(s.last_update(site).unwrap(), Some(today()));
}
}

on_both_backends! {
fn the_platform_s_activity_dates_move_forward_with_each_update_and_post() {
    let mut s = demo();
    let site = platform(&s, "郑州西亚斯学院商学院");
    s.sign_in("lijun", DEMO_PASSWORD).unwrap();
    let facts = |s: &Store| {
        s.supervision_facts(today())
            .unwrap()
            .platforms
            .into_iter()
            .find(|p| p.platform.id == site)
            .unwrap()
    };
    let before = facts(&s);
    // A 党建 update moves both dates; an older one recorded afterwards moves neither back.
    let party = UpdateDraft {
        party_building: true,
        ..update(site, ago(3))
    };
    s.add_update(&party, today()).unwrap();
    let after = facts(&s);
    assert_eq!(after.last_update, before.last_update.max(Some(ago(3))));
    assert_eq!(after.party_building.last_post, Some(ago(3)));
    s.add_update(&update(site, ago(9)), today()).unwrap();
    let older = facts(&s);
    assert_eq!(older.last_update, after.last_update);
    assert_eq!(older.party_building.last_post, Some(ago(3)));
    // A plain update of today moves the activity, not the 党建 column.
    s.add_update(&update(site, today()), today()).unwrap();
    let latest = facts(&s);
    assert_eq!(latest.last_update, Some(today()));
    assert_eq!(latest.party_building.last_post, Some(ago(3)));
    assert_eq!(s.last_update(site).unwrap(), Some(today()));
    // Each update counted once in its month, for the chart.
    let month = |s: &Store, day: NaiveDate| {
        let first = day.with_day(1).unwrap();
        s.monthly_activity(first)
            .unwrap()
            .into_iter()
            .filter(|m| m.platform_id == site && m.month == first.format("%Y-%m").to_string())
            .map(|m| m.count)
            .sum::<i64>()
    };
    let counted = month(&s, today());
    s.add_update(&update(site, today()), today()).unwrap();
    assert_eq!(month(&s, today()), counted + 1);
}
}

on_both_backends! {
fn a_history_import_is_all_or_nothing_and_may_be_repeated() {
    let mut s = demo();
    let site = platform(&s, "郑州西亚斯学院商学院");
    s.sign_in("lijun", DEMO_PASSWORD).unwrap();
    let bad =
        "日期,标题,链接\n2026-11-01,迎新晚会,https://sxy.sias.edu.cn/1.html\n2026-11-02,只有两列\n";
    let err = s.import_history(site, bad.as_bytes(), today()).unwrap_err();
    assert!(
        matches!(err, StoreError::Supervision(SupervisionRefusal::History(_))),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(message.contains("第 3 行"), "{message}");
    assert!(s.platform_updates(site).unwrap().is_empty());

    let good = "日期,标题,链接\n2026-11-01,迎新晚会,https://sxy.sias.edu.cn/1.html\n2026-11-20,期中教学检查,\n";
    let first = s.import_history(site, good.as_bytes(), today()).unwrap();
    assert_eq!((first.added, first.already_recorded), (2, 0));
    let again = s.import_history(site, good.as_bytes(), today()).unwrap();
    assert_eq!((again.added, again.already_recorded), (0, 2));
    assert_eq!(s.platform_updates(site).unwrap().len(), 2);
}
}

on_both_backends! {
fn the_ladder_up_to_the_shutdown_decision_with_its_history() {
    let mut s = demo();
    let silent = platform(&s, "文传之声");
    // The unit itself never issues a notice (第六条四): refused, nothing written.
    s.sign_in("huangkun", DEMO_PASSWORD).unwrap();
    let err = s
        .issue_notice(
            silent,
            NoticeKind::Rectification,
            today(),
            "校宣〔2026〕1号",
            today(),
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Forbidden(_)), "{err:?}");
    assert!(s.platform_notices(silent).unwrap().is_empty());
    s.sign_out().unwrap();

    s.sign_in("songwenbo", DEMO_PASSWORD).unwrap();
    // Out of order: a public notice needs the rectification notice first.
    let err = s
        .issue_notice(
            silent,
            NoticeKind::PublicNotice,
            ago(30),
            "校宣〔2026〕2号",
            today(),
        )
        .unwrap_err();
    assert!(err.to_string().contains("整改通知"), "{err}");
    // No number, no notice.
    let err = s
        .issue_notice(silent, NoticeKind::Rectification, ago(70), "  ", today())
        .unwrap_err();
    assert!(err.to_string().contains("文号"), "{err}");
    assert!(s.platform_notices(silent).unwrap().is_empty());

    s.issue_notice(
        silent,
        NoticeKind::Rectification,
        ago(70),
        "校宣〔2026〕1号",
        today(),
    )
    .unwrap();
    s.issue_notice(
        silent,
        NoticeKind::PublicNotice,
        ago(35),
        "校宣〔2026〕2号",
        today(),
    )
    .unwrap();
    let due = s.due_actions(today(), now()).unwrap();
    let item = due
        .iter()
        .find(|i| i.platform.as_ref().is_some_and(|p| p.id == silent))
        .unwrap();
    assert_eq!(item.kind, DueKind::ShutdownDecision);
    assert_eq!(item.article, Article::Inactivity);

    s.issue_notice(
        silent,
        NoticeKind::ShutdownDecision,
        today(),
        "校宣〔2026〕3号",
        today(),
    )
    .unwrap();
    assert_eq!(s.platform(silent).unwrap().status, PlatformStatus::ShutDown);
    assert!(s.ending(silent).unwrap().is_some());
    let history = s.platform_history(silent).unwrap();
    let notices = history
        .iter()
        .filter(|e| e.kind == EventKind::NoticeIssued)
        .count();
    assert_eq!(notices, 3);
    assert!(
        history
            .iter()
            .any(|e| e.summary.contains("校宣〔2026〕2号"))
    );
    assert!(history.iter().any(|e| e.kind == EventKind::ShutDown));
    // A shut-down platform gets no more notices.
    let err = s
        .issue_notice(
            silent,
            NoticeKind::Rectification,
            today(),
            "校宣〔2026〕4号",
            today(),
        )
        .unwrap_err();
    assert!(err.to_string().contains("关停"), "{err}");
    assert_eq!(s.platform_notices(silent).unwrap().len(), 3);
    // Its due items are gone with it.
    assert!(
        !s.due_actions(today(), now())
            .unwrap()
            .iter()
            .any(|i| i.platform.as_ref().is_some_and(|p| p.id == silent))
    );
}
}

on_both_backends! {
fn the_demo_due_list_and_what_clears_it() {
    let mut s = demo();
    let silent = platform(&s, "文传之声");
    let due = s.due_actions(today(), now()).unwrap();
    let of = |kind: DueKind, id: i64| {
        due.iter()
            .any(|i| i.kind == kind && i.platform.as_ref().is_some_and(|p| p.id == id))
    };
    assert!(of(DueKind::RectificationNotice, silent));
    assert!(of(DueKind::Filing, platform(&s, "文传影像")));
    assert!(due.iter().any(|i| i.kind == DueKind::Training));

    // An update recorded by hand closes the silence.
    s.sign_in("huangkun", DEMO_PASSWORD).unwrap();
    s.add_update(&update(silent, ago(1)), today()).unwrap();
    let due = s.due_actions(today(), now()).unwrap();
    assert!(!due.iter().any(|i| i.kind == DueKind::RectificationNotice
        && i.platform.as_ref().is_some_and(|p| p.id == silent)));

    // Training clears a person's item: the demo's untrained administrator.
    let person = |s: &Store, name: &str| {
        s.people()
            .unwrap()
            .into_iter()
            .find(|p| p.name == name)
            .unwrap()
            .id
    };
    let (huangkun, zhengzihan) = (person(&s, "黄堃"), person(&s, "郑子涵"));
    let trained = |s: &Store, id: i64| {
        !s.due_actions(today(), now())
            .unwrap()
            .iter()
            .any(|i| i.kind == DueKind::Training && i.person.as_ref().is_some_and(|p| p.id == id))
    };
    assert!(trained(&s, huangkun));
    assert!(!trained(&s, zhengzihan));
    s.sign_out().unwrap();
    s.sign_in("songwenbo", DEMO_PASSWORD).unwrap();
    s.add_training(
        &TrainingSessionDraft {
            held_on: ago(10),
            topic: "新媒体内容审核与网络安全".into(),
            organiser: "党委宣传部".into(),
        },
        &[zhengzihan],
        today(),
    )
    .unwrap();
    assert!(trained(&s, zhengzihan));
    assert_eq!(s.training_sessions().unwrap()[0].attendees, [zhengzihan]);
}
}

on_both_backends! {
fn a_late_incident_is_listed_and_kept_in_the_history() {
    let mut s = demo();
    let wechat = platform(&s, "西亚斯商学院");
    s.sign_in("lijun", DEMO_PASSWORD).unwrap();
    let at = |n: u64, h: u32| ago(n).and_hms_opt(h, 0, 0).unwrap();
    let draft = IncidentDraft {
        platform_id: wechat,
        kind: IncidentKind::AccountStolen,
        found_at: at(3, 9),
        found_by: "李珺".into(),
        description: "公众号后台出现陌生设备登录".into(),
        reported_at: Some(at(1, 10)),
        reported_to: Office::ALL.to_vec(),
        actions_taken: "已修改密码".into(),
        closed_at: None,
    };
    // Inconsistent records are refused whole.
    let mut wrong = draft.clone();
    wrong.reported_at = Some(at(4, 9));
    assert!(s.add_incident(&wrong, now()).is_err());
    let id = s.add_incident(&draft, now()).unwrap();
    let due = s.due_actions(today(), now()).unwrap();
    let item = due
        .iter()
        .find(|i| i.record_id == Some(id) && i.kind == DueKind::IncidentReportedLate)
        .unwrap();
    assert_eq!(item.article, Article::SecurityIncident);
    assert!(
        s.platform_history(wechat)
            .unwrap()
            .iter()
            .any(|e| e.kind == EventKind::IncidentRecorded)
    );
    // Closing it takes it off the list.
    let (_, version) = s.incident(id).unwrap();
    let mut closed = draft.clone();
    closed.closed_at = Some(at(0, 11));
    s.update_incident(id, version, &closed, now()).unwrap();
    assert!(
        !s.due_actions(today(), now())
            .unwrap()
            .iter()
            .any(|i| i.record_id == Some(id) && i.kind != DueKind::ChangeReport)
    );
}
}

on_both_backends! {
fn the_demo_has_a_platform_at_each_rung_and_every_kind_of_due_action() {
    use mediadesk::domain::supervision::Urgency;
    let s = demo();
    let due = s.due_actions(today(), now()).unwrap();
    let item = |name: &str, kind: DueKind| {
        let id = platform(&s, name);
        due.iter()
            .find(|i| i.kind == kind && i.platform.as_ref().is_some_and(|p| p.id == id))
            .unwrap_or_else(|| panic!("{name} {kind:?}: {due:#?}"))
            .urgency
    };
    let cases = [
        ("文传之声", DueKind::RectificationNotice, Urgency::Overdue),
        ("文传微博", DueKind::PublicNotice, Urgency::Upcoming),
        ("文传小剧场", DueKind::PublicNotice, Urgency::Overdue),
        ("电信实验室", DueKind::ShutdownDecision, Urgency::Upcoming),
        ("电信创客", DueKind::ShutdownDecision, Urgency::Overdue),
        ("文传微博", DueKind::ChangeReport, Urgency::Overdue),
        ("电信极客", DueKind::IncidentReportedLate, Urgency::Overdue),
    ];
    for (name, kind, urgency) in cases {
        assert_eq!(item(name, kind), urgency, "{name} {kind:?}");
    }
    let shut = platform(&s, "外院小课堂");
    assert_eq!(s.platform(shut).unwrap().status, PlatformStatus::ShutDown);
    assert_eq!(s.platform_notices(shut).unwrap().len(), 3);
    let untrained: Vec<&str> = due
        .iter()
        .filter(|i| i.kind == DueKind::Training)
        .filter_map(|i| i.person.as_ref().map(|p| p.name.as_str()))
        .collect();
    assert_eq!(untrained, ["郑子涵"]);
}
}

on_both_backends! {
fn the_dashboard_counts_updates_per_month_and_lights_every_unit() {
    let mut s = demo();
    let p = platform(&s, "西亚斯商学院");
    let before = mediadesk::ops::supervision::dashboard(&s, today()).unwrap();
    assert_eq!(before.months.len(), 12);
    assert_eq!(before.months.last().unwrap(), "2026-11");
    assert_eq!(before.units.len(), s.units().unwrap().len());
    // Red units first: the demo has a platform due for a notice.
    assert_eq!(
        before.units[0].light,
        mediadesk::domain::supervision::Light::Red
    );
    let unit = s.platform(p).unwrap().draft.unit_id;
    let count_in = |d: &mediadesk::ops::supervision::Dashboard, month: &str| -> i64 {
        d.monthly
            .iter()
            .filter(|c| c.unit_id == unit && c.month == month)
            .map(|c| c.count)
            .sum()
    };
    let november = count_in(&before, "2026-11");
    // Two updates recorded by hand in November, one in September.
    s.sign_in("lijun", DEMO_PASSWORD).unwrap();
    s.add_update(&update(p, ago(3)), today()).unwrap();
    s.add_update(&update(p, ago(5)), today()).unwrap();
    s.add_update(&update(p, ago(70)), today()).unwrap();
    let after = mediadesk::ops::supervision::dashboard(&s, today()).unwrap();
    assert_eq!(count_in(&after, "2026-11"), november + 2);
    assert!(count_in(&after, "2026-09") >= 1);
    // Nothing older than the first month shown.
    assert!(after.monthly.iter().all(|c| c.month >= after.months[0]));
}
}
