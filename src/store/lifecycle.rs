//! Changes, closures, shutdowns and the history of each platform. Every action and its
//! event are written in one transaction.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::audit_log::note_at;
use super::units::stale_or_missing;
use super::{Store, StoreError, now_timestamp};
use crate::domain::lifecycle::{
    Closure, EventKind, FieldChange, LifecycleError, Shutdown, ShutdownReason, may_close,
    may_shut_down,
};
use crate::domain::platform::PlatformStatus;

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

impl ChangeState {
    pub fn label(self) -> &'static str {
        match self {
            Self::Pending => "待报送",
            Self::Reported => "已报送",
        }
    }
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
    tx: &rusqlite::Transaction<'_>,
    actor: &str,
    platform_id: i64,
    kind: EventKind,
    on: NaiveDate,
    summary: &str,
) -> Result<(), StoreError> {
    let now = now_timestamp();
    tx.execute(
        "INSERT INTO platform_events (platform_id, kind, occurred_on, actor, summary, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![platform_id, kind.code(), on, actor, summary, now],
    )?;
    note_at(
        tx,
        now,
        actor,
        kind.code(),
        format!("platform:{platform_id}"),
        summary,
    )?;
    Ok(())
}

pub(super) fn set_status(
    tx: &rusqlite::Transaction<'_>,
    platform_id: i64,
    status: PlatformStatus,
) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE platforms SET status = ?1, version = version + 1, updated_at = ?2 WHERE id = ?3",
        params![status.code(), now_timestamp(), platform_id],
    )?;
    Ok(())
}

fn lifecycle(e: LifecycleError) -> StoreError {
    StoreError::InUse(e.to_string())
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
                .ok_or_else(|| StoreError::Corrupt(format!("未知事件 {kind}")))?;
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
                what: "变更记录",
                id,
            })?;
        let (platform_id, changed_on, reason, fields, state, reported_on, version) = row;
        let fields = serde_json::from_str(&fields)
            .map_err(|e| StoreError::Corrupt(format!("变更记录 {id} 无法读取（{e}）")))?;
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
        tx: &rusqlite::Transaction<'_>,
        actor: &str,
        platform_id: i64,
        on: NaiveDate,
        reason: &str,
        fields: &[FieldChange],
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(fields).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let now = now_timestamp();
        tx.execute(
            "INSERT INTO platform_changes (platform_id, changed_on, reason, fields, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![platform_id, on, reason, json, now],
        )?;
        let summary = fields
            .iter()
            .map(|f| format!("{}：{} → {}", f.field, f.old, f.new))
            .collect::<Vec<_>>()
            .join("；");
        record_event(
            tx,
            actor,
            platform_id,
            EventKind::Changed,
            on,
            &format!("{summary}（原因：{reason}）"),
        )?;
        set_status(tx, platform_id, PlatformStatus::ChangePending)
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
        let change = self.change(id)?;
        if change.state == ChangeState::Reported {
            return Err(StoreError::InUse("该变更已报送，无需再次标记。".to_owned()));
        }
        if on > today {
            return Err(lifecycle(LifecycleError::InFuture(on)));
        }
        if on < change.changed_on {
            return Err(StoreError::InUse(format!(
                "报送日期 {on} 早于变更日期 {}，请检查。",
                change.changed_on
            )));
        }
        let tx = self.conn.transaction()?;
        let n = tx.execute(
            "UPDATE platform_changes SET state = 'reported', reported_on = ?1,
                 version = version + 1, updated_at = ?2
             WHERE id = ?3 AND version = ?4",
            params![on, now_timestamp(), id, version],
        )?;
        stale_or_missing(&tx, n, "platform_changes", id, "变更记录")?;
        record_event(
            &tx,
            &self.actor,
            change.platform_id,
            EventKind::ChangeReported,
            on,
            "信息变更报告已报送新闻中心、党委宣传部",
        )?;
        let pending: i64 = tx.query_row(
            "SELECT COUNT(*) FROM platform_changes WHERE platform_id = ?1 AND state = 'pending'",
            [change.platform_id],
            |r| r.get(0),
        )?;
        let status: String = tx.query_row(
            "SELECT status FROM platforms WHERE id = ?1",
            [change.platform_id],
            |r| r.get(0),
        )?;
        if pending == 0 && status == PlatformStatus::ChangePending.code() {
            set_status(&tx, change.platform_id, PlatformStatus::Filed)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// 第四条二: the unit stops operating the platform.
    pub fn close_platform(
        &mut self,
        id: i64,
        closure: &Closure,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let p = self.platform(id)?;
        may_close(p.status).map_err(lifecycle)?;
        closure.validate(today).map_err(lifecycle)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO platform_endings (platform_id, kind, on_date, reason, content_disposition, recorded_at)
             VALUES (?1, 'closed', ?2, ?3, ?4, ?5)",
            params![id, closure.on, closure.reason.trim(), closure.content_disposition.trim(), now_timestamp()],
        )?;
        set_status(&tx, id, PlatformStatus::Closed)?;
        record_event(
            &tx,
            &self.actor,
            id,
            EventKind::Closed,
            closure.on,
            &format!(
                "原因：{}；内容处理：{}",
                closure.reason.trim(),
                closure.content_disposition.trim()
            ),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// 第四条三: the school shuts the platform down.
    pub fn shut_down_platform(
        &mut self,
        id: i64,
        shutdown: &Shutdown,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let p = self.platform(id)?;
        may_shut_down(p.status).map_err(lifecycle)?;
        shutdown.validate(today).map_err(lifecycle)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO platform_endings (platform_id, kind, on_date, reason, details, document_no, recorded_at)
             VALUES (?1, 'shut_down', ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                shutdown.on,
                shutdown.reason.code(),
                shutdown.details.trim(),
                shutdown.document_no.trim(),
                now_timestamp()
            ],
        )?;
        set_status(&tx, id, PlatformStatus::ShutDown)?;
        record_event(
            &tx,
            &self.actor,
            id,
            EventKind::ShutDown,
            shutdown.on,
            &format!(
                "{}；文号 {}",
                shutdown.reason.label(),
                shutdown.document_no.trim()
            ),
        )?;
        tx.commit()?;
        Ok(())
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
                        reason: ShutdownReason::from_code(&reason)
                            .ok_or_else(|| StoreError::Corrupt(format!("未知关停原因 {reason}")))?,
                        details,
                        document_no,
                    })
                })
            }
        })
    }
}
