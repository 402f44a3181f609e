//! People of the units and the roles they hold.

use std::collections::HashMap;

use rusqlite::params;

use super::audit_log::note;
use super::units::stale_or_missing;
use super::{Store, StoreError, now_timestamp};
use crate::domain::unit::{Person, PersonDraft, Role};
use crate::domain::validation::validate_person;

/// 「张喆 · 信息员、管理员」: roles decide who may review and publish (第七条三), so every
/// change of them is in the audit chain.
fn person_summary(draft: &PersonDraft) -> String {
    let roles: Vec<&str> = draft.roles.iter().map(|r| r.label()).collect();
    format!("{} · {}", draft.name.trim(), roles.join("、"))
}

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
                    .ok_or_else(|| StoreError::Corrupt(format!("未知角色 {code}")))?;
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

    pub fn add_person(&mut self, draft: &PersonDraft) -> Result<i64, StoreError> {
        let errors = validate_person(draft);
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        let tx = self.conn.transaction()?;
        let now = now_timestamp();
        tx.execute(
            "INSERT INTO people (unit_id, name, mobile, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![draft.unit_id, draft.name.trim(), draft.mobile.trim(), now],
        )
        .map_err(|e| orphan(e, "单位"))?;
        let id = tx.last_insert_rowid();
        write_roles(&tx, id, &draft.roles)?;
        note(
            &tx,
            &self.actor,
            "person_add",
            format!("person:{id}"),
            &person_summary(draft),
        )?;
        tx.commit()?;
        Ok(id)
    }

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
        let tx = self.conn.transaction()?;
        let n = tx
            .execute(
                "UPDATE people SET unit_id = ?1, name = ?2, mobile = ?3,
                     version = version + 1, updated_at = ?4
                 WHERE id = ?5 AND version = ?6",
                params![
                    draft.unit_id,
                    draft.name.trim(),
                    draft.mobile.trim(),
                    now_timestamp(),
                    id,
                    version
                ],
            )
            .map_err(|e| orphan(e, "单位"))?;
        stale_or_missing(&tx, n, "people", id, "人员")?;
        tx.execute("DELETE FROM person_roles WHERE person_id = ?1", [id])?;
        write_roles(&tx, id, &draft.roles)?;
        note(
            &tx,
            &self.actor,
            "person_edit",
            format!("person:{id}"),
            &person_summary(draft),
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn delete_person(&mut self, id: i64) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        if tx.execute("DELETE FROM people WHERE id = ?1", [id])? == 0 {
            return Err(StoreError::NotFound { what: "人员", id });
        }
        note(
            &tx,
            &self.actor,
            "person_delete",
            format!("person:{id}"),
            "",
        )?;
        tx.commit()?;
        Ok(())
    }
}

fn write_roles(tx: &rusqlite::Transaction<'_>, id: i64, roles: &[Role]) -> Result<(), StoreError> {
    let mut stmt =
        tx.prepare_cached("INSERT OR IGNORE INTO person_roles (person_id, role) VALUES (?1, ?2)")?;
    for role in roles {
        stmt.execute(params![id, role.code()])?;
    }
    Ok(())
}

/// A foreign-key failure on insert means the referenced row is gone.
pub(super) fn orphan(e: rusqlite::Error, what: &str) -> StoreError {
    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation)
        && e.to_string().contains("FOREIGN KEY")
    {
        StoreError::InUse(format!("所选{what}不存在（可能刚被删除），请重新选择"))
    } else {
        e.into()
    }
}
