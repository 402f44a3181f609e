//! 待办: the facts the signed-in person's to-do list is decided from (`domain::todo`), read
//! with the queries the other pages use: the supervision due list, the filing records still
//! moving, the person's post queues, and the last 退回 of a returned post.

use chrono::{NaiveDate, NaiveDateTime};

use super::db::{OptionalExtension, params};
use super::{Store, StoreError};
use crate::domain::filing::FilingState;
use crate::domain::post::Queue;
use crate::domain::supervision::PlatformRef;
use crate::domain::todo::{Me, OpenForm, QueuedPost, ReturnNote, TodoFacts, TodoItem, todo_items};
use crate::domain::workflow::PostState;

impl Store {
    /// The signed-in person's to-do list as of `today` (`now` for the 24-hour incident rule),
    /// most urgent first; empty when nobody is signed in.
    pub fn todo(&self, today: NaiveDate, now: NaiveDateTime) -> Result<Vec<TodoItem>, StoreError> {
        let Some(session) = self.session() else {
            return Ok(Vec::new());
        };
        let due = self.due_actions(today, now)?;
        let forms: Vec<OpenForm> = self
            .filings()?
            .into_iter()
            .filter(|f| f.filing.state != FilingState::Archived)
            .map(|f| OpenForm {
                filing_id: f.filing.id,
                platform: PlatformRef {
                    id: f.filing.platform_id,
                    name: f.platform_name,
                    kind_name: f.kind_name,
                },
                unit_id: f.unit_id,
                kind: f.filing.kind,
                state: f.filing.state,
                printed_on: f.filing.printed_on,
            })
            .collect();
        let mut posts = Vec::new();
        for queue in Queue::for_roles(&session.roles) {
            for row in self.queue(queue)? {
                let returned = if row.state == PostState::Returned {
                    self.return_note(row.id)?
                } else {
                    None
                };
                posts.push(QueuedPost {
                    id: row.id,
                    title: row.title,
                    state: row.state,
                    queue,
                    platform: PlatformRef {
                        id: row.platform_id,
                        name: row.platform_name,
                        kind_name: row.platform_kind,
                    },
                    planned_at: row.planned_at,
                    returned,
                });
            }
        }
        Ok(todo_items(&TodoFacts {
            today,
            me: Me {
                person_id: session.person_id,
                unit_id: session.unit_id,
                roles: &session.roles,
            },
            due: &due,
            forms: &forms,
            posts: &posts,
        }))
    }

    /// The last 退回 of a post (第七条三): who returned it, when, and the comment; `None` if it
    /// was never returned. The step into 已退回, not the author's edits after it (which stay
    /// 已退回). One indexed read of the audit log.
    pub fn return_note(&self, post_id: i64) -> Result<Option<ReturnNote>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT actor, at, comment FROM audit_log
             WHERE object = ?1 AND to_state = ?2 AND from_state <> ?2
             ORDER BY seq DESC LIMIT 1",
        )?;
        let note = stmt
            .query_row(
                params![format!("post:{post_id}"), PostState::Returned.code()],
                |r| {
                    Ok(ReturnNote {
                        by: r.get(0)?,
                        at: r.get(1)?,
                        comment: r.get(2)?,
                    })
                },
            )
            .optional()?;
        Ok(note)
    }
}
