//! When a file store's writes reach the disk.
//!
//! The window keeps SQLite's `synchronous=FULL`: every commit is on the disk before it
//! returns, since the next write, and the next chance to sync, may be minutes away. A command
//! line process is different: it makes its writes and ends within milliseconds. For it,
//! [`Store::sync_when_done`] lets commits go to the write-ahead log without waiting, and
//! [`Store::make_durable`] then brings everything the command wrote into the database file
//! and syncs it, once, before the command says what it did (`cli::run_to` holds its output
//! until then). What a command reports as done is on the disk either way; a printed form
//! costs four syncs of the database instead of five: the new log's header and its folder
//! (SQLite syncs those whatever the setting), then the log and the file at the checkpoint;
//! the commit's own sync is the one saved (strace of a cold print, about 1 ms on this disk).
//!
//! A side effect: after every command the `.db` file alone holds everything it wrote, unless
//! another program (not MediaDesk: one MediaDesk per file) was reading it at that moment.

use super::{Store, StoreError};

impl Store {
    /// For a process that ends after one command: commits stop waiting for the disk until
    /// [`Store::make_durable`]. No effect on a server's store.
    pub fn sync_when_done(&self) -> Result<(), StoreError> {
        if let Some(conn) = self.conn.as_sqlite() {
            conn.pragma_update(None, "synchronous", "NORMAL")?;
        }
        Ok(())
    }

    /// Everything committed so far copied into the database file, and the file synced. When
    /// another program is reading an older state (so not everything can be copied yet), the
    /// log itself is synced instead, which is as durable: the commits survive a power cut
    /// either way, and nothing waits for the other program.
    pub fn make_durable(&self) -> Result<(), StoreError> {
        let Some(conn) = self.conn.as_sqlite() else {
            return Ok(());
        };
        // (busy, frames in the log, frames copied into the file); -1 when not in WAL mode
        // (an in-memory database), where there is nothing to do.
        let (busy, logged, copied): (i64, i64, i64) =
            conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        if busy == 0 && copied >= logged {
            return Ok(());
        }
        tracing::warn!(
            "checkpoint incomplete (busy {busy}, {copied}/{logged} frames): syncing the log"
        );
        // A commit under FULL syncs the log, and with it every frame before it. Setting the
        // schema version to itself is such a commit that changes nothing.
        conn.pragma_update(None, "synchronous", "FULL")?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        conn.pragma_update(None, "user_version", version)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::path::Path;

    use super::*;
    use crate::domain::unit::UnitDraft;

    /// The units a copy of the `.db` file alone (without its log) holds: what survives when
    /// only that file is kept.
    fn units_in_the_file_alone(db: &Path) -> Vec<String> {
        let copy = db.with_file_name("copy.db");
        std::fs::copy(db, &copy).unwrap();
        let names = rusqlite::Connection::open(&copy).and_then(|c| {
            let mut stmt = c.prepare("SELECT name FROM units")?;
            let names = stmt.query_map([], |r| r.get(0))?;
            names.collect::<Result<Vec<String>, _>>()
        });
        std::fs::remove_file(&copy).unwrap();
        // Before anything was copied the file may not even have the table yet.
        names.unwrap_or_default()
    }

    fn store_for_one_command(db: &Path) -> Store {
        let mut store = Store::open(db).unwrap();
        store.create_first_admin("admin", "durable-2026").unwrap();
        store.sync_when_done().unwrap();
        store
    }

    fn unit(name: &str) -> UnitDraft {
        UnitDraft {
            name: name.into(),
            ..UnitDraft::default()
        }
    }

    fn synchronous(store: &Store) -> i64 {
        let conn = store.conn.as_sqlite().unwrap();
        conn.query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn a_commands_writes_reach_the_file_when_it_is_made_durable() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("m.db");
        let mut store = store_for_one_command(&db);
        assert_eq!(synchronous(&store), 1, "NORMAL while the command runs");
        store.add_unit(&unit("测试学院")).unwrap();
        assert!(!units_in_the_file_alone(&db).contains(&"测试学院".to_owned()));
        store.make_durable().unwrap();
        assert_eq!(units_in_the_file_alone(&db), vec!["测试学院".to_owned()]);
        // Nothing was left to sync the slow way.
        assert_eq!(synchronous(&store), 1);
    }

    #[test]
    fn a_reader_in_another_program_makes_the_log_synced_instead_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("m.db");
        let mut store = store_for_one_command(&db);
        store.add_unit(&unit("先有的学院")).unwrap();
        // Another program (not MediaDesk, which takes the lock) reads and stays on its state.
        let reader = rusqlite::Connection::open(&db).unwrap();
        reader.execute_batch("BEGIN").unwrap();
        let seen: i64 = reader
            .query_row("SELECT COUNT(*) FROM units", [], |r| r.get(0))
            .unwrap();
        assert_eq!(seen, 1);
        store.add_unit(&unit("后来的学院")).unwrap();
        store.make_durable().unwrap();
        // The newest unit could not be copied past the reader, so the log was synced by a
        // commit under FULL, and the store stays at FULL for whatever the command does next.
        assert_eq!(synchronous(&store), 2);
        assert!(!units_in_the_file_alone(&db).contains(&"后来的学院".to_owned()));
        reader.execute_batch("COMMIT").unwrap();
        let names: Vec<String> = store.units().unwrap().into_iter().map(|u| u.name).collect();
        assert!(names.contains(&"后来的学院".to_owned()), "{names:?}");
    }

    #[test]
    fn an_in_memory_store_has_nothing_to_make_durable() {
        let store = Store::open_in_memory().unwrap();
        store.sync_when_done().unwrap();
        store.make_durable().unwrap();
    }
}
