//! Updates recorded by hand and imported publishing histories (第六条四 counts them as the
//! platform's updates), and the platform's party-building column flag (第六条二). The date
//! rules are the domain's (`domain::supervision::updates`, `history_csv`).

use super::db::{Connection, OptionalExtension, params};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::error::SupervisionRefusal;
use super::guard::Write;
use super::lifecycle::platform_unit;
use super::platforms::platform_columns;
use super::{Entity, Store, StoreError};
use crate::domain::permissions::{Permission, Target};
use crate::domain::supervision::{UpdateDraft, parse_history_csv, validate_update};

/// One recorded update, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UpdateRow {
    pub id: i64,
    pub platform_id: i64,
    pub on: NaiveDate,
    pub title: String,
    pub link: String,
    pub party_building: bool,
    /// Typed in by hand (`hand`) or imported from a CSV file (`import`).
    pub source: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

/// What an import did: rows added, and rows already recorded (same date, title and link)
/// that were skipped so the same file may be imported twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct HistoryImport {
    pub added: usize,
    pub already_recorded: usize,
}

/// The platform's creation date, read inside a write.
fn created_on(conn: &Connection, platform_id: i64) -> Result<NaiveDate, StoreError> {
    platform_columns(conn, platform_id, "created_on", |r| r.get(0))
}

/// The latest update of one platform: the later of the registry's 最近更新 and the platform's
/// latest activity (posts published through MediaDesk and updates recorded here, kept on its
/// row by the database, migration 008).
pub(super) fn last_update_of(
    conn: &Connection,
    platform_id: i64,
) -> Result<Option<NaiveDate>, StoreError> {
    let (by_hand, activity): (Option<NaiveDate>, Option<String>) =
        platform_columns(conn, platform_id, "last_post_on, last_activity_on", |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let activity = activity
        .map(|t| {
            NaiveDate::parse_from_str(&t, "%Y-%m-%d").map_err(|_| {
                StoreError::Corrupt(format!("last update of platform {platform_id} = {t}"))
            })
        })
        .transpose()?;
    Ok(by_hand.max(activity))
}

fn insert_update(w: &Write<'_>, draft: &UpdateDraft, source: &str) -> Result<i64, StoreError> {
    w.actor()?;
    Ok(w.tx.query_row(
        "INSERT INTO platform_updates (platform_id, on_date, title, link, party_building, source,
             recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
        params![
            draft.platform_id,
            draft.on,
            draft.title.trim(),
            draft.link.trim(),
            draft.party_building,
            source,
            w.label(),
            w.now()
        ],
        |r| r.get(0),
    )?)
}

impl Store {
    /// 第六条四: records an update published in the platform's own back office. Refused, with
    /// nothing written, when dated in the future or before the platform was created.
    pub fn add_update(&mut self, draft: &UpdateDraft, today: NaiveDate) -> Result<i64, StoreError> {
        self.write(|w| {
            let unit = platform_unit(&w.tx, draft.platform_id)?;
            w.allow(Permission::RecordUpdate, Target::Unit(unit))?;
            let problems = validate_update(draft, created_on(&w.tx, draft.platform_id)?, today);
            if !problems.is_empty() {
                return Err(SupervisionRefusal::Update(problems).into());
            }
            let id = insert_update(w, draft, "hand")?;
            w.note(
                "update_record",
                format!("platform:{}", draft.platform_id),
                &format!("{} {}", draft.on, draft.title.trim()),
            )?;
            Ok(id)
        })
    }

    /// Imports a platform's publishing history (CSV: 日期, 标题, 链接). All or nothing: any
    /// problem of the file refuses it whole, each with its row number. Rows already recorded
    /// are skipped.
    pub fn import_history(
        &mut self,
        platform_id: i64,
        bytes: &[u8],
        today: NaiveDate,
    ) -> Result<HistoryImport, StoreError> {
        self.write(|w| {
            let unit = platform_unit(&w.tx, platform_id)?;
            w.allow(Permission::RecordUpdate, Target::Unit(unit))?;
            let rows = parse_history_csv(bytes, created_on(&w.tx, platform_id)?, today)
                .map_err(SupervisionRefusal::History)?;
            let mut outcome = HistoryImport {
                added: 0,
                already_recorded: 0,
            };
            for row in rows {
                let known: bool = w.tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM platform_updates WHERE platform_id = ?1
                         AND on_date = ?2 AND title = ?3 AND link = ?4)",
                    params![platform_id, row.on, row.title.trim(), row.link.trim()],
                    |r| r.get(0),
                )?;
                if known {
                    outcome.already_recorded += 1;
                    continue;
                }
                let draft = UpdateDraft {
                    platform_id,
                    on: row.on,
                    title: row.title,
                    link: row.link,
                    party_building: false,
                };
                insert_update(w, &draft, "import")?;
                outcome.added += 1;
            }
            w.note(
                "history_import",
                format!("platform:{platform_id}"),
                &crate::text::supervision::history_imported(
                    outcome.added,
                    outcome.already_recorded,
                ),
            )?;
            Ok(outcome)
        })
    }

    /// The platform's recorded updates, newest first.
    pub fn platform_updates(&self, platform_id: i64) -> Result<Vec<UpdateRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, platform_id, on_date, title, link, party_building, source, recorded_by,
                 recorded_at
             FROM platform_updates WHERE platform_id = ?1 ORDER BY on_date DESC, id DESC",
        )?;
        let rows = stmt.query_map([platform_id], |r| {
            Ok(UpdateRow {
                id: r.get(0)?,
                platform_id: r.get(1)?,
                on: r.get(2)?,
                title: r.get(3)?,
                link: r.get(4)?,
                party_building: r.get(5)?,
                source: r.get(6)?,
                recorded_by: r.get(7)?,
                recorded_at: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The platform's latest update from every source (for its page and the ladder).
    pub fn last_update(&self, platform_id: i64) -> Result<Option<NaiveDate>, StoreError> {
        last_update_of(&self.conn, platform_id)
    }

    /// 第六条二: whether the platform has a party-building column.
    pub fn has_party_column(&self, platform_id: i64) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT has_party_column FROM platforms WHERE id = ?1",
                [platform_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Platform,
                id: platform_id,
            })
    }

    /// 第六条二: records that the platform has (or no longer has) a party-building column.
    pub fn set_party_column(&mut self, platform_id: i64, has: bool) -> Result<(), StoreError> {
        self.write(|w| {
            let unit = platform_unit(&w.tx, platform_id)?;
            w.allow(Permission::RecordUpdate, Target::Unit(unit))?;
            w.tx.execute(
                "UPDATE platforms SET has_party_column = ?1, version = version + 1,
                     updated_at = ?2 WHERE id = ?3",
                params![has, w.now(), platform_id],
            )?;
            w.note(
                "party_column",
                format!("platform:{platform_id}"),
                crate::text::supervision::party_column_note(has),
            )
        })
    }
}
