//! 待办: what the signed-in person has to do, and by when, as one list sorted by urgency —
//! the first page after signing in and `mediadesk todo`.
//!
//! The list is decided here from facts the store reads (the supervision due list, the filing
//! records still moving, the posts of the person's queues); nothing is derived twice: the
//! deadlines are the supervision rules' ([`crate::domain::supervision`]), the queues are
//! 第七条三's ([`Queue`]), and who acts on what is [`Permission::who`].

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::audit::AuditEntry;
use super::filing::{FilingKind, FilingState};
use super::permissions::{Permission, Who};
use super::post::Queue;
use super::supervision::{DueItem, DueKind, PlatformRef, Urgency};
use super::unit::Role;
use super::workflow::PostState;

/// What is to be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "detail")]
pub enum TodoKind {
    /// An item of the supervision due list of the person's unit (第四条一 filing, 第四条二
    /// change report, 年审, 第六条二/四 updates, 第八条一 incidents, 第五条 training).
    Due(DueKind),
    /// 第四条一: a form printed (待签章), to be signed, stamped and marked 已报送.
    SendForm(FilingKind),
    /// 第四条一: a form handed in (已报送), for the school to archive (归档).
    ArchiveForm(FilingKind),
    /// 第七条三: a post returned to its author, with the reviewer's comment.
    Returned,
    /// 第七条三: the author's draft or withdrawn post, not submitted yet.
    Revise,
    /// 第七条三: a post of the unit waiting for this reviewer.
    Review,
    /// 第七条三: an approved post of the unit waiting for this administrator.
    Publish,
}

/// Where the person acts on an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "page", content = "id")]
pub enum TodoTarget {
    /// The 备案 page (print, 报送, 归档).
    Filings,
    /// A platform's history (its changes and their written reports, its updates).
    Platform(i64),
    /// A post's page.
    Post(i64),
    /// The 督查 page (items about a unit or a person, not one platform).
    Supervision,
}

/// One line of the to-do list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TodoItem {
    pub kind: TodoKind,
    /// The platform's or the post's name.
    pub title: String,
    /// The platform (or the post's platform) it concerns, as shown: 「微信公众号「…」」.
    pub platform: Option<PlatformRef>,
    /// The person a training item is about.
    pub person: Option<String>,
    /// The reviewer's 退回 comment and who wrote it (returned posts).
    pub comment: Option<ReturnNote>,
    pub due_on: Option<NaiveDate>,
    pub urgency: Urgency,
    pub target: TodoTarget,
}

/// The last 退回 of a post: who returned it, when, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReturnNote {
    pub by: String,
    pub at: NaiveDateTime,
    pub comment: String,
}

/// The signed-in person as the list sees them.
#[derive(Debug, Clone, Copy)]
pub struct Me<'a> {
    pub person_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub roles: &'a [Role],
}

/// A filing record still moving (待签章 or 已报送).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenForm {
    pub filing_id: i64,
    pub platform: PlatformRef,
    pub unit_id: i64,
    pub kind: FilingKind,
    pub state: FilingState,
    pub printed_on: NaiveDate,
}

/// A post of one of the person's queues, as the store's queue query returned it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedPost {
    pub id: i64,
    pub title: String,
    pub state: PostState,
    pub queue: Queue,
    pub platform: PlatformRef,
    /// 计划发布时间: the day it is due, when set.
    pub planned_at: Option<NaiveDateTime>,
    /// For a returned post: its last 退回.
    pub returned: Option<ReturnNote>,
}

/// What the list is made from.
#[derive(Debug, Clone, Copy)]
pub struct TodoFacts<'a> {
    pub today: NaiveDate,
    pub me: Me<'a>,
    /// The supervision due list (every unit's; only the person's own counts).
    pub due: &'a [DueItem],
    pub forms: &'a [OpenForm],
    pub posts: &'a [QueuedPost],
}

/// The permission whose holders act on a due item of their unit: the unit files and reports
/// its platforms (第四条一/二), keeps them updated (第六条二/四), reports its incidents
/// (第八条一) and records its staff's training (第五条).
fn acting_permission(kind: DueKind) -> Permission {
    match kind {
        DueKind::Filing | DueKind::AnnualReview => Permission::ReportFiling,
        DueKind::ChangeReport | DueKind::Verification => Permission::ReportChange,
        DueKind::IncidentUnreported | DueKind::IncidentReportedLate | DueKind::IncidentOpen => {
            Permission::RecordIncident
        }
        DueKind::Training => Permission::RecordTraining,
        DueKind::RectificationNotice
        | DueKind::PublicNotice
        | DueKind::ShutdownDecision
        | DueKind::PartyColumnMissing
        | DueKind::PartyPosts => Permission::RecordUpdate,
    }
}

/// Whether `me` holds `permission` for their own unit `unit_id` by their roles.
fn acts_in_unit(me: Me<'_>, unit_id: i64, permission: Permission) -> bool {
    let roles: &[Role] = match permission.who() {
        Who::Unit(r) | Who::UnitOrSchool(r) | Who::SystemAdminOrUnit(r) => r,
        _ => &[],
    };
    me.unit_id == Some(unit_id) && me.roles.iter().any(|r| roles.contains(r))
}

fn is_school(me: Me<'_>) -> bool {
    me.roles.contains(&Role::SchoolSupervisor)
}

/// The due item a printed form answers: the filing of a new platform, or its 年审.
fn answered_by(kind: FilingKind) -> DueKind {
    match kind {
        FilingKind::Initial => DueKind::Filing,
        FilingKind::Annual => DueKind::AnnualReview,
    }
}

/// 待办: everything `facts.me` has to do, most urgent first.
///
/// - The due items of the person's unit that their roles act on ([`acting_permission`]), and
///   a training item about the person themself.
/// - 第四条一: a form printed and not yet 已报送 replaces its platform's filing (or 年审)
///   item, keeping that item's deadline: the next step is to hand the form in.
/// - For a 学校督查人员: forms handed in, to archive.
/// - The posts of the person's queues (第七条三): returned ones with the comment, drafts,
///   to review, to publish; a post is due on its planned publishing day.
pub fn todo_items(facts: &TodoFacts<'_>) -> Vec<TodoItem> {
    let me = facts.me;
    let mut items = Vec::new();
    let waiting_forms: Vec<&OpenForm> = facts
        .forms
        .iter()
        .filter(|f| {
            f.state == FilingState::AwaitingSignature
                && acts_in_unit(me, f.unit_id, Permission::ReportFiling)
        })
        .collect();
    for due in facts.due {
        let about_me = due.kind == DueKind::Training
            && me.person_id.is_some()
            && due.person.as_ref().map(|p| p.id) == me.person_id;
        if !(about_me || acts_in_unit(me, due.unit.id, acting_permission(due.kind))) {
            continue;
        }
        let replaced = due.platform.as_ref().is_some_and(|p| {
            waiting_forms
                .iter()
                .any(|f| f.platform.id == p.id && answered_by(f.kind) == due.kind)
        });
        if replaced {
            continue;
        }
        let target = match (&due.platform, due.kind) {
            (_, DueKind::Filing | DueKind::AnnualReview) => TodoTarget::Filings,
            (Some(p), _) => TodoTarget::Platform(p.id),
            (None, _) => TodoTarget::Supervision,
        };
        items.push(TodoItem {
            kind: TodoKind::Due(due.kind),
            title: due
                .platform
                .as_ref()
                .map_or_else(|| due.unit.name.clone(), |p| p.name.clone()),
            platform: due.platform.clone(),
            person: due.person.as_ref().map(|p| p.name.clone()),
            comment: None,
            due_on: due.due_on,
            urgency: due.urgency,
            target,
        });
    }
    for form in &waiting_forms {
        let due_on = facts
            .due
            .iter()
            .find(|d| {
                d.kind == answered_by(form.kind)
                    && d.platform
                        .as_ref()
                        .is_some_and(|p| p.id == form.platform.id)
            })
            .and_then(|d| d.due_on);
        items.push(form_item(
            form,
            TodoKind::SendForm(form.kind),
            due_on,
            facts.today,
        ));
    }
    if is_school(me) {
        for form in facts
            .forms
            .iter()
            .filter(|f| f.state == FilingState::Submitted)
        {
            items.push(form_item(
                form,
                TodoKind::ArchiveForm(form.kind),
                None,
                facts.today,
            ));
        }
    }
    let queues = Queue::for_roles(me.roles);
    for post in facts.posts.iter().filter(|p| queues.contains(&p.queue)) {
        let kind = match post.queue {
            Queue::ToRevise if post.state == PostState::Returned => TodoKind::Returned,
            Queue::ToRevise => TodoKind::Revise,
            Queue::ToReview => TodoKind::Review,
            Queue::ToPublish => TodoKind::Publish,
        };
        let due_on = post.planned_at.map(|t| t.date());
        items.push(TodoItem {
            kind,
            title: post.title.clone(),
            platform: Some(post.platform.clone()),
            person: None,
            comment: post.returned.clone(),
            due_on,
            urgency: Urgency::of(due_on, facts.today),
            target: TodoTarget::Post(post.id),
        });
    }
    sort_todo(&mut items);
    items
}

fn form_item(
    form: &OpenForm,
    kind: TodoKind,
    due_on: Option<NaiveDate>,
    today: NaiveDate,
) -> TodoItem {
    TodoItem {
        kind,
        title: form.platform.name.clone(),
        platform: Some(form.platform.clone()),
        person: None,
        comment: None,
        due_on,
        urgency: Urgency::of(due_on, today),
        target: TodoTarget::Filings,
    }
}

/// The order within equal dates: what others wait for first (a returned post, a post to
/// review or publish), then the filing steps, then the rest of the due list.
fn kind_rank(kind: TodoKind) -> u8 {
    match kind {
        TodoKind::Returned => 0,
        TodoKind::Review => 1,
        TodoKind::Publish => 2,
        TodoKind::SendForm(_) => 3,
        TodoKind::ArchiveForm(_) => 4,
        TodoKind::Due(_) => 5,
        TodoKind::Revise => 6,
    }
}

/// Overdue first, then due today, then the soonest due, then the undated; within a day by
/// [`kind_rank`], then by title.
pub fn sort_todo(items: &mut [TodoItem]) {
    items.sort_by(|a, b| {
        (a.urgency, a.due_on, kind_rank(a.kind), &a.title).cmp(&(
            b.urgency,
            b.due_on,
            kind_rank(b.kind),
            &b.title,
        ))
    });
}

/// 第七条三: the last 退回 in a post's history (oldest first), shown at the top of the post
/// and on its row while the post is back with its author: the step into 已退回, not the
/// author's edits after it (their entries stay 已退回 → 已退回).
pub fn latest_return(history: &[AuditEntry]) -> Option<ReturnNote> {
    history
        .iter()
        .rev()
        .find(|e| e.to == PostState::Returned.code() && e.from != e.to)
        .map(|e| ReturnNote {
            by: e.actor.clone(),
            at: e.at,
            comment: e.comment.clone(),
        })
}

#[cfg(test)]
#[path = "todo_tests.rs"]
mod tests;
