use super::*;
use crate::domain::supervision::{Article, PersonRef, UnitRef};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-26";
const MY_UNIT: i64 = 1;
const OTHER_UNIT: i64 = 2;
const ME: i64 = 10;

fn platform(id: i64) -> PlatformRef {
    PlatformRef {
        id,
        name: format!("平台{id}"),
        kind_name: "微信公众号".into(),
    }
}

fn due(kind: DueKind, unit: i64, platform_id: Option<i64>, on: Option<&str>) -> DueItem {
    let due_on = on.map(d);
    DueItem {
        unit: UnitRef {
            id: unit,
            name: format!("单位{unit}"),
        },
        platform: platform_id.map(platform),
        person: None,
        record_id: None,
        kind,
        since: None,
        due_on,
        article: Article::Filing,
        urgency: Urgency::of(due_on, d(TODAY)),
        calendar_missing: None,
    }
}

fn training(person: i64, on: &str) -> DueItem {
    let mut item = due(DueKind::Training, MY_UNIT, None, Some(on));
    item.person = Some(PersonRef {
        id: person,
        name: format!("人员{person}"),
    });
    item
}

fn form(id: i64, platform_id: i64, unit: i64, kind: FilingKind, state: FilingState) -> OpenForm {
    OpenForm {
        filing_id: id,
        platform: platform(platform_id),
        unit_id: unit,
        kind,
        state,
        printed_on: d("2026-11-20"),
    }
}

fn post(id: i64, queue: Queue, state: PostState, planned: Option<&str>) -> QueuedPost {
    QueuedPost {
        id,
        title: format!("稿件{id}"),
        state,
        queue,
        platform: platform(7),
        planned_at: planned.map(|s| d(s).and_hms_opt(10, 0, 0).unwrap()),
        returned: (state == PostState::Returned).then(|| ReturnNote {
            by: "李珺（lijun）".into(),
            at: d("2026-11-25").and_hms_opt(9, 0, 0).unwrap(),
            comment: "请补充联系人电话。".into(),
        }),
    }
}

/// (kind, title, due date, target) of each item, in order.
type Row = (TodoKind, String, Option<NaiveDate>, TodoTarget);

fn rows(roles: &[Role], due: &[DueItem], forms: &[OpenForm], posts: &[QueuedPost]) -> Vec<Row> {
    todo_items(&TodoFacts {
        today: d(TODAY),
        me: Me {
            person_id: Some(ME),
            unit_id: Some(MY_UNIT),
            roles,
        },
        due,
        forms,
        posts,
    })
    .into_iter()
    .map(|i| (i.kind, i.title, i.due_on, i.target))
    .collect()
}

fn row(kind: TodoKind, title: &str, on: Option<&str>, target: TodoTarget) -> Row {
    (kind, title.into(), on.map(d), target)
}

#[test]
fn each_role_sees_what_it_acts_on() {
    use DueKind::*;
    use Role::*;
    let due = vec![
        due(Filing, MY_UNIT, Some(1), Some("2026-11-30")),
        due(ChangeReport, MY_UNIT, Some(2), Some("2026-11-24")),
        due(Filing, OTHER_UNIT, Some(3), Some("2026-11-20")),
        due(PartyPosts, MY_UNIT, Some(4), Some("2026-12-01")),
        training(ME, "2026-12-20"),
        training(99, "2026-12-10"),
    ];
    let posts = vec![
        post(21, Queue::ToRevise, PostState::Returned, None),
        post(
            22,
            Queue::ToReview,
            PostState::Submitted,
            Some("2026-11-26"),
        ),
        post(23, Queue::ToPublish, PostState::Approved, None),
        post(24, Queue::ToRevise, PostState::Draft, Some("2026-11-28")),
    ];
    let cases: Vec<(&[Role], Vec<Row>)> = vec![
        // 信息员: their posts and their own training; no filing of the unit. Dated first,
        // the undated (a returned post without a planned day) after.
        (
            &[InfoOfficer],
            vec![
                row(
                    TodoKind::Revise,
                    "稿件24",
                    Some("2026-11-28"),
                    TodoTarget::Post(24),
                ),
                row(
                    TodoKind::Due(Training),
                    "单位1",
                    Some("2026-12-20"),
                    TodoTarget::Supervision,
                ),
                row(TodoKind::Returned, "稿件21", None, TodoTarget::Post(21)),
            ],
        ),
        // 审核人: the post to review, due today.
        (
            &[Reviewer],
            vec![
                row(
                    TodoKind::Review,
                    "稿件22",
                    Some("2026-11-26"),
                    TodoTarget::Post(22),
                ),
                row(
                    TodoKind::Due(Training),
                    "单位1",
                    Some("2026-12-20"),
                    TodoTarget::Supervision,
                ),
            ],
        ),
        // 管理员: the unit's filings, change reports, updates and everyone's training; the
        // post to publish. Overdue first, then today, then by date, then the undated.
        (
            &[Administrator],
            vec![
                row(
                    TodoKind::Due(ChangeReport),
                    "平台2",
                    Some("2026-11-24"),
                    TodoTarget::Platform(2),
                ),
                row(
                    TodoKind::Due(Filing),
                    "平台1",
                    Some("2026-11-30"),
                    TodoTarget::Filings,
                ),
                row(
                    TodoKind::Due(PartyPosts),
                    "平台4",
                    Some("2026-12-01"),
                    TodoTarget::Platform(4),
                ),
                row(
                    TodoKind::Due(Training),
                    "单位1",
                    Some("2026-12-10"),
                    TodoTarget::Supervision,
                ),
                row(
                    TodoKind::Due(Training),
                    "单位1",
                    Some("2026-12-20"),
                    TodoTarget::Supervision,
                ),
                row(TodoKind::Publish, "稿件23", None, TodoTarget::Post(23)),
            ],
        ),
        // 学校督查人员 with no unit role: nothing of the unit, no posts.
        // (the test's person has a training due, which stays theirs).
        (
            &[SchoolSupervisor],
            vec![row(
                TodoKind::Due(Training),
                "单位1",
                Some("2026-12-20"),
                TodoTarget::Supervision,
            )],
        ),
        // No role at all: only what is about the person themself.
        (
            &[],
            vec![row(
                TodoKind::Due(Training),
                "单位1",
                Some("2026-12-20"),
                TodoTarget::Supervision,
            )],
        ),
    ];
    for (roles, want) in cases {
        let got = rows(roles, &due, &[], &posts);
        assert_eq!(got, want, "{roles:?}");
    }
}

/// What a case is about, the forms, the roles, and the rows wanted.
type FormCase = (&'static str, Vec<OpenForm>, &'static [Role], Vec<Row>);

#[test]
fn a_printed_form_replaces_its_filing_item_and_keeps_the_deadline() {
    use FilingKind::*;
    use FilingState::*;
    let due = vec![
        due(DueKind::Filing, MY_UNIT, Some(1), Some("2026-11-30")),
        due(DueKind::AnnualReview, MY_UNIT, Some(2), Some("2026-12-31")),
        due(DueKind::Filing, MY_UNIT, Some(3), Some("2026-11-27")),
    ];
    let cases: Vec<FormCase> = vec![
        (
            "nothing printed: the filings to do",
            vec![],
            &[Role::UnitHead],
            vec![
                row(
                    TodoKind::Due(DueKind::Filing),
                    "平台3",
                    Some("2026-11-27"),
                    TodoTarget::Filings,
                ),
                row(
                    TodoKind::Due(DueKind::Filing),
                    "平台1",
                    Some("2026-11-30"),
                    TodoTarget::Filings,
                ),
                row(
                    TodoKind::Due(DueKind::AnnualReview),
                    "平台2",
                    Some("2026-12-31"),
                    TodoTarget::Filings,
                ),
            ],
        ),
        (
            "printed: send the form by the filing's deadline; the annual form answers 年审 only",
            vec![
                form(50, 1, MY_UNIT, Initial, AwaitingSignature),
                form(51, 2, MY_UNIT, Annual, AwaitingSignature),
                form(52, 3, MY_UNIT, Annual, AwaitingSignature),
                form(53, 9, OTHER_UNIT, Initial, AwaitingSignature),
            ],
            &[Role::Administrator],
            vec![
                row(
                    TodoKind::Due(DueKind::Filing),
                    "平台3",
                    Some("2026-11-27"),
                    TodoTarget::Filings,
                ),
                row(
                    TodoKind::SendForm(Initial),
                    "平台1",
                    Some("2026-11-30"),
                    TodoTarget::Filings,
                ),
                row(
                    TodoKind::SendForm(Annual),
                    "平台2",
                    Some("2026-12-31"),
                    TodoTarget::Filings,
                ),
                row(
                    TodoKind::SendForm(Annual),
                    "平台3",
                    None,
                    TodoTarget::Filings,
                ),
            ],
        ),
        (
            "handed in: nothing left for the unit; archived forms never show",
            vec![
                form(50, 1, MY_UNIT, Initial, Submitted),
                form(51, 2, MY_UNIT, Annual, Archived),
            ],
            &[Role::Administrator],
            vec![
                row(
                    TodoKind::Due(DueKind::Filing),
                    "平台3",
                    Some("2026-11-27"),
                    TodoTarget::Filings,
                ),
                row(
                    TodoKind::Due(DueKind::Filing),
                    "平台1",
                    Some("2026-11-30"),
                    TodoTarget::Filings,
                ),
                row(
                    TodoKind::Due(DueKind::AnnualReview),
                    "平台2",
                    Some("2026-12-31"),
                    TodoTarget::Filings,
                ),
            ],
        ),
        (
            "the school archives what was handed in, of every unit",
            vec![
                form(50, 1, MY_UNIT, Initial, Submitted),
                form(53, 9, OTHER_UNIT, Annual, Submitted),
                form(54, 8, OTHER_UNIT, Annual, AwaitingSignature),
            ],
            &[Role::SchoolSupervisor],
            vec![
                row(
                    TodoKind::ArchiveForm(Initial),
                    "平台1",
                    None,
                    TodoTarget::Filings,
                ),
                row(
                    TodoKind::ArchiveForm(Annual),
                    "平台9",
                    None,
                    TodoTarget::Filings,
                ),
            ],
        ),
        (
            "an information officer neither files nor sends forms",
            vec![form(50, 1, MY_UNIT, Initial, AwaitingSignature)],
            &[Role::InfoOfficer],
            vec![],
        ),
    ];
    for (what, forms, roles, want) in cases {
        assert_eq!(rows(roles, &due, &forms, &[]), want, "{what}");
    }
}

/// The roles, and each post's kind, id and urgency wanted.
type PostCase = (&'static [Role], Vec<(TodoKind, i64, Urgency)>);

#[test]
fn posts_follow_the_queues_of_the_roles() {
    let posts = vec![
        post(1, Queue::ToRevise, PostState::Returned, Some("2026-11-20")),
        post(2, Queue::ToReview, PostState::Submitted, None),
        post(3, Queue::ToPublish, PostState::Approved, Some("2026-11-27")),
        post(4, Queue::ToRevise, PostState::Withdrawn, None),
    ];
    let cases: Vec<PostCase> = vec![
        (
            &[Role::InfoOfficer],
            vec![
                (TodoKind::Returned, 1, Urgency::Overdue),
                (TodoKind::Revise, 4, Urgency::Undated),
            ],
        ),
        (
            &[Role::UnitHead],
            vec![(TodoKind::Review, 2, Urgency::Undated)],
        ),
        (
            &[Role::Administrator, Role::Reviewer],
            vec![
                (TodoKind::Publish, 3, Urgency::Upcoming),
                (TodoKind::Review, 2, Urgency::Undated),
            ],
        ),
    ];
    for (roles, want) in cases {
        let got: Vec<(TodoKind, i64, Urgency)> = todo_items(&TodoFacts {
            today: d(TODAY),
            me: Me {
                person_id: Some(ME),
                unit_id: Some(MY_UNIT),
                roles,
            },
            due: &[],
            forms: &[],
            posts: &posts,
        })
        .into_iter()
        .map(|i| {
            let TodoTarget::Post(id) = i.target else {
                panic!("a post opens its page")
            };
            assert_eq!(i.comment.is_some(), i.kind == TodoKind::Returned);
            (i.kind, id, i.urgency)
        })
        .collect();
        assert_eq!(got, want, "{roles:?}");
    }
}

#[test]
fn the_latest_return_is_the_one_shown() {
    let entry = |seq: u64, to: &str, comment: &str| AuditEntry {
        from: if to == "returned" { "submitted" } else { "" }.into(),
        seq,
        at: d(TODAY).and_hms_opt(9, seq as u32, 0).unwrap(),
        actor: format!("人{seq}"),
        action: "x".into(),
        object: "post:1".into(),
        to: to.into(),
        comment: comment.into(),
        prev_hash: String::new(),
        hash: String::new(),
        seal: None,
    };
    let cases: Vec<(Vec<AuditEntry>, Option<&str>)> = vec![
        (vec![], None),
        (
            vec![entry(1, "draft", ""), entry(2, "submitted", "第 1 稿")],
            None,
        ),
        (
            vec![
                entry(1, "returned", "第一次退回"),
                entry(2, "submitted", "第 2 稿"),
                entry(3, "returned", "第二次退回"),
            ],
            Some("第二次退回"),
        ),
        // The author's edit after the return stays 已退回 → 已退回: not a return.
        (
            vec![entry(1, "returned", "请补充日期。"), {
                let mut edit = entry(2, "returned", "修改了正文");
                edit.from = "returned".into();
                edit
            }],
            Some("请补充日期。"),
        ),
    ];
    for (history, want) in cases {
        let got = latest_return(&history);
        assert_eq!(got.as_ref().map(|n| n.comment.as_str()), want);
    }
}
