//! Saving an export so the target is either the complete new workbook or untouched: write a
//! hidden temporary file beside it, flush it to disk, then rename it over the target. A full
//! disk or a pulled USB stick never leaves half a 台账 where last month's was.

use std::fs::{self, File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::error::ExportError;

/// Writes `bytes` to `path` atomically; on failure no partial or temporary file is left.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let shown = path.display().to_string();
    let Some(file_name) = path.file_name().filter(|_| !path.is_dir()) else {
        return Err(ExportError::NotAFilePath { path: shown });
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let folder_shown = folder.display().to_string();
    let explain = |e: io::Error| match e.kind() {
        ErrorKind::NotFound | ErrorKind::NotADirectory => ExportError::FolderMissing {
            folder: folder_shown.clone(),
        },
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => ExportError::NoPermission {
            folder: folder_shown.clone(),
        },
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => ExportError::DiskFull {
            path: shown.clone(),
        },
        _ => ExportError::WriteFailed {
            path: shown.clone(),
            reason: e.to_string(),
        },
    };
    let (temp_path, file) =
        create_temp_beside(&folder, &file_name.to_string_lossy()).map_err(&explain)?;
    let written = write_and_sync(file, bytes).and_then(|()| fs::rename(&temp_path, path));
    if let Err(e) = written {
        // Best effort: the temporary file is ours and must not stay behind.
        let _ = fs::remove_file(&temp_path);
        return Err(explain(e));
    }
    // Make the rename itself durable where the platform allows opening a folder.
    if let Ok(dir) = File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

fn write_and_sync(mut file: File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

/// A new, uniquely named hidden file in the target's folder, so the rename stays on one file
/// system (and is therefore atomic).
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_target_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("台账.xlsx");
        fs::write(&path, b"old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_or_a_folder_as_target_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("没有这个文件夹").join("台账.xlsx");
        assert!(matches!(
            write_atomically(&missing, b"x"),
            Err(ExportError::FolderMissing { .. })
        ));
        assert!(matches!(
            write_atomically(dir.path(), b"x"),
            Err(ExportError::NotAFilePath { .. })
        ));
    }
}
