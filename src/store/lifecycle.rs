//! Changes, closures, shutdowns and the history of each platform. Every action and its
//! event are written in one transaction.

use super::db::{OptionalExtension, params};
use chrono::NaiveDate;
use serde::Serialize;

use super::error::{Entity, Rejection};
use super::guard::Write;
use super::units::stale_or_missing;
use super::{Store, StoreError};
use crate::domain::lifecycle::{
    Closure, EventKind, FieldChange, LifecycleError, Shutdown, ShutdownReason, may_close,
    may_shut_down,
};
use crate::domain::permissions::{Permission, Target};
use crate::domain::platform::PlatformStatus;
use crate::text::audit as text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub id: i64,
    pub kind: EventKind,
    pub occurred_on: NaiveDate,
    pub actor: String,
    pub summary: String,
    pub recorded_at: chrono::NaiveDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeState {
    /// 待报送
    Pending,
    /// 已报送
    Reported,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeRecord {
    pub id: i64,
    pub platform_id: i64,
    pub changed_on: NaiveDate,
    pub reason: String,
    pub fields: Vec<FieldChange>,
    pub state: ChangeState,
    pub reported_on: Option<NaiveDate>,
    pub version: i64,
}

/// How a platform ended, for its report or notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Ending {
    Closed(Closure),
    ShutDown(Shutdown),
}

/// Writes one event of a platform's history, and the same step into the audit chain, so the
/// registry's changes are as provable as the posts' (第八条一).
pub(super) fn record_event(
    w: &Write<'_>,
    platform_id: i64,
    kind: EventKind,
    on: NaiveDate,
    summary: &str,
) -> Result<(), StoreError> {
    w.actor()?;
    w.tx.execute(
        "INSERT INTO platform_events (platform_id, kind, occurred_on, actor, summary, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![platform_id, kind.code(), on, w.label(), summary, w.now()],
    )?;
    w.note(kind.code(), format!("platform:{platform_id}"), summary)
}

pub(super) fn set_status(
    w: &Write<'_>,
    platform_id: i64,
    status: PlatformStatus,
) -> Result<(), StoreError> {
    w.actor()?;
    w.tx.execute(
        "UPDATE platforms SET status = ?1, version = version + 1, updated_at = ?2 WHERE id = ?3",
        params![status.code(), w.now(), platform_id],
    )?;
    Ok(())
}

/// The unit a platform belongs to, read inside the write (the target of its permission).
pub(super) fn platform_unit(conn: &super::db::Connection, id: i64) -> Result<i64, StoreError> {
    conn.query_row("SELECT unit_id FROM platforms WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or(StoreError::NotFound {
        what: Entity::Platform,
        id,
    })
}

impl Store {
    /// The platform's whole history, oldest first.
    pub fn platform_history(&self, platform_id: i64) -> Result<Vec<Event>, StoreError> {
        self.platform(platform_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, kind, occurred_on, actor, summary, recorded_at FROM platform_events
             WHERE platform_id = ?1 ORDER BY occurred_on, id",
        )?;
        let rows = stmt.query_map([platform_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, kind, occurred_on, actor, summary, recorded_at) = row?;
            let kind = EventKind::from_code(&kind)
                .ok_or_else(|| StoreError::Corrupt(format!("platform_events.kind = {kind}")))?;
            out.push(Event {
                id,
                kind,
                occurred_on,
                actor,
                summary,
                recorded_at,
            });
        }
        Ok(out)
    }

    /// Reportable changes of one platform, newest first.
    pub fn platform_changes(&self, platform_id: i64) -> Result<Vec<ChangeRecord>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM platform_changes WHERE platform_id = ?1 ORDER BY id DESC",
        )?;
        let ids: Vec<i64> = stmt
            .query_map([platform_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        ids.into_iter().map(|id| self.change(id)).collect()
    }

    pub fn change(&self, id: i64) -> Result<ChangeRecord, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT platform_id, changed_on, reason, fields, state, reported_on, version
                 FROM platform_changes WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, NaiveDate>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, Option<NaiveDate>>(5)?,
                        r.get::<_, i64>(6)?,
                    ))
                },
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Change,
                id,
            })?;
        let (platform_id, changed_on, reason, fields, state, reported_on, version) = row;
        let fields = serde_json::from_str(&fields)
            .map_err(|e| StoreError::Corrupt(format!("platform_changes.fields (id {id}): {e}")))?;
        Ok(ChangeRecord {
            id,
            platform_id,
            changed_on,
            reason,
            fields,
            state: if state == "reported" {
                ChangeState::Reported
            } else {
                ChangeState::Pending
            },
            reported_on,
            version,
        })
    }

    pub(super) fn insert_change(
        w: &Write<'_>,
        platform_id: i64,
        on: NaiveDate,
        reason: &str,
        fields: &[FieldChange],
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(fields).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        w.actor()?;
        w.tx.execute(
            "INSERT INTO platform_changes (platform_id, changed_on, reason, fields, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![platform_id, on, reason, json, w.now()],
        )?;
        record_event(
            w,
            platform_id,
            EventKind::Changed,
            on,
            &text::change_summary(fields, reason),
        )?;
        set_status(w, platform_id, PlatformStatus::ChangePending)
    }

    /// 第四条二: the written change report was handed in. When no change is left to report,
    /// the platform is 已备案 again.
    pub fn mark_change_reported(
        &mut self,
        id: i64,
        version: i64,
        on: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            let change = self.change(id)?;
            let unit = platform_unit(&w.tx, change.platform_id)?;
            w.allow(Permission::ReportChange, Target::Unit(unit))?;
            if change.state == ChangeState::Reported {
                return Err(Rejection::ChangeAlreadyReported.into());
            }
            if on > today {
                return Err(LifecycleError::InFuture(on).into());
            }
            if on < change.changed_on {
                return Err(LifecycleError::ReportedBeforeChange {
                    on,
                    changed_on: change.changed_on,
                }
                .into());
            }
            let n = w.tx.execute(
                "UPDATE platform_changes SET state = 'reported', reported_on = ?1,
                     version = version + 1, updated_at = ?2
                 WHERE id = ?3 AND version = ?4",
                params![on, w.now(), id, version],
            )?;
            stale_or_missing(&w.tx, n, "platform_changes", id, Entity::Change)?;
            record_event(
                w,
                change.platform_id,
                EventKind::ChangeReported,
                on,
                text::CHANGE_REPORTED,
            )?;
            let pending: i64 = w.tx.query_row(
                "SELECT COUNT(*) FROM platform_changes WHERE platform_id = ?1 AND state = 'pending'",
                [change.platform_id],
                |r| r.get(0),
            )?;
            let status: String = w.tx.query_row(
                "SELECT status FROM platforms WHERE id = ?1",
                [change.platform_id],
                |r| r.get(0),
            )?;
            if pending == 0 && status == PlatformStatus::ChangePending.code() {
                set_status(w, change.platform_id, PlatformStatus::Filed)?;
            }
            Ok(())
        })
    }

    /// 第四条二: the unit stops operating the platform.
    pub fn close_platform(
        &mut self,
        id: i64,
        closure: &Closure,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            let p = self.platform(id)?;
            w.allow(Permission::ClosePlatform, Target::Unit(p.draft.unit_id))?;
            may_close(p.status)?;
            closure.validate(today)?;
            w.tx.execute(
                "INSERT INTO platform_endings (platform_id, kind, on_date, reason, content_disposition, recorded_at)
                 VALUES (?1, 'closed', ?2, ?3, ?4, ?5)",
                params![id, closure.on, closure.reason.trim(), closure.content_disposition.trim(), w.now()],
            )?;
            set_status(w, id, PlatformStatus::Closed)?;
            record_event(
                w,
                id,
                EventKind::Closed,
                closure.on,
                &text::closure_summary(closure),
            )
        })
    }

    /// 第四条三: the school shuts the platform down.
    pub fn shut_down_platform(
        &mut self,
        id: i64,
        shutdown: &Shutdown,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            let p = self.platform(id)?;
            w.allow(Permission::ShutDownPlatform, Target::Unit(p.draft.unit_id))?;
            may_shut_down(p.status)?;
            shutdown.validate(today)?;
            w.tx.execute(
                "INSERT INTO platform_endings (platform_id, kind, on_date, reason, details, document_no, recorded_at)
                 VALUES (?1, 'shut_down', ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    shutdown.on,
                    shutdown.reason.code(),
                    shutdown.details.trim(),
                    shutdown.document_no.trim(),
                    w.now()
                ],
            )?;
            set_status(w, id, PlatformStatus::ShutDown)?;
            record_event(
                w,
                id,
                EventKind::ShutDown,
                shutdown.on,
                &text::shutdown_summary(shutdown),
            )
        })
    }

    /// How the platform ended, if it did.
    pub fn ending(&self, id: i64) -> Result<Option<Ending>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT kind, on_date, reason, details, content_disposition, document_no
                 FROM platform_endings WHERE platform_id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, NaiveDate>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, String>(4)?,
                        r.get::<_, String>(5)?,
                    ))
                },
            )
            .optional()?;
        Ok(match row {
            None => None,
            Some((kind, on, reason, details, content_disposition, document_no)) => {
                Some(if kind == "closed" {
                    Ending::Closed(Closure {
                        on,
                        reason,
                        content_disposition,
                    })
                } else {
                    Ending::ShutDown(Shutdown {
                        on,
                        reason: ShutdownReason::from_code(&reason).ok_or_else(|| {
                            StoreError::Corrupt(format!("platform_endings.reason = {reason}"))
                        })?,
                        details,
                        document_no,
                    })
                })
            }
        })
    }
}
