//! The store: one owner of the connection — the desk's SQLite file or the school's
//! PostgreSQL server (`db`) — append-only migrations per backend, and one repository file
//! per table group. Every write is one transaction; rows carry a version so
//! an edit that started from an older row is refused instead of silently overwriting it.

mod activity;
mod audit_guard;
mod audit_head;
mod audit_log;
mod audit_names;
mod backup;
mod bulk;
mod calendar;
pub mod choice;
mod copy;
pub mod db;
mod durability;
mod error;
mod filings;
mod guard;
mod incidents;
mod keys;
mod lifecycle;
mod location;
mod migrations;
mod notices;
mod open;
mod open_server;
mod people;
mod platforms;
mod post_attachments;
mod post_queues;
mod posts;
mod reader;
mod sessions;
mod settings;
mod supervision;
mod todo;
mod training;
mod units;
mod updates;
mod users;
mod words;

pub mod demo;
mod demo_large;
mod demo_posts;
mod demo_supervision;
pub mod drafts;

pub use activity::MonthlyCount;
pub use audit_log::{AnchorCheck, AuditCheck, AuditFilter, VerifyOptions};
pub use audit_names::ObjectName;
pub use backup::{
    BackupContents, BackupError, BackupInfo, Restored, back_up_file, backup_folder_of,
    list_backups, restore_from,
};
pub use bulk::BulkRefusal;
pub use copy::{CopyReport, TABLES};
pub use demo_posts::{DEMO_ADMIN_LOGIN, DEMO_SUPERVISOR_LOGIN};
pub use error::{AttachmentRefusal, Conflict, Entity, Rejection, StoreError, SupervisionRefusal};
pub use filings::{FilingRow, MAX_SCAN_BYTES, Scan};
pub use lifecycle::{ChangeRecord, ChangeState, Ending, Event};
pub use location::Location;
pub use migrations::{LATEST_VERSION, MIGRATIONS};
pub use notices::NoticeRow;
pub use open::{DB_ENV_VAR, default_db_path};
pub use open_server::ServerProbe;
pub use post_attachments::{AttachmentMeta, MAX_ATTACHMENT_BYTES};
pub use post_queues::{DEFAULT_LIST_LIMIT, PostFilter, PostRow};
pub use posts::{Revision, post_text};
pub use sessions::{CLI_SESSION_HOURS, CliSessionProblem, CliSessionRefusal, CliSignIn};
pub use settings::Settings;
pub use supervision::SupervisionFacts;
pub use training::TrainingRow;
pub use updates::{HistoryImport, UpdateRow};
pub use users::{DEMO_PASSWORD, NEW_PASSWORD_ENV_VAR, NewUser, PASSWORD_ENV_VAR, Session, UserRow};
pub use words::ALLOW_LIST;

use db::Connection;

/// The open database. Holds the lock file of an on-disk database for as long as it lives,
/// so a second MediaDesk on the same file is told so instead of racing this one.
pub struct Store {
    conn: Connection,
    path: Option<std::path::PathBuf>,
    _lock: Option<std::fs::File>,
    /// The server's address (never the password) when the data is on the school's server.
    server: Option<open_server::ServerLink>,
    /// Who is signed in; every write acts as them and is checked against
    /// `domain::permissions` inside its transaction (`guard`).
    session: Option<Session>,
    /// The signed-in person's key, opened with their password at sign-in: it seals every
    /// audit entry they cause (`domain::audit::EntrySeal`). Dropped with the session.
    signer: Option<crate::domain::signing::KeyPair>,
    /// A fixed "now" for tests that compare two runs (the audit chains of both backends).
    clock: Option<chrono::NaiveDateTime>,
}

impl Store {
    /// A fresh in-memory database with every migration applied (tests, benchmarks).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let conn = Connection::from_sqlite(rusqlite::Connection::open_in_memory()?);
        let mut store = Self {
            conn,
            path: None,
            _lock: None,
            server: None,
            session: None,
            signer: None,
            clock: None,
        };
        store.prepare()?;
        Ok(store)
    }

    /// The file behind this store, if any.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    fn prepare(&mut self) -> Result<(), StoreError> {
        if let Some(conn) = self.conn.as_sqlite() {
            conn.pragma_update(None, "foreign_keys", "ON")?;
            conn.pragma_update(None, "synchronous", "FULL")?;
            conn.busy_timeout(std::time::Duration::from_secs(5))?;
            let mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
            debug_assert!(mode == "wal" || mode == "memory");
        }
        let place = self.place();
        migrations::migrate(&self.conn, &place)
    }

    /// Where the data lives, as messages name it: the file, or the server's address.
    pub fn place(&self) -> std::path::PathBuf {
        match (&self.path, &self.server) {
            (Some(p), _) => p.clone(),
            (None, Some(link)) => std::path::PathBuf::from(link.address.display()),
            (None, None) => std::path::PathBuf::new(),
        }
    }

    /// Which kind of database this is.
    pub fn backend(&self) -> db::Backend {
        self.conn.backend()
    }

    /// The server's address (without password) when this store is on one.
    pub fn server_address(&self) -> Option<String> {
        self.server.as_ref().map(|l| l.address.display())
    }

    /// The schema version this database is at.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        migrations::version(&self.conn)
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
        let Some(conn) = self.conn.as_sqlite() else {
            // On the server the backup is a SQLite copy of every table: the same file a
            // desk opens offline (`mediadesk db copy` does the same from the command line).
            return copy::to_new_file(self, dest).map(|_| ());
        };
        let mut out = rusqlite::Connection::open(dest)?;
        let backup = rusqlite::backup::Backup::new(conn, &mut out)?;
        backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
        Ok(())
    }

    /// Query plan of `sql`, for tests that keep the big screens indexed.
    pub fn query_plan(&self, sql: &str) -> Result<Vec<String>, StoreError> {
        let explain = match self.backend() {
            db::Backend::Sqlite => format!("EXPLAIN QUERY PLAN {sql}"),
            db::Backend::Postgres => format!("EXPLAIN {sql}"),
        };
        let column = match self.backend() {
            db::Backend::Sqlite => 3,
            db::Backend::Postgres => 0,
        };
        let mut stmt = self.conn.prepare(&explain)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(column))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Store {
    /// The time writes are stamped with: the computer's clock to the second, or the fixed
    /// time of [`Store::freeze_clock`].
    pub(crate) fn now(&self) -> chrono::NaiveDateTime {
        self.clock.unwrap_or_else(now_timestamp)
    }

    /// Stamps every later write with `at`: for tests that run the same steps twice and
    /// compare what was recorded.
    #[doc(hidden)]
    pub fn freeze_clock(&mut self, at: chrono::NaiveDateTime) {
        self.clock = Some(at);
    }
}

pub(crate) fn now_timestamp() -> chrono::NaiveDateTime {
    let now = chrono::Local::now().naive_local();
    now.with_nanosecond(0).unwrap_or(now)
}

use chrono::Timelike;
