use super::*;
use crate::domain::workflow::{Attribution, Origin, PostState};

const UNIT: i64 = 1;
const OTHER_UNIT: i64 = 2;
const OFFICER: i64 = 14;
const REVIEWER: i64 = 12;

fn person(user: i64, person: i64, unit: i64, roles: &[Role]) -> Actor {
    Actor {
        user_id: user,
        person_id: Some(person),
        unit_id: Some(unit),
        roles: roles.to_vec(),
        system_admin: false,
        active: true,
    }
}

/// The people of the table, in its column order.
fn personas() -> Vec<(&'static str, Option<Actor>)> {
    let mut disabled = person(2, 10, UNIT, &Role::UNIT_ROLES);
    disabled.system_admin = true;
    disabled.roles.push(Role::SchoolSupervisor);
    disabled.active = false;
    vec![
        ("nobody", None),
        ("disabled", Some(disabled)),
        (
            "system admin",
            Some(Actor {
                user_id: 3,
                person_id: None,
                unit_id: None,
                roles: Vec::new(),
                system_admin: true,
                active: true,
            }),
        ),
        (
            "school supervisor",
            Some(Actor {
                user_id: 4,
                person_id: None,
                unit_id: None,
                roles: vec![Role::SchoolSupervisor],
                system_admin: false,
                active: true,
            }),
        ),
        ("unit head", Some(person(5, 11, UNIT, &[Role::UnitHead]))),
        (
            "reviewer",
            Some(person(6, REVIEWER, UNIT, &[Role::Reviewer])),
        ),
        (
            "administrator",
            Some(person(7, 13, UNIT, &[Role::Administrator])),
        ),
        (
            "info officer",
            Some(person(8, OFFICER, UNIT, &[Role::InfoOfficer])),
        ),
        (
            "other unit, every role",
            Some(person(9, 20, OTHER_UNIT, &Role::UNIT_ROLES)),
        ),
    ]
}

fn post(state: PostState) -> PostFacts {
    PostFacts {
        state,
        unit_id: UNIT,
        author_id: OFFICER,
        reviewer_id: (state == PostState::Approved).then_some(REVIEWER),
        attribution: Attribution {
            origin: Origin::Original,
            author_or_provider: "作者".into(),
            source_name: String::new(),
            source_link: String::new(),
            editor: "编辑".into(),
        },
        internal: false,
        platform_intranet_only: false,
    }
}

/// The post each post step is tried on: one where the step exists.
fn post_for(p: Permission) -> PostFacts {
    match p {
        Permission::EditPost | Permission::SubmitPost => post(PostState::Draft),
        Permission::PublishPost => post(PostState::Approved),
        _ => post(PostState::Submitted),
    }
}

#[test]
fn every_permission_against_every_role() {
    // Columns: nobody, disabled, system admin, school supervisor, unit head, reviewer,
    // administrator, info officer, another unit's person with every role.
    let table: [(Permission, &str); 27] = [
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
    assert_eq!(
        table.iter().map(|r| r.0).collect::<Vec<_>>(),
        Permission::ALL.to_vec(),
        "the table covers every permission, in order"
    );
    let people = personas();
    for (permission, expected) in table {
        let facts = post_for(permission);
        let target = if permission.is_post_step() {
            Target::Post(&facts)
        } else {
            match permission.who() {
                Who::SystemAdmin | Who::SystemAdminOrSchool => Target::School,
                _ => Target::Unit(UNIT),
            }
        };
        for ((name, actor), want) in people.iter().zip(expected.chars()) {
            let got = may(actor.as_ref(), permission, &target);
            assert_eq!(
                got.is_ok(),
                want == 'Y',
                "{permission:?} for {name}: {got:?}"
            );
        }
    }
}

#[test]
fn refusals_say_why() {
    let people = personas();
    let find = |name: &str| {
        people
            .iter()
            .find(|p| p.0 == name)
            .and_then(|p| p.1.clone())
    };
    assert_eq!(
        may(None, Permission::EditPlatform, &Target::Unit(UNIT)),
        Err(Refusal::NotSignedIn)
    );
    assert_eq!(
        may(
            find("disabled").as_ref(),
            Permission::EditSettings,
            &Target::School
        ),
        Err(Refusal::AccountDisabled)
    );
    // Another unit's administrator holds the role, but not here.
    assert_eq!(
        may(
            find("other unit, every role").as_ref(),
            Permission::ClosePlatform,
            &Target::Unit(UNIT)
        ),
        Err(Refusal::NotAllowed {
            permission: Permission::ClosePlatform,
            other_unit: true
        })
    );
    let message = may(
        find("info officer").as_ref(),
        Permission::ShutDownPlatform,
        &Target::Unit(UNIT),
    )
    .unwrap_err()
    .to_string();
    assert!(message.contains("关停平台"), "{message}");
    assert!(message.contains("学校督查人员"), "{message}");
    assert!(message.contains("第四条三"), "{message}");
    let message = may(
        find("other unit, every role").as_ref(),
        Permission::EditPlatform,
        &Target::Unit(UNIT),
    )
    .unwrap_err()
    .to_string();
    assert!(message.contains("其他单位"), "{message}");
}

#[test]
fn unit_rights_stay_at_home_even_for_the_school() {
    let supervisor = personas()[3].1.clone();
    // The school archives and shuts down, but does not register platforms or draft posts.
    for p in [
        Permission::EditPlatform,
        Permission::ClosePlatform,
        Permission::DraftPost,
    ] {
        assert!(may(supervisor.as_ref(), p, &Target::Unit(UNIT)).is_err());
    }
}

#[test]
fn one_person_with_every_role_still_cannot_take_two_steps() {
    let all = person(1, OFFICER, UNIT, &Role::UNIT_ROLES);
    let draft = post(PostState::Draft);
    assert_eq!(
        allowed_post_permissions(Some(&all), &draft),
        vec![Permission::EditPost, Permission::SubmitPost]
    );
    // Waiting for review: the author may withdraw, but not review or let it through.
    let submitted = post(PostState::Submitted);
    assert_eq!(
        allowed_post_permissions(Some(&all), &submitted),
        vec![Permission::WithdrawPost]
    );
    // Approved by someone else: the author may not publish (PublisherIsAuthor).
    let approved = post(PostState::Approved);
    assert!(allowed_post_permissions(Some(&all), &approved).is_empty());
    assert_eq!(
        may(
            Some(&all),
            Permission::PublishPost,
            &Target::Post(&approved)
        ),
        Err(Refusal::Workflow(WorkflowError::PublisherIsAuthor))
    );
}

#[test]
fn the_reviewer_who_approved_may_not_publish() {
    let both = person(1, REVIEWER, UNIT, &[Role::Reviewer, Role::Administrator]);
    let approved = post(PostState::Approved);
    assert_eq!(
        may(
            Some(&both),
            Permission::PublishPost,
            &Target::Post(&approved)
        ),
        Err(Refusal::Workflow(WorkflowError::PublisherIsReviewer))
    );
}

#[test]
fn published_posts_allow_nothing() {
    let published = post(PostState::Published);
    for (_, actor) in personas() {
        assert!(allowed_post_permissions(actor.as_ref(), &published).is_empty());
    }
}

#[test]
fn a_missing_attribution_does_not_hide_the_submit_button() {
    let officer = person(8, OFFICER, UNIT, &[Role::InfoOfficer]);
    let mut draft = post(PostState::Draft);
    draft.attribution.author_or_provider.clear();
    assert!(
        may(
            Some(&officer),
            Permission::SubmitPost,
            &Target::Post(&draft)
        )
        .is_ok()
    );
}
