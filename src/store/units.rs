//! Units (二级单位) and the editable list of platform kinds.

use super::db::{OptionalExtension, params};

use super::error::{Conflict, Entity, Rejection};
use super::{Store, StoreError};
use crate::domain::permissions::{Permission, Target};
use crate::domain::platform::PlatformKind;
use crate::domain::unit::{Unit, UnitDraft};
use crate::domain::validation::validate_unit;
use crate::text::audit as text;

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
            .ok_or(StoreError::NotFound {
                what: Entity::Unit,
                id,
            })
    }

    /// A new unit (第二条: set up by the school).
    pub fn add_unit(&mut self, draft: &UnitDraft) -> Result<i64, StoreError> {
        let errors = validate_unit(draft);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        self.write(|w| {
            w.allow(Permission::ManageUnits, Target::School)?;
            let exists: Option<i64> =
                w.tx.query_row(
                    "SELECT id FROM units WHERE name = ?1",
                    [draft.name.trim()],
                    |r| r.get(0),
                )
                .optional()?;
            if exists.is_some() {
                return Err(Conflict::UnitNameTaken(draft.name.trim().to_owned()).into());
            }
            let id: i64 = w.tx.query_row(
                "INSERT INTO units (name, party_branch, head, secretary, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5) RETURNING id",
                params![
                    draft.name.trim(),
                    draft.party_branch.trim(),
                    draft.head.trim(),
                    draft.secretary.trim(),
                    w.now()
                ],
                |r| r.get(0),
            )?;
            w.note("unit_add", format!("unit:{id}"), draft.name.trim())?;
            Ok(id)
        })
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
        self.write(|w| {
            w.allow(Permission::EditUnit, Target::Unit(id))?;
            let clash: Option<i64> =
                w.tx.query_row(
                    "SELECT id FROM units WHERE name = ?1 AND id <> ?2",
                    params![draft.name.trim(), id],
                    |r| r.get(0),
                )
                .optional()?;
            if clash.is_some() {
                return Err(Conflict::UnitNameTaken(draft.name.trim().to_owned()).into());
            }
            let n = w.tx.execute(
                "UPDATE units SET name = ?1, party_branch = ?2, head = ?3, secretary = ?4,
                     version = version + 1, updated_at = ?5
                 WHERE id = ?6 AND version = ?7",
                params![
                    draft.name.trim(),
                    draft.party_branch.trim(),
                    draft.head.trim(),
                    draft.secretary.trim(),
                    w.now(),
                    id,
                    version
                ],
            )?;
            stale_or_missing(&w.tx, n, "units", id, Entity::Unit)?;
            w.note(
                "unit_edit",
                format!("unit:{id}"),
                &text::unit_summary(draft),
            )
        })
    }

    /// Deletes a unit that has no platforms or people (the foreign keys refuse otherwise).
    pub fn delete_unit(&mut self, id: i64) -> Result<(), StoreError> {
        self.write(|w| {
            w.allow(Permission::ManageUnits, Target::School)?;
            let n = match w.tx.execute("DELETE FROM units WHERE id = ?1", [id]) {
                Ok(n) => n,
                Err(e) if is_constraint(&e) => return Err(Conflict::UnitNotEmpty.into()),
                Err(e) => return Err(e.into()),
            };
            if n == 0 {
                return Err(StoreError::NotFound {
                    what: Entity::Unit,
                    id,
                });
            }
            w.note("unit_delete", format!("unit:{id}"), "")
        })
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
            return Err(Rejection::KindNameEmpty.into());
        }
        self.write(|w| {
            w.allow(Permission::ManagePlatformKinds, Target::School)?;
            let exists: Option<i64> =
                w.tx.query_row(
                    "SELECT id FROM platform_kinds WHERE name = ?1",
                    [name],
                    |r| r.get(0),
                )
                .optional()?;
            if exists.is_some() {
                return Err(Conflict::KindNameTaken(name.to_owned()).into());
            }
            let id: i64 = w.tx.query_row(
                "INSERT INTO platform_kinds (name, is_website, has_account_type, sort_order)
                 VALUES (?1, 0, ?2, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM platform_kinds))
                 RETURNING id",
                params![name, has_account_type],
                |r| r.get(0),
            )?;
            w.note("kind_add", format!("kind:{id}"), name)?;
            Ok(id)
        })
    }

    /// Removes a kind no platform uses.
    pub fn delete_platform_kind(&mut self, id: i64) -> Result<(), StoreError> {
        self.write(|w| {
            w.allow(Permission::ManagePlatformKinds, Target::School)?;
            let name: Option<String> =
                w.tx.query_row("SELECT name FROM platform_kinds WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            let Some(name) = name else {
                return Err(StoreError::NotFound {
                    what: Entity::PlatformKind,
                    id,
                });
            };
            match w
                .tx
                .execute("DELETE FROM platform_kinds WHERE id = ?1", [id])
            {
                Ok(_) => {}
                Err(e) if is_constraint(&e) => return Err(Conflict::KindInUse.into()),
                Err(e) => return Err(e.into()),
            }
            w.note("kind_delete", format!("kind:{id}"), &name)
        })
    }
}

/// A refusal by a constraint (foreign key, unique, check) rather than a broken database.
pub(super) fn is_constraint(e: &super::db::Error) -> bool {
    e.is_constraint()
}

/// After an `UPDATE … WHERE id AND version` touched `n` rows: tells a stale edit from a
/// vanished row.
pub(super) fn stale_or_missing(
    tx: &super::db::Transaction<'_>,
    n: usize,
    table: &str,
    id: i64,
    what: Entity,
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
