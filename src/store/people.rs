//! People of the units and the roles they hold.

use std::collections::HashMap;

use super::db::{OptionalExtension, params};

use super::error::{Conflict, Entity};
use super::units::{is_constraint, stale_or_missing};
use super::{Store, StoreError};
use crate::domain::permissions::{Permission, Target};
use crate::domain::unit::{Person, PersonDraft, Role};
use crate::domain::validation::validate_person;
use crate::text::audit as text;

impl Store {
    /// Everyone, ordered by unit then name.
    pub fn people(&self) -> Result<Vec<Person>, StoreError> {
        let mut roles: HashMap<i64, Vec<Role>> = HashMap::new();
        {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT person_id, role FROM person_roles")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let code: String = r.get(1)?;
                let role = Role::from_code(&code)
                    .ok_or_else(|| StoreError::Corrupt(format!("person_roles.role = {code}")))?;
                roles.entry(r.get(0)?).or_default().push(role);
            }
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.unit_id, p.name, p.mobile, p.version
             FROM people p JOIN units u ON u.id = p.unit_id
             ORDER BY u.name, p.name, p.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Person {
                id: r.get(0)?,
                unit_id: r.get(1)?,
                name: r.get(2)?,
                mobile: r.get(3)?,
                roles: Vec::new(),
                version: r.get(4)?,
            })
        })?;
        let mut people: Vec<Person> = rows.collect::<Result<_, _>>()?;
        for p in &mut people {
            if let Some(mut r) = roles.remove(&p.id) {
                r.sort();
                p.roles = r;
            }
        }
        Ok(people)
    }

    /// A new person of a unit, with their roles (第八条一: rights are allocated by the unit's
    /// responsible person).
    pub fn add_person(&mut self, draft: &PersonDraft) -> Result<i64, StoreError> {
        let errors = validate_person(draft);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        self.write(|w| {
            w.allow(Permission::ManagePeople, Target::Unit(draft.unit_id))?;
            let id: i64 =
                w.tx.query_row(
                    "INSERT INTO people (unit_id, name, mobile, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
                    params![
                        draft.unit_id,
                        draft.name.trim(),
                        draft.mobile.trim(),
                        w.now()
                    ],
                    |r| r.get(0),
                )
                .map_err(|e| orphan(e, Entity::Unit))?;
            write_roles(&w.tx, id, &draft.roles)?;
            w.note(
                "person_add",
                format!("person:{id}"),
                &text::person_summary(draft),
            )?;
            Ok(id)
        })
    }

    /// Saves an edit made from `version`. Moving a person to another unit needs the right in
    /// both units.
    pub fn update_person(
        &mut self,
        id: i64,
        version: i64,
        draft: &PersonDraft,
    ) -> Result<(), StoreError> {
        let errors = validate_person(draft);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        self.write(|w| {
            let unit_now = person_unit(&w.tx, id)?;
            w.allow(Permission::ManagePeople, Target::Unit(unit_now))?;
            if draft.unit_id != unit_now {
                w.allow(Permission::ManagePeople, Target::Unit(draft.unit_id))?;
            }
            let n =
                w.tx.execute(
                    "UPDATE people SET unit_id = ?1, name = ?2, mobile = ?3,
                         version = version + 1, updated_at = ?4
                     WHERE id = ?5 AND version = ?6",
                    params![
                        draft.unit_id,
                        draft.name.trim(),
                        draft.mobile.trim(),
                        w.now(),
                        id,
                        version
                    ],
                )
                .map_err(|e| orphan(e, Entity::Unit))?;
            stale_or_missing(&w.tx, n, "people", id, Entity::Person)?;
            w.tx.execute("DELETE FROM person_roles WHERE person_id = ?1", [id])?;
            write_roles(&w.tx, id, &draft.roles)?;
            w.note(
                "person_edit",
                format!("person:{id}"),
                &text::person_summary(draft),
            )
        })
    }

    /// Deletes a person who never acted: one with an account or posts stays on record.
    pub fn delete_person(&mut self, id: i64) -> Result<(), StoreError> {
        self.write(|w| {
            let unit = person_unit(&w.tx, id)?;
            w.allow(Permission::ManagePeople, Target::Unit(unit))?;
            match w.tx.execute("DELETE FROM people WHERE id = ?1", [id]) {
                Ok(_) => {}
                Err(e) if is_constraint(&e) => return Err(Conflict::PersonInUse.into()),
                Err(e) => return Err(e.into()),
            }
            w.note("person_delete", format!("person:{id}"), "")
        })
    }
}

/// The unit a person belongs to now.
fn person_unit(conn: &super::db::Connection, id: i64) -> Result<i64, StoreError> {
    conn.query_row("SELECT unit_id FROM people WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or(StoreError::NotFound {
        what: Entity::Person,
        id,
    })
}

fn write_roles(tx: &super::db::Transaction<'_>, id: i64, roles: &[Role]) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO person_roles (person_id, role) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    )?;
    for role in roles {
        stmt.execute(params![id, role.code()])?;
    }
    Ok(())
}

/// A foreign-key failure on insert means the referenced row is gone.
pub(super) fn orphan(e: super::db::Error, what: Entity) -> StoreError {
    if let super::db::Error::Constraint(message) = &e
        && (message.contains("FOREIGN KEY") || message.contains("foreign key"))
    {
        Conflict::ReferenceGone(what).into()
    } else {
        e.into()
    }
}
