//! Who may do what: one rule for every kind of write, decided by one pure function, [`may`],
//! that the store asks inside the transaction of every write. The window and the command line
//! only mirror it (buttons, messages); they are never the guard.
//!
//! Scope: the roles of a unit (信息员, 审核人, 管理员, 单位负责人) count only in the person's own
//! unit (第二条: a unit runs its own platforms; 第八条一: 谁开办、谁负责). The school-level
//! 学校督查人员 of 学校办公室（新闻中心）/党委宣传部 act across units for what the policy gives
//! the school (archiving filings, shutting platforms down). The 系统管理员 keeps the installation
//! (accounts, settings, word lists, the calendar) and is no step of any approval.

use serde::Serialize;

use crate::domain::unit::Role;
use crate::domain::workflow::{self, PostAction, PostFacts, Step, WorkflowError};

/// Every kind of write a person can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    /// Settings: the school's name, protected names, copy marks, deadlines, patterns.
    EditSettings,
    /// The screening word lists (第六条五) and the allow list.
    EditWordLists,
    /// The working-day calendar of a year (第四条一 counts in working days).
    ImportCalendar,
    /// The list of platform kinds (微信公众号, 微博, …).
    ManagePlatformKinds,
    /// Accounts: add, disable, reset passwords, grant the school-level role.
    ManageAccounts,
    /// Copying the whole database (it holds every unit's data and the password hashes).
    BackupDatabase,
    /// Creating or deleting a unit (第二条: units are set up by the school).
    ManageUnits,
    /// A unit's own details: party branch, head, secretary.
    EditUnit,
    /// A unit's people and their roles: who may review under 第七条三.
    ManagePeople,
    /// Registering a platform, and editing it (a reportable edit records a change, 第四条二).
    EditPlatform,
    /// Printing the filing form and recording it as 待签章 (第四条一).
    PrintFiling,
    /// Marking a filing 已报送, attaching its signed scan.
    ReportFiling,
    /// Archiving a filing as 已备案 with its number: the news center's act (第四条一).
    ArchiveFiling,
    /// Marking a change report 已报送 (第四条二).
    ReportChange,
    /// 停止运营: the unit stops a platform and reports it in writing (第四条二).
    ClosePlatform,
    /// 关停: the school shuts a platform down (第四条三, 第六条四, 第八条二).
    ShutDownPlatform,
    /// Starting a post (第七条三: the 信息员 drafts).
    DraftPost,
    /// Editing one's own draft, adding or removing its attachments.
    EditPost,
    /// 提交审核 after the first review.
    SubmitPost,
    /// 撤回 before review.
    WithdrawPost,
    /// 审核通过 or 退回 at the second step.
    ReviewPost,
    /// 发布 or 退回 at the third step.
    PublishPost,
    /// Letting a draft through despite blocking screening findings, with a reason.
    OverrideScreening,
    /// Recording an update made in the platform's own back office, or importing its publishing
    /// history (第六条四 counts them), and its party-building column (第六条二).
    RecordUpdate,
    /// Issuing a notice of the inactivity ladder (整改通知书, 通报, 关停决定): the school's act
    /// (第六条四).
    IssueNotice,
    /// Recording a security incident, its report and its handling (第八条一).
    RecordIncident,
    /// Recording a training session and who attended (第五条).
    RecordTraining,
}

impl Permission {
    pub const ALL: [Permission; 27] = [
        Self::EditSettings,
        Self::EditWordLists,
        Self::ImportCalendar,
        Self::ManagePlatformKinds,
        Self::ManageAccounts,
        Self::BackupDatabase,
        Self::ManageUnits,
        Self::EditUnit,
        Self::ManagePeople,
        Self::EditPlatform,
        Self::PrintFiling,
        Self::ReportFiling,
        Self::ArchiveFiling,
        Self::ReportChange,
        Self::ClosePlatform,
        Self::ShutDownPlatform,
        Self::DraftPost,
        Self::EditPost,
        Self::SubmitPost,
        Self::WithdrawPost,
        Self::ReviewPost,
        Self::PublishPost,
        Self::OverrideScreening,
        Self::RecordUpdate,
        Self::IssueNotice,
        Self::RecordIncident,
        Self::RecordTraining,
    ];

    /// Whether the permission acts on a post (its target is [`Target::Post`]).
    pub fn is_post_step(self) -> bool {
        matches!(
            self,
            Self::EditPost
                | Self::SubmitPost
                | Self::WithdrawPost
                | Self::ReviewPost
                | Self::PublishPost
                | Self::OverrideScreening
        )
    }

    /// The rule behind the permission, for messages and the README's table.
    pub fn who(self) -> Who {
        use Permission::*;
        match self {
            EditSettings | EditWordLists | ImportCalendar | ManagePlatformKinds
            | ManageAccounts | BackupDatabase => Who::SystemAdmin,
            ManageUnits => Who::SystemAdminOrSchool,
            EditUnit | ManagePeople => Who::SystemAdminOrUnit(&[Role::UnitHead]),
            EditPlatform | ReportFiling | ReportChange | ClosePlatform => {
                Who::Unit(&[Role::Administrator, Role::UnitHead])
            }
            // The school prints the annual review of every unit at once (年审).
            PrintFiling => Who::UnitOrSchool(&[Role::Administrator, Role::UnitHead]),
            ArchiveFiling | ShutDownPlatform => Who::School,
            DraftPost => Who::Unit(&[Role::InfoOfficer]),
            EditPost | SubmitPost | WithdrawPost => Who::Author,
            ReviewPost | OverrideScreening => Who::UnitNotAuthor(&workflow::REVIEWER_ROLES),
            PublishPost => Who::UnitNotAuthorOrReviewer(&[Role::Administrator]),
            // 第六条四: the unit keeps its platform updated and records what it published
            // elsewhere; 第六条二: the unit sets up its party-building column.
            RecordUpdate => Who::Unit(&[Role::Administrator, Role::UnitHead]),
            // 第六条四: the rectification notice, the public notice and the shutdown are the
            // school's (学校办公室（新闻中心）/党委宣传部), never the unit's own.
            IssueNotice => Who::School,
            // 第八条一: 谁开办、谁负责 — the unit running the platform reports its incidents.
            RecordIncident => Who::Unit(&[Role::Administrator, Role::UnitHead]),
            // 第五条: the school organises training; a unit may record what its staff attended.
            RecordTraining => Who::UnitOrSchool(&[Role::Administrator, Role::UnitHead]),
        }
    }
}

/// Who holds a permission, as the rule says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// The 系统管理员 only.
    SystemAdmin,
    /// The 系统管理员 or a 学校督查人员.
    SystemAdminOrSchool,
    /// The 系统管理员, or one of these roles of the target's unit.
    SystemAdminOrUnit(&'static [Role]),
    /// A 学校督查人员 (学校办公室（新闻中心）/党委宣传部).
    School,
    /// One of these roles of the target's unit.
    Unit(&'static [Role]),
    /// One of these roles of the target's unit, or a 学校督查人员.
    UnitOrSchool(&'static [Role]),
    /// The post's author (its 信息员).
    Author,
    /// One of these roles of the post's unit, not its author.
    UnitNotAuthor(&'static [Role]),
    /// One of these roles of the post's unit, neither its author nor its reviewer.
    UnitNotAuthorOrReviewer(&'static [Role]),
}

/// The signed-in person as the rules see them, read inside the write's transaction, so a role
/// taken away or an account disabled counts at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub user_id: i64,
    /// The person whose unit roles the account acts with; `None` for an account of the
    /// system administrator or of school staff who are none of the units' people.
    pub person_id: Option<i64>,
    /// The person's unit.
    pub unit_id: Option<i64>,
    /// The person's roles in their unit, plus [`Role::SchoolSupervisor`] for school staff.
    pub roles: Vec<Role>,
    pub system_admin: bool,
    pub active: bool,
}

impl Actor {
    /// Whether the actor holds one of `roles` in `unit_id` (unit roles count only at home).
    pub fn has_role_in(&self, unit_id: i64, roles: &[Role]) -> bool {
        self.unit_id == Some(unit_id) && self.roles.iter().any(|r| roles.contains(r))
    }

    pub fn is_school_supervisor(&self) -> bool {
        self.roles.contains(&Role::SchoolSupervisor)
    }

    /// The workflow's view of the actor on a post of `unit_id`.
    pub fn in_unit(&self, unit_id: i64) -> Option<workflow::Actor> {
        let person_id = self.person_id?;
        let roles_in_unit = if self.unit_id == Some(unit_id) {
            self.roles
                .iter()
                .copied()
                .filter(|r| r.is_unit_role())
                .collect()
        } else {
            Vec::new()
        };
        Some(workflow::Actor {
            person_id,
            roles_in_unit,
        })
    }
}

/// What a write acts on.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// The installation or the whole school (settings, lists, accounts, units).
    School,
    /// Something of one unit: the unit itself, its people, its platforms and their records.
    Unit(i64),
    /// A post of a unit, with what the workflow needs to know about it.
    Post(&'a PostFacts),
}

/// Why a write is refused: names what is not allowed and who may do it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Nobody is signed in (第八条一: every write is someone's).
    NotSignedIn,
    /// The account has been disabled.
    AccountDisabled,
    /// The actor lacks the right.
    NotAllowed {
        permission: Permission,
        /// Set when the actor holds the role, but in another unit.
        other_unit: bool,
    },
    /// A post step the workflow refuses for who the actor is (author, roles, separation).
    Workflow(WorkflowError),
}

/// 第八条一 and the articles named on each [`Permission`]: whether `actor` (or nobody) may do
/// `permission` to `target`. Pure: the store asks it inside the write's transaction with the
/// actor as read there.
pub fn may(
    actor: Option<&Actor>,
    permission: Permission,
    target: &Target<'_>,
) -> Result<(), Refusal> {
    let actor = actor.ok_or(Refusal::NotSignedIn)?;
    if !actor.active {
        return Err(Refusal::AccountDisabled);
    }
    let refuse = |other_unit| Refusal::NotAllowed {
        permission,
        other_unit,
    };
    let unit_of_target = match target {
        Target::School => None,
        Target::Unit(id) => Some(*id),
        Target::Post(facts) => Some(facts.unit_id),
    };
    // A unit role held, but in another unit than the target's.
    let elsewhere = |roles: &[Role]| {
        actor.unit_id.is_some()
            && actor.unit_id != unit_of_target
            && actor.roles.iter().any(|r| roles.contains(r))
    };
    let in_target_unit = |roles: &[Role]| match unit_of_target {
        Some(unit) => actor.has_role_in(unit, roles),
        None => false,
    };
    match permission.who() {
        Who::SystemAdmin => actor.system_admin.then_some(()).ok_or(refuse(false)),
        Who::SystemAdminOrSchool => (actor.system_admin || actor.is_school_supervisor())
            .then_some(())
            .ok_or(refuse(false)),
        Who::School => actor
            .is_school_supervisor()
            .then_some(())
            .ok_or(refuse(false)),
        Who::SystemAdminOrUnit(roles) => {
            if actor.system_admin || in_target_unit(roles) {
                Ok(())
            } else {
                Err(refuse(elsewhere(roles)))
            }
        }
        Who::Unit(roles) => {
            if in_target_unit(roles) {
                Ok(())
            } else {
                Err(refuse(elsewhere(roles)))
            }
        }
        Who::UnitOrSchool(roles) => {
            if in_target_unit(roles) || actor.is_school_supervisor() {
                Ok(())
            } else {
                Err(refuse(elsewhere(roles)))
            }
        }
        Who::Author | Who::UnitNotAuthor(_) | Who::UnitNotAuthorOrReviewer(_) => {
            let Target::Post(facts) = target else {
                return Err(refuse(false));
            };
            post_step_allowed(actor, permission, facts)
        }
    }
}

/// The post steps are decided by the workflow itself (第七条三), asked with a stand-in for the
/// step's arguments, so this rule and the step can never disagree. Only refusals about who
/// acts count here; a missing comment or attribution is the step's own business.
fn post_step_allowed(
    actor: &Actor,
    permission: Permission,
    facts: &PostFacts,
) -> Result<(), Refusal> {
    let Some(wf_actor) = actor.in_unit(facts.unit_id) else {
        return Err(Refusal::NotAllowed {
            permission,
            other_unit: false,
        });
    };
    let candidates: Vec<PostAction> = match permission {
        Permission::EditPost => vec![PostAction::Edit],
        Permission::SubmitPost => vec![PostAction::Submit],
        Permission::WithdrawPost => vec![PostAction::Withdraw],
        Permission::ReviewPost => vec![stand_in::approve(), stand_in::reject()],
        Permission::PublishPost => vec![stand_in::publish(), stand_in::reject()],
        Permission::OverrideScreening => return override_allowed(&wf_actor, facts),
        _ => Vec::new(),
    };
    let mut first_refusal = None;
    for action in &candidates {
        // The reject of the third step belongs to PublishPost, of the second to ReviewPost.
        let step_matches = match (permission, action, facts.state) {
            (Permission::ReviewPost, PostAction::Reject { .. }, s) => {
                s == workflow::PostState::Submitted
            }
            (Permission::PublishPost, PostAction::Reject { .. }, s) => {
                s == workflow::PostState::Approved
            }
            _ => true,
        };
        if !step_matches {
            continue;
        }
        match workflow::transition(facts, action, &wf_actor) {
            Ok(_) => return Ok(()),
            Err(e) if !e.is_refusal() => return Ok(()),
            Err(e) => {
                first_refusal.get_or_insert(e);
            }
        }
    }
    Err(first_refusal.map(Refusal::Workflow).unwrap_or_else(|| {
        Refusal::Workflow(WorkflowError::NotAllowedInState {
            state: facts.state,
            action: candidates.first().map_or(Step::Edit, PostAction::step),
        })
    }))
}

/// 第六条五 / 第八条二: a 审核人 or the unit head of the post's unit, not its author, lets the text
/// through while the post is still before review (with its author, or waiting for review).
pub fn override_allowed(actor: &workflow::Actor, facts: &PostFacts) -> Result<(), Refusal> {
    if !(facts.state.is_with_author() || facts.state == workflow::PostState::Submitted) {
        return Err(Refusal::Workflow(WorkflowError::NotAllowedInState {
            state: facts.state,
            action: Step::OverrideScreening,
        }));
    }
    if !actor
        .roles_in_unit
        .iter()
        .any(|r| workflow::REVIEWER_ROLES.contains(r))
    {
        return Err(Refusal::NotAllowed {
            permission: Permission::OverrideScreening,
            other_unit: false,
        });
    }
    if actor.person_id == facts.author_id {
        return Err(Refusal::Workflow(WorkflowError::ReviewerIsAuthor));
    }
    Ok(())
}

/// Arguments that satisfy a step's own checks, for asking the workflow who may take it.
mod stand_in {
    use crate::domain::workflow::PostAction;

    pub(super) fn approve() -> PostAction {
        PostAction::Approve {
            comment: String::new(),
        }
    }

    pub(super) fn reject() -> PostAction {
        PostAction::Reject {
            comment: "-".to_owned(),
        }
    }

    pub(super) fn publish() -> PostAction {
        PostAction::Publish {
            link: "https://example.edu.cn/".to_owned(),
            at: chrono::NaiveDateTime::MIN,
        }
    }
}

/// The permission a post step needs: a return at the second step is the reviewer's, at the
/// third the publisher's.
pub fn permission_for(action: &PostAction, state: workflow::PostState) -> Permission {
    match action {
        PostAction::Edit => Permission::EditPost,
        PostAction::Submit => Permission::SubmitPost,
        PostAction::Withdraw => Permission::WithdrawPost,
        PostAction::Approve { .. } => Permission::ReviewPost,
        PostAction::Publish { .. } => Permission::PublishPost,
        PostAction::Reject { .. } if state == workflow::PostState::Approved => {
            Permission::PublishPost
        }
        PostAction::Reject { .. } => Permission::ReviewPost,
    }
}

/// The post steps a person may take next, in the order the page shows them: one function
/// for the post page, the queues and the command line, built by asking [`may`].
pub fn allowed_post_permissions(actor: Option<&Actor>, facts: &PostFacts) -> Vec<Permission> {
    [
        Permission::EditPost,
        Permission::SubmitPost,
        Permission::WithdrawPost,
        Permission::ReviewPost,
        Permission::PublishPost,
        Permission::OverrideScreening,
    ]
    .into_iter()
    .filter(|p| may(actor, *p, &Target::Post(facts)).is_ok())
    .collect()
}

#[cfg(test)]
#[path = "permissions_tests.rs"]
mod tests;
