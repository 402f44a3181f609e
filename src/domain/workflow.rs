//! The three-step publishing approval of a post (第七条三): the 信息员 drafts, a 审核人 reviews,
//! a 管理员 confirms and publishes — three different people — with the attribution (第六条四)
//! and internal-information (第六条三) rules checked at every forward step.
//!
//! - 草稿 / 退回 / 撤回 → 待审核: 提交, by the author (an 信息员); 编辑 there keeps the state.
//! - 待审核 → 待发布: 审核通过, by a 审核人 or 单位负责人; → 退回 by them, with a comment;
//!   → 撤回 by the author.
//! - 待发布 → 已发布: 发布, by a 管理员, with the link and time; → 退回 by them, with a comment.
//! - 已发布 is final.
//!
//! `transition` is pure: it answers whether `actor` may do `action` to a post in the given
//! facts, and what the post looks like afterwards; the store applies it and writes the audit
//! entry in one transaction.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::domain::unit::Role;

/// Where a post stands in the approval. 撤回 is its own state rather than a return to 草稿,
/// so that the list and the audit chain show the author pulled the post back; it behaves
/// like 草稿 (the author may edit and submit it again).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostState {
    /// 草稿: the 信息员 is writing (编辑初审 not yet done).
    Draft,
    /// 待审核: submitted after the first review, waiting for a 审核人.
    Submitted,
    /// 待发布: approved, waiting for the 管理员's final confirmation.
    Approved,
    /// 已发布: online; no further step.
    Published,
    /// 退回: sent back to the author with a comment.
    Returned,
    /// 撤回: pulled back by the author before review.
    Withdrawn,
}

impl PostState {
    pub const ALL: [PostState; 6] = [
        Self::Draft,
        Self::Submitted,
        Self::Approved,
        Self::Published,
        Self::Returned,
        Self::Withdrawn,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Approved => "approved",
            Self::Published => "published",
            Self::Returned => "returned",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The states in which the author holds the pen: editing and submitting happen only here.
    pub fn is_with_author(self) -> bool {
        matches!(self, Self::Draft | Self::Returned | Self::Withdrawn)
    }
}

/// 第六条一 / 第六条二: what may be published — notices, news, announcements, and the
/// party-building column every platform must keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 通知类: school-wide or departmental meetings and activities (第六条一 1).
    Notice,
    /// 新闻类: teaching, research, discipline building, … alumni (第六条一 2).
    News,
    /// 公告类: admissions, employment, recruitment, awards, academic events (第六条一 3).
    Announcement,
    /// 党建专栏: theory, policies, model party members (第六条二).
    PartyBuilding,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Self::Notice,
        Self::News,
        Self::Announcement,
        Self::PartyBuilding,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Notice => "notice",
            Self::News => "news",
            Self::Announcement => "announcement",
            Self::PartyBuilding => "party_building",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// 第六条四: originals and reprints carry different attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// 原创: names its author or the provider of the information or pictures.
    Original,
    /// 转载: names its source (资料来源).
    Reprint,
}

impl Origin {
    pub const ALL: [Origin; 2] = [Self::Original, Self::Reprint];

    pub fn code(self) -> &'static str {
        match self {
            Self::Original => "original",
            Self::Reprint => "reprint",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// The attribution lines a post must show (第六条四). Blank strings mean "not filled in".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    pub origin: Origin,
    /// 作者或信息、图片的提供者 (originals).
    #[serde(default)]
    pub author_or_provider: String,
    /// 资料来源 (reprints): the name of the source.
    #[serde(default)]
    pub source_name: String,
    /// 资料来源链接 (reprints, if the source is online).
    #[serde(default)]
    pub source_link: String,
    /// 编辑发布人 (both).
    #[serde(default)]
    pub editor: String,
}

/// What `transition` needs to know about a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostFacts {
    pub state: PostState,
    pub unit_id: i64,
    /// The 信息员 who drafted it.
    pub author_id: i64,
    /// The 审核人 who approved it (set in 待发布 and 已发布).
    pub reviewer_id: Option<i64>,
    pub attribution: Attribution,
    /// 内部信息 (第六条三): internal notices, circulars, reports, confidential material.
    pub internal: bool,
    /// Whether the target platform is reachable only on the campus intranet.
    pub platform_intranet_only: bool,
}

/// Who is acting. `roles_in_unit` are the roles the person holds in the post's unit: the caller
/// passes an empty list for a person of another unit, so "of the unit" is checked here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub person_id: i64,
    pub roles_in_unit: Vec<Role>,
}

impl Actor {
    fn has_any(&self, roles: &[Role]) -> bool {
        self.roles_in_unit.iter().any(|r| roles.contains(r))
    }
}

/// What someone does to a post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostAction {
    /// 提交审核: the author has done the first review (编辑初审) and hands it on.
    Submit,
    /// 审核通过, with an optional comment.
    Approve { comment: String },
    /// 退回, with a required comment saying what to change.
    Reject { comment: String },
    /// 发布: the 管理员 confirms and records where and when it went online.
    Publish { link: String, at: NaiveDateTime },
    /// 撤回: the author pulls a post back before it is reviewed.
    Withdraw,
    /// 编辑: the author changes the text (the revision itself is stored elsewhere).
    Edit,
}

/// A step by name, without its arguments: what a refusal says could not be done. Worded
/// (「提交审核」) in `text::workflow`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    Submit,
    Approve,
    Reject,
    Publish,
    Withdraw,
    Edit,
    /// 第六条五 / 第八条二: a 审核人 lets a screened text through (`domain::permissions`).
    OverrideScreening,
}

impl PostAction {
    /// The step this action takes.
    pub fn step(&self) -> Step {
        match self {
            Self::Submit => Step::Submit,
            Self::Approve { .. } => Step::Approve,
            Self::Reject { .. } => Step::Reject,
            Self::Publish { .. } => Step::Publish,
            Self::Withdraw => Step::Withdraw,
            Self::Edit => Step::Edit,
        }
    }

    /// Stable name for the audit chain and the database.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Approve { .. } => "approve",
            Self::Reject { .. } => "reject",
            Self::Publish { .. } => "publish",
            Self::Withdraw => "withdraw",
            Self::Edit => "edit",
        }
    }
}

/// Where and when a post went online, and who put it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    pub link: String,
    pub at: NaiveDateTime,
    pub publisher_id: i64,
}

/// The outcome of an allowed step: the post's new state and the fields the store writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub from: PostState,
    pub to: PostState,
    pub actor_id: i64,
    /// The trimmed comment, or `None` when none was given.
    pub comment: Option<String>,
    /// The post's reviewer after the step: the approver after 审核通过, cleared whenever the
    /// post goes back to the author (a resubmission needs a fresh review).
    pub reviewer_id: Option<i64>,
    /// Set by 发布 only.
    pub publication: Option<Publication>,
}

/// Why a step is refused. Each message (in `text::workflow`) says what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkflowError {
    NotAllowedInState {
        state: PostState,
        action: Step,
    },
    NotAuthor {
        action: Step,
    },
    /// The actor holds none of `needed` in the post's unit.
    MissingRole {
        needed: &'static [Role],
        action: Step,
    },
    ReviewerIsAuthor,
    PublisherIsAuthor,
    PublisherIsReviewer,
    ReviewerUnknown,
    CommentRequired,
    LinkRequired,
    LinkInvalid(String),
    AttributionMissing {
        origin: Origin,
        missing: Vec<AttributionPart>,
    },
    SourceLinkInvalid(String),
    InternalOnExternalPlatform {
        action: Step,
    },
}

/// 第六条四: a line of the attribution a post must show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AttributionPart {
    /// 资料来源 (reprints).
    Source,
    /// 作者或信息、图片的提供者 (originals).
    AuthorOrProvider,
    /// 编辑发布人 (both).
    Editor,
}

impl WorkflowError {
    /// Whether the error says the step is not this person's to take (or not now), rather
    /// than asking for something to be filled in: the first kind hides a button, the second
    /// is shown when the button is pressed.
    pub fn is_refusal(&self) -> bool {
        match self {
            Self::NotAllowedInState { .. }
            | Self::NotAuthor { .. }
            | Self::MissingRole { .. }
            | Self::ReviewerIsAuthor
            | Self::PublisherIsAuthor
            | Self::PublisherIsReviewer
            | Self::ReviewerUnknown => true,
            Self::CommentRequired
            | Self::LinkRequired
            | Self::LinkInvalid(_)
            | Self::AttributionMissing { .. }
            | Self::SourceLinkInvalid(_)
            | Self::InternalOnExternalPlatform { .. } => false,
        }
    }
}

/// 第七条三: who may review — the party-branch committee member in charge of informatisation
/// (审核人) or the unit head (单位负责人).
pub const REVIEWER_ROLES: [Role; 2] = [Role::Reviewer, Role::UnitHead];

/// Decides whether `actor` may do `action` to the post described by `facts`, and returns the
/// post's new state and fields. Checks run in a fixed order — state, person and role,
/// separation of duties, then content — so a refusal names the first thing to fix.
pub fn transition(
    facts: &PostFacts,
    action: &PostAction,
    actor: &Actor,
) -> Result<Transition, WorkflowError> {
    use PostState::*;
    let from = facts.state;
    let refuse = || WorkflowError::NotAllowedInState {
        state: from,
        action: action.step(),
    };
    let base = Transition {
        from,
        to: from,
        actor_id: actor.person_id,
        comment: None,
        reviewer_id: facts.reviewer_id,
        publication: None,
    };
    match (from, action) {
        (Draft | Returned | Withdrawn, PostAction::Submit) => {
            check_author(facts, actor, action)?;
            if !actor.has_any(&[Role::InfoOfficer]) {
                return Err(WorkflowError::MissingRole {
                    needed: &[Role::InfoOfficer],
                    action: action.step(),
                });
            }
            check_content(facts, action)?;
            Ok(Transition {
                to: Submitted,
                reviewer_id: None,
                ..base
            })
        }
        (Draft | Returned | Withdrawn, PostAction::Edit) => {
            check_author(facts, actor, action)?;
            Ok(base)
        }
        (Submitted, PostAction::Withdraw) => {
            check_author(facts, actor, action)?;
            Ok(Transition {
                to: Withdrawn,
                reviewer_id: None,
                ..base
            })
        }
        (Submitted, PostAction::Approve { comment }) => {
            check_reviewer(facts, actor, action)?;
            check_content(facts, action)?;
            Ok(Transition {
                to: Approved,
                comment: non_blank(comment),
                reviewer_id: Some(actor.person_id),
                ..base
            })
        }
        (Submitted, PostAction::Reject { comment }) => {
            check_reviewer(facts, actor, action)?;
            let comment = required_comment(comment)?;
            Ok(Transition {
                to: Returned,
                comment: Some(comment),
                reviewer_id: None,
                ..base
            })
        }
        (Approved, PostAction::Publish { link, at }) => {
            check_publisher(facts, actor, action)?;
            check_content(facts, action)?;
            let link = publish_link(link)?;
            Ok(Transition {
                to: Published,
                publication: Some(Publication {
                    link,
                    at: *at,
                    publisher_id: actor.person_id,
                }),
                ..base
            })
        }
        (Approved, PostAction::Reject { comment }) => {
            check_publisher(facts, actor, action)?;
            let comment = required_comment(comment)?;
            Ok(Transition {
                to: Returned,
                comment: Some(comment),
                reviewer_id: None,
                ..base
            })
        }
        _ => Err(refuse()),
    }
}

/// 第七条三: drafting, editing, submitting and withdrawing belong to the 信息员 who wrote it.
fn check_author(
    facts: &PostFacts,
    actor: &Actor,
    action: &PostAction,
) -> Result<(), WorkflowError> {
    if actor.person_id == facts.author_id {
        Ok(())
    } else {
        Err(WorkflowError::NotAuthor {
            action: action.step(),
        })
    }
}

/// 第七条三: the second step is a 审核人 or the unit head of the post's unit, never its author.
fn check_reviewer(
    facts: &PostFacts,
    actor: &Actor,
    action: &PostAction,
) -> Result<(), WorkflowError> {
    if !actor.has_any(&REVIEWER_ROLES) {
        return Err(WorkflowError::MissingRole {
            needed: &REVIEWER_ROLES,
            action: action.step(),
        });
    }
    if actor.person_id == facts.author_id {
        return Err(WorkflowError::ReviewerIsAuthor);
    }
    Ok(())
}

/// 第七条三 / 第五条: the last step is a 管理员 of the unit who is neither the author nor the
/// approver, even when one person holds several roles. Returning a post at this step is the
/// same confirmation, so the same rule applies.
fn check_publisher(
    facts: &PostFacts,
    actor: &Actor,
    action: &PostAction,
) -> Result<(), WorkflowError> {
    if !actor.has_any(&[Role::Administrator]) {
        return Err(WorkflowError::MissingRole {
            needed: &[Role::Administrator],
            action: action.step(),
        });
    }
    if actor.person_id == facts.author_id {
        return Err(WorkflowError::PublisherIsAuthor);
    }
    match facts.reviewer_id {
        None => Err(WorkflowError::ReviewerUnknown),
        Some(reviewer) if reviewer == actor.person_id => Err(WorkflowError::PublisherIsReviewer),
        Some(_) => Ok(()),
    }
}

/// The content rules that hold at every forward step (submit, approve, publish): the
/// administrator verifies the source of every item (第六条四), and nothing internal goes
/// onto an external network (第六条三).
fn check_content(facts: &PostFacts, action: &PostAction) -> Result<(), WorkflowError> {
    check_internal_stays_inside(facts, action)?;
    check_attribution(&facts.attribution)
}

/// 第六条三: internal information never goes onto a platform reachable from outside.
pub fn check_internal_stays_inside(
    facts: &PostFacts,
    action: &PostAction,
) -> Result<(), WorkflowError> {
    if facts.internal && !facts.platform_intranet_only {
        Err(WorkflowError::InternalOnExternalPlatform {
            action: action.step(),
        })
    } else {
        Ok(())
    }
}

/// 第六条四: a reprint names its source and its editor/publisher; an original names its author
/// or the provider of the information or pictures, and its editor/publisher.
pub fn check_attribution(attribution: &Attribution) -> Result<(), WorkflowError> {
    let blank = |s: &str| s.trim().is_empty();
    let mut missing = Vec::new();
    match attribution.origin {
        Origin::Reprint => {
            if blank(&attribution.source_name) {
                missing.push(AttributionPart::Source);
            }
        }
        Origin::Original => {
            if blank(&attribution.author_or_provider) {
                missing.push(AttributionPart::AuthorOrProvider);
            }
        }
    }
    if blank(&attribution.editor) {
        missing.push(AttributionPart::Editor);
    }
    if !missing.is_empty() {
        return Err(WorkflowError::AttributionMissing {
            origin: attribution.origin,
            missing,
        });
    }
    let link = attribution.source_link.trim();
    if attribution.origin == Origin::Reprint && !link.is_empty() && !looks_like_url(link) {
        return Err(WorkflowError::SourceLinkInvalid(link.to_owned()));
    }
    Ok(())
}

fn non_blank(comment: &str) -> Option<String> {
    let trimmed = comment.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// A return without a reason leaves the author guessing what to change.
fn required_comment(comment: &str) -> Result<String, WorkflowError> {
    non_blank(comment).ok_or(WorkflowError::CommentRequired)
}

/// The published link is kept as the proof of where the post went online.
fn publish_link(link: &str) -> Result<String, WorkflowError> {
    let link = link.trim();
    if link.is_empty() {
        Err(WorkflowError::LinkRequired)
    } else if looks_like_url(link) {
        Ok(link.to_owned())
    } else {
        Err(WorkflowError::LinkInvalid(link.to_owned()))
    }
}

/// An absolute http(s) address with a plausible host. Intranet hosts without a dot and IDN
/// (Chinese) host names are accepted; spaces and empty hosts are not.
pub fn looks_like_url(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    if link.chars().any(char::is_whitespace) {
        return false;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let (host, port) = match host_port.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (host_port, None),
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let host_ok = !host.is_empty()
        && !host.starts_with(['.', '-'])
        && !host.ends_with('-')
        && !host.contains("..")
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    port_ok && host_ok
}

#[cfg(test)]
#[path = "workflow_tests.rs"]
mod tests;
