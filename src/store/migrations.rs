//! Append-only schema migrations tracked in `PRAGMA user_version`. Never edit one that has
//! shipped: add the next. (rusqlite_migration does not accept rusqlite 0.43 yet.)

use std::path::Path;

use rusqlite::Connection;

use super::StoreError;

/// Each entry moves the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    include_str!("migrations/001_registry.sql"),
    include_str!("migrations/002_filings.sql"),
    include_str!("migrations/003_lifecycle.sql"),
    include_str!("migrations/004_word_lists.sql"),
    include_str!("migrations/005_posts.sql"),
    include_str!("migrations/006_permissions.sql"),
    include_str!("migrations/007_supervision.sql"),
];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn migrate(conn: &mut Connection, path: Option<&Path>) -> Result<(), StoreError> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > LATEST_VERSION {
        return Err(StoreError::NewerVersion {
            path: path.map(Path::to_path_buf).unwrap_or_default(),
            found: current,
            supported: LATEST_VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_validate_and_reach_the_latest_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        migrate(&mut conn, None).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, LATEST_VERSION);
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        {
            let mut stmt = conn.prepare("PRAGMA foreign_key_check").unwrap();
            assert_eq!(stmt.query_map([], |_| Ok(())).unwrap().count(), 0);
        }
        // Running again is a no-op.
        migrate(&mut conn, None).unwrap();
    }

    #[test]
    fn each_migration_applies_on_top_of_the_previous_one() {
        let conn = Connection::open_in_memory().unwrap();
        for (i, sql) in MIGRATIONS.iter().enumerate() {
            conn.execute_batch(sql)
                .unwrap_or_else(|e| panic!("migration {} fails: {e}", i + 1));
        }
    }

    #[test]
    fn a_newer_database_is_refused_untouched() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
            .unwrap();
        let err = migrate(&mut conn, None).unwrap_err();
        assert!(matches!(err, StoreError::NewerVersion { .. }));
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, LATEST_VERSION + 1);
    }
}
