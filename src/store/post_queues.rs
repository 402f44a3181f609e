//! The lists of posts: the 待我处理 queues of the signed-in user (第七条三) and the filtered
//! list of all posts. Reviewers' and administrators' queues start from their unit's
//! platforms, so a school with hundreds of thousands of posts opens one in about a millisecond.

use super::db::{Row, params};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::posts::{category_of, state_of};
use super::{Store, StoreError};
use crate::domain::post::Queue;
use crate::domain::workflow::{Category, PostState};

/// Rows a list returns at most; the window says when there are more.
pub const DEFAULT_LIST_LIMIT: usize = 2_000;

/// A post as the lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostRow {
    pub id: i64,
    pub title: String,
    pub state: PostState,
    pub category: Category,
    pub platform_id: i64,
    pub platform_name: String,
    pub platform_kind: String,
    pub unit_id: i64,
    pub unit_name: String,
    pub author_id: i64,
    pub author_name: String,
    pub revision: i64,
    pub planned_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

/// Which posts a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PostFilter {
    pub state: Option<PostState>,
    pub platform_id: Option<i64>,
    pub unit_id: Option<i64>,
    /// Last changed on or after this day.
    pub from: Option<NaiveDate>,
    /// Last changed on or before this day.
    pub until: Option<NaiveDate>,
    /// Text in the title.
    pub title_contains: String,
    /// 0 means [`DEFAULT_LIST_LIMIT`].
    pub limit: usize,
}

const ROW_COLUMNS: &str = "
    SELECT p.id, p.title, p.state, p.category, p.platform_id, pl.name, k.name, pl.unit_id,
           u.name, p.author_id, a.name, p.revision, p.planned_at, p.updated_at";

/// The names a row shows, joined after `posts p` and `platforms pl`.
const ROW_NAMES: &str = "
    JOIN platform_kinds k ON k.id = pl.kind_id
    JOIN units u ON u.id = pl.unit_id
    JOIN people a ON a.id = p.author_id";

/// Posts first: lists filtered by the post's own columns.
const FROM_POSTS: &str = "FROM posts p JOIN platforms pl ON pl.id = p.platform_id";

/// The unit's platforms first, then each one's posts in the state through
/// `posts_state_platform`: a unit's queue reads its few hundred rows, not every school post
/// in that state. `CROSS JOIN` keeps SQLite to this order.
const FROM_UNIT_PLATFORMS: &str = "FROM platforms pl CROSS JOIN posts p ON p.platform_id = pl.id";

fn row_of(r: &Row) -> super::db::Result<PostRow> {
    Ok(PostRow {
        id: r.get(0)?,
        title: r.get(1)?,
        state: state_of(&r.get::<_, String>(2)?)?,
        category: category_of(&r.get::<_, String>(3)?)?,
        platform_id: r.get(4)?,
        platform_name: r.get(5)?,
        platform_kind: r.get(6)?,
        unit_id: r.get(7)?,
        unit_name: r.get(8)?,
        author_id: r.get(9)?,
        author_name: r.get(10)?,
        revision: r.get(11)?,
        planned_at: r.get(12)?,
        updated_at: r.get(13)?,
    })
}

/// The FROM and WHERE of one queue for person ?1 of unit ?2, mirroring `Queue::holds`
/// (tested together).
fn queue_sql(queue: Queue) -> String {
    match queue {
        Queue::ToRevise => format!(
            "{FROM_POSTS} {ROW_NAMES}
             WHERE p.author_id = ?1 AND p.state IN ('draft', 'returned', 'withdrawn') AND ?2 = ?2"
        ),
        Queue::ToReview => format!(
            "{FROM_UNIT_PLATFORMS} {ROW_NAMES}
             WHERE pl.unit_id = ?2 AND p.state = 'submitted' AND p.author_id <> ?1"
        ),
        Queue::ToPublish => format!(
            "{FROM_UNIT_PLATFORMS} {ROW_NAMES}
             WHERE pl.unit_id = ?2 AND p.state = 'approved' AND p.author_id <> ?1
               AND (p.reviewer_id IS NULL OR p.reviewer_id <> ?1)"
        ),
    }
}

impl Store {
    /// Lists posts, newest change first.
    pub fn posts(&self, filter: &PostFilter) -> Result<Vec<PostRow>, StoreError> {
        let mut sql = format!("{ROW_COLUMNS} {FROM_POSTS} {ROW_NAMES} WHERE 1 = 1");
        let mut args: Vec<super::db::Value> = Vec::new();
        if let Some(state) = filter.state {
            sql.push_str(" AND p.state = ?");
            args.push(state.code().to_owned().into());
        }
        if let Some(platform) = filter.platform_id {
            sql.push_str(" AND p.platform_id = ?");
            args.push(platform.into());
        }
        if let Some(unit) = filter.unit_id {
            sql.push_str(" AND pl.unit_id = ?");
            args.push(unit.into());
        }
        if let Some(from) = filter.from {
            sql.push_str(" AND p.updated_at >= ?");
            args.push(from.format("%F").to_string().into());
        }
        if let Some(until) = filter.until.and_then(|d| d.succ_opt()) {
            sql.push_str(" AND p.updated_at < ?");
            args.push(until.format("%F").to_string().into());
        }
        let text = filter.title_contains.trim();
        if !text.is_empty() {
            sql.push_str(" AND instr(p.title, ?) > 0");
            args.push(text.to_owned().into());
        }
        sql.push_str(" ORDER BY p.updated_at DESC, p.id DESC LIMIT ?");
        let limit = if filter.limit == 0 {
            DEFAULT_LIST_LIMIT
        } else {
            filter.limit
        };
        args.push((limit as i64).into());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(super::db::params_from_iter(args), row_of)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// 待我处理: one queue of the signed-in user, newest change first.
    pub fn queue(&self, queue: Queue) -> Result<Vec<PostRow>, StoreError> {
        let Some((person, unit)) = self.queue_owner() else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "{ROW_COLUMNS} {} ORDER BY p.updated_at DESC, p.id DESC LIMIT ?3",
            queue_sql(queue)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![person, unit, DEFAULT_LIST_LIMIT as i64], row_of)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The counts beside each queue in the navigation, for the queues the user's roles have.
    pub fn queue_counts(&self) -> Result<Vec<(Queue, usize)>, StoreError> {
        let Some((person, unit)) = self.queue_owner() else {
            return Ok(Vec::new());
        };
        let roles = self
            .session
            .as_ref()
            .map(|s| s.roles.clone())
            .unwrap_or_default();
        let mut out = Vec::new();
        for queue in Queue::for_roles(&roles) {
            let sql = format!("SELECT COUNT(*) {}", queue_sql(queue));
            let n: i64 = self
                .conn
                .prepare_cached(&sql)?
                .query_row(params![person, unit], |r| r.get(0))?;
            out.push((queue, n.max(0) as usize));
        }
        Ok(out)
    }

    /// The query plan of a queue, for the test that keeps it indexed.
    pub fn queue_plan(&self, queue: Queue) -> Result<Vec<String>, StoreError> {
        self.query_plan(&format!(
            "{ROW_COLUMNS} {} ORDER BY p.updated_at DESC",
            queue_sql(queue).replace("?1", "2").replace("?2", "1")
        ))
    }

    fn queue_owner(&self) -> Option<(i64, i64)> {
        let s = self.session.as_ref()?;
        Some((s.person_id?, s.unit_id?))
    }
}
