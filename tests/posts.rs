//! Sign-in, posts through the three steps, screening at submission, attachments and the audit
//! chain, on an in-memory database with the demo school.
#![allow(clippy::unwrap_used)]

use chrono::{Datelike, Duration, NaiveDate};
use mediadesk::domain::auth::AuthError;
use mediadesk::domain::permissions::Refusal;
use mediadesk::domain::post::Queue;
use mediadesk::domain::unit::{PersonDraft, Role};

mod common;
use common::{news, wechat};
use mediadesk::domain::workflow::{PostAction, PostState, WorkflowError};
use mediadesk::store::{
    Conflict, DEMO_PASSWORD, NewUser, PostFilter, Rejection, Store, StoreError,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn demo() -> Store {
    let mut s = common::fresh_store();
    s.load_demo(today()).unwrap();
    // The steps happen on the demo's day (publication times are checked against it).
    s.freeze_clock(today().and_hms_opt(12, 0, 0).unwrap());
    s
}

fn sign_in(s: &mut Store, login: &str) {
    s.sign_out().unwrap();
    s.sign_in(login, DEMO_PASSWORD).unwrap();
}

fn step(s: &mut Store, id: i64, action: PostAction) -> Result<(), StoreError> {
    let version = s.post(id).unwrap().version;
    s.post_step(id, version, &action).map(|_| ())
}

fn approve(comment: &str) -> PostAction {
    PostAction::Approve {
        comment: comment.into(),
    }
}

fn publish() -> PostAction {
    PostAction::Publish {
        link: "https://mp.weixin.qq.com/s/abc".into(),
        at: today().and_hms_opt(9, 0, 0).unwrap(),
    }
}

on_both_backends! {
fn the_demo_has_posts_in_every_state_and_a_sound_audit_chain() {
    let s = demo();
    let posts = s.posts(&PostFilter::default()).unwrap();
    for state in PostState::ALL {
        assert!(
            posts.iter().any(|p| p.state == state),
            "no demo post in {state:?}"
        );
    }
    let resubmitted = posts
        .iter()
        .find(|p| p.state == PostState::Submitted)
        .unwrap();
    assert_eq!(resubmitted.revision, 2);
    let revisions = s.revisions(resubmitted.id).unwrap();
    assert_eq!(revisions.len(), 2);
    assert_ne!(revisions[0].body, revisions[1].body);
    let history = s.post_history(resubmitted.id).unwrap();
    let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["create", "submit", "reject", "edit", "submit"]);
    assert!(history[2].comment.contains("指导教师"));
    let check = s.verify_audit().unwrap();
    assert!(check.broken.is_none(), "{:?}", check.problem);
    assert!(check.verified > 40, "{}", check.verified);
    // The publication counts as the platform's latest update (第四条三).
    let platform = s.platform(wechat(&s)).unwrap();
    assert_eq!(
        platform.draft.last_post_on,
        Some(today() - Duration::days(1))
    );
}
}

on_both_backends! {
fn three_people_take_a_post_through_the_three_steps() {
    let mut s = demo();
    let p = wechat(&s);
    sign_in(&mut s, "zhangzhe");
    let id = s
        .create_post(&news(p, "商学院举办职业生涯规划讲座"))
        .unwrap();
    step(&mut s, id, PostAction::Submit).unwrap();
    assert_eq!(s.post(id).unwrap().revision, 1);

    sign_in(&mut s, "liuxiaoyan");
    assert!(s.queue(Queue::ToReview).unwrap().iter().any(|r| r.id == id));
    step(&mut s, id, approve("同意")).unwrap();

    sign_in(&mut s, "lijun");
    assert!(s.last_update(p).unwrap() < Some(today()));
    let this_month = |s: &Store| -> i64 {
        let first = today().with_day(1).unwrap();
        s.monthly_activity(first)
            .unwrap()
            .iter()
            .filter(|m| m.platform_id == p && m.month == first.format("%Y-%m").to_string())
            .map(|m| m.count)
            .sum()
    };
    let counted = this_month(&s);
    assert!(
        s.queue(Queue::ToPublish)
            .unwrap()
            .iter()
            .any(|r| r.id == id)
    );
    step(&mut s, id, publish()).unwrap();
    let post = s.post(id).unwrap();
    assert_eq!(post.state, PostState::Published);
    // The platform's latest activity moved in the same transaction (the due list reads it).
    assert_eq!(s.last_update(p).unwrap(), Some(today()));
    assert_eq!(this_month(&s), counted + 1);
    assert_eq!(post.author_name, "张喆");
    assert_eq!(post.reviewer_name.as_deref(), Some("刘晓燕"));
    assert_eq!(post.publisher_name.as_deref(), Some("李珺"));
    assert_eq!(
        post.published_link.as_deref(),
        Some("https://mp.weixin.qq.com/s/abc")
    );
    let history = s.post_history(id).unwrap();
    let who: Vec<(&str, &str, &str)> = history
        .iter()
        .map(|e| (e.actor.as_str(), e.from.as_str(), e.to.as_str()))
        .collect();
    assert_eq!(
        who,
        [
            ("张喆（zhangzhe）", "", "draft"),
            ("张喆（zhangzhe）", "draft", "submitted"),
            ("刘晓燕（liuxiaoyan）", "submitted", "approved"),
            ("李珺（lijun）", "approved", "published"),
        ]
    );
    assert_eq!(history[2].comment, "同意");
    // Published is final.
    assert!(matches!(
        step(&mut s, id, approve("")),
        Err(StoreError::Forbidden(Refusal::Workflow(
            WorkflowError::NotAllowedInState { .. }
        )))
    ));
}
}

on_both_backends! {
fn refusals_name_what_is_wrong_and_change_nothing() {
    let mut s = demo();
    let p = wechat(&s);
    sign_in(&mut s, "zhangzhe");
    let mut d = news(p, "缺少署名的稿件");
    d.attribution.editor.clear();
    d.attribution.author_or_provider = "  ".into();
    let id = s.create_post(&d).unwrap();
    let before_len = s.audit_len().unwrap();
    let err = step(&mut s, id, PostAction::Submit).unwrap_err();
    assert!(
        err.to_string().contains("作者或信息、图片的提供者")
            && err.to_string().contains("编辑发布人"),
        "{err}"
    );
    assert_eq!(s.post(id).unwrap().state, PostState::Draft);
    assert_eq!(s.audit_len().unwrap(), before_len, "nothing half-done");

    // Internal information never goes to an external platform (第六条三).
    let mut internal = news(p, "内部：期末监考安排");
    internal.internal = true;
    let id2 = s.create_post(&internal).unwrap();
    let err = step(&mut s, id2, PostAction::Submit).unwrap_err();
    assert!(err.to_string().contains("第六条三"), "{err}");

    // A reviewer's return needs a comment.
    let ok = s.create_post(&news(p, "合格的稿件")).unwrap();
    step(&mut s, ok, PostAction::Submit).unwrap();
    sign_in(&mut s, "liuxiaoyan");
    let err = step(
        &mut s,
        ok,
        PostAction::Reject {
            comment: "  ".into(),
        },
    )
    .unwrap_err();
    assert!(matches!(
        err,
        StoreError::Workflow(WorkflowError::CommentRequired)
    ));
    // Someone without the role (the administrator cannot review).
    sign_in(&mut s, "lijun");
    let err = step(&mut s, ok, approve("")).unwrap_err();
    assert!(err.to_string().contains("审核人或单位负责人"), "{err}");
    // A person of another unit has no role here.
    sign_in(&mut s, "zhaoyaqin");
    let err = step(&mut s, ok, approve("")).unwrap_err();
    assert!(matches!(
        err,
        StoreError::Forbidden(Refusal::Workflow(WorkflowError::MissingRole { .. }))
    ));
    // A post changed since it was opened.
    sign_in(&mut s, "liuxiaoyan");
    let old = s.post(ok).unwrap().version - 1;
    assert!(matches!(
        s.post_step(ok, old, &approve("")),
        Err(StoreError::Stale { .. })
    ));
    assert_eq!(s.post(ok).unwrap().state, PostState::Submitted);
}
}

on_both_backends! {
fn nobody_approves_their_own_draft_even_with_every_role() {
    let mut s = demo();
    let p = wechat(&s);
    let unit = s.platform(p).unwrap().draft.unit_id;
    sign_in(&mut s, "admin");
    let person = s
        .add_person(&PersonDraft {
            unit_id: unit,
            name: "全能者".into(),
            mobile: "13800000000".into(),
            roles: vec![Role::InfoOfficer, Role::Reviewer, Role::Administrator],
        })
        .unwrap();
    // Granting roles is itself on the record (it decides who may review and publish).
    let granted = s.audit_of(&format!("person:{person}")).unwrap();
    assert_eq!(granted[0].action, "person_add");
    assert_eq!(granted[0].actor, "系统管理员（admin）");
    assert!(
        granted[0].comment.contains("审核人"),
        "{}",
        granted[0].comment
    );
    s.add_user(&NewUser {
        login: "quanneng".into(),
        display_name: String::new(),
        person_id: Some(person),
        is_system_admin: false,
        is_school_supervisor: false,
        password: "quanneng-2026".into(),
        password_again: "quanneng-2026".into(),
    })
    .unwrap();
    s.sign_out().unwrap();
    s.sign_in("quanneng", "quanneng-2026").unwrap();
    let id = s.create_post(&news(p, "自己写的稿")).unwrap();
    step(&mut s, id, PostAction::Submit).unwrap();
    assert!(matches!(
        step(&mut s, id, approve("")),
        Err(StoreError::Forbidden(Refusal::Workflow(
            WorkflowError::ReviewerIsAuthor
        )))
    ));
    // Approved by someone else, the author still cannot publish it…
    sign_in(&mut s, "liuxiaoyan");
    step(&mut s, id, approve("")).unwrap();
    s.sign_out().unwrap();
    s.sign_in("quanneng", "quanneng-2026").unwrap();
    assert!(matches!(
        step(&mut s, id, publish()),
        Err(StoreError::Forbidden(Refusal::Workflow(
            WorkflowError::PublisherIsAuthor
        )))
    ));
    // …and nor can the approver publish what they approved.
    sign_in(&mut s, "liuxiaoyan");
    step(&mut s, id, PostAction::Withdraw).unwrap_err();
    sign_in(&mut s, "lijun");
    step(&mut s, id, publish()).unwrap();
}
}

on_both_backends! {
fn sign_in_refuses_wrong_passwords_and_slows_down() {
    let mut s = demo();
    let t0 = today().and_hms_opt(8, 0, 0).unwrap();
    assert!(matches!(
        s.sign_in_at("zhangzhe", "wrong-password", t0),
        Err(StoreError::WrongPassword)
    ));
    assert!(matches!(
        s.sign_in_at("nobody", DEMO_PASSWORD, t0),
        Err(StoreError::WrongPassword)
    ));
    for _ in 0..2 {
        s.sign_in_at("zhangzhe", "wrong-password", t0).unwrap_err();
    }
    // Three failures: the next try waits, even with the right password.
    match s.sign_in_at("zhangzhe", DEMO_PASSWORD, t0 + Duration::seconds(1)) {
        Err(StoreError::SignInThrottled { seconds }) => assert_eq!(seconds, 4),
        other => panic!("{other:?}"),
    }
    assert!(s.session().is_none());
    let session = s
        .sign_in_at("zhangzhe", DEMO_PASSWORD, t0 + Duration::seconds(6))
        .unwrap();
    assert_eq!(session.roles, vec![Role::InfoOfficer]);
    assert_eq!(session.unit_name, "商学院");
    let log = s
        .audit_entries(&mediadesk::store::AuditFilter {
            object_prefix: Some("user:".into()),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(log[0].action, "sign_in");
    assert_eq!(log[1].action, "sign_in_failed");
    // The counter starts again after a good sign-in.
    s.sign_out().unwrap();
    s.sign_in_at("zhangzhe", "wrong-password", t0 + Duration::seconds(7))
        .unwrap_err();
    s.sign_in_at("zhangzhe", DEMO_PASSWORD, t0 + Duration::seconds(7))
        .unwrap();
}
}

on_both_backends! {
fn accounts_first_start_and_password_rules() {
    let mut s = common::fresh_store();
    assert!(!s.has_users().unwrap());
    let mut first = NewUser {
        login: "xitong".into(),
        display_name: "系统管理员".into(),
        person_id: None,
        is_system_admin: false,
        is_school_supervisor: false,
        password: "xitong-2026".into(),
        password_again: "xitong-2026".into(),
    };
    assert!(matches!(
        s.add_user(&first),
        Err(StoreError::Rejected(Rejection::FirstAccountMustBeAdmin))
    ));
    first.is_system_admin = true;
    first.password_again = "xitong-2025".into();
    assert!(matches!(
        s.add_user(&first),
        Err(StoreError::Auth(AuthError::PasswordMismatch))
    ));
    first.password_again = first.password.clone();
    s.add_user(&first).unwrap();
    // The second account needs a system administrator signed in.
    let second = NewUser {
        login: "xitong2".into(),
        is_system_admin: true,
        ..first.clone()
    };
    assert!(matches!(
        s.add_user(&second),
        Err(StoreError::Forbidden(Refusal::NotSignedIn))
    ));
    s.sign_in("XiTong", "xitong-2026").unwrap();
    assert!(matches!(
        s.add_user(&NewUser {
            login: "XITONG".into(),
            ..second.clone()
        }),
        Err(StoreError::Conflict(Conflict::LoginTaken(_)))
    ));
    s.add_user(&second).unwrap();
    assert_eq!(s.users().unwrap().len(), 2);
}
}

on_both_backends! {
fn screening_blocks_submission_until_a_reviewer_lets_it_through() {
    let mut s = demo();
    let listed = s
        .posts(&PostFilter {
            title_contains: "国家奖学金".into(),
            ..Default::default()
        })
        .unwrap()[0]
        .id;
    sign_in(&mut s, "zhangzhe");
    let err = step(&mut s, listed, PostAction::Submit).unwrap_err();
    assert!(matches!(err, StoreError::ScreeningBlocks { .. }), "{err}");
    assert!(!err.to_string().contains("11010519491231002X"), "{err}");
    // The author cannot let their own text through.
    let v = s.post(listed).unwrap().version;
    assert!(s.override_screening(listed, v, "学生本人同意公开").is_err());
    sign_in(&mut s, "liuxiaoyan");
    let v = s.post(listed).unwrap().version;
    assert!(matches!(
        s.override_screening(listed, v, "好"),
        Err(StoreError::Rejected(Rejection::OverrideReasonTooShort))
    ));
    s.override_screening(listed, v, "经核实为测试样例号码，不是真实身份证号")
        .unwrap();
    let entry = s.post_history(listed).unwrap().pop().unwrap();
    assert_eq!(entry.action, "screening_override");
    assert!(entry.comment.contains("测试样例"), "{}", entry.comment);
    assert!(!entry.comment.contains("11010519491231002X"));

    sign_in(&mut s, "zhangzhe");
    // An edit after the override voids it…
    let mut post = s.post(listed).unwrap();
    post.draft.body.push_str("\n补充：公示期内请保持电话畅通。");
    s.edit_post(listed, post.version, &post.draft).unwrap();
    assert!(step(&mut s, listed, PostAction::Submit).is_err());
    // …and masking the personal data clears the findings without any override.
    let mut post = s.post(listed).unwrap();
    post.draft.body = post
        .draft
        .body
        .replace("11010519491231002X", "1101**********002X")
        .replace("13812345678", "138****5678");
    s.edit_post(listed, post.version, &post.draft).unwrap();
    step(&mut s, listed, PostAction::Submit).unwrap();
}
}

on_both_backends! {
fn attachments_are_checked_by_content_and_kept_with_their_hash() {
    let mut s = demo();
    let p = wechat(&s);
    sign_in(&mut s, "zhangzhe");
    let id = s.create_post(&news(p, "带附件的通知")).unwrap();
    let mut pdf = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut pdf, 1, 1);
        encoder.set_color(png::ColorType::Rgb);
        encoder
            .write_header()
            .unwrap()
            .write_image_data(&[255, 0, 0])
            .unwrap();
    }
    let pdf = &pdf[..];
    let v = s.post(id).unwrap().version;
    let att = s.add_attachment(id, v, "海报.png", pdf).unwrap();
    let meta = s.attachments(id).unwrap();
    assert_eq!(meta.len(), 1);
    assert_eq!(meta[0].size, pdf.len() as u64);
    assert_eq!(meta[0].sha256.len(), 64);
    assert_eq!(s.attachment_content(att).unwrap(), pdf);
    // An executable renamed to .jpg is refused, nothing stored.
    let v = s.post(id).unwrap().version;
    let exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00";
    let err = s.add_attachment(id, v, "照片.jpg", exe).unwrap_err();
    assert!(matches!(err, StoreError::Attachment(_)), "{err}");
    assert_eq!(s.attachments(id).unwrap().len(), 1);
    // A missing file says so.
    let err = mediadesk::ops::files::attach_to_post(
        &mut s,
        id,
        v,
        std::path::Path::new("/nonexistent/附件.pdf"),
    )
    .unwrap_err();
    assert!(err.to_string().contains("不存在"), "{err}");
    assert!(err.to_string().contains("附件.pdf"), "{err}");
    let v = s.post(id).unwrap().version;
    s.remove_attachment(att, v).unwrap();
    assert!(s.attachments(id).unwrap().is_empty());
    let actions: Vec<String> = s
        .post_history(id)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert_eq!(actions, ["create", "attachment_add", "attachment_remove"]);
}
}

on_both_backends! {
fn queues_match_the_domain_rule_for_every_demo_user() {
    let mut s = demo();
    let all: Vec<_> = s
        .posts(&PostFilter::default())
        .unwrap()
        .into_iter()
        .map(|r| s.post(r.id).unwrap())
        .collect();
    for login in ["zhangzhe", "liuxiaoyan", "wangjianguo", "lijun", "xujunyao"] {
        sign_in(&mut s, login);
        let session = s.session().unwrap().clone();
        let counts = s.queue_counts().unwrap();
        for queue in Queue::for_roles(&session.roles) {
            let mut got: Vec<i64> = s.queue(queue).unwrap().iter().map(|r| r.id).collect();
            got.sort();
            let want: Vec<i64> = all
                .iter()
                .filter(|p| {
                    queue.holds(
                        &p.facts(),
                        session.person_id.unwrap(),
                        session.unit_id.unwrap(),
                    )
                })
                .map(|p| p.id)
                .collect();
            let mut want = want;
            want.sort();
            assert_eq!(got, want, "{login} {queue:?}");
            assert!(counts.contains(&(queue, want.len())), "{login} {counts:?}");
        }
    }
    sign_in(&mut s, "liuxiaoyan");
    assert_eq!(s.queue_counts().unwrap(), vec![(Queue::ToReview, 1)]);
}
}

on_both_backends! {
fn the_audit_chain_detects_an_edited_and_a_deleted_entry() {
    let s = demo();
    // The triggers refuse honest mistakes…
    assert!(
        s.execute_raw_for_tests("UPDATE audit_log SET comment = 'x' WHERE seq = 3")
            .is_err()
    );
    assert!(
        s.execute_raw_for_tests("DELETE FROM audit_log WHERE seq = 3")
            .is_err()
    );
    // …someone going around them is caught by the chain.
    // `DROP TRIGGER name` on a file, `… ON table` on the server.
    let on = match common::backends::backend() {
        common::backends::Backend::Sqlite => "",
        common::backends::Backend::Postgres => " ON audit_log",
    };
    s.execute_raw_for_tests(&format!(
        "DROP TRIGGER audit_log_no_update{on}; DROP TRIGGER audit_log_no_delete{on};
         UPDATE audit_log SET comment = '同意发布' WHERE seq = 20"
    ))
    .unwrap();
    let check = s.verify_audit().unwrap();
    assert_eq!(check.broken.as_ref().unwrap().seq, 20);
    assert!(check.problem.unwrap().contains("第 20 条"));

    let s = demo();
    s.execute_raw_for_tests(&format!(
        "DROP TRIGGER audit_log_no_delete{on}; DELETE FROM audit_log WHERE seq = 7"
    ))
    .unwrap();
    assert_eq!(s.verify_audit().unwrap().broken.unwrap().seq, 8);
}
}

on_both_backends! {
fn reviewers_see_what_they_last_saw() {
    let mut s = demo();
    let resubmitted = s
        .posts(&PostFilter {
            state: Some(PostState::Submitted),
            ..Default::default()
        })
        .unwrap()[0]
        .id;
    sign_in(&mut s, "liuxiaoyan");
    assert_eq!(s.last_seen_revision(resubmitted).unwrap(), Some(1));
    s.mark_seen(resubmitted, 2).unwrap();
    assert_eq!(s.last_seen_revision(resubmitted).unwrap(), Some(2));
    sign_in(&mut s, "wangjianguo");
    assert_eq!(s.last_seen_revision(resubmitted).unwrap(), None);
}
}

on_both_backends! {
fn the_queue_queries_use_their_indexes() {
    let s = demo();
    for queue in [Queue::ToReview, Queue::ToPublish] {
        let plan = s.queue_plan(queue).unwrap().join(" | ");
        assert!(plan.contains("platforms_unit"), "{queue:?}: {plan}");
        assert!(plan.contains("posts_state_platform"), "{queue:?}: {plan}");
        assert!(!plan.contains("SCAN"), "{queue:?}: {plan}");
    }
    let plan = s.queue_plan(Queue::ToRevise).unwrap().join(" | ");
    assert!(plan.contains("posts_author_state"), "{plan}");
}
}

on_both_backends! {
fn a_generated_school_has_posts_in_every_state_and_working_queues() {
    let mut s = common::fresh_store();
    s.generate_large(300, Some(3_000), today()).unwrap();
    let all = s
        .posts(&PostFilter {
            limit: 10_000,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.len(), 3_000);
    for state in PostState::ALL {
        assert!(all.iter().any(|p| p.state == state), "{state:?}");
    }
    s.sign_in("bench_head", DEMO_PASSWORD).unwrap();
    let queue = s.queue(Queue::ToReview).unwrap();
    assert!(!queue.is_empty());
    assert!(
        queue
            .iter()
            .all(|r| r.unit_id == 1 && r.state == PostState::Submitted)
    );
    assert_eq!(
        s.queue_counts().unwrap(),
        vec![(Queue::ToReview, queue.len())]
    );
}
}

on_both_backends! {
fn dropped_triggers_are_noticed_and_put_back_on_record() {
    let mut s = demo();
    assert!(s.missing_audit_triggers().unwrap().is_empty());
    let on = match common::backends::backend() {
        common::backends::Backend::Sqlite => "",
        common::backends::Backend::Postgres => " ON audit_log",
    };
    s.execute_raw_for_tests(&format!("DROP TRIGGER audit_log_no_delete{on}"))
        .unwrap();
    assert_eq!(s.missing_audit_triggers().unwrap(), ["audit_log_no_delete"]);
    // Only the system administrator puts them back.
    sign_in(&mut s, "zhangzhe");
    assert!(matches!(
        s.restore_audit_triggers(),
        Err(StoreError::Forbidden(_))
    ));
    sign_in(&mut s, "admin");
    assert_eq!(s.restore_audit_triggers().unwrap(), ["audit_log_no_delete"]);
    assert!(s.missing_audit_triggers().unwrap().is_empty());
    assert!(s.execute_raw_for_tests("DELETE FROM audit_log WHERE seq = 3").is_err());
    let last = s
        .audit_entries(&mediadesk::store::AuditFilter {
            limit: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(last[0].action, "audit_triggers_restored");
    assert!(s.verify_audit().unwrap().broken.is_none());
}
}

on_both_backends! {
fn an_author_deletes_a_draft_never_handed_on_and_the_chain_keeps_it() {
    let mut s = demo();
    let p = wechat(&s);
    sign_in(&mut s, "zhangzhe");
    let id = s.create_post(&news(p, "写错了的草稿")).unwrap();
    // Someone else may not.
    sign_in(&mut s, "liuxiaoyan");
    let v = s.post(id).unwrap().version;
    assert!(matches!(s.delete_draft(id, v), Err(StoreError::Forbidden(_))));
    // A post once submitted has a history: withdrawn, not deleted.
    sign_in(&mut s, "zhangzhe");
    let kept = s.create_post(&news(p, "提交过的稿件")).unwrap();
    step(&mut s, kept, PostAction::Submit).unwrap();
    step(&mut s, kept, PostAction::Withdraw).unwrap();
    let v = s.post(kept).unwrap().version;
    assert!(matches!(
        s.delete_draft(kept, v),
        Err(StoreError::Rejected(Rejection::OnlyNewDraftsDelete))
    ));
    // The author's own fresh draft goes; its deletion stays on the chain.
    let v = s.post(id).unwrap().version;
    s.delete_draft(id, v).unwrap();
    assert!(matches!(s.post(id), Err(StoreError::NotFound { .. })));
    let history = s.post_history(id).unwrap();
    assert_eq!(history.last().unwrap().action, "delete");
    assert!(history.last().unwrap().comment.contains("写错了的草稿"));
    assert!(s.verify_audit().unwrap().broken.is_none());
}
}
