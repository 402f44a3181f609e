//! The SQLite store: one owner of the connection, append-only migrations, and one
//! repository file per table group. Every write is one transaction; rows carry a version so
//! an edit that started from an older row is refused instead of silently overwriting it.

mod audit_log;
mod calendar;
mod error;
mod filings;
mod guard;
mod incidents;
mod lifecycle;
mod migrations;
mod notices;
mod open;
mod people;
mod platforms;
mod post_attachments;
mod post_queues;
mod posts;
mod settings;
mod supervision;
mod training;
mod units;
mod updates;
mod users;
mod words;

pub mod demo;
mod demo_posts;
mod demo_supervision;
pub mod drafts;

pub use audit_log::{AuditCheck, AuditFilter};
pub use demo_posts::{DEMO_ADMIN_LOGIN, DEMO_SUPERVISOR_LOGIN};
pub use error::{AttachmentRefusal, Conflict, Entity, Rejection, StoreError, SupervisionRefusal};
pub use filings::{FilingRow, MAX_SCAN_BYTES, Scan};
pub use lifecycle::{ChangeRecord, ChangeState, Ending, Event};
pub use migrations::{LATEST_VERSION, MIGRATIONS};
pub use notices::NoticeRow;
pub use open::{DB_ENV_VAR, default_db_path};
pub use post_attachments::{AttachmentMeta, MAX_ATTACHMENT_BYTES};
pub use post_queues::{DEFAULT_LIST_LIMIT, PostFilter, PostRow};
pub use posts::{Revision, post_text};
pub use settings::Settings;
pub use supervision::SupervisionFacts;
pub use training::TrainingRow;
pub use updates::{HistoryImport, UpdateRow};
pub use users::{DEMO_PASSWORD, NEW_PASSWORD_ENV_VAR, NewUser, PASSWORD_ENV_VAR, Session, UserRow};
pub use words::ALLOW_LIST;

use rusqlite::Connection;

/// The open database. Holds the lock file of an on-disk database for as long as it lives,
/// so a second MediaDesk on the same file is told so instead of racing this one.
pub struct Store {
    conn: Connection,
    path: Option<std::path::PathBuf>,
    _lock: Option<std::fs::File>,
    /// Who is signed in; every write acts as them and is checked against
    /// `domain::permissions` inside its transaction (`guard`).
    session: Option<Session>,
}

impl Store {
    /// A fresh in-memory database with every migration applied (tests, benchmarks).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::open_in_memory()?;
        let mut store = Self {
            conn,
            path: None,
            _lock: None,
            session: None,
        };
        store.prepare()?;
        Ok(store)
    }

    /// The file behind this store, if any.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    fn prepare(&mut self) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        debug_assert!(mode == "wal" || mode == "memory");
        migrations::migrate(&mut self.conn, self.path.as_deref())
    }

    /// The schema version this database is at (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// True when the database holds no unit yet: the window shows its welcome page.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM units", [], |r| r.get(0))?;
        Ok(n == 0)
    }

    /// Copies the whole database to `dest` (SQLite's online backup), for the 备份 button:
    /// the system administrator's, since the copy holds every unit's data and the password
    /// hashes. The backup is on record, and the copy includes that record.
    pub fn backup_to(&self, dest: &std::path::Path) -> Result<(), StoreError> {
        use crate::domain::permissions::{Permission, Target};
        self.write(|w| {
            w.allow(Permission::BackupDatabase, Target::School)?;
            w.note("backup", "database".to_owned(), &dest.display().to_string())
        })?;
        let mut out = Connection::open(dest)?;
        let backup = rusqlite::backup::Backup::new(&self.conn, &mut out)?;
        backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
        Ok(())
    }

    /// Query plan of `sql`, for tests that keep the big screens indexed.
    pub fn query_plan(&self, sql: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(3))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

pub(crate) fn now_timestamp() -> chrono::NaiveDateTime {
    let now = chrono::Local::now().naive_local();
    now.with_nanosecond(0).unwrap_or(now)
}

use chrono::Timelike;
