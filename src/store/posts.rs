//! Posts through the three steps (第七条三): drafts, revisions, the steps and the screening
//! override (attachments and the lists are in `post_attachments` and `post_queues`). Every
//! step is decided by `domain::workflow::transition` on the post as read inside the step's
//! transaction, and written there together with its audit entry.

use super::db::{Connection, OptionalExtension, Row, params};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::audit_log::Record;
use super::error::{Entity, Rejection};
use super::guard::Write;
use super::platforms::platform_columns;
use super::{Store, StoreError};
use crate::domain::audit::AuditEntry;
use crate::domain::permissions::{Permission, Target, permission_for};
use crate::domain::platform::PlatformStatus;
use crate::domain::post::{Post, PostDraft, ScreeningOverride, text_hash, validate_post};
use crate::domain::publish_time::check_publish_time;
use crate::domain::screening::{Finding, Screener, ScreeningReport, Severity};
use crate::domain::workflow::{
    Actor, Attribution, Category, Origin, PostAction, PostState, Transition, transition,
};
use crate::text::audit as text;

/// A kept revision: the text as it was submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Revision {
    pub number: i64,
    pub title: String,
    pub body: String,
    pub saved_by: String,
    pub saved_at: NaiveDateTime,
}

const SELECT_POST: &str = "
    SELECT p.id, pl.unit_id, u.name, pl.name, k.name, pl.account, pl.intranet_only,
           p.platform_id, p.title, p.body, p.category, p.column_name, p.origin,
           p.author_or_provider, p.source_name, p.source_link, p.editor, p.internal, p.planned_at,
           p.state, p.author_id, a.name, p.reviewer_id, r.name, p.publisher_id, pb.name,
           p.published_link, p.published_at, p.revision,
           p.override_by, o.name, p.override_reason, p.override_hash, p.override_at,
           p.version, p.created_at, p.updated_at
    FROM posts p
    JOIN platforms pl ON pl.id = p.platform_id
    JOIN platform_kinds k ON k.id = pl.kind_id
    JOIN units u ON u.id = pl.unit_id
    JOIN people a ON a.id = p.author_id
    LEFT JOIN people r ON r.id = p.reviewer_id
    LEFT JOIN people pb ON pb.id = p.publisher_id
    LEFT JOIN people o ON o.id = p.override_by";

/// A stored code no variant knows, as `column = value` for whoever repairs the file.
fn corrupt(column: &str, code: &str) -> super::db::Error {
    super::db::Error::Conversion {
        column: 0,
        message: format!("{column} = {code}"),
    }
}

pub(super) fn state_of(code: &str) -> super::db::Result<PostState> {
    PostState::from_code(code).ok_or_else(|| corrupt("posts.state", code))
}

pub(super) fn category_of(code: &str) -> super::db::Result<Category> {
    Category::from_code(code).ok_or_else(|| corrupt("posts.category", code))
}

fn post_of(r: &Row) -> super::db::Result<Post> {
    let origin: String = r.get(12)?;
    let override_by: Option<i64> = r.get(29)?;
    let screening_override = match override_by {
        Some(reviewer_id) => Some(ScreeningOverride {
            reviewer_id,
            reviewer_name: r.get::<_, Option<String>>(30)?.unwrap_or_default(),
            reason: r.get::<_, Option<String>>(31)?.unwrap_or_default(),
            text_hash: r.get::<_, Option<String>>(32)?.unwrap_or_default(),
            at: r.get(33)?,
        }),
        None => None,
    };
    Ok(Post {
        id: r.get(0)?,
        unit_id: r.get(1)?,
        unit_name: r.get(2)?,
        platform_name: r.get(3)?,
        platform_kind: r.get(4)?,
        platform_account: r.get(5)?,
        platform_intranet_only: r.get(6)?,
        draft: PostDraft {
            platform_id: r.get(7)?,
            title: r.get(8)?,
            body: r.get(9)?,
            category: category_of(&r.get::<_, String>(10)?)?,
            column: r.get(11)?,
            attribution: Attribution {
                origin: Origin::from_code(&origin)
                    .ok_or_else(|| corrupt("posts.origin", &origin))?,
                author_or_provider: r.get(13)?,
                source_name: r.get(14)?,
                source_link: r.get(15)?,
                editor: r.get(16)?,
            },
            internal: r.get(17)?,
            planned_at: r.get(18)?,
        },
        state: state_of(&r.get::<_, String>(19)?)?,
        author_id: r.get(20)?,
        author_name: r.get(21)?,
        reviewer_id: r.get(22)?,
        reviewer_name: r.get(23)?,
        publisher_id: r.get(24)?,
        publisher_name: r.get(25)?,
        published_link: r.get(26)?,
        published_at: r.get(27)?,
        revision: r.get(28)?,
        screening_override,
        version: r.get(34)?,
        created_at: r.get(35)?,
        updated_at: r.get(36)?,
    })
}

fn load_post(conn: &Connection, id: i64) -> Result<Post, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT_POST} WHERE p.id = ?1"))?;
    stmt.query_row([id], post_of)
        .optional()?
        .ok_or(StoreError::NotFound {
            what: Entity::Post,
            id,
        })
}

/// The post as it is inside the write, after asking whether the actor may take
/// `permission` on it, refused if it changed since `version` was read; with the workflow's
/// view of the actor.
pub(super) fn open_post(
    w: &mut Write<'_>,
    id: i64,
    version: i64,
    permission: Permission,
) -> Result<(Post, Actor), StoreError> {
    let post = lock_post(w, id)?;
    open_locked_post(w, post, version, permission)
}

/// Locks and reads the post inside the write. Another desk taking a step on the same post
/// waits here until this one commits, then finds the version moved on (Stale) instead of
/// writing a second revision N.
fn lock_post(w: &Write<'_>, id: i64) -> Result<Post, StoreError> {
    w.tx.lock_row("posts", id)?;
    load_post(&w.tx, id)
}

/// [`open_post`] for a post already read by [`lock_post`].
fn open_locked_post(
    w: &mut Write<'_>,
    post: Post,
    version: i64,
    permission: Permission,
) -> Result<(Post, Actor), StoreError> {
    let facts = post.facts();
    let actor = w.allow(permission, Target::Post(&facts))?;
    let actor = actor
        .in_unit(post.unit_id)
        .ok_or(Rejection::AccountWithoutPerson)?;
    if post.version != version {
        return Err(StoreError::Stale { what: Entity::Post });
    }
    Ok((post, actor))
}

/// A change that keeps the post's state (an attachment added or removed): the version moves
/// on, so an editor opened before it will not overwrite it, and the change goes on record.
pub(super) fn touch_post(
    w: &Write<'_>,
    post: &Post,
    action: &str,
    comment: &str,
) -> Result<(), StoreError> {
    w.actor()?;
    w.tx.execute(
        "UPDATE posts SET version = version + 1, updated_at = ?1 WHERE id = ?2",
        params![w.now(), post.id],
    )?;
    w.log(Record {
        at: w.now(),
        actor: w.label(),
        action,
        object: format!("post:{}", post.id),
        states: (post.state.code(), post.state.code()),
        comment,
    })
}

/// (unit, status) of a platform, checked before a post is written for it.
fn platform_for_post(conn: &Connection, platform_id: i64) -> Result<(i64, String), StoreError> {
    platform_columns(conn, platform_id, "unit_id, status", |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
}

fn platform_open(status: &str) -> Result<(), StoreError> {
    match PlatformStatus::from_code(status) {
        Some(s @ (PlatformStatus::Closed | PlatformStatus::ShutDown)) => {
            Err(Rejection::PlatformEnded(s).into())
        }
        _ => Ok(()),
    }
}

/// The draft's columns in the order `INSERT` and `UPDATE` list them, trimmed as stored.
fn draft_values(d: &PostDraft) -> Vec<super::db::Value> {
    let a = &d.attribution;
    vec![
        d.platform_id.into(),
        d.title.trim().to_owned().into(),
        d.body.clone().into(),
        d.category.code().to_owned().into(),
        d.column.trim().to_owned().into(),
        a.origin.code().to_owned().into(),
        a.author_or_provider.trim().to_owned().into(),
        a.source_name.trim().to_owned().into(),
        a.source_link.trim().to_owned().into(),
        a.editor.trim().to_owned().into(),
        i64::from(d.internal).into(),
        d.planned_at
            .map(|t| super::db::Value::Text(t.format("%F %T").to_string()))
            .unwrap_or(super::db::Value::Null),
    ]
}

impl Store {
    /// The screener for posts: the stored word lists, allow list and the school's student and
    /// staff number patterns.
    pub fn post_screener(&self) -> Result<Screener, StoreError> {
        self.configured_screener()
    }

    /// Screens a post's title and body together, as the reviewer reads them.
    pub fn screen_post_text(&self, title: &str, body: &str) -> Result<ScreeningReport, StoreError> {
        Ok(self.post_screener()?.screen(&post_text(title, body)))
    }

    pub fn post(&self, id: i64) -> Result<Post, StoreError> {
        load_post(&self.conn, id)
    }

    /// A new draft by the signed-in 信息员 of the platform's unit.
    pub fn create_post(&mut self, draft: &PostDraft) -> Result<i64, StoreError> {
        let errors = validate_post(draft);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        self.write(|w| {
            let (unit_id, status) = platform_for_post(&w.tx, draft.platform_id)?;
            let actor = w.allow(Permission::DraftPost, Target::Unit(unit_id))?;
            let person_id = actor.person_id.ok_or(Rejection::AccountWithoutPerson)?;
            platform_open(&status)?;
            let mut values = draft_values(draft);
            values.push(person_id.into());
            values.push(w.now().format("%F %T").to_string().into());
            let id: i64 = w.tx.query_row(
                "INSERT INTO posts (platform_id, title, body, category, column_name, origin,
                                    author_or_provider, source_name, source_link, editor, internal,
                                    planned_at, author_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)
                 RETURNING id",
                super::db::params_from_iter(values),
                |r| r.get(0),
            )?;
            w.log(Record {
                at: w.now(),
                actor: w.label(),
                action: "create",
                object: format!("post:{id}"),
                states: ("", PostState::Draft.code()),
                comment: &text::post_created(draft.title.trim()),
            })?;
            Ok(id)
        })
    }

    /// Deletes a draft its author no longer wants: only while it was never submitted (a post
    /// with a history is withdrawn instead). The deletion, with the title, stays on the chain.
    pub fn delete_draft(&mut self, id: i64, version: i64) -> Result<(), StoreError> {
        self.write(|w| {
            let (post, actor) = open_post(w, id, version, Permission::EditPost)?;
            transition(&post.facts(), &PostAction::Edit, &actor)?;
            if post.state != PostState::Draft || post.revision > 0 {
                return Err(Rejection::OnlyNewDraftsDelete.into());
            }
            w.tx.execute("DELETE FROM posts WHERE id = ?1", [id])?;
            w.log(Record {
                at: w.now(),
                actor: w.label(),
                action: "delete",
                object: format!("post:{id}"),
                states: (PostState::Draft.code(), ""),
                comment: &text::post_deleted(post.draft.title.trim()),
            })
        })
    }

    /// Saves the author's changes. `version` is the post's version when the editor opened it:
    /// a post changed meanwhile is refused, the typing kept in the window.
    pub fn edit_post(
        &mut self,
        id: i64,
        version: i64,
        draft: &PostDraft,
    ) -> Result<(), StoreError> {
        let errors = validate_post(draft);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        self.write(|w| {
            let (post, actor) = open_post(w, id, version, Permission::EditPost)?;
            transition(&post.facts(), &PostAction::Edit, &actor)?;
            if draft.platform_id != post.draft.platform_id {
                let (unit_id, status) = platform_for_post(&w.tx, draft.platform_id)?;
                platform_open(&status)?;
                if unit_id != post.unit_id {
                    return Err(Rejection::PostToOtherUnitPlatform.into());
                }
            }
            let mut values = draft_values(draft);
            values.push(w.now().format("%F %T").to_string().into());
            values.push(id.into());
            w.tx.execute(
                "UPDATE posts SET platform_id = ?1, title = ?2, body = ?3, category = ?4,
                        column_name = ?5, origin = ?6, author_or_provider = ?7, source_name = ?8,
                        source_link = ?9, editor = ?10, internal = ?11, planned_at = ?12,
                        version = version + 1, updated_at = ?13
                 WHERE id = ?14",
                super::db::params_from_iter(values),
            )?;
            w.log(Record {
                at: w.now(),
                actor: w.label(),
                action: PostAction::Edit.code(),
                object: format!("post:{id}"),
                states: (post.state.code(), post.state.code()),
                comment: &text::changed_fields(&post.draft, draft),
            })
        })
    }

    /// One step of the approval by the signed-in user: 提交, 审核通过, 退回, 发布 or 撤回.
    /// Submitting keeps a revision and needs the screening clear (or a reviewer's override);
    /// publishing records the platform's latest post (第六条四's silence is measured from it).
    pub fn post_step(
        &mut self,
        id: i64,
        version: i64,
        action: &PostAction,
    ) -> Result<Transition, StoreError> {
        let screener = match action {
            PostAction::Submit => Some(self.post_screener()?),
            _ => None,
        };
        self.write(|w| {
            let post = lock_post(w, id)?;
            let permission = permission_for(action, post.state);
            let (post, actor) = open_locked_post(w, post, version, permission)?;
            if let PostAction::Publish { at, .. } = action {
                let created_on: NaiveDate = w.tx.query_row(
                    "SELECT created_on FROM platforms WHERE id = ?1",
                    [post.draft.platform_id],
                    |r| r.get(0),
                )?;
                check_publish_time(*at, w.now(), created_on)?;
            }
            let step = transition(&post.facts(), action, &actor)?;
            let mut revision = post.revision;
            if let Some(screener) = &screener {
                let report = screener.screen(&post_text(&post.draft.title, &post.draft.body));
                if report.blocks() && !post.override_covers_text() {
                    let blocking: Vec<_> = report
                        .findings
                        .iter()
                        .filter(|f| f.severity == Severity::Block)
                        .collect();
                    return Err(StoreError::ScreeningBlocks {
                        count: blocking.len(),
                        first: blocking.first().map(|f| shown(f)).unwrap_or_default(),
                    });
                }
                revision += 1;
                w.tx.execute(
                    "INSERT INTO post_revisions (post_id, number, title, body, saved_by, saved_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        id,
                        revision,
                        post.draft.title,
                        post.draft.body,
                        actor.person_id,
                        w.now()
                    ],
                )?;
            }
            let (publisher_id, link, published_at) = match &step.publication {
                Some(p) => (Some(p.publisher_id), Some(p.link.clone()), Some(p.at)),
                None => (
                    post.publisher_id,
                    post.published_link.clone(),
                    post.published_at,
                ),
            };
            w.tx.execute(
                "UPDATE posts SET state = ?1, reviewer_id = ?2, publisher_id = ?3,
                        published_link = ?4, published_at = ?5, revision = ?6,
                        version = version + 1, updated_at = ?7
                 WHERE id = ?8",
                params![
                    step.to.code(),
                    step.reviewer_id,
                    publisher_id,
                    link,
                    published_at,
                    revision,
                    w.now(),
                    id
                ],
            )?;
            if let Some(p) = &step.publication {
                w.tx.execute(
                    "UPDATE platforms SET last_post_on = ?1
                     WHERE id = ?2 AND (last_post_on IS NULL OR last_post_on < ?1)",
                    params![p.at.date(), post.draft.platform_id],
                )?;
            }
            let comment = text::step_comment(&step, action, revision);
            w.log(Record {
                at: w.now(),
                actor: w.label(),
                action: action.code(),
                object: format!("post:{id}"),
                states: (step.from.code(), step.to.code()),
                comment: &comment,
            })?;
            Ok(step)
        })
    }

    /// 第六条五 / 第八条二: a 审核人 (or the unit head) of the post's unit, not its author, lets
    /// the current text through despite blocking findings, with a written reason that goes
    /// into the audit chain together with what was let through.
    pub fn override_screening(
        &mut self,
        id: i64,
        version: i64,
        reason: &str,
    ) -> Result<(), StoreError> {
        let reason = reason.trim();
        let screener = self.post_screener()?;
        self.write(|w| {
            let (post, actor) = open_post(w, id, version, Permission::OverrideScreening)?;
            if reason.chars().count() < 4 {
                return Err(Rejection::OverrideReasonTooShort.into());
            }
            let report = screener.screen(&post_text(&post.draft.title, &post.draft.body));
            let let_through: Vec<String> = report
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Block)
                .map(shown)
                .collect();
            if let_through.is_empty() {
                return Err(Rejection::NothingToOverride.into());
            }
            let hash = text_hash(&post.draft.title, &post.draft.body);
            w.tx.execute(
                "UPDATE posts SET override_by = ?1, override_reason = ?2, override_hash = ?3,
                        override_at = ?4, version = version + 1, updated_at = ?4
                 WHERE id = ?5",
                params![actor.person_id, reason, hash, w.now(), id],
            )?;
            w.log(Record {
                at: w.now(),
                actor: w.label(),
                action: "screening_override",
                object: format!("post:{id}"),
                states: (post.state.code(), post.state.code()),
                comment: &text::override_comment(reason, &let_through),
            })
        })
    }

    /// Every kept revision, oldest first.
    pub fn revisions(&self, post_id: i64) -> Result<Vec<Revision>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.number, r.title, r.body, p.name, r.saved_at
             FROM post_revisions r JOIN people p ON p.id = r.saved_by
             WHERE r.post_id = ?1 ORDER BY r.number",
        )?;
        let rows = stmt.query_map([post_id], |r| {
            Ok(Revision {
                number: r.get(0)?,
                title: r.get(1)?,
                body: r.get(2)?,
                saved_by: r.get(3)?,
                saved_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The revision the signed-in person last opened, if any.
    pub fn last_seen_revision(&self, post_id: i64) -> Result<Option<i64>, StoreError> {
        let Some(person) = self.session.as_ref().and_then(|s| s.person_id) else {
            return Ok(None);
        };
        Ok(self
            .conn
            .query_row(
                "SELECT revision FROM post_views WHERE post_id = ?1 AND person_id = ?2",
                params![post_id, person],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Remembers that the signed-in person has seen the post's latest revision, so next time
    /// the diff starts from it.
    pub fn mark_seen(&mut self, post_id: i64, revision: i64) -> Result<(), StoreError> {
        let Some(person) = self.session.as_ref().and_then(|s| s.person_id) else {
            return Ok(());
        };
        self.conn.execute(
            "INSERT INTO post_views (post_id, person_id, revision, seen_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(post_id, person_id) DO UPDATE SET revision = excluded.revision,
                 seen_at = excluded.seen_at",
            params![post_id, person, revision, self.now()],
        )?;
        Ok(())
    }

    /// A post's history from the audit chain, oldest first.
    pub fn post_history(&self, post_id: i64) -> Result<Vec<AuditEntry>, StoreError> {
        self.audit_of(&format!("post:{post_id}"))
    }
}

/// What screening reads: the title, a blank line, the body — so offsets into the body are
/// the title's length plus two.
pub fn post_text(title: &str, body: &str) -> String {
    format!("{title}\n\n{body}")
}

/// A finding for messages and the audit chain: 「类别「命中」」, personal data masked.
fn shown(f: &Finding) -> String {
    text::finding_shown(f.category.label(), &masked_match(f))
}

/// A finding's text: personal data is never copied out whole.
fn masked_match(f: &Finding) -> String {
    if !f.rule.is_personal_data() {
        return f.matched.clone();
    }
    let chars: Vec<char> = f.matched.chars().collect();
    if chars.len() <= 6 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 2..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 5))
}
