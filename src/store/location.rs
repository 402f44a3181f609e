//! Where the data is: a SQLite file (the default, one desk) or the school's PostgreSQL
//! server (`postgres://…`, many desks). `--db`, `MEDIADESK_DB` and the window's 数据库
//! setting all name one of these.

use std::path::{Path, PathBuf};

use super::db::server::{ServerAddress, ServerError, is_server_address};
use super::{Store, StoreError};

/// A database to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    Server(ServerAddress),
}

impl Location {
    /// A server when `db` reads `postgres://…` or `postgresql://…`, else a file path.
    pub fn parse(db: &Path) -> Result<Self, StoreError> {
        match db.to_str() {
            Some(s) if is_server_address(s) => Ok(Location::Server(ServerAddress::parse(s)?)),
            _ => Ok(Location::File(db.to_path_buf())),
        }
    }

    /// Opens it; `password` is the server's (else the address's, `PGPASSWORD`, `.pgpass`).
    pub fn open(&self, password: Option<&str>) -> Result<Store, StoreError> {
        match self {
            Location::File(path) => Store::open(path),
            Location::Server(address) => Store::open_server(address, password),
        }
    }

    /// False only for a file that is not there (a server is asked when opened).
    pub fn exists(&self) -> bool {
        match self {
            Location::File(path) => path.exists(),
            Location::Server(_) => true,
        }
    }

    /// As shown to people: the path, or the address without its password.
    pub fn shown(&self) -> String {
        match self {
            Location::File(path) => path.display().to_string(),
            Location::Server(address) => address.display(),
        }
    }

    /// True when opening failed only for want of the server's (right) password.
    pub fn needs_password(error: &StoreError) -> bool {
        matches!(
            error,
            StoreError::Server(
                ServerError::WrongPassword { .. } | ServerError::PasswordNeeded { .. }
            )
        )
    }

    /// True when the server wants a password and none was given at all (a page asks for it
    /// rather than calling it wrong).
    pub fn password_not_given(error: &StoreError) -> bool {
        matches!(
            error,
            StoreError::Server(ServerError::PasswordNeeded { .. })
        )
    }
}
