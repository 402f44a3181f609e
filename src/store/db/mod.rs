//! One connection over two backends: the desk's SQLite file (rusqlite) and the school's
//! PostgreSQL server (`postgres`). The repositories above speak one vocabulary — `?N`
//! placeholders, `params![]`, rusqlite's `ToSql`/`FromSql` values — and this module is the one
//! place where the two differ: placeholders and the few functions spelled differently
//! (`dialect`), values and rows (`pg`), transactions, the chain lock and error kinds.
//! Everything else is one set of queries.

mod dialect;
pub mod listen;
mod params;
mod pg;
mod row;
pub mod server;

use std::cell::RefCell;

pub use params::{Params, params_from_iter};
pub use row::{Row, Rows};
pub use rusqlite::params;
pub use rusqlite::types::Value;

/// The channel every committed write notifies on the server; windows listen to it.
pub const CHANGES_CHANNEL: &str = "mediadesk_changes";

/// Which kind of database is behind a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// What went wrong below the store, sorted by what the store can do about it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A query that must return one row returned none.
    NoRows,
    /// A constraint (unique, foreign key, check, not null) or the audit log's append-only
    /// trigger refused the write; the message is the database's own.
    Constraint(String),
    /// Another writer got in the way (deadlock, serialization failure, lock timeout): the
    /// whole transaction may be tried again.
    Busy(String),
    /// The server connection is gone (network, server restart).
    Disconnected(String),
    /// A stored value that does not convert to what the code reads.
    Conversion {
        column: usize,
        message: String,
    },
    Sqlite(rusqlite::Error),
    Postgres(postgres::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match e.sqlite_error_code() {
            _ if matches!(e, rusqlite::Error::QueryReturnedNoRows) => Error::NoRows,
            Some(rusqlite::ErrorCode::ConstraintViolation) => Error::Constraint(e.to_string()),
            _ => Error::Sqlite(e),
        }
    }
}

impl From<postgres::Error> for Error {
    fn from(e: postgres::Error) -> Self {
        pg::classify(e)
    }
}

impl Error {
    /// True when a constraint refused the write.
    pub fn is_constraint(&self) -> bool {
        matches!(self, Error::Constraint(_))
    }

    /// The rusqlite error behind this one, for the file-opening messages.
    pub fn sqlite_error_code(&self) -> Option<rusqlite::ErrorCode> {
        match self {
            Error::Sqlite(e) => e.sqlite_error_code(),
            Error::Constraint(_) => Some(rusqlite::ErrorCode::ConstraintViolation),
            _ => None,
        }
    }
}

/// `.optional()` on a one-row query, as in rusqlite.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>>;
}

impl<T> OptionalExtension<T> for Result<T> {
    fn optional(self) -> Result<Option<T>> {
        match self {
            Ok(v) => Ok(Some(v)),
            Err(Error::NoRows) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

enum Inner {
    Sqlite(rusqlite::Connection),
    Postgres(Box<RefCell<pg::Session>>),
}

/// An open database of either kind.
pub struct Connection {
    inner: Inner,
}

impl Connection {
    pub fn from_sqlite(conn: rusqlite::Connection) -> Self {
        Self {
            inner: Inner::Sqlite(conn),
        }
    }

    pub(crate) fn from_postgres(client: postgres::Client) -> Self {
        Self {
            inner: Inner::Postgres(Box::new(RefCell::new(pg::Session::new(client)))),
        }
    }

    pub fn backend(&self) -> Backend {
        match self.inner {
            Inner::Sqlite(_) => Backend::Sqlite,
            Inner::Postgres(_) => Backend::Postgres,
        }
    }

    /// The SQLite connection, for what only a file has (pragmas, the online backup).
    pub fn as_sqlite(&self) -> Option<&rusqlite::Connection> {
        match &self.inner {
            Inner::Sqlite(c) => Some(c),
            Inner::Postgres(_) => None,
        }
    }

    /// Runs statements without parameters (migrations, transaction control).
    pub fn execute_batch(&self, sql: &str) -> Result<()> {
        match &self.inner {
            Inner::Sqlite(c) => Ok(c.execute_batch(sql)?),
            Inner::Postgres(s) => s.borrow_mut().batch(sql),
        }
    }

    /// Runs one statement; the number of rows it changed.
    pub fn execute<P: Params>(&self, sql: &str, params: P) -> Result<usize> {
        let values = params.into_values()?;
        match &self.inner {
            Inner::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                Ok(stmt.execute(rusqlite::params_from_iter(values))?)
            }
            Inner::Postgres(s) => s.borrow_mut().execute(sql, &values),
        }
    }

    /// Every row of a query, read in full.
    fn rows(&self, sql: &str, values: Vec<Value>) -> Result<Vec<Row>> {
        match &self.inner {
            Inner::Sqlite(c) => {
                let mut stmt = c.prepare_cached(sql)?;
                let n = stmt.column_count();
                let mut rows = stmt.query(rusqlite::params_from_iter(values))?;
                let mut out = Vec::new();
                while let Some(r) = rows.next()? {
                    let mut vals = Vec::with_capacity(n);
                    for i in 0..n {
                        vals.push(r.get::<_, Value>(i)?);
                    }
                    out.push(Row::new(vals));
                }
                Ok(out)
            }
            Inner::Postgres(s) => s.borrow_mut().query(sql, &values),
        }
    }

    /// The one row of a query, mapped by `f`; [`Error::NoRows`] when there is none.
    pub fn query_row<T, P: Params, F: FnOnce(&Row) -> Result<T>>(
        &self,
        sql: &str,
        params: P,
        f: F,
    ) -> Result<T> {
        let rows = self.rows(sql, params.into_values()?)?;
        match rows.first() {
            Some(r) => f(r),
            None => Err(Error::NoRows),
        }
    }

    /// A statement to run (possibly many times); SQLite keeps it in its statement cache.
    pub fn prepare_cached(&self, sql: &str) -> Result<Statement<'_>> {
        Ok(Statement {
            conn: self,
            sql: sql.to_owned(),
        })
    }

    /// Same as [`Connection::prepare_cached`].
    pub fn prepare(&self, sql: &str) -> Result<Statement<'_>> {
        self.prepare_cached(sql)
    }

    /// Begins a transaction; it rolls back when dropped without [`Transaction::commit`].
    pub fn unchecked_transaction(&self) -> Result<Transaction<'_>> {
        self.execute_batch("BEGIN")?;
        Ok(Transaction {
            conn: self,
            open: true,
        })
    }

    /// Same as [`Connection::unchecked_transaction`].
    pub fn transaction(&mut self) -> Result<Transaction<'_>> {
        self.unchecked_transaction()
    }

    /// Makes the audit chain's head this transaction's until it ends, so two desks writing
    /// at once append one after the other and the chain stays one line. SQLite takes its
    /// write lock with the first write; the server needs it asked for.
    pub fn lock_chain(&self) -> Result<()> {
        match self.backend() {
            Backend::Sqlite => Ok(()),
            Backend::Postgres => self.execute_batch("SELECT pg_advisory_xact_lock(7231001)"),
        }
    }

    /// Holds row `id` of `table` for this transaction, so a second desk reading it to change
    /// it waits for this one (SQLite's writer already holds the whole file).
    pub fn lock_row(&self, table: &str, id: i64) -> Result<()> {
        match self.backend() {
            Backend::Sqlite => Ok(()),
            Backend::Postgres => {
                let sql = format!("SELECT id FROM {table} WHERE id = ?1 FOR UPDATE");
                self.rows(&sql, vec![Value::Integer(id)]).map(|_| ())
            }
        }
    }
}

/// A statement bound to its connection.
pub struct Statement<'c> {
    conn: &'c Connection,
    sql: String,
}

impl Statement<'_> {
    pub fn execute<P: Params>(&mut self, params: P) -> Result<usize> {
        self.conn.execute(&self.sql, params)
    }

    pub fn query_row<T, P: Params, F: FnOnce(&Row) -> Result<T>>(
        &mut self,
        params: P,
        f: F,
    ) -> Result<T> {
        self.conn.query_row(&self.sql, params, f)
    }

    /// Every row mapped by `f`, in order.
    pub fn query_map<T, P: Params, F: FnMut(&Row) -> Result<T>>(
        &mut self,
        params: P,
        mut f: F,
    ) -> Result<std::vec::IntoIter<Result<T>>> {
        let rows = self.conn.rows(&self.sql, params.into_values()?)?;
        Ok(rows.iter().map(&mut f).collect::<Vec<_>>().into_iter())
    }

    /// Every row, to walk with [`Rows::next`].
    pub fn query<P: Params>(&mut self, params: P) -> Result<Rows> {
        Ok(Rows::new(self.conn.rows(&self.sql, params.into_values()?)?))
    }

    /// True when the query returns at least one row.
    pub fn exists<P: Params>(&mut self, params: P) -> Result<bool> {
        Ok(!self.conn.rows(&self.sql, params.into_values()?)?.is_empty())
    }
}

/// An open transaction; reads and writes go through it (it derefs to the connection).
pub struct Transaction<'c> {
    conn: &'c Connection,
    open: bool,
}

impl Transaction<'_> {
    pub fn commit(mut self) -> Result<()> {
        self.open = false;
        self.conn.execute_batch("COMMIT")
    }

    /// Commits, telling the other desks on the server that `channel` changed. The notice
    /// goes in the same round trip as the COMMIT: while this desk holds the chain's head,
    /// every round trip is one the other desks wait for.
    pub fn commit_notifying(mut self, channel: &str, payload: &str) -> Result<()> {
        self.open = false;
        match self.conn.backend() {
            Backend::Sqlite => self.conn.execute_batch("COMMIT"),
            Backend::Postgres => {
                let channel: String = channel
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                let payload = payload.replace('\'', "''").replace('\0', "");
                let result = self
                    .conn
                    .execute_batch(&format!("NOTIFY {channel}, '{payload}'; COMMIT"));
                if result.is_err() {
                    // The batch stopped before its COMMIT: end the transaction here.
                    let _ = self.conn.execute_batch("ROLLBACK");
                }
                result
            }
        }
    }

    pub fn rollback(mut self) -> Result<()> {
        self.open = false;
        self.conn.execute_batch("ROLLBACK")
    }
}

impl std::ops::Deref for Transaction<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn
    }
}

impl Drop for Transaction<'_> {
    fn drop(&mut self) {
        if self.open {
            // A connection already gone has rolled back on the server's side.
            if let Err(e) = self.conn.execute_batch("ROLLBACK") {
                tracing::warn!("rollback failed: {e}");
            }
        }
    }
}

impl Connection {
    /// The column names of `table`, in order.
    pub fn columns(&self, table: &str) -> Result<Vec<String>> {
        let sql = match self.backend() {
            Backend::Sqlite => "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
            Backend::Postgres => {
                "SELECT column_name::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = ?1
                 ORDER BY ordinal_position"
            }
        };
        let rows = self.rows(sql, vec![Value::Text(table.to_owned())])?;
        rows.iter().map(|r| r.get(0)).collect()
    }

    /// Sets `table`'s identity counter past its largest `id` after rows were copied in with
    /// their own ids (SQLite needs nothing).
    pub fn reset_identity(&self, table: &str) -> Result<()> {
        if self.backend() == Backend::Postgres {
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                               COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            );
            self.query_row(&sql, [], |_| Ok(()))?;
        }
        Ok(())
    }
}
