//! Table tests of the publishing workflow (第七条三, 第六条三/四): every state × action pair.
// Test-only file: workflow.rs declares it under #[cfg(test)], so the unwraps below never ship.
use super::*;
use PostState::*;
use chrono::NaiveDate;

const AUTHOR: i64 = 1;
const REVIEWER: i64 = 2;
const ADMIN: i64 = 3;
const HEAD: i64 = 4;

fn at() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 5, 12)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

fn actor(person_id: i64, roles: &[Role]) -> Actor {
    Actor {
        person_id,
        roles_in_unit: roles.to_vec(),
    }
}

fn author() -> Actor {
    actor(AUTHOR, &[Role::InfoOfficer])
}
fn reviewer() -> Actor {
    actor(REVIEWER, &[Role::Reviewer])
}
fn admin() -> Actor {
    actor(ADMIN, &[Role::Administrator])
}

fn original() -> Attribution {
    Attribution {
        origin: Origin::Original,
        author_or_provider: "张明（文）、李华（图）".into(),
        source_name: String::new(),
        source_link: String::new(),
        editor: "王芳".into(),
    }
}

fn reprint() -> Attribution {
    Attribution {
        origin: Origin::Reprint,
        author_or_provider: String::new(),
        source_name: "中国教育报".into(),
        source_link: "https://www.jyb.cn/rmtzgjyb/202605/t20260512_1.html".into(),
        editor: "王芳".into(),
    }
}

fn facts(state: PostState) -> PostFacts {
    PostFacts {
        state,
        unit_id: 7,
        author_id: AUTHOR,
        reviewer_id: matches!(state, Approved | Published).then_some(REVIEWER),
        attribution: original(),
        internal: false,
        platform_intranet_only: false,
    }
}

fn approve(c: &str) -> PostAction {
    PostAction::Approve { comment: c.into() }
}
fn reject(c: &str) -> PostAction {
    PostAction::Reject { comment: c.into() }
}
fn publish(link: &str) -> PostAction {
    PostAction::Publish {
        link: link.into(),
        at: at(),
    }
}

fn all_actions() -> [PostAction; 6] {
    [
        PostAction::Submit,
        approve("同意发布"),
        reject("标题有误，请修改"),
        publish("https://xy.example.edu.cn/info/1001/2345.htm"),
        PostAction::Withdraw,
        PostAction::Edit,
    ]
}

/// The person whose step it would be: who the policy expects to do `action` in `state`.
fn right_actor(state: PostState, action: &PostAction) -> Actor {
    match action {
        PostAction::Submit | PostAction::Withdraw | PostAction::Edit => author(),
        PostAction::Approve { .. } => reviewer(),
        PostAction::Publish { .. } => admin(),
        PostAction::Reject { .. } if state == Approved => admin(),
        PostAction::Reject { .. } => reviewer(),
    }
}

#[test]
fn every_state_and_action_pair() {
    // Every legal move; each of the other 25 (state × action) pairs must be refused.
    let legal = [
        (Draft, "submit", Submitted),
        (Draft, "edit", Draft),
        (Submitted, "approve", Approved),
        (Submitted, "reject", Returned),
        (Submitted, "withdraw", Withdrawn),
        (Approved, "reject", Returned),
        (Approved, "publish", Published),
        (Returned, "submit", Submitted),
        (Returned, "edit", Returned),
        (Withdrawn, "submit", Submitted),
        (Withdrawn, "edit", Withdrawn),
    ];
    let everyone = actor(99, &Role::ALL);
    let (mut allowed, mut refused) = (0, 0);
    for state in PostState::ALL {
        for action in &all_actions() {
            let got = transition(&facts(state), action, &right_actor(state, action));
            let want = legal
                .iter()
                .find(|(s, a, _)| (*s, *a) == (state, action.code()))
                .map(|(_, _, to)| *to);
            match want {
                Some(to) => {
                    allowed += 1;
                    let t = got.unwrap_or_else(|e| panic!("{state:?} {action:?}: {e}"));
                    assert_eq!((t.from, t.to), (state, to), "{action:?}");
                }
                None => {
                    refused += 1;
                    let want = WorkflowError::NotAllowedInState {
                        state,
                        action: action.step(),
                    };
                    assert_eq!(got, Err(want.clone()), "{state:?} {action:?}");
                    // Refused on the state alone, whoever asks.
                    let by_anyone = transition(&facts(state), action, &everyone);
                    assert_eq!(by_anyone, Err(want.clone()), "{state:?} {action:?}");
                    let message = want.to_string();
                    let names_state = format!("当前为「{}」", state.label());
                    assert!(message.contains(&names_state), "{message}");
                }
            }
        }
    }
    assert_eq!((allowed, refused), (11, 25));
}

#[test]
fn fields_written_by_each_step() {
    let t = transition(&facts(Submitted), &approve("  同意 "), &reviewer()).unwrap();
    assert_eq!(t.reviewer_id, Some(REVIEWER));
    assert_eq!(t.comment.as_deref(), Some("同意"));
    let t = transition(&facts(Submitted), &approve("   "), &reviewer()).unwrap();
    assert_eq!(t.comment, None, "approval comment is optional");

    let t = transition(&facts(Approved), &publish(" https://a.edu.cn/x "), &admin()).unwrap();
    assert_eq!(
        t.reviewer_id,
        Some(REVIEWER),
        "publishing keeps the approver"
    );
    assert_eq!(
        t.publication,
        Some(Publication {
            link: "https://a.edu.cn/x".into(),
            at: at(),
            publisher_id: ADMIN,
        })
    );

    for (state, action, by) in [
        (Submitted, reject("请补充图片"), reviewer()),
        (Approved, reject("链接失效"), admin()),
        (Submitted, PostAction::Withdraw, author()),
        (Returned, PostAction::Submit, author()),
    ] {
        let mut f = facts(state);
        f.reviewer_id = Some(REVIEWER);
        let t = transition(&f, &action, &by).unwrap();
        assert_eq!(
            t.reviewer_id, None,
            "{state:?} {action:?} clears the reviewer"
        );
        assert_eq!(t.actor_id, by.person_id);
        assert_eq!(t.publication, None);
    }
}

#[test]
fn three_different_people_even_with_several_roles() {
    use Role::*;
    use WorkflowError::*;
    let a = actor(AUTHOR, &[InfoOfficer, Reviewer, Administrator]);
    let b = actor(REVIEWER, &[InfoOfficer, Reviewer, Administrator]);
    let c = actor(ADMIN, &[Administrator]);
    let (approve_, reject_, publish_) = (approve(""), reject("改"), publish("https://a.cn/1"));
    let cases = [
        (Submitted, &approve_, &a, ReviewerIsAuthor),
        (Submitted, &reject_, &a, ReviewerIsAuthor),
        (Approved, &publish_, &a, PublisherIsAuthor),
        (Approved, &reject_, &a, PublisherIsAuthor),
        (Approved, &publish_, &b, PublisherIsReviewer),
        (Approved, &reject_, &b, PublisherIsReviewer),
    ];
    for (state, action, by, want) in cases {
        let got = transition(&facts(state), action, by);
        assert_eq!(got, Err(want), "{state:?} {action:?} by {}", by.person_id);
    }
    // The same people, each at their own step, get it through.
    let mut f = facts(Draft);
    for (action, by) in [
        (PostAction::Submit, &a),
        (approve("同意"), &b),
        (publish("https://a.cn/1"), &c),
    ] {
        let t = transition(&f, &action, by).unwrap();
        f.state = t.to;
        f.reviewer_id = t.reviewer_id;
    }
    assert_eq!(f.state, Published);
    assert_eq!(f.reviewer_id, Some(REVIEWER));
}

#[test]
fn approved_post_without_reviewer_is_not_published() {
    let mut f = facts(Approved);
    f.reviewer_id = None;
    assert_eq!(
        transition(&f, &publish("https://a.cn/1"), &admin()),
        Err(WorkflowError::ReviewerUnknown)
    );
}

#[test]
fn wrong_person_or_role_is_refused() {
    use Role::*;
    let (submit, edit, withdraw) = (PostAction::Submit, PostAction::Edit, PostAction::Withdraw);
    let (approve, reject, publish) = (approve(""), reject("改"), publish("https://a.cn/1"));
    let lacks = |needed: &'static [Role], action: &PostAction| {
        Err(WorkflowError::MissingRole {
            needed,
            action: action.step(),
        })
    };
    let not_author = |action: &PostAction| {
        Err(WorkflowError::NotAuthor {
            action: action.step(),
        })
    };
    let review = &REVIEWER_ROLES;
    let other_officer = actor(8, &[InfoOfficer]);
    let other_reviewer = actor(8, &[Reviewer]);
    let head = actor(HEAD, &[UnitHead]);
    // A person of another unit holds no role in this one.
    let outsider = actor(50, &[]);
    let cases = [
        // Submit, edit, withdraw: the author; submitting also needs the 信息员 role.
        (
            Draft,
            &submit,
            actor(AUTHOR, &[]),
            lacks(&[InfoOfficer], &submit),
        ),
        (Draft, &submit, other_officer.clone(), not_author(&submit)),
        (Draft, &edit, other_officer.clone(), not_author(&edit)),
        (Draft, &edit, reviewer(), not_author(&edit)),
        (Draft, &edit, actor(AUTHOR, &[]), Ok(Draft)),
        (Submitted, &withdraw, reviewer(), not_author(&withdraw)),
        (Submitted, &withdraw, admin(), not_author(&withdraw)),
        // Approve / reject at 待审核: 审核人 or 单位负责人 of the unit.
        (Submitted, &approve, head.clone(), Ok(Approved)),
        (Submitted, &reject, head.clone(), Ok(Returned)),
        (Submitted, &approve, admin(), lacks(review, &approve)),
        (Submitted, &approve, other_officer, lacks(review, &approve)),
        (
            Submitted,
            &approve,
            outsider.clone(),
            lacks(review, &approve),
        ),
        (Submitted, &reject, admin(), lacks(review, &reject)),
        // Publish / reject at 待发布: 管理员 of the unit.
        (Approved, &publish, head, lacks(&[Administrator], &publish)),
        (
            Approved,
            &publish,
            other_reviewer.clone(),
            lacks(&[Administrator], &publish),
        ),
        (
            Approved,
            &publish,
            outsider,
            lacks(&[Administrator], &publish),
        ),
        (
            Approved,
            &reject,
            other_reviewer,
            lacks(&[Administrator], &reject),
        ),
    ];
    for (state, action, by, want) in cases {
        let got = transition(&facts(state), action, &by).map(|t| t.to);
        assert_eq!(got, want, "{state:?} {action:?} by {by:?}");
    }
}

fn attribution(origin: Origin, author: &str, source: &str, editor: &str) -> Attribution {
    Attribution {
        origin,
        author_or_provider: author.into(),
        source_name: source.into(),
        source_link: String::new(),
        editor: editor.into(),
    }
}

#[test]
fn attribution_is_required_for_both_origins() {
    use Origin::*;
    let provider = AttributionPart::AuthorOrProvider;
    let cases = [
        (original(), Ok(())),
        (reprint(), Ok(())),
        (attribution(Original, "张明", "", "王芳"), Ok(())),
        // A reprint's link is optional.
        (attribution(Reprint, "", "新华社", "王芳"), Ok(())),
        (attribution(Original, " ", "", "王芳"), Err(vec![provider])),
        (
            attribution(Original, "张明", "", ""),
            Err(vec![AttributionPart::Editor]),
        ),
        (
            attribution(Original, "", "", "\t"),
            Err(vec![provider, AttributionPart::Editor]),
        ),
        // An original's source does not stand in for its author …
        (
            attribution(Original, "", "新华社", "王芳"),
            Err(vec![provider]),
        ),
        (
            attribution(Reprint, "", " ", "王芳"),
            Err(vec![AttributionPart::Source]),
        ),
        // … nor a reprint's author for its source.
        (
            attribution(Reprint, "张明", "", "王芳"),
            Err(vec![AttributionPart::Source]),
        ),
        (
            attribution(Reprint, "", "新华社", " "),
            Err(vec![AttributionPart::Editor]),
        ),
        (
            attribution(Reprint, "", "", ""),
            Err(vec![AttributionPart::Source, AttributionPart::Editor]),
        ),
    ];
    for (attribution, want) in cases {
        let origin = attribution.origin;
        let want = want.map_err(|missing| WorkflowError::AttributionMissing { origin, missing });
        assert_eq!(check_attribution(&attribution), want, "{attribution:?}");
        // Enforced at every forward step.
        for (state, action, by) in [
            (Draft, PostAction::Submit, author()),
            (Submitted, approve(""), reviewer()),
            (Approved, publish("https://a.cn/1"), admin()),
        ] {
            let mut f = facts(state);
            f.attribution = attribution.clone();
            let got = transition(&f, &action, &by).map(|_| ());
            assert_eq!(got, want, "{state:?} {attribution:?}");
        }
    }
    let missing = |origin, missing| WorkflowError::AttributionMissing { origin, missing };
    assert_eq!(
        missing(
            Reprint,
            vec![AttributionPart::Source, AttributionPart::Editor]
        )
        .to_string(),
        "转载内容需注明资料来源、编辑发布人（第六条四），请补填：资料来源、编辑发布人。"
    );
    assert_eq!(
        missing(Original, vec![provider]).to_string(),
        "原创内容需注明作者或信息、图片的提供者及编辑发布人（第六条四），\
         请补填：作者或信息、图片的提供者。"
    );
}

#[test]
fn reprint_source_link_if_given_must_be_an_address() {
    let bad = Attribution {
        source_link: "见公众号".into(),
        ..reprint()
    };
    assert_eq!(
        check_attribution(&bad),
        Err(WorkflowError::SourceLinkInvalid("见公众号".into()))
    );
    // An original's leftover source link is not its attribution and is not checked.
    let original_with_link = Attribution {
        source_link: "见公众号".into(),
        ..original()
    };
    assert_eq!(check_attribution(&original_with_link), Ok(()));
}

#[test]
fn internal_information_never_leaves_the_intranet() {
    for (state, action, by) in [
        (Draft, PostAction::Submit, author()),
        (Submitted, approve(""), reviewer()),
        (Approved, publish("https://a.cn/1"), admin()),
    ] {
        for (internal, intranet_only, allowed) in [
            (true, false, false),
            (true, true, true),
            (false, false, true),
            (false, true, true),
        ] {
            let mut f = facts(state);
            f.internal = internal;
            f.platform_intranet_only = intranet_only;
            let got = transition(&f, &action, &by).map(|_| ());
            let want = if allowed {
                Ok(())
            } else {
                Err(WorkflowError::InternalOnExternalPlatform {
                    action: action.step(),
                })
            };
            assert_eq!(
                got, want,
                "{state:?} internal={internal} intranet={intranet_only}"
            );
        }
    }
    // Sending it back or editing it stays possible, so the author can fix the flag.
    let mut f = facts(Approved);
    f.internal = true;
    assert!(transition(&f, &reject("内部信息，不宜上网"), &admin()).is_ok());
    f.state = Returned;
    assert!(transition(&f, &PostAction::Edit, &author()).is_ok());
}

#[test]
fn returning_needs_a_comment() {
    for comment in ["", "   ", "\n\t　"] {
        for (state, by) in [(Submitted, reviewer()), (Approved, admin())] {
            assert_eq!(
                transition(&facts(state), &reject(comment), &by),
                Err(WorkflowError::CommentRequired),
                "{state:?} {comment:?}"
            );
        }
    }
    let t = transition(
        &facts(Submitted),
        &reject(" 第二段数据需核实 "),
        &reviewer(),
    )
    .unwrap();
    assert_eq!(t.comment.as_deref(), Some("第二段数据需核实"));
}

#[test]
fn publish_link_must_be_an_address() {
    let publish_with =
        |link: &str| transition(&facts(Approved), &publish(link), &admin()).map(|t| t.publication);
    for link in [
        "https://xy.example.edu.cn/info/1001/2345.htm",
        "HTTP://10.1.2.3:8080/news?id=5#top",
        "http://intranet/notice/12",
        "https://mp.weixin.qq.com/s/AbC-123_x",
        "https://学院.中国/新闻",
    ] {
        assert!(publish_with(link).is_ok(), "{link}");
    }
    for link in ["", "   "] {
        assert_eq!(publish_with(link), Err(WorkflowError::LinkRequired));
    }
    for link in [
        "mp.weixin.qq.com/s/abc",
        "ftp://a.cn/x",
        "https://",
        "https:///path",
        "https://a b.cn/",
        "https://a.cn:port/",
        "https://a..cn/",
        "已发布在公众号",
    ] {
        let want = WorkflowError::LinkInvalid(link.into());
        assert_eq!(publish_with(link), Err(want), "{link}");
    }
}

#[test]
fn codes_round_trip_and_labels_are_distinct() {
    for s in PostState::ALL {
        assert_eq!(PostState::from_code(s.code()), Some(s));
        assert_eq!(s.to_string(), s.label());
    }
    for c in Category::ALL {
        assert_eq!(Category::from_code(c.code()), Some(c));
    }
    for o in Origin::ALL {
        assert_eq!(Origin::from_code(o.code()), Some(o));
    }
    assert_eq!(PostState::from_code("deleted"), None);
    let labels: std::collections::BTreeSet<_> = PostState::ALL.map(|s| s.label()).into();
    assert_eq!(labels.len(), 6);
    assert_eq!(
        Category::ALL.map(|c| c.label()),
        ["通知", "新闻", "公告", "党建"]
    );
    let codes: std::collections::BTreeSet<_> = all_actions().map(|a| a.code()).into();
    assert_eq!(codes.len(), 6);
}
