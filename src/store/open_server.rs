//! Opening the school's server: connect (TLS as the address asks), check the database sorts
//! text as SQLite does, bring the schema up to date under a lock so two desks starting at
//! once do not both migrate, and refuse a schema from a newer MediaDesk untouched.

use super::db::server::{ServerAddress, ServerError};
use super::db::{Backend, Connection};
use super::{Store, StoreError};

impl Store {
    /// Opens the database at `address` (`postgres://…`), with `password` when given (else
    /// the address's, `PGPASSWORD` or `.pgpass`).
    pub fn open_server(
        address: &ServerAddress,
        password: Option<&str>,
    ) -> Result<Self, StoreError> {
        Self::open_server_in(address, password, None)
    }

    /// The same, inside `schema` (created when missing): the tests give each test its own
    /// schema on one server.
    pub fn open_server_in(
        address: &ServerAddress,
        password: Option<&str>,
        schema: Option<&str>,
    ) -> Result<Self, StoreError> {
        let link = ServerLink {
            address: address.clone(),
            password: password.map(str::to_owned),
            schema: schema.map(str::to_owned),
        };
        let conn = link.connect()?;
        let mut store = Store {
            conn,
            path: None,
            _lock: None,
            server: Some(link),
            session: None,
            signer: None,
            clock: None,
        };
        store.prepare()?;
        Ok(store)
    }

    /// 测试连接: reaches the server and reads what is there, changing nothing — not even the
    /// schema of a new database (that happens when it is first opened).
    pub fn probe_server(
        address: &ServerAddress,
        password: Option<&str>,
    ) -> Result<ServerProbe, StoreError> {
        let link = ServerLink {
            address: address.clone(),
            password: password.map(str::to_owned),
            schema: None,
        };
        let conn = link.connect()?;
        let version = super::migrations::version(&conn)?;
        let units = if version > 0 {
            Some(conn.query_row("SELECT COUNT(*) FROM units", [], |r| r.get(0))?)
        } else {
            None
        };
        let server_version: String = conn.query_row("SHOW server_version", [], |r| r.get(0))?;
        Ok(ServerProbe {
            schema_version: version,
            supported: super::LATEST_VERSION,
            units,
            server_version,
        })
    }

    /// Opens a new connection to the same server after the old one broke (network, server
    /// restart); who is signed in stays signed in. `password` replaces the remembered one.
    pub fn reconnect(&mut self, password: Option<&str>) -> Result<(), StoreError> {
        let Some(link) = self.server.as_mut() else {
            return Ok(());
        };
        if let Some(p) = password {
            link.password = Some(p.to_owned());
        }
        self.conn = link.connect()?;
        Ok(())
    }

    /// Starts listening for changes committed on the server by any desk (`on_change` runs on
    /// the listening thread); `None` on a file, where nobody else writes.
    pub fn listen_for_changes(
        &self,
        on_change: impl Fn() + Send + 'static,
    ) -> Option<super::db::listen::ChangeListener> {
        let link = self.server.as_ref()?;
        Some(super::db::listen::ChangeListener::start(
            link.address.clone(),
            link.password.clone(),
            on_change,
        ))
    }

    /// The schema this store works in on the server (tests open more desks on it).
    #[doc(hidden)]
    pub fn current_schema_for_tests(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT current_schema()::text", [], |r| r.get(0))?)
    }

    /// The server process serving this store (tests cut the connection).
    #[doc(hidden)]
    pub fn backend_pid_for_tests(&self) -> Result<i32, StoreError> {
        let pid: i64 = self
            .conn
            .query_row("SELECT pg_backend_pid()", [], |r| r.get(0))?;
        Ok(pid as i32)
    }
}

/// What 测试连接 found on the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerProbe {
    /// 0 for a new, empty database (MediaDesk creates its tables on first use).
    pub schema_version: i64,
    /// The newest version this program knows; above it the database is refused.
    pub supported: i64,
    /// Units on record, when the tables exist.
    pub units: Option<i64>,
    /// PostgreSQL's own version, e.g. "15.18 (Debian 15.18-0+deb12u1)".
    pub server_version: String,
}

/// How to reach the server again: the address, the password it was opened with (kept in
/// memory only, as libpq keeps it), and the schema of a test.
pub(super) struct ServerLink {
    pub(super) address: ServerAddress,
    pub(super) password: Option<String>,
    pub(super) schema: Option<String>,
}

impl ServerLink {
    /// Which database this is, for a command-line session to be honoured only here: the
    /// address without password, and the schema of a test.
    pub(super) fn identity(&self) -> String {
        match &self.schema {
            Some(schema) => format!("{}#{schema}", self.address.display()),
            None => self.address.display(),
        }
    }

    pub(super) fn connect(&self) -> Result<Connection, StoreError> {
        let client = self.address.connect(self.password.as_deref())?;
        let conn = Connection::from_postgres(client);
        if let Some(schema) = &self.schema {
            conn.execute_batch(&format!(
                "CREATE SCHEMA IF NOT EXISTS \"{schema}\"; SET search_path TO \"{schema}\";"
            ))?;
        }
        check_collation(&conn, &self.address.display())?;
        debug_assert_eq!(conn.backend(), Backend::Postgres);
        Ok(conn)
    }
}

/// Lists sort, and names compare, by bytes on a file; the server must do the same, or the
/// same registry would come out in another order on another desk.
fn check_collation(conn: &Connection, shown: &str) -> Result<(), StoreError> {
    let collation: String = conn.query_row(
        "SELECT datcollate::text FROM pg_database WHERE datname = current_database()",
        [],
        |r| r.get(0),
    )?;
    // C.UTF-8 sorts by code point too.
    if ["C", "POSIX", "C.UTF-8", "C.utf8"].contains(&collation.as_str()) {
        Ok(())
    } else {
        let dbname = shown
            .rsplit('/')
            .next()
            .and_then(|s| s.split('?').next())
            .unwrap_or_default()
            .to_owned();
        Err(ServerError::Collation { dbname, collation }.into())
    }
}
