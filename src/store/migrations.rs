//! Append-only schema migrations, one list per backend with the same version numbers: the
//! file's in `PRAGMA user_version`, the server's in the `mediadesk_schema` table. Never edit
//! one that has shipped: add the next to both lists. (rusqlite_migration does not accept
//! rusqlite 0.43 yet, nor a second backend.)

use std::path::Path;

use super::StoreError;
use super::db::{Backend, Connection, OptionalExtension};

/// Each entry moves the file's schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_registry.sql"),
    include_str!("migrations/002_filings.sql"),
    include_str!("migrations/003_lifecycle.sql"),
    include_str!("migrations/004_word_lists.sql"),
    include_str!("migrations/005_posts.sql"),
    include_str!("migrations/006_permissions.sql"),
    include_str!("migrations/007_supervision.sql"),
    include_str!("migrations/008_activity.sql"),
    include_str!("migrations/009_signing.sql"),
    include_str!("migrations/010_cli_sessions.sql"),
    include_str!("migrations/011_must_change_password.sql"),
];

/// The same steps for the server (BIGINT integers, identity keys, PL/pgSQL triggers).
pub const PG_MIGRATIONS: &[&str] = &[
    include_str!("migrations/pg/001_registry.sql"),
    include_str!("migrations/pg/002_filings.sql"),
    include_str!("migrations/pg/003_lifecycle.sql"),
    include_str!("migrations/pg/004_word_lists.sql"),
    include_str!("migrations/pg/005_posts.sql"),
    include_str!("migrations/pg/006_permissions.sql"),
    include_str!("migrations/pg/007_supervision.sql"),
    include_str!("migrations/pg/008_activity.sql"),
    include_str!("migrations/pg/009_signing.sql"),
    include_str!("migrations/pg/010_cli_sessions.sql"),
    include_str!("migrations/pg/011_must_change_password.sql"),
];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

const _: () = assert!(MIGRATIONS.len() == PG_MIGRATIONS.len());

/// The schema version the database is at (0 for a new one).
pub(super) fn version(conn: &Connection) -> Result<i64, StoreError> {
    Ok(match conn.backend() {
        Backend::Sqlite => conn.query_row("PRAGMA user_version", [], |r| r.get(0))?,
        Backend::Postgres => {
            let has_table: bool = conn.query_row(
                "SELECT to_regclass('mediadesk_schema') IS NOT NULL",
                [],
                |r| r.get(0),
            )?;
            if has_table {
                conn.query_row("SELECT version FROM mediadesk_schema", [], |r| r.get(0))
                    .optional()?
                    .unwrap_or(0)
            } else {
                0
            }
        }
    })
}

pub(super) fn migrate(conn: &Connection, place: &Path) -> Result<(), StoreError> {
    if conn.backend() == Backend::Postgres {
        // Two desks starting at once on a new server: one migrates, the other waits.
        conn.execute_batch(
            "SELECT pg_advisory_lock(7231000);
             CREATE TABLE IF NOT EXISTS mediadesk_schema (version BIGINT NOT NULL);",
        )?;
    }
    let result = migrate_locked(conn, place);
    if conn.backend() == Backend::Postgres {
        conn.execute_batch("SELECT pg_advisory_unlock(7231000)")?;
    }
    result
}

fn migrate_locked(conn: &Connection, place: &Path) -> Result<(), StoreError> {
    let current = version(conn)?;
    if current > LATEST_VERSION {
        return Err(StoreError::NewerVersion {
            path: place.to_path_buf(),
            found: current,
            supported: LATEST_VERSION,
        });
    }
    let steps = match conn.backend() {
        Backend::Sqlite => MIGRATIONS,
        Backend::Postgres => PG_MIGRATIONS,
    };
    for (i, sql) in steps.iter().enumerate().skip(current.max(0) as usize) {
        let tx = conn.unchecked_transaction()?;
        tx.execute_batch(sql)?;
        set_version(&tx, (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

fn set_version(conn: &Connection, v: i64) -> Result<(), StoreError> {
    match conn.backend() {
        Backend::Sqlite => conn.execute_batch(&format!("PRAGMA user_version = {v}"))?,
        Backend::Postgres => {
            conn.execute("DELETE FROM mediadesk_schema", [])?;
            conn.execute("INSERT INTO mediadesk_schema (version) VALUES (?1)", [v])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory() -> Connection {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        Connection::from_sqlite(conn)
    }

    #[test]
    fn migrations_validate_and_reach_the_latest_version() {
        let conn = memory();
        migrate(&conn, Path::new("")).unwrap();
        assert_eq!(version(&conn).unwrap(), LATEST_VERSION);
        let sqlite = conn.as_sqlite().unwrap();
        let ok: String = sqlite
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        {
            let mut stmt = sqlite.prepare("PRAGMA foreign_key_check").unwrap();
            assert_eq!(stmt.query_map([], |_| Ok(())).unwrap().count(), 0);
        }
        // Running again is a no-op.
        migrate(&conn, Path::new("")).unwrap();
    }

    #[test]
    fn each_migration_applies_on_top_of_the_previous_one() {
        let conn = memory();
        for (i, sql) in MIGRATIONS.iter().enumerate() {
            conn.execute_batch(sql)
                .unwrap_or_else(|e| panic!("migration {} fails: {e}", i + 1));
        }
    }

    #[test]
    fn a_newer_database_is_refused_untouched() {
        let conn = memory();
        set_version(&conn, LATEST_VERSION + 1).unwrap();
        let err = migrate(&conn, Path::new("")).unwrap_err();
        assert!(matches!(err, StoreError::NewerVersion { .. }));
        assert_eq!(version(&conn).unwrap(), LATEST_VERSION + 1);
    }
}
