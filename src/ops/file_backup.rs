//! The window's daily backup, taken from the database file on a thread of its own: a second,
//! read-only connection copies the file with SQLite's online backup while the window keeps
//! working on its own connection (WAL readers never wait for the writer). The copy is named
//! and kept as the store's automatic backups are (`mediadesk-YYYYMMDD-HHMMSS.db`, rolling,
//! the copies taken before a migration or a restore never deleted), so 设置 lists both alike.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags};

use crate::store::{BackupError, StoreError};

/// The name the store's automatic backups start with (`store::backup`).
const PREFIX: &str = "mediadesk-";

/// Copies the database at `db` into `folder` as `mediadesk-<at>.db` (complete or not at all:
/// written beside it, then renamed), then deletes the oldest rolling backups there beyond
/// `keep`. Where the copy went.
pub fn back_up_file(
    db: &Path,
    folder: &Path,
    keep: usize,
    at: NaiveDateTime,
) -> Result<PathBuf, BackupError> {
    std::fs::create_dir_all(folder).map_err(|source| io(folder, source))?;
    let dest = folder.join(format!("{PREFIX}{}.db", at.format("%Y%m%d-%H%M%S")));
    let mut partial = dest.clone().into_os_string();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
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
    if !std::fs::metadata(db).is_ok_and(|m| m.is_file()) {
        return Err(BackupError::NotAFile {
            path: db.to_path_buf(),
        });
    }
    let source = Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sqlite)?;
    let mut out = Connection::open(dest).map_err(sqlite)?;
    rusqlite::backup::Backup::new(&source, &mut out)
        .and_then(|b| b.run_to_completion(1024, std::time::Duration::ZERO, None))
        .map_err(sqlite)?;
    out.query_row("PRAGMA journal_mode=DELETE", [], |_| Ok(()))
        .map_err(sqlite)?;
    Ok(())
}

/// Deletes the oldest rolling backups beyond `keep`; the copies taken before a migration or
/// a restore (`-before-` in their names) stay, as the store keeps them.
fn prune(folder: &Path, keep: usize) -> Result<(), BackupError> {
    let mut rolling: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|source| io(folder, source))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(PREFIX) && n.ends_with(".db") && !n.contains("-before-")
            })
        })
        .collect();
    rolling.sort();
    let excess = rolling.len().saturating_sub(keep);
    for old in rolling.into_iter().take(excess) {
        std::fs::remove_file(&old).map_err(|source| io(&old, source))?;
    }
    Ok(())
}

fn io(path: &Path, source: std::io::Error) -> BackupError {
    BackupError::Io {
        path: path.to_path_buf(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, list_backups};

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
    fn a_missing_database_is_refused_and_nothing_is_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("backups");
        let e = back_up_file(&dir.path().join("gone.db"), &folder, 30, at(1)).unwrap_err();
        assert!(matches!(e, BackupError::NotAFile { .. }), "{e:?}");
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
    }
}
