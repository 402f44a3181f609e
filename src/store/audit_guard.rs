//! The audit log's append-only triggers (第八条一): whoever holds the database file (or the
//! server's owner role) can drop them. They are checked, and put back by the system
//! administrator — and putting them back is itself an entry in the chain, so the gap in the
//! protection stays on record. (What the triggers cannot stop — a rewrite that recomputes the
//! hashes — is for the signatures and the printed anchors.)

use super::db::Backend;
use super::{Store, StoreError};
use crate::domain::permissions::{Permission, Target};

/// The triggers of a file, with the statement that makes each.
const SQLITE_TRIGGERS: &[(&str, &str)] = &[
    (
        "audit_log_no_update",
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
         BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    ),
    (
        "audit_log_no_delete",
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
         BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    ),
];

/// The server's, after the function they call.
const PG_FUNCTION: &str = "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$";

const PG_TRIGGERS: &[(&str, &str)] = &[
    (
        "audit_log_no_update",
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
         FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    ),
    (
        "audit_log_no_delete",
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
         FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    ),
    (
        "audit_log_no_truncate",
        "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
         FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
    ),
];

fn expected(backend: Backend) -> &'static [(&'static str, &'static str)] {
    match backend {
        Backend::Sqlite => SQLITE_TRIGGERS,
        Backend::Postgres => PG_TRIGGERS,
    }
}

impl Store {
    /// The append-only triggers that are missing (none, normally).
    pub fn missing_audit_triggers(&self) -> Result<Vec<&'static str>, StoreError> {
        let sql = match self.backend() {
            Backend::Sqlite => {
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
            }
            Backend::Postgres => {
                "SELECT tgname::text FROM pg_trigger
                 WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal"
            }
        };
        let mut stmt = self.conn.prepare(sql)?;
        let present: Vec<String> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(expected(self.backend())
            .iter()
            .map(|(name, _)| *name)
            .filter(|name| !present.iter().any(|p| p == name))
            .collect())
    }

    /// Puts the missing triggers back (the system administrator's) and records which were
    /// missing; returns them.
    pub fn restore_audit_triggers(&mut self) -> Result<Vec<&'static str>, StoreError> {
        let missing = self.missing_audit_triggers()?;
        if missing.is_empty() {
            self.check(Permission::EditSettings, Target::School)?;
            return Ok(missing);
        }
        let backend = self.backend();
        self.write(|w| {
            w.allow(Permission::EditSettings, Target::School)?;
            if backend == Backend::Postgres {
                w.tx.execute_batch(PG_FUNCTION)?;
            }
            for (name, sql) in expected(backend) {
                if missing.contains(name) {
                    w.tx.execute_batch(sql)?;
                }
            }
            w.note(
                "audit_triggers_restored",
                "audit_log".to_owned(),
                &missing.join(", "),
            )
        })?;
        Ok(missing)
    }
}
