//! Saving an export: the shared atomic save (`files::write_atomically`), so a full disk or a
//! pulled USB stick never leaves half a 台账 where last month's was; its failure worded as an
//! export error.

use std::path::Path;

use super::error::ExportError;
use crate::files::SaveError;

/// Writes `bytes` to `path` atomically; on failure no partial or temporary file is left.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    crate::files::write_atomically(path, bytes).map_err(ExportError::from)
}

impl From<SaveError> for ExportError {
    fn from(e: SaveError) -> Self {
        match e {
            SaveError::NotAFilePath { path } => Self::NotAFilePath { path },
            SaveError::FolderMissing { folder } => Self::FolderMissing { folder },
            SaveError::NoPermission { folder } => Self::NoPermission { folder },
            SaveError::DiskFull { path } => Self::DiskFull { path },
            SaveError::WriteFailed { path, reason } => Self::WriteFailed { path, reason },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
