//! Finding and opening the database file: the OS data folder by default, `--db` or
//! `MEDIADESK_DB` to override; refusing files that are not ours, from a newer version, or in
//! use by another MediaDesk, before anything is written.

use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::{Store, StoreError};

/// Environment variable naming the database file (overridden by `--db`).
pub const DB_ENV_VAR: &str = "MEDIADESK_DB";

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// `%APPDATA%\MediaDesk\mediadesk.db`, `~/Library/Application Support/MediaDesk/mediadesk.db`,
/// or `~/.local/share/MediaDesk/mediadesk.db`; the environment variable wins if set.
pub fn default_db_path() -> PathBuf {
    if let Some(p) = std::env::var_os(DB_ENV_VAR).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    if let Some(chosen) = super::choice::remembered() {
        return chosen;
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("MediaDesk")
        .join("mediadesk.db")
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        check_is_sqlite(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Unwritable {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        // The lock and the connection use the file's one real path: through a symbolic link
        // (or `..`, or another spelling) a second MediaDesk meets the same lock.
        let real = real_path(path)?;
        let lock = take_lock(&real)?;
        let conn = Connection::open_with_flags(
            &real,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify(e.into(), path))?;
        let mut store = Store {
            conn: super::db::Connection::from_sqlite(conn),
            path: Some(path.to_path_buf()),
            _lock: Some(lock),
            server: None,
            session: None,
            signer: None,
            clock: None,
        };
        // An older schema is about to be migrated: keep the file as it was first.
        super::backup::before_migration(&store)?;
        store.prepare().map_err(|e| match e {
            StoreError::Database(e) => classify(e, path),
            other => other,
        })?;
        Ok(store)
    }
}

/// The database's canonical path: links and relative parts resolved. A file not yet created
/// is named through its folder's canonical path; a link to nowhere is refused rather than
/// followed into a new, empty database.
fn real_path(path: &Path) -> Result<PathBuf, StoreError> {
    let unwritable = |source| StoreError::Unwritable {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::canonicalize(path) {
        Ok(real) => Ok(real),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if std::fs::symlink_metadata(path).is_ok() {
                return Err(StoreError::DanglingLink {
                    path: path.to_path_buf(),
                });
            }
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            let name = path.file_name().ok_or_else(|| StoreError::NotADatabase {
                path: path.to_path_buf(),
            })?;
            Ok(std::fs::canonicalize(folder)
                .map_err(unwritable)?
                .join(name))
        }
        Err(e) => Err(unwritable(e)),
    }
}

fn check_is_sqlite(path: &Path) -> Result<(), StoreError> {
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StoreError::Unwritable {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    let mut head = [0u8; 16];
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(source) => {
                return Err(StoreError::Unwritable {
                    path: path.to_path_buf(),
                    source,
                });
            }
        }
    }
    // An empty file is what SQLite itself creates first; anything else must carry the magic.
    if read == 0 || (read == 16 && &head == SQLITE_MAGIC) {
        Ok(())
    } else {
        Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        })
    }
}

/// One MediaDesk per database file: an exclusive lock on `<db>.lock`, released on exit
/// (also when the process crashes, as the OS drops the lock with the handle).
fn take_lock(path: &Path) -> Result<File, StoreError> {
    let mut lock_path = path.as_os_str().to_owned();
    lock_path.push(".lock");
    let lock_path = PathBuf::from(lock_path);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| StoreError::Unwritable {
            path: lock_path.clone(),
            source,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
            path: path.to_path_buf(),
        }),
        Err(std::fs::TryLockError::Error(source)) => Err(StoreError::Unwritable {
            path: lock_path,
            source,
        }),
    }
}

fn classify(e: super::db::Error, path: &Path) -> StoreError {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            StoreError::Unwritable {
                path: path.to_path_buf(),
                source: std::io::Error::other(e.to_string()),
            }
        }
        _ => StoreError::Database(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_file_is_not_a_database_and_stays_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(&path, "这是一个文本文件，不是数据库").unwrap();
        let err = Store::open(&path).err().unwrap();
        assert!(matches!(err, StoreError::NotADatabase { .. }), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "这是一个文本文件，不是数据库"
        );
        assert!(err.to_string().contains("不是 SQLite 数据库"));
    }

    #[test]
    fn a_second_open_is_refused_while_the_first_lives() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.db");
        let first = Store::open(&path).unwrap();
        let err = Store::open(&path).err().unwrap();
        assert!(matches!(err, StoreError::Locked { .. }), "{err}");
        drop(first);
        Store::open(&path).unwrap();
    }

    #[test]
    fn a_database_from_a_newer_version_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", 999).unwrap();
        }
        let err = Store::open(&path).err().unwrap();
        assert!(
            matches!(err, StoreError::NewerVersion { found: 999, .. }),
            "{err}"
        );
        let conn = Connection::open(&path).unwrap();
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, 999);
    }

    #[test]
    fn an_unwritable_folder_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "x").unwrap();
        // A folder cannot be created below a regular file, whoever we are.
        let err = Store::open(&blocker.join("sub").join("m.db"))
            .err()
            .unwrap();
        assert!(matches!(err, StoreError::Unwritable { .. }), "{err}");
    }

    #[test]
    fn a_new_file_gets_wal_and_the_latest_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fresh.db");
        let store = Store::open(&path).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            super::super::LATEST_VERSION
        );
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_and_its_target_are_one_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.db");
        let _first = Store::open(&path).unwrap();
        let link = dir.path().join("link.db");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        assert!(matches!(Store::open(&link), Err(StoreError::Locked { .. })));
        // Another spelling of the same path meets the same lock too.
        let dotted = dir.path().join(".").join("m.db");
        assert!(matches!(
            Store::open(&dotted),
            Err(StoreError::Locked { .. })
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_nowhere_is_refused_and_nothing_is_created() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.db");
        std::os::unix::fs::symlink(dir.path().join("gone.db"), &link).unwrap();
        let err = Store::open(&link).err().unwrap();
        assert!(matches!(err, StoreError::DanglingLink { .. }), "{err}");
        assert!(err.to_string().contains("符号链接"), "{err}");
        assert!(!dir.path().join("gone.db").exists());
    }
}
