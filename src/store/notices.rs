//! 第六条四's notices as the school issues them (整改通知书, 通报, 关停决定): recorded with
//! their date and document number (文号), checked against the ladder (`domain::supervision::
//! ladder::check_notice`), and written into the platform's history. The shutdown decision also
//! shuts the platform down (第四条三), in the same transaction.

use super::db::{Connection, OptionalExtension, params};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::error::SupervisionRefusal;
use super::lifecycle::{record_event, set_status};
use super::updates::last_update_of;
use super::{Entity, Store, StoreError};
use crate::domain::lifecycle::{EventKind, Shutdown, ShutdownReason, may_shut_down};
use crate::domain::permissions::{Permission, Target};
use crate::domain::platform::PlatformStatus;
use crate::domain::supervision::{
    IssuedNotice, LadderFacts, NoticeKind, NoticeTiming, check_notice,
};

/// A notice as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoticeRow {
    pub id: i64,
    pub platform_id: i64,
    pub kind: NoticeKind,
    pub issued_on: NaiveDate,
    pub document_no: String,
    pub issued_by: String,
    pub recorded_at: NaiveDateTime,
}

/// What the ladder needs of every notice of one platform.
pub(super) fn issued_notices(
    conn: &Connection,
    platform_id: i64,
) -> Result<Vec<IssuedNotice>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT kind, issued_on FROM supervision_notices WHERE platform_id = ?1")?;
    let rows = stmt.query_map([platform_id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, NaiveDate>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, issued_on) = row?;
        out.push(IssuedNotice {
            kind: notice_kind(&kind)?,
            issued_on,
        });
    }
    Ok(out)
}

pub(super) fn notice_kind(code: &str) -> Result<NoticeKind, StoreError> {
    NoticeKind::from_code(code)
        .ok_or_else(|| StoreError::Corrupt(format!("supervision_notices.kind = {code}")))
}

impl Store {
    /// 第六条四: records a notice the school issued on `on`. Refused (nothing written) for a
    /// platform closed or shut down, a date in the future, a platform updated since, or a step
    /// the ladder does not reach this way (a public notice without a rectification notice…).
    /// An early notice is allowed and says so in its timing.
    pub fn issue_notice(
        &mut self,
        platform_id: i64,
        kind: NoticeKind,
        on: NaiveDate,
        document_no: &str,
        today: NaiveDate,
    ) -> Result<(i64, NoticeTiming), StoreError> {
        let document_no = document_no.trim();
        let settings = self.supervision_settings()?;
        self.write(|w| {
            let p = self.platform(platform_id)?;
            w.allow(Permission::IssueNotice, Target::Unit(p.draft.unit_id))?;
            if kind == NoticeKind::ShutdownDecision {
                w.allow(Permission::ShutDownPlatform, Target::Unit(p.draft.unit_id))?;
            }
            if document_no.is_empty() {
                return Err(SupervisionRefusal::NoticeNumberMissing.into());
            }
            let notices = issued_notices(&w.tx, platform_id)?;
            let facts = LadderFacts {
                created_on: p.draft.created_on,
                last_update: last_update_of(&w.tx, platform_id)?,
                notices: &notices,
            };
            let timing = check_notice(&facts, p.status, kind, on, today, &settings.ladder)
                .map_err(SupervisionRefusal::Notice)?;
            let id: i64 = w.tx.query_row(
                "INSERT INTO supervision_notices (platform_id, kind, issued_on, document_no,
                     issued_by, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                params![
                    platform_id,
                    kind.code(),
                    on,
                    document_no,
                    w.label(),
                    w.now()
                ],
                |r| r.get(0),
            )?;
            record_event(
                w,
                platform_id,
                EventKind::NoticeIssued,
                on,
                &crate::text::supervision::notice_summary(kind, document_no, timing),
            )?;
            if kind == NoticeKind::ShutdownDecision {
                may_shut_down(p.status)?;
                let shutdown = Shutdown {
                    on,
                    reason: ShutdownReason::LongSilence,
                    details: String::new(),
                    document_no: document_no.to_owned(),
                };
                w.tx.execute(
                    "INSERT INTO platform_endings (platform_id, kind, on_date, reason, details,
                         document_no, recorded_at)
                     VALUES (?1, 'shut_down', ?2, ?3, '', ?4, ?5)",
                    params![
                        platform_id,
                        on,
                        shutdown.reason.code(),
                        document_no,
                        w.now()
                    ],
                )?;
                set_status(w, platform_id, PlatformStatus::ShutDown)?;
                record_event(
                    w,
                    platform_id,
                    EventKind::ShutDown,
                    on,
                    &crate::text::audit::shutdown_summary(&shutdown),
                )?;
            }
            Ok((id, timing))
        })
    }

    /// One notice.
    pub fn notice(&self, id: i64) -> Result<NoticeRow, StoreError> {
        let platform_id: i64 = self
            .conn
            .query_row(
                "SELECT platform_id FROM supervision_notices WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Notice,
                id,
            })?;
        self.platform_notices(platform_id)?
            .into_iter()
            .find(|n| n.id == id)
            .ok_or(StoreError::NotFound {
                what: Entity::Notice,
                id,
            })
    }

    /// Every notice of the platform, oldest first.
    pub fn platform_notices(&self, platform_id: i64) -> Result<Vec<NoticeRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, platform_id, kind, issued_on, document_no, issued_by, recorded_at
             FROM supervision_notices WHERE platform_id = ?1 ORDER BY issued_on, id",
        )?;
        let rows = stmt.query_map([platform_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, platform_id, kind, issued_on, document_no, issued_by, recorded_at) = row?;
            out.push(NoticeRow {
                id,
                platform_id,
                kind: notice_kind(&kind)?,
                issued_on,
                document_no,
                issued_by,
                recorded_at,
            });
        }
        Ok(out)
    }
}
