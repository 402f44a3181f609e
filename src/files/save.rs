//! Saving a document so that the target is either the complete new file or untouched: write
//! a hidden temporary file beside it, flush it to disk, then rename it over the target. A full
//! disk or a pulled USB stick never leaves half a PDF or half a 台账 where the last one was.
//! Printing and the spreadsheet export both save through here.

use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Why a save failed, naming the file or folder; each caller words it in its own error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The path names a folder, or nothing at all.
    NotAFilePath {
        path: String,
    },
    FolderMissing {
        folder: String,
    },
    NoPermission {
        folder: String,
    },
    DiskFull {
        path: String,
    },
    WriteFailed {
        path: String,
        reason: String,
    },
}

/// Writes `bytes` to `path` atomically; on any failure no partial or temporary file is left
/// (and a temporary file that cannot be removed is logged).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let shown = path.display().to_string();
    let Some(file_name) = path.file_name().filter(|_| !path.is_dir()) else {
        return Err(SaveError::NotAFilePath { path: shown });
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    replace_via_temp(path, &folder, &file_name.to_string_lossy(), bytes)
}

/// The write itself, once `path` is known to name a file in `folder`.
fn replace_via_temp(
    path: &Path,
    folder: &Path,
    file_name: &str,
    bytes: &[u8],
) -> Result<(), SaveError> {
    let shown = path.display().to_string();
    let folder_shown = folder.display().to_string();
    let explain = |e: io::Error| match e.kind() {
        ErrorKind::NotFound | ErrorKind::NotADirectory => SaveError::FolderMissing {
            folder: folder_shown.clone(),
        },
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => SaveError::NoPermission {
            folder: folder_shown.clone(),
        },
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => SaveError::DiskFull {
            path: shown.clone(),
        },
        _ => SaveError::WriteFailed {
            path: shown.clone(),
            reason: e.to_string(),
        },
    };
    let (temp_path, file) = create_temp_beside(folder, file_name).map_err(&explain)?;
    let written = write_and_sync(file, bytes).and_then(|()| fs::rename(&temp_path, path));
    if let Err(e) = written {
        // The temporary file is ours and must not stay behind; if it does, say so in the log.
        if let Err(cleanup) = fs::remove_file(&temp_path)
            && cleanup.kind() != ErrorKind::NotFound
        {
            tracing::warn!(
                path = %temp_path.display(),
                "could not remove the temporary file of a failed save: {cleanup}"
            );
        }
        return Err(explain(e));
    }
    sync_folder(folder);
    Ok(())
}

fn write_and_sync(mut file: File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

/// A new, uniquely named hidden file in the target's folder, so the rename stays on one
/// file system (and is therefore atomic).
fn create_temp_beside(folder: &Path, file_name: &str) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let mut last_error = io::Error::from(ErrorKind::AlreadyExists);
    for _ in 0..100 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(format!(".{file_name}.{}.{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => last_error = e,
            Err(e) => return Err(e),
        }
    }
    Err(last_error)
}

/// Makes the rename itself durable; not possible (nor needed) on every platform. A failure
/// here loses nothing that the rename did not already keep, so it is only logged.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    match File::open(folder).and_then(|dir| dir.sync_all()) {
        Ok(()) => {}
        Err(e) => tracing::debug!(folder = %folder.display(), "folder sync after a save: {e}"),
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_and_replaces_the_whole_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("备案表.pdf");
        write_atomically(&target, b"first version, longer").expect("write");
        write_atomically(&target, b"second").expect("replace");
        assert_eq!(fs::read(&target).expect("read"), b"second");
        assert_eq!(entries(dir.path()), vec!["备案表.pdf".to_owned()]);
    }

    #[test]
    fn unwritable_targets_are_named_and_leave_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a_file = dir.path().join("not-a-folder");
        fs::write(&a_file, b"x").expect("file");
        let a_folder = dir.path().join("existing-folder");
        fs::create_dir(&a_folder).expect("folder");

        let gone = dir.path().join("gone");
        let cases = [
            (
                gone.join("表.pdf"),
                SaveError::FolderMissing {
                    folder: gone.display().to_string(),
                },
            ),
            (
                a_file.join("表.pdf"),
                SaveError::FolderMissing {
                    folder: a_file.display().to_string(),
                },
            ),
            (
                a_folder.clone(),
                SaveError::NotAFilePath {
                    path: a_folder.display().to_string(),
                },
            ),
        ];
        for (target, expected) in cases {
            let err = write_atomically(&target, b"%PDF").expect_err("must fail");
            assert_eq!(err, expected, "{target:?}");
            assert!(!target.is_file(), "{target:?}");
        }
        assert_eq!(
            entries(dir.path()),
            vec!["existing-folder".to_owned(), "not-a-folder".to_owned()]
        );
        assert!(entries(&a_folder).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn read_only_folder_is_refused_and_left_empty() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let locked = dir.path().join("locked");
        fs::create_dir(&locked).expect("folder");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).expect("chmod");
        let result = write_atomically(&locked.join("表.pdf"), b"%PDF");
        let left = entries(&locked);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("chmod back");
        match result {
            // Root ignores permission bits: nothing to check then.
            Ok(()) => assert_eq!(left, vec!["表.pdf".to_owned()]),
            Err(err) => {
                assert!(matches!(err, SaveError::NoPermission { .. }), "{err:?}");
                assert!(left.is_empty(), "{left:?}");
            }
        }
    }

    #[test]
    fn failed_rename_removes_the_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        // A non-empty folder where the file should go: the rename fails after the write.
        let target = dir.path().join("表.pdf");
        fs::create_dir(&target).expect("folder");
        fs::write(target.join("keep"), b"x").expect("file");
        let err = replace_via_temp(&target, dir.path(), "表.pdf", b"%PDF").expect_err("fails");
        assert!(matches!(err, SaveError::WriteFailed { .. }), "{err:?}");
        assert_eq!(entries(dir.path()), vec!["表.pdf".to_owned()]);
        assert_eq!(entries(&target), vec!["keep".to_owned()]);
    }
}
