//! A second connection to the same database, for long reads on a thread of their own (the
//! audit chain's full check of a million entries) while the window keeps its own connection:
//! a read-only connection to the file (WAL readers never wait for the writer) or a new
//! connection to the server. Nobody is signed in on it and it writes nothing.

use rusqlite::OpenFlags;

use super::open_server::ServerLink;
use super::{Store, StoreError};

impl Store {
    /// A reading companion of this store; `None` for an in-memory database, which no second
    /// connection can reach.
    pub fn reader(&self) -> Result<Option<Store>, StoreError> {
        let (conn, server) = match (&self.server, &self.path) {
            (Some(link), _) => {
                let link = ServerLink {
                    address: link.address.clone(),
                    password: link.password.clone(),
                    schema: link.schema.clone(),
                };
                (link.connect()?, Some(link))
            }
            (None, Some(path)) => {
                let conn = rusqlite::Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                (super::db::Connection::from_sqlite(conn), None)
            }
            (None, None) => return Ok(None),
        };
        Ok(Some(Store {
            conn,
            path: self.path.clone(),
            _lock: None,
            server,
            session: None,
            signer: None,
            clock: self.clock,
        }))
    }
}
