//! Posts through the three steps (第七条三): drafts, revisions, the steps and the screening
//! override (attachments and the lists are in `post_attachments` and `post_queues`). Every
//! step is decided by `domain::workflow::transition` on the post as read inside the step's
//! transaction, and written there together with its audit entry.

use chrono::NaiveDateTime;
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use super::audit_log::{Record, log};
use super::{Session, Store, StoreError, now_timestamp};
use crate::domain::audit::AuditEntry;
use crate::domain::platform::PlatformStatus;
use crate::domain::post::{Post, PostDraft, ScreeningOverride, text_hash, validate_post};
use crate::domain::screening::{Finding, Screener, ScreeningReport, Severity};
use crate::domain::unit::Role;
use crate::domain::workflow::{
    Actor, Attribution, Category, Origin, PostAction, PostState, REVIEWER_ROLES, Transition,
    transition,
};

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

fn corrupt(what: &str, code: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        format!("未知{what} {code}").into(),
    )
}

pub(super) fn state_of(code: &str) -> rusqlite::Result<PostState> {
    PostState::from_code(code).ok_or_else(|| corrupt("状态", code))
}

pub(super) fn category_of(code: &str) -> rusqlite::Result<Category> {
    Category::from_code(code).ok_or_else(|| corrupt("类别", code))
}

fn post_of(r: &Row<'_>) -> rusqlite::Result<Post> {
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
                origin: Origin::from_code(&origin).ok_or_else(|| corrupt("来源", &origin))?,
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
        .ok_or(StoreError::NotFound { what: "信息", id })
}

/// The workflow's view of who acts: their roles count only in their own unit.
fn actor_in_unit(session: &Session, roles: Vec<Role>, unit_id: i64) -> Result<Actor, StoreError> {
    let person_id = session.person_id.ok_or_else(|| {
        StoreError::Forbidden(
            "该账号没有对应的人员，不能办理信息发布。请用信息员、审核人或管理员的账号登录。"
                .to_owned(),
        )
    })?;
    Ok(Actor {
        person_id,
        roles_in_unit: if session.unit_id == Some(unit_id) {
            roles
        } else {
            Vec::new()
        },
    })
}

fn roles_in(conn: &Connection, person_id: Option<i64>) -> Result<Vec<Role>, StoreError> {
    let Some(person_id) = person_id else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached("SELECT role FROM person_roles WHERE person_id = ?1")?;
    let codes = stmt.query_map([person_id], |r| r.get::<_, String>(0))?;
    let mut roles = Vec::new();
    for code in codes {
        let code = code?;
        roles.push(
            Role::from_code(&code)
                .ok_or_else(|| StoreError::Corrupt(format!("未知角色 {code}")))?,
        );
    }
    Ok(roles)
}

/// The post as it is inside the step's transaction, refused if it changed since `version`
/// was read, and who acts on it.
pub(super) fn open_post(
    tx: &Connection,
    session: &Session,
    id: i64,
    version: i64,
) -> Result<(Post, Actor), StoreError> {
    let post = load_post(tx, id)?;
    if post.version != version {
        return Err(StoreError::Stale { what: "信息" });
    }
    let actor = actor_in_unit(session, roles_in(tx, session.person_id)?, post.unit_id)?;
    Ok((post, actor))
}

/// A change that keeps the post's state (an attachment added or removed): the version moves
/// on, so an editor opened before it will not overwrite it, and the change goes on record.
pub(super) fn touch_post(
    tx: &rusqlite::Transaction<'_>,
    actor: &str,
    post: &Post,
    action: &str,
    comment: &str,
    now: NaiveDateTime,
) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE posts SET version = version + 1, updated_at = ?1 WHERE id = ?2",
        params![now, post.id],
    )?;
    log(
        tx,
        Record {
            at: now,
            actor,
            action,
            object: format!("post:{}", post.id),
            states: (post.state.code(), post.state.code()),
            comment,
        },
    )
}

/// (unit, status) of a platform, checked before a post is written for it.
fn platform_for_post(conn: &Connection, platform_id: i64) -> Result<(i64, String), StoreError> {
    conn.query_row(
        "SELECT unit_id, status FROM platforms WHERE id = ?1",
        [platform_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or(StoreError::NotFound {
        what: "平台",
        id: platform_id,
    })
}

fn platform_open(status: &str) -> Result<(), StoreError> {
    match PlatformStatus::from_code(status) {
        Some(PlatformStatus::Closed) => Err(StoreError::Forbidden(
            "该平台已停止运营，不能再为它撰写或发布信息。".to_owned(),
        )),
        Some(PlatformStatus::ShutDown) => Err(StoreError::Forbidden(
            "该平台已被关停，不能再为它撰写或发布信息。".to_owned(),
        )),
        _ => Ok(()),
    }
}

/// The draft's columns in the order `INSERT` and `UPDATE` list them, trimmed as stored.
fn draft_values(d: &PostDraft) -> Vec<rusqlite::types::Value> {
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
            .map(|t| rusqlite::types::Value::Text(t.format("%F %T").to_string()))
            .unwrap_or(rusqlite::types::Value::Null),
    ]
}

/// Which fields an edit changed, in words, for the audit entry.
fn changed_fields(before: &PostDraft, after: &PostDraft) -> String {
    let checks = [
        (before.platform_id != after.platform_id, "发布平台"),
        (before.title != after.title, "标题"),
        (before.body != after.body, "正文"),
        (before.category != after.category, "类别"),
        (before.column != after.column, "栏目"),
        (before.attribution != after.attribution, "来源署名"),
        (before.internal != after.internal, "公开范围"),
        (before.planned_at != after.planned_at, "计划发布时间"),
    ];
    let changed: Vec<&str> = checks.iter().filter(|c| c.0).map(|c| c.1).collect();
    if changed.is_empty() {
        "保存（无改动）".to_owned()
    } else {
        format!("修改了：{}", changed.join("、"))
    }
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
        let session = self.require_session()?;
        let errors = validate_post(draft);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let now = now_timestamp();
        let tx = self.conn.transaction()?;
        let (unit_id, status) = platform_for_post(&tx, draft.platform_id)?;
        platform_open(&status)?;
        let actor = actor_in_unit(&session, roles_in(&tx, session.person_id)?, unit_id)?;
        if !actor.roles_in_unit.contains(&Role::InfoOfficer) {
            return Err(StoreError::Forbidden(
                "只有该平台所属单位的信息员才能撰写信息（第七条三）。".to_owned(),
            ));
        }
        let mut values = draft_values(draft);
        values.push(actor.person_id.into());
        values.push(now.format("%F %T").to_string().into());
        tx.execute(
            "INSERT INTO posts (platform_id, title, body, category, column_name, origin,
                                author_or_provider, source_name, source_link, editor, internal,
                                planned_at, author_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)",
            rusqlite::params_from_iter(values),
        )?;
        let id = tx.last_insert_rowid();
        log(
            &tx,
            Record {
                at: now,
                actor: &self.actor,
                action: "create",
                object: format!("post:{id}"),
                states: ("", PostState::Draft.code()),
                comment: &format!("新建「{}」", draft.title.trim()),
            },
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Saves the author's changes. `version` is the post's version when the editor opened it:
    /// a post changed meanwhile is refused, the typing kept in the window.
    pub fn edit_post(
        &mut self,
        id: i64,
        version: i64,
        draft: &PostDraft,
    ) -> Result<(), StoreError> {
        let session = self.require_session()?;
        let errors = validate_post(draft);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let now = now_timestamp();
        let tx = self.conn.transaction()?;
        let (post, actor) = open_post(&tx, &session, id, version)?;
        transition(&post.facts(), &PostAction::Edit, &actor)?;
        if draft.platform_id != post.draft.platform_id {
            let (unit_id, status) = platform_for_post(&tx, draft.platform_id)?;
            platform_open(&status)?;
            if unit_id != post.unit_id {
                return Err(StoreError::Forbidden(
                    "只能改为本单位的其他平台；其他单位的平台请由该单位信息员撰写。".to_owned(),
                ));
            }
        }
        let mut values = draft_values(draft);
        values.push(now.format("%F %T").to_string().into());
        values.push(id.into());
        tx.execute(
            "UPDATE posts SET platform_id = ?1, title = ?2, body = ?3, category = ?4,
                    column_name = ?5, origin = ?6, author_or_provider = ?7, source_name = ?8,
                    source_link = ?9, editor = ?10, internal = ?11, planned_at = ?12,
                    version = version + 1, updated_at = ?13
             WHERE id = ?14",
            rusqlite::params_from_iter(values),
        )?;
        log(
            &tx,
            Record {
                at: now,
                actor: &self.actor,
                action: PostAction::Edit.code(),
                object: format!("post:{id}"),
                states: (post.state.code(), post.state.code()),
                comment: &changed_fields(&post.draft, draft),
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// One step of the approval by the signed-in user: 提交, 审核通过, 退回, 发布 or 撤回.
    /// Submitting keeps a revision and needs the screening clear (or a reviewer's override);
    /// publishing records the platform's latest post (第四条三's silence is measured from it).
    pub fn post_step(
        &mut self,
        id: i64,
        version: i64,
        action: &PostAction,
    ) -> Result<Transition, StoreError> {
        let session = self.require_session()?;
        let screener = match action {
            PostAction::Submit => Some(self.post_screener()?),
            _ => None,
        };
        let now = now_timestamp();
        let tx = self.conn.transaction()?;
        let (post, actor) = open_post(&tx, &session, id, version)?;
        let step = transition(&post.facts(), action, &actor)?;
        let mut revision = post.revision;
        if let Some(screener) = screener {
            let report = screener.screen(&post_text(&post.draft.title, &post.draft.body));
            if report.blocks() && !post.override_covers_text() {
                let blocking: Vec<_> = report
                    .findings
                    .iter()
                    .filter(|f| f.severity == Severity::Block)
                    .collect();
                return Err(StoreError::ScreeningBlocks {
                    count: blocking.len(),
                    first: blocking
                        .first()
                        .map(|f| format!("{}「{}」", f.category.label(), shown(f)))
                        .unwrap_or_default(),
                });
            }
            revision += 1;
            tx.execute(
                "INSERT INTO post_revisions (post_id, number, title, body, saved_by, saved_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    revision,
                    post.draft.title,
                    post.draft.body,
                    actor.person_id,
                    now
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
        tx.execute(
            "UPDATE posts SET state = ?1, reviewer_id = ?2, publisher_id = ?3, published_link = ?4,
                    published_at = ?5, revision = ?6, version = version + 1, updated_at = ?7
             WHERE id = ?8",
            params![
                step.to.code(),
                step.reviewer_id,
                publisher_id,
                link,
                published_at,
                revision,
                now,
                id
            ],
        )?;
        if let Some(p) = &step.publication {
            tx.execute(
                "UPDATE platforms SET last_post_on = ?1
                 WHERE id = ?2 AND (last_post_on IS NULL OR last_post_on < ?1)",
                params![p.at.date(), post.draft.platform_id],
            )?;
        }
        let comment = match (&step.comment, &step.publication) {
            (_, Some(p)) => format!("发布链接：{}", p.link),
            (Some(c), None) => c.clone(),
            (None, None) if matches!(action, PostAction::Submit) => {
                format!("第 {revision} 稿")
            }
            (None, None) => String::new(),
        };
        log(
            &tx,
            Record {
                at: now,
                actor: &self.actor,
                action: action.code(),
                object: format!("post:{id}"),
                states: (step.from.code(), step.to.code()),
                comment: &comment,
            },
        )?;
        tx.commit()?;
        Ok(step)
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
        let session = self.require_session()?;
        let reason = reason.trim();
        if reason.chars().count() < 4 {
            return Err(StoreError::Forbidden(
                "请写明放行理由（至少 4 个字），例如「经核实为历史文献引用，不属于违规内容」。"
                    .to_owned(),
            ));
        }
        let screener = self.post_screener()?;
        let now = now_timestamp();
        let tx = self.conn.transaction()?;
        let (post, actor) = open_post(&tx, &session, id, version)?;
        if !actor
            .roles_in_unit
            .iter()
            .any(|r| REVIEWER_ROLES.contains(r))
        {
            return Err(StoreError::Forbidden(
                "只有本单位的审核人或单位负责人才能放行审查结果。".to_owned(),
            ));
        }
        if actor.person_id == post.author_id {
            return Err(StoreError::Forbidden(
                "不能放行自己撰写的信息，请由本单位其他审核人放行。".to_owned(),
            ));
        }
        if !(post.state.is_with_author() || post.state == PostState::Submitted) {
            return Err(StoreError::Forbidden(format!(
                "该信息当前为「{}」，无需放行。",
                post.state.label()
            )));
        }
        let report = screener.screen(&post_text(&post.draft.title, &post.draft.body));
        let let_through: Vec<String> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Block)
            .map(|f| format!("{}「{}」", f.category.label(), shown(f)))
            .collect();
        if let_through.is_empty() {
            return Err(StoreError::Forbidden(
                "审查没有拦截内容，无需放行。".to_owned(),
            ));
        }
        let hash = text_hash(&post.draft.title, &post.draft.body);
        tx.execute(
            "UPDATE posts SET override_by = ?1, override_reason = ?2, override_hash = ?3,
                    override_at = ?4, version = version + 1, updated_at = ?4
             WHERE id = ?5",
            params![actor.person_id, reason, hash, now, id],
        )?;
        log(
            &tx,
            Record {
                at: now,
                actor: &self.actor,
                action: "screening_override",
                object: format!("post:{id}"),
                states: (post.state.code(), post.state.code()),
                comment: &format!("放行理由：{reason}；放行内容：{}", let_through.join("、")),
            },
        )?;
        tx.commit()?;
        Ok(())
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
            params![post_id, person, revision, now_timestamp()],
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

/// A finding's text for messages and the audit chain: personal data is never copied out whole.
fn shown(f: &Finding) -> String {
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
