//! Backups of a desk's SQLite file, so a stolen laptop, a dead disk or a deleted file never
//! loses the registry: rolling automatic copies (`mediadesk-YYYYMMDD-HHMMSS.db` in the data
//! folder's `backups`, or a folder the person picks such as a USB disk), a copy before every
//! migration, the list of copies with what each holds, and restore, which checks a copy
//! (`integrity_check`, the audit chain, the schema version) before it replaces anything and
//! backs the current file up first. On the school's server the backups are the server's
//! (`pg_dump`, the IT center's job): every function here refuses with [`BackupError::OnServer`].

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags};

use super::{LATEST_VERSION, Store, StoreError};

/// The name every backup file starts with; [`list_backups`] lists only these.
const PREFIX: &str = "mediadesk-";

/// The folder automatic backups go to when none is chosen: `backups` beside the database.
pub fn backup_folder_of(db: &Path) -> PathBuf {
    db.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

/// Why a backup or a restore did not happen. Wording in `crate::text::backup`.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The data is on the school's server: its backups are `pg_dump`'s.
    OnServer,
    /// An in-memory database has no file to back up or replace.
    NoFile,
    Store(#[from] StoreError),
    /// A folder or file could not be created, read, written or renamed (full disk, no right).
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The chosen backup does not exist or is a folder, a device, a pipe.
    NotAFile {
        path: PathBuf,
    },
    /// The file is not a MediaDesk database at all.
    NotADatabase {
        path: PathBuf,
    },
    /// SQLite's `integrity_check` found damage (a truncated copy, a bad disk).
    Damaged {
        path: PathBuf,
        problem: String,
    },
    /// Written by a newer MediaDesk.
    Newer {
        path: PathBuf,
        version: i64,
        supported: i64,
    },
    /// The audit chain of the backup does not hold.
    AuditBroken {
        path: PathBuf,
        problem: String,
    },
}

/// One backup file and what it holds, read without changing it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BackupInfo {
    pub path: PathBuf,
    /// From the file name (`mediadesk-YYYYMMDD-HHMMSS.db`), else the file's modification time.
    pub taken_at: Option<NaiveDateTime>,
    pub size: u64,
    /// What it holds, or why it could not be read.
    pub contents: Result<BackupContents, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BackupContents {
    pub schema_version: i64,
    pub units: i64,
    pub platforms: i64,
    pub posts: i64,
    pub audit_entries: i64,
    /// The hash of the last audit entry, to compare with `mediadesk audit verify`'s.
    pub audit_head: Option<String>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The copy of the database as it was before it was replaced (None if there was none).
    pub previous: Option<PathBuf>,
    pub contents: BackupContents,
}

impl Store {
    /// Takes a backup into `folder` (default: `backups` beside the database) named by the
    /// time, then deletes the oldest backups there beyond `keep` (at least this one stays).
    /// Through [`Store::backup_to`]: the system administrator's, and on record.
    pub fn automatic_backup(
        &self,
        folder: Option<&Path>,
        keep: usize,
    ) -> Result<PathBuf, BackupError> {
        let db = self.file_path()?;
        let folder = folder.map_or_else(|| backup_folder_of(db), Path::to_path_buf);
        let dest = folder.join(timestamped_name(self.now(), ""));
        self.backup_file(&dest)?;
        prune(&folder, keep.max(1))?;
        Ok(dest)
    }

    /// A backup to exactly `dest`, complete or not at all: written beside it first, then
    /// renamed, and stored as one self-contained file (no `-wal` beside it).
    pub fn backup_file(&self, dest: &Path) -> Result<(), BackupError> {
        self.file_path()?;
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| io(dir, source))?;
        }
        let partial = with_suffix(dest, ".partial");
        let _ = std::fs::remove_file(&partial);
        let result = self
            .backup_to(&partial)
            .map_err(BackupError::from)
            .and_then(|()| single_file(&partial))
            .and_then(|()| std::fs::rename(&partial, dest).map_err(|source| io(dest, source)));
        if result.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        result
    }

    fn file_path(&self) -> Result<&Path, BackupError> {
        if self.backend() == super::db::Backend::Postgres {
            return Err(BackupError::OnServer);
        }
        self.path().ok_or(BackupError::NoFile)
    }
}

/// Before a migration: the file exactly as the older MediaDesk left it, in its `backups`
/// folder, so a migration that goes wrong loses nothing. Called by `Store::open` with the
/// connection open (the online backup reads through the WAL) and before anything changes.
pub(super) fn before_migration(store: &Store) -> Result<(), StoreError> {
    let (Some(conn), Some(path)) = (store.conn.as_sqlite(), store.path()) else {
        return Ok(());
    };
    let version = super::migrations::version(&store.conn)?;
    if version <= 0 || version >= LATEST_VERSION {
        return Ok(());
    }
    let folder = backup_folder_of(path);
    let dest = folder.join(timestamped_name(
        super::now_timestamp(),
        &format!("-before-v{}", LATEST_VERSION),
    ));
    let unwritable = |source| StoreError::Unwritable {
        path: dest.clone(),
        source,
    };
    std::fs::create_dir_all(&folder).map_err(unwritable)?;
    let mut out = Connection::open(&dest)?;
    rusqlite::backup::Backup::new(conn, &mut out)?.run_to_completion(
        256,
        std::time::Duration::ZERO,
        None,
    )?;
    out.pragma_update(None, "journal_mode", "DELETE")?;
    Ok(())
}

/// Every backup in `folder` (the files named `mediadesk-….db`), newest first, each opened
/// read-only to say what it holds. A missing folder has none.
pub fn list_backups(folder: &Path) -> Result<Vec<BackupInfo>, BackupError> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(io(folder, source)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| io(folder, source))?;
        let path = entry.path();
        if !is_backup_name(&path) || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let meta = entry.metadata().map_err(|source| io(&path, source))?;
        let taken_at = taken_at_of(&path).or_else(|| {
            meta.modified()
                .ok()
                .map(|t| chrono::DateTime::<chrono::Local>::from(t).naive_local())
                .and_then(|t| t.with_nanosecond(0))
        });
        out.push(BackupInfo {
            contents: contents_of(&path).map_err(|e| e.to_string()),
            path,
            taken_at,
            size: meta.len(),
        });
    }
    out.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.path.cmp(&a.path)));
    Ok(out)
}

/// Replaces the database at `current` with the backup at `backup`, after checking the backup
/// (a SQLite file, `integrity_check` ok, a schema this MediaDesk knows, the audit chain
/// intact once migrated) and backing `current` up into its `backups` folder. The caller has
/// closed `current` and reopens it afterwards. Nothing is changed when a check fails.
pub fn restore_from(current: &Path, backup: &Path) -> Result<Restored, BackupError> {
    if !std::fs::metadata(backup).is_ok_and(|m| m.is_file()) {
        return Err(BackupError::NotAFile {
            path: backup.to_path_buf(),
        });
    }
    check(backup)?;
    // Work on a copy beside the current file, so the final step is one rename.
    let staged = with_suffix(current, ".restoring");
    remove_db_files(&staged);
    std::fs::copy(backup, &staged).map_err(|source| io(&staged, source))?;
    let contents = match prepare_staged(&staged, backup) {
        Ok(c) => c,
        Err(e) => {
            remove_db_files(&staged);
            return Err(e);
        }
    };
    let (previous, _lock) = match save_current(current) {
        Ok(p) => p,
        Err(e) => {
            remove_db_files(&staged);
            return Err(e);
        }
    };
    remove_db_files_beside(current);
    std::fs::rename(&staged, current).map_err(|source| io(current, source))?;
    Ok(Restored { previous, contents })
}

/// The raw checks, on the backup as it is: SQLite, undamaged, not from a newer MediaDesk.
fn check(path: &Path) -> Result<(), BackupError> {
    let conn = open_read_only(path)?;
    let damaged = |problem: String| BackupError::Damaged {
        path: path.to_path_buf(),
        problem,
    };
    let verdict: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<_, _>>()
        })
        .map_err(|e| damaged(e.to_string()))?;
    if verdict != ["ok"] {
        return Err(damaged(verdict.join("; ")));
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| damaged(e.to_string()))?;
    if version > LATEST_VERSION {
        return Err(BackupError::Newer {
            path: path.to_path_buf(),
            version,
            supported: LATEST_VERSION,
        });
    }
    if version == 0 {
        return Err(BackupError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Opens the staged copy as MediaDesk does (migrating an older one), checks its audit chain,
/// and leaves it as one file, closed.
fn prepare_staged(staged: &Path, backup: &Path) -> Result<BackupContents, BackupError> {
    {
        let store = Store::open(staged)?;
        let audit = store.verify_audit()?;
        if let Some(problem) = audit.problem {
            return Err(BackupError::AuditBroken {
                path: backup.to_path_buf(),
                problem,
            });
        }
    }
    single_file(staged)?;
    let _ = std::fs::remove_file(with_suffix(staged, ".lock"));
    contents_of(staged)
}

/// A backup of the current file (if there is one) before it is replaced, taken through
/// `Store::open` so a MediaDesk still working on it is told (its lock), then the current file
/// folded into one (no `-wal` left to be replayed onto the restored file). The returned lock
/// is held until the restored file is in place.
fn save_current(current: &Path) -> Result<(Option<PathBuf>, Option<std::fs::File>), BackupError> {
    if !current.exists() {
        return Ok((None, None));
    }
    let store = Store::open(current)?;
    let Some(conn) = store.conn.as_sqlite() else {
        return Err(BackupError::OnServer);
    };
    let dest =
        backup_folder_of(current).join(timestamped_name(super::now_timestamp(), "-before-restore"));
    if let Some(dir) = dest.parent() {
        std::fs::create_dir_all(dir).map_err(|source| io(dir, source))?;
    }
    let sqlite = |e: rusqlite::Error| BackupError::Store(e.into());
    let mut out = Connection::open(&dest).map_err(sqlite)?;
    rusqlite::backup::Backup::new(conn, &mut out)
        .and_then(|b| b.run_to_completion(256, std::time::Duration::ZERO, None))
        .map_err(sqlite)?;
    out.query_row("PRAGMA journal_mode=DELETE", [], |_| Ok(()))
        .map_err(sqlite)?;
    conn.query_row("PRAGMA journal_mode=DELETE", [], |_| Ok(()))
        .map_err(sqlite)?;
    let Store { _lock, .. } = store;
    Ok((Some(dest), _lock))
}

/// Switches a database file out of WAL mode, so it is one self-contained file.
/// The window's daily backup, taken from the database *file* on a thread of its own: a second,
/// read-only connection copies it with SQLite's online backup while the window keeps working
/// on its own connection (WAL readers never wait for the writer). Named and kept as
/// [`Store::automatic_backup`]'s copies (rolling, `keep` kept, the copies before a migration
/// or a restore never deleted), complete or not at all. Where the copy went.
pub fn back_up_file(
    db: &Path,
    folder: &Path,
    keep: usize,
    at: NaiveDateTime,
) -> Result<PathBuf, BackupError> {
    if !std::fs::metadata(db).is_ok_and(|m| m.is_file()) {
        return Err(BackupError::NotAFile {
            path: db.to_path_buf(),
        });
    }
    std::fs::create_dir_all(folder).map_err(|source| io(folder, source))?;
    let dest = folder.join(timestamped_name(at, ""));
    let partial = with_suffix(&dest, ".partial");
    let _ = std::fs::remove_file(&partial);
    let copied = copy_online(db, &partial)
        .and_then(|()| std::fs::rename(&partial, &dest).map_err(|source| io(&dest, source)));
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    prune(folder, keep.max(1))?;
    Ok(dest)
}

/// SQLite's online backup from a read-only connection, the copy left as one file.
fn copy_online(db: &Path, dest: &Path) -> Result<(), BackupError> {
    let sqlite = |e: rusqlite::Error| BackupError::Store(StoreError::from(e));
    let source = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite)?;
    let mut out = Connection::open(dest).map_err(sqlite)?;
    rusqlite::backup::Backup::new(&source, &mut out)
        .and_then(|b| b.run_to_completion(1024, std::time::Duration::ZERO, None))
        .map_err(sqlite)?;
    drop(out);
    single_file(dest)
}

fn single_file(path: &Path) -> Result<(), BackupError> {
    let conn = Connection::open(path).map_err(|e| BackupError::Store(e.into()))?;
    conn.query_row("PRAGMA journal_mode=DELETE", [], |_| Ok(()))
        .map_err(|e| BackupError::Store(e.into()))?;
    Ok(())
}

/// What a database file holds, read-only.
fn contents_of(path: &Path) -> Result<BackupContents, BackupError> {
    let conn = open_read_only(path)?;
    let failed = |e: rusqlite::Error| BackupError::Damaged {
        path: path.to_path_buf(),
        problem: e.to_string(),
    };
    let count = |table: &str| -> Result<i64, BackupError> {
        conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .map_err(failed)
    };
    Ok(BackupContents {
        schema_version: conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(failed)?,
        units: count("units")?,
        platforms: count("platforms")?,
        posts: count("posts")?,
        audit_entries: count("audit_log")?,
        audit_head: conn
            .query_row(
                "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                other => Err(other),
            })
            .map_err(failed)?,
    })
}

fn open_read_only(path: &Path) -> Result<Connection, BackupError> {
    let mut head = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .map_err(|source| io(path, source))?;
    if read < 16 || &head != b"SQLite format 3\0" {
        return Err(BackupError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| BackupError::Damaged {
        path: path.to_path_buf(),
        problem: e.to_string(),
    })
}

/// Deletes the oldest automatic backups in `folder` beyond `keep` (the copies taken before a
/// migration or a restore are kept: they are rare and each one matters).
fn prune(folder: &Path, keep: usize) -> Result<(), BackupError> {
    let mut rolling: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|source| io(folder, source))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_backup_name(p) && !p.to_string_lossy().contains("-before-"))
        .collect();
    rolling.sort();
    let excess = rolling.len().saturating_sub(keep);
    for old in rolling.into_iter().take(excess) {
        std::fs::remove_file(&old).map_err(|source| io(&old, source))?;
    }
    Ok(())
}

fn timestamped_name(at: NaiveDateTime, tag: &str) -> String {
    format!("{PREFIX}{}{tag}.db", at.format("%Y%m%d-%H%M%S"))
}

fn is_backup_name(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(PREFIX) && n.ends_with(".db"))
}

fn taken_at_of(path: &Path) -> Option<NaiveDateTime> {
    let name = path.file_name()?.to_str()?.strip_prefix(PREFIX)?;
    NaiveDateTime::parse_from_str(name.get(..15)?, "%Y%m%d-%H%M%S").ok()
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn remove_db_files(path: &Path) {
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(with_suffix(path, ".lock"));
    remove_db_files_beside(path);
}

/// The `-wal` and `-shm` files beside a database (empty once it was checkpointed).
fn remove_db_files_beside(path: &Path) {
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(path, suffix));
    }
}

fn io(path: &Path, source: std::io::Error) -> BackupError {
    BackupError::Io {
        path: path.to_path_buf(),
        source,
    }
}

use chrono::Timelike;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_names_carry_the_time_and_sort_by_it() {
        let at = NaiveDateTime::parse_from_str("2026-03-05 08:09:10", "%Y-%m-%d %H:%M:%S").unwrap();
        let name = timestamped_name(at, "");
        assert_eq!(name, "mediadesk-20260305-080910.db");
        assert_eq!(taken_at_of(Path::new(&name)), Some(at));
        assert!(is_backup_name(Path::new(&name)));
        assert!(!is_backup_name(Path::new("mediadesk.db")));
        assert!(!is_backup_name(Path::new(
            "mediadesk-20260305-080910.db.partial"
        )));
    }

    #[test]
    fn pruning_keeps_the_newest_and_the_copies_before_migrations() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "mediadesk-20260101-000000.db",
            "mediadesk-20260102-000000.db",
            "mediadesk-20260103-000000.db",
            "mediadesk-20251231-000000-before-v9.db",
            "notes.txt",
        ] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        prune(dir.path(), 2).unwrap();
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "mediadesk-20251231-000000-before-v9.db",
                "mediadesk-20260102-000000.db",
                "mediadesk-20260103-000000.db",
                "notes.txt"
            ]
        );
    }
}

#[cfg(test)]
mod file_backup_tests {
    use super::*;
    use crate::store::Store;

    fn at(day: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 11, day)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    #[test]
    fn a_file_backup_is_listed_with_its_contents_while_the_store_stays_open() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("mediadesk.db");
        let mut store = Store::open(&db).unwrap();
        store.load_demo(at(26).date()).unwrap();
        let folder = dir.path().join("backups");
        let made = back_up_file(&db, &folder, 30, at(26)).unwrap();
        assert!(made.ends_with("mediadesk-20261126-090000.db"));
        let list = list_backups(&folder).unwrap();
        assert_eq!(list.len(), 1);
        let contents = list[0].contents.clone().unwrap();
        assert_eq!(contents.platforms, store.platforms().unwrap().len() as i64);
        assert!(contents.audit_head.is_some());
        // The window's connection still writes.
        store.sign_in("admin", crate::store::DEMO_PASSWORD).unwrap();
    }

    #[test]
    fn rolling_backups_keep_the_newest_and_the_copies_before_a_migration() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("mediadesk.db");
        drop(Store::open(&db).unwrap());
        let folder = dir.path().join("backups");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("mediadesk-20250101-000000-before-v9.db"), b"x").unwrap();
        for day in 1..=4 {
            back_up_file(&db, &folder, 2, at(day)).unwrap();
        }
        let mut left: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "mediadesk-20250101-000000-before-v9.db",
                "mediadesk-20261103-090000.db",
                "mediadesk-20261104-090000.db"
            ]
        );
    }

    #[test]
    fn backups_taken_while_the_window_writes_restore_intact() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("mediadesk.db");
        let mut store = Store::open(&db).unwrap();
        store.load_demo(at(26).date()).unwrap();
        store.sign_in("lijun", crate::store::DEMO_PASSWORD).unwrap();
        let site = store
            .platforms()
            .unwrap()
            .into_iter()
            .find(|p| p.draft.name == "郑州西亚斯学院商学院")
            .unwrap()
            .id;
        let folder = dir.path().join("backups");
        let copier = {
            let (db, folder) = (db.clone(), folder.clone());
            std::thread::spawn(move || {
                (0..8u32)
                    .map(|i| {
                        let when = at(1).checked_add_signed(chrono::TimeDelta::minutes(i.into()));
                        back_up_file(&db, &folder, 100, when.unwrap()).unwrap()
                    })
                    .collect::<Vec<_>>()
            })
        };
        // The window keeps writing while the copies are taken.
        for i in 0..60u64 {
            let draft = crate::domain::supervision::UpdateDraft {
                platform_id: site,
                on: at(26).date() - chrono::Days::new(i % 20),
                title: format!("学院新闻第{i}期"),
                link: String::new(),
                party_building: i % 3 == 0,
            };
            store.add_update(&draft, at(26).date()).unwrap();
        }
        let copies = copier.join().unwrap();
        drop(store);
        // Each copy passes integrity_check and the audit chain (restore checks both first).
        for copy in copies {
            let scratch = dir.path().join("scratch.db");
            std::fs::copy(&db, &scratch).unwrap();
            let restored = restore_from(&scratch, &copy).unwrap();
            assert!(restored.contents.platforms > 0);
            let reopened = Store::open(&scratch).unwrap();
            assert!(reopened.verify_audit().unwrap().broken.is_none());
            drop(reopened);
            remove_db_files(&scratch);
        }
    }

    #[test]
    fn a_missing_database_is_refused_and_nothing_is_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("backups");
        let e = back_up_file(&dir.path().join("gone.db"), &folder, 30, at(1)).unwrap_err();
        assert!(matches!(e, BackupError::NotAFile { .. }), "{e:?}");
        assert!(
            !folder.exists(),
            "nothing made for a database that is not there"
        );
    }
}
