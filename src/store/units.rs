//! Units (二级单位) and the editable list of platform kinds.

use rusqlite::{OptionalExtension, params};

use super::audit_log::note;
use super::{Store, StoreError, now_timestamp};
use crate::domain::platform::PlatformKind;
use crate::domain::unit::{Unit, UnitDraft};
use crate::domain::validation::validate_unit;

impl Store {
    pub fn units(&self) -> Result<Vec<Unit>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, party_branch, head, secretary, version FROM units ORDER BY name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Unit {
                id: r.get(0)?,
                name: r.get(1)?,
                party_branch: r.get(2)?,
                head: r.get(3)?,
                secretary: r.get(4)?,
                version: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn unit(&self, id: i64) -> Result<Unit, StoreError> {
        self.units()?
            .into_iter()
            .find(|u| u.id == id)
            .ok_or(StoreError::NotFound { what: "单位", id })
    }

    pub fn add_unit(&mut self, draft: &UnitDraft) -> Result<i64, StoreError> {
        let errors = validate_unit(draft);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let tx = self.conn.transaction()?;
        let exists: Option<i64> = tx
            .query_row(
                "SELECT id FROM units WHERE name = ?1",
                [draft.name.trim()],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_some() {
            return Err(StoreError::InUse(format!(
                "已有名为「{}」的单位，请换一个名称",
                draft.name.trim()
            )));
        }
        let now = now_timestamp();
        tx.execute(
            "INSERT INTO units (name, party_branch, head, secretary, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![
                draft.name.trim(),
                draft.party_branch.trim(),
                draft.head.trim(),
                draft.secretary.trim(),
                now
            ],
        )?;
        let id = tx.last_insert_rowid();
        note(
            &tx,
            &self.actor,
            "unit_add",
            format!("unit:{id}"),
            draft.name.trim(),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Saves an edit made from `version`; refused if the unit changed since.
    pub fn update_unit(
        &mut self,
        id: i64,
        version: i64,
        draft: &UnitDraft,
    ) -> Result<(), StoreError> {
        let errors = validate_unit(draft);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let tx = self.conn.transaction()?;
        let clash: Option<i64> = tx
            .query_row(
                "SELECT id FROM units WHERE name = ?1 AND id <> ?2",
                params![draft.name.trim(), id],
                |r| r.get(0),
            )
            .optional()?;
        if clash.is_some() {
            return Err(StoreError::InUse(format!(
                "已有名为「{}」的单位，请换一个名称",
                draft.name.trim()
            )));
        }
        let n = tx.execute(
            "UPDATE units SET name = ?1, party_branch = ?2, head = ?3, secretary = ?4,
                 version = version + 1, updated_at = ?5
             WHERE id = ?6 AND version = ?7",
            params![
                draft.name.trim(),
                draft.party_branch.trim(),
                draft.head.trim(),
                draft.secretary.trim(),
                now_timestamp(),
                id,
                version
            ],
        )?;
        stale_or_missing(&tx, n, "units", id, "单位")?;
        let summary = format!(
            "{}；党组织 {}；负责人 {}；书记 {}",
            draft.name.trim(),
            draft.party_branch.trim(),
            draft.head.trim(),
            draft.secretary.trim()
        );
        note(
            &tx,
            &self.actor,
            "unit_edit",
            format!("unit:{id}"),
            &summary,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a unit that has no platforms or people (the foreign keys refuse otherwise).
    pub fn delete_unit(&mut self, id: i64) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let n = match tx.execute("DELETE FROM units WHERE id = ?1", [id]) {
            Ok(n) => n,
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) => {
                return Err(StoreError::InUse(
                    "该单位下还有平台或人员，不能删除。请先把它们移到其他单位。".to_owned(),
                ));
            }
            Err(e) => return Err(e.into()),
        };
        if n == 0 {
            return Err(StoreError::NotFound { what: "单位", id });
        }
        note(&tx, &self.actor, "unit_delete", format!("unit:{id}"), "")?;
        tx.commit()?;
        Ok(())
    }

    pub fn platform_kinds(&self) -> Result<Vec<PlatformKind>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, is_website, has_account_type, sort_order
             FROM platform_kinds ORDER BY sort_order, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PlatformKind {
                id: r.get(0)?,
                name: r.get(1)?,
                is_website: r.get(2)?,
                has_account_type: r.get(3)?,
                sort_order: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a new-media platform to the editable list (e.g. a platform that did not exist yet).
    pub fn add_platform_kind(
        &mut self,
        name: &str,
        has_account_type: bool,
    ) -> Result<i64, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::InUse("平台名称不能为空".to_owned()));
        }
        let tx = self.conn.transaction()?;
        let exists: Option<i64> = tx
            .query_row(
                "SELECT id FROM platform_kinds WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_some() {
            return Err(StoreError::InUse(format!("列表中已有「{name}」")));
        }
        tx.execute(
            "INSERT INTO platform_kinds (name, is_website, has_account_type, sort_order)
             VALUES (?1, 0, ?2, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM platform_kinds))",
            params![name, has_account_type],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// Removes a kind no platform uses.
    pub fn delete_platform_kind(&mut self, id: i64) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        match tx.execute("DELETE FROM platform_kinds WHERE id = ?1", [id]) {
            Ok(0) => {
                return Err(StoreError::NotFound {
                    what: "平台类型",
                    id,
                });
            }
            Ok(_) => {}
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) => {
                return Err(StoreError::InUse(
                    "还有平台属于这一类型，不能删除".to_owned(),
                ));
            }
            Err(e) => return Err(e.into()),
        }
        tx.commit()?;
        Ok(())
    }
}

/// After an `UPDATE … WHERE id AND version` touched `n` rows: tells a stale edit from a
/// vanished row.
pub(super) fn stale_or_missing(
    tx: &rusqlite::Transaction<'_>,
    n: usize,
    table: &str,
    id: i64,
    what: &'static str,
) -> Result<(), StoreError> {
    if n == 1 {
        return Ok(());
    }
    let exists: Option<i64> = tx
        .query_row(
            &format!("SELECT id FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .optional()?;
    Err(match exists {
        Some(_) => StoreError::Stale { what },
        None => StoreError::NotFound { what, id },
    })
}
