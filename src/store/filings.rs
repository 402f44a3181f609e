//! Filing records and the scans of their signed forms.

use super::db::{OptionalExtension, Row, params};
use chrono::NaiveDate;

use super::error::{Entity, Rejection};
use super::lifecycle::{platform_unit, record_event, set_status};
use super::units::stale_or_missing;
use super::{Store, StoreError};
use crate::domain::filing::{
    Filing, FilingKind, FilingState, FilingStep, apply_step, may_print_filing, scan_media_type,
    status_after_archive,
};
use crate::domain::lifecycle::EventKind;
use crate::domain::permissions::{Permission, Target};
use crate::domain::platform::PlatformStatus;
use crate::text::audit as text;

/// A signed-form scan larger than this is refused: a phone photo or a scanned page is far smaller.
pub const MAX_SCAN_BYTES: usize = 30 * 1024 * 1024;

/// A filing with what the 备案 page shows beside it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FilingRow {
    #[serde(flatten)]
    pub filing: Filing,
    pub platform_name: String,
    pub account: String,
    pub unit_name: String,
    pub kind_name: String,
    pub unit_id: i64,
}

/// A scan as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scan {
    pub file_name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
}

const SELECT_FILING: &str =
    "SELECT f.id, f.platform_id, f.kind, f.printed_on, f.state, f.submitted_on,
        f.archived_on, f.archive_no, f.version,
        EXISTS (SELECT 1 FROM filing_scans s WHERE s.filing_id = f.id),
        p.name, p.account, u.name, k.name, p.unit_id
     FROM filings f
     JOIN platforms p ON p.id = f.platform_id
     JOIN units u ON u.id = p.unit_id
     JOIN platform_kinds k ON k.id = p.kind_id";

impl Store {
    /// Records that the forms of `platform_ids` were printed today, in one transaction.
    /// Refused as a whole if any platform is missing, closed or shut down, or not of a unit
    /// where the actor may print.
    pub fn record_filings(
        &mut self,
        platform_ids: &[i64],
        kind: FilingKind,
        printed_on: NaiveDate,
    ) -> Result<Vec<i64>, StoreError> {
        self.write(|w| {
            let mut ids = Vec::with_capacity(platform_ids.len());
            for &id in platform_ids {
                let (status, name, unit): (String, String, i64) = w
                    .tx
                    .prepare_cached("SELECT status, name, unit_id FROM platforms WHERE id = ?1")?
                    .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .optional()?
                    .ok_or(StoreError::NotFound {
                        what: Entity::Platform,
                        id,
                    })?;
                w.allow(Permission::PrintFiling, Target::Unit(unit))?;
                let status = PlatformStatus::from_code(&status)
                    .ok_or_else(|| StoreError::Corrupt(format!("platforms.status = {status}")))?;
                may_print_filing(status)
                    .map_err(|why| Rejection::PlatformCannotBeFiled { name, why })?;
                let filing: i64 = w.tx.prepare_cached(
                    "INSERT INTO filings (platform_id, kind, printed_on, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
                )?
                .query_row(params![id, kind.code(), printed_on, w.now()], |r| r.get(0))?;
                ids.push(filing);
                record_event(
                    w,
                    id,
                    EventKind::FilingPrinted,
                    printed_on,
                    &text::filing_printed(kind),
                )?;
            }
            Ok(ids)
        })
    }

    pub fn filing(&self, id: i64) -> Result<FilingRow, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_FILING} WHERE f.id = ?1"))?;
        stmt.query_row([id], filing_from_row)
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Filing,
                id,
            })?
    }

    /// Every filing record, newest first.
    pub fn filings(&self) -> Result<Vec<FilingRow>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_FILING} ORDER BY f.id DESC"))?;
        let rows = stmt.query_map([], filing_from_row)?;
        rows.map(|r| r?).collect()
    }

    /// Moves a filing along: 报送 by the unit, 归档 by the news center (第四条一). An archived
    /// filing files its platform (未备案 → 已备案) in the same transaction. Refused if the
    /// record changed since `version`.
    pub fn apply_filing_step(
        &mut self,
        id: i64,
        version: i64,
        step: &FilingStep,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            let current = self.filing(id)?.filing;
            let unit = platform_unit(&w.tx, current.platform_id)?;
            let permission = match step {
                FilingStep::Submit { .. } => Permission::ReportFiling,
                FilingStep::Archive { .. } => Permission::ArchiveFiling,
            };
            w.allow(permission, Target::Unit(unit))?;
            if current.version != version {
                return Err(StoreError::Stale {
                    what: Entity::Filing
                });
            }
            let next = apply_step(&current, step, today)?;
            let n = w.tx.execute(
                "UPDATE filings SET state = ?1, submitted_on = ?2, archived_on = ?3, archive_no = ?4,
                     version = version + 1, updated_at = ?5
                 WHERE id = ?6 AND version = ?7",
                params![
                    next.state.code(),
                    next.submitted_on,
                    next.archived_on,
                    next.archive_no,
                    w.now(),
                    id,
                    version
                ],
            )?;
            stale_or_missing(&w.tx, n, "filings", id, Entity::Filing)?;
            match step {
                FilingStep::Submit { on } => record_event(
                    w,
                    next.platform_id,
                    EventKind::FilingSubmitted,
                    *on,
                    &text::filing_submitted(next.kind),
                )?,
                FilingStep::Archive { on, archive_no } => record_event(
                    w,
                    next.platform_id,
                    EventKind::Filed,
                    *on,
                    &text::filing_archived(next.kind, archive_no.trim()),
                )?,
            }
            if next.state == FilingState::Archived {
                let status: String = w.tx.query_row(
                    "SELECT status FROM platforms WHERE id = ?1",
                    [next.platform_id],
                    |r| r.get(0),
                )?;
                let status = PlatformStatus::from_code(&status)
                    .ok_or_else(|| StoreError::Corrupt(format!("platforms.status = {status}")))?;
                let after = status_after_archive(status, next.kind);
                if after != status {
                    set_status(w, next.platform_id, after)?;
                }
            }
            Ok(())
        })
    }

    /// Attaches (or replaces) the scan of the signed form. Only PDF, JPEG and PNG, by content.
    pub fn attach_scan(
        &mut self,
        id: i64,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<(), StoreError> {
        if bytes.len() > MAX_SCAN_BYTES {
            return Err(Rejection::ScanTooLarge { bytes: bytes.len() }.into());
        }
        let media_type = scan_media_type(bytes).ok_or_else(|| Rejection::ScanNotImage {
            file_name: file_name.to_owned(),
        })?;
        self.write(|w| {
            let filing = self.filing(id)?.filing;
            let unit = platform_unit(&w.tx, filing.platform_id)?;
            w.allow(Permission::ReportFiling, Target::Unit(unit))?;
            w.tx.execute(
                "INSERT INTO filing_scans (filing_id, file_name, media_type, bytes, attached_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(filing_id) DO UPDATE SET file_name = excluded.file_name,
                     media_type = excluded.media_type, bytes = excluded.bytes,
                     attached_at = excluded.attached_at",
                params![id, file_name, media_type, bytes, w.now()],
            )?;
            w.note(
                "filing_scan",
                format!("platform:{}", filing.platform_id),
                &text::scan_attached(filing.kind, file_name),
            )
        })
    }

    pub fn scan(&self, id: i64) -> Result<Option<Scan>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT file_name, media_type, bytes FROM filing_scans WHERE filing_id = ?1",
                [id],
                |r| {
                    Ok(Scan {
                        file_name: r.get(0)?,
                        media_type: r.get(1)?,
                        bytes: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }
}

fn filing_from_row(r: &Row) -> super::db::Result<Result<FilingRow, StoreError>> {
    let kind: String = r.get(2)?;
    let state: String = r.get(4)?;
    let (Some(kind), Some(state)) = (FilingKind::from_code(&kind), FilingState::from_code(&state))
    else {
        return Ok(Err(StoreError::Corrupt(format!(
            "filings.kind/state = {kind}/{state}"
        ))));
    };
    Ok(Ok(FilingRow {
        filing: Filing {
            id: r.get(0)?,
            platform_id: r.get(1)?,
            kind,
            printed_on: r.get(3)?,
            state,
            submitted_on: r.get(5)?,
            archived_on: r.get(6)?,
            archive_no: r.get(7)?,
            version: r.get(8)?,
            has_scan: r.get(9)?,
        },
        platform_name: r.get(10)?,
        account: r.get(11)?,
        unit_name: r.get(12)?,
        kind_name: r.get(13)?,
        unit_id: r.get(14)?,
    }))
}

impl Store {
    /// Platforms still running (not closed or shut down), of one unit or all, for the annual
    /// review, ordered by unit then id.
    pub fn active_platform_ids(&self, unit: Option<i64>) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id FROM platforms p JOIN units u ON u.id = p.unit_id
             WHERE p.status NOT IN ('closed', 'shut_down') AND (CAST(?1 AS BIGINT) IS NULL OR p.unit_id = ?1)
             ORDER BY u.name, p.id",
        )?;
        let rows = stmt.query_map([unit], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// `Ok` for `None` or an existing unit; the missing unit's error otherwise.
    pub fn unit_exists_or_err(&self, unit: Option<i64>) -> Result<(), StoreError> {
        match unit {
            None => Ok(()),
            Some(id) => self.unit(id).map(|_| ()),
        }
    }
}
