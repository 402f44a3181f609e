//! What a person may do next comes from the domain: for every demo account and every demo
//! post, the steps the post page offers are exactly the steps the workflow accepts from that
//! person (asked directly, with good arguments), and the override is offered exactly when the
//! rule of 第六条五/第八条二 allows it.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use mediadesk::domain::workflow::{
    PostAction, PostState, REVIEWER_ROLES, WorkflowError, transition,
};
use mediadesk::store::{DEMO_PASSWORD, Store};
use mediadesk::ui::post_view::PostView;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// The steps a button can take, with arguments the step's own checks accept.
fn candidates() -> Vec<(&'static str, PostAction)> {
    vec![
        ("submit", PostAction::Submit),
        ("withdraw", PostAction::Withdraw),
        (
            "approve",
            PostAction::Approve {
                comment: String::new(),
            },
        ),
        (
            "reject",
            PostAction::Reject {
                comment: "请修改".into(),
            },
        ),
        (
            "publish",
            PostAction::Publish {
                link: "https://mp.weixin.qq.com/s/x".into(),
                at: today().and_hms_opt(9, 0, 0).unwrap(),
            },
        ),
    ]
}

/// A refusal about who acts or the state, as opposed to something still to fill in.
fn refused(e: &WorkflowError) -> bool {
    matches!(
        e,
        WorkflowError::NotAllowedInState { .. }
            | WorkflowError::NotAuthor { .. }
            | WorkflowError::MissingRole { .. }
            | WorkflowError::ReviewerIsAuthor
            | WorkflowError::PublisherIsAuthor
            | WorkflowError::PublisherIsReviewer
            | WorkflowError::ReviewerUnknown
    )
}

#[test]
fn the_buttons_shown_are_the_steps_the_domain_accepts() {
    let mut s = Store::open_in_memory().unwrap();
    s.load_demo(today()).unwrap();
    s.freeze_clock(today().and_hms_opt(12, 0, 0).unwrap());
    let logins: Vec<String> = s.users().unwrap().into_iter().map(|u| u.login).collect();
    let posts: Vec<i64> = s
        .posts(&Default::default())
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(posts.len(), 6);
    let mut compared = 0;
    for login in &logins {
        s.sign_out().unwrap();
        s.sign_in(login, DEMO_PASSWORD).unwrap();
        let actor = s.actor().unwrap().unwrap();
        for &id in &posts {
            let post = s.post(id).unwrap();
            let facts = post.facts();
            let mut expected: Vec<&str> = Vec::new();
            if let Some(who) = actor.in_unit(post.unit_id) {
                for (code, action) in candidates() {
                    match transition(&facts, &action, &who) {
                        Ok(_) => expected.push(code),
                        Err(e) if !refused(&e) => expected.push(code),
                        Err(_) => {}
                    }
                }
                // 第六条五/第八条二: a reviewer or the unit head of the unit, not the author,
                // before the post has passed review.
                let reviewer = who.roles_in_unit.iter().any(|r| REVIEWER_ROLES.contains(r));
                let before_review =
                    post.state.is_with_author() || post.state == PostState::Submitted;
                if reviewer && who.person_id != post.author_id && before_review {
                    expected.push("screening_override");
                }
            }
            let view = PostView::open(&s, id).unwrap();
            let mut offered = view.offered_steps();
            offered.sort_unstable();
            expected.sort_unstable();
            assert_eq!(offered, expected, "{login} on post {id} ({:?})", post.state);
            compared += 1;
        }
    }
    assert_eq!(compared, logins.len() * posts.len());
}
