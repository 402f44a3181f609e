//! Moving a whole database between a file and the server (`mediadesk db copy`, the server's
//! backup): every table in the order its references need, rows with their own ids, one
//! transaction on the target, then the counts compared and the copied audit chain verified.

use std::path::Path;

use super::db::{Backend, params_from_iter};
use super::{Store, StoreError};

/// Every table, parents before children (the order the migrations create them).
pub const TABLES: &[&str] = &[
    "settings",
    "units",
    "people",
    "person_roles",
    "platform_kinds",
    "platforms",
    "platform_admins",
    "drafts",
    "calendar_years",
    "filings",
    "filing_scans",
    "platform_changes",
    "platform_endings",
    "platform_events",
    "word_lists",
    "word_list_versions",
    "users",
    "posts",
    "post_revisions",
    "post_views",
    "post_attachments",
    "audit_log",
    "platform_updates",
    "supervision_notices",
    "security_incidents",
    "training_sessions",
    "training_attendance",
    "cli_sessions",
];

/// Tables the database derives from the others by its own triggers (migration 008): never
/// copied — the triggers fill them again on the target as the posts and updates arrive.
const DERIVED: &[&str] = &["platform_activity_months"];

/// The server's functions behind the triggers, dropped (with their triggers) on replace.
const FUNCTIONS: &[&str] = &[
    "audit_log_append_only()",
    "posts_activity()",
    "platform_updates_activity()",
    "platform_activity_moved(BIGINT, TEXT, BOOLEAN)",
];

/// Tables whose key is an `id` the server counts.
const IDENTITY: &[&str] = &[
    "units",
    "people",
    "platform_kinds",
    "platforms",
    "filings",
    "platform_changes",
    "platform_events",
    "users",
    "posts",
    "post_revisions",
    "post_attachments",
    "platform_updates",
    "supervision_notices",
    "security_incidents",
    "training_sessions",
];

/// What a copy moved: rows per table, and the audit entries verified on the target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyReport {
    pub tables: Vec<(&'static str, i64)>,
    pub audit_entries: u64,
}

impl CopyReport {
    pub fn total_rows(&self) -> i64 {
        self.tables.iter().map(|(_, n)| n).sum()
    }
}

impl Store {
    /// True when the database holds nothing a person entered: no unit, no user, no audit
    /// entry (the rows the migrations seed do not count).
    pub fn holds_data(&self) -> Result<bool, StoreError> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM units) + (SELECT COUNT(*) FROM users)
                    + (SELECT COUNT(*) FROM audit_log)",
            [],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }

    /// The columns of `table` in order (the copy relies on both backends agreeing).
    pub fn table_columns(&self, table: &str) -> Result<Vec<String>, StoreError> {
        Ok(self.conn.columns(table)?)
    }

    /// Rows in each table, in [`TABLES`] order.
    pub fn table_counts(&self) -> Result<Vec<(&'static str, i64)>, StoreError> {
        TABLES
            .iter()
            .map(|t| {
                let n: i64 =
                    self.conn
                        .query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))?;
                Ok((*t, n))
            })
            .collect()
    }

    /// Copies everything in `self` into `target`, which must hold no data (see
    /// [`Store::holds_data`]); the target's seeded rows are replaced by the source's. Both
    /// must be at the same schema version (opening brings both to the latest).
    /// Afterwards the counts must match and the target's audit chain must verify.
    pub fn copy_into(&self, target: &Store) -> Result<CopyReport, StoreError> {
        if target.holds_data()? {
            return Err(StoreError::TargetNotEmpty {
                place: target.place(),
            });
        }
        let tx = target.conn.unchecked_transaction()?;
        for table in TABLES.iter().rev() {
            if *table != "audit_log" {
                tx.execute(&format!("DELETE FROM {table}"), [])?;
            }
        }
        for table in TABLES {
            let columns = tx.columns(table)?;
            let list = columns.join(", ");
            let marks = (1..=columns.len())
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ");
            let insert = format!("INSERT INTO {table} ({list}) VALUES ({marks})");
            let mut read = self
                .conn
                .prepare(&format!("SELECT {list} FROM {table} ORDER BY 1"))?;
            let mut rows = read.query([])?;
            while let Some(row) = rows.next()? {
                let values = (0..columns.len())
                    .map(|i| row.get::<_, super::db::Value>(i))
                    .collect::<Result<Vec<_>, _>>()?;
                tx.execute(&insert, params_from_iter(values))?;
            }
            if IDENTITY.contains(table) {
                tx.reset_identity(table)?;
            }
        }
        tx.commit()?;
        // The server plans its queries from statistics; after a bulk load they are stale
        // until autovacuum comes round, and a queue would be planned as if the tables were
        // empty.
        if target.backend() == Backend::Postgres {
            target
                .conn
                .execute_batch(&format!("ANALYZE {}", TABLES.join(", ")))?;
        }
        let source = self.table_counts()?;
        let copied = target.table_counts()?;
        if source != copied {
            return Err(StoreError::CopyMismatch {
                source_counts: source,
                target_counts: copied,
            });
        }
        let check = target.verify_audit()?;
        if check.broken.is_some() {
            return Err(StoreError::CopyMismatch {
                source_counts: source,
                target_counts: copied,
            });
        }
        Ok(CopyReport {
            tables: copied,
            audit_entries: check.verified,
        })
    }
}

/// Copies `store` into a new SQLite file at `dest` (refused when the file exists).
pub(super) fn to_new_file(store: &Store, dest: &Path) -> Result<CopyReport, StoreError> {
    if dest.exists() {
        return Err(StoreError::TargetNotEmpty {
            place: dest.to_path_buf(),
        });
    }
    let target = Store::open(dest)?;
    debug_assert_eq!(target.backend(), Backend::Sqlite);
    store.copy_into(&target)
}

impl Store {
    /// Puts a copy of the whole database on record before it is made: the system
    /// administrator's right, as a backup is (the copy holds every unit's data and the
    /// password hashes), and the copy then includes that record.
    pub fn note_copy(&self, target: &str) -> Result<(), StoreError> {
        use crate::domain::permissions::{Permission, Target};
        self.write(|w| {
            w.allow(Permission::BackupDatabase, Target::School)?;
            w.note("copy", "database".to_owned(), target)
        })
    }
}

impl Store {
    /// Empties a server database for a copy told to replace what is there: every MediaDesk
    /// table dropped and made anew by the migrations. (A file is replaced whole instead: the
    /// copy goes to a new file that is then renamed over it.)
    pub fn empty_server_for_replace(&mut self) -> Result<(), StoreError> {
        if self.backend() != Backend::Postgres {
            return Ok(());
        }
        let tables: Vec<&str> = DERIVED.iter().chain(TABLES.iter().rev()).copied().collect();
        self.conn.execute_batch(&format!(
            "BEGIN;
             DROP TABLE IF EXISTS {} CASCADE;
             DROP TABLE IF EXISTS mediadesk_schema;
             DROP FUNCTION IF EXISTS {} CASCADE;
             COMMIT;",
            tables.join(", "),
            FUNCTIONS.join(", ")
        ))?;
        self.prepare()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copy_knows_every_table_the_migrations_make() {
        let s = Store::open_in_memory().unwrap();
        let mut stmt = s
            .conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
            .unwrap();
        let names: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let copied: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .filter(|n| !DERIVED.contains(n))
            .collect();
        assert_eq!(
            copied, TABLES,
            "a new table must be added to copy::TABLES (or DERIVED), in creation order"
        );
        assert!(DERIVED.iter().all(|d| names.iter().any(|n| n == d)));
        for t in IDENTITY {
            assert!(
                s.table_columns(t).unwrap().contains(&"id".to_owned()),
                "{t}"
            );
        }
    }

    #[test]
    fn a_copy_between_files_keeps_every_row_and_refuses_a_second_time() {
        let mut a = Store::open_in_memory().unwrap();
        a.load_demo(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
            .unwrap();
        let b = Store::open_in_memory().unwrap();
        assert!(!b.holds_data().unwrap());
        let report = a.copy_into(&b).unwrap();
        assert_eq!(report.tables, a.table_counts().unwrap());
        assert!(report.total_rows() > 300);
        assert!(matches!(
            a.copy_into(&b),
            Err(StoreError::TargetNotEmpty { .. })
        ));
        assert_eq!(b.table_counts().unwrap(), report.tables);
    }
}
