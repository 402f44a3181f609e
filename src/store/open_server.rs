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
        let client = address.connect(password)?;
        Self::from_client(client, address.display(), None)
    }

    /// A store on `client`, optionally inside `schema` (created when missing): the tests give
    /// each test its own schema on one server.
    pub fn from_client(
        client: postgres::Client,
        shown: String,
        schema: Option<&str>,
    ) -> Result<Self, StoreError> {
        let conn = Connection::from_postgres(client);
        if let Some(schema) = schema {
            conn.execute_batch(&format!(
                "CREATE SCHEMA IF NOT EXISTS \"{schema}\"; SET search_path TO \"{schema}\";"
            ))?;
        }
        check_collation(&conn, &shown)?;
        debug_assert_eq!(conn.backend(), Backend::Postgres);
        let mut store = Store {
            conn,
            path: None,
            _lock: None,
            server: Some(shown),
            session: None,
        };
        store.prepare()?;
        Ok(store)
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
