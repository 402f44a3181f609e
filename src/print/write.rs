//! Saving a PDF: the shared atomic save (`files::write_atomically`), its failure worded as a
//! print error.

use std::path::Path;

use super::error::PrintError;
use crate::files::{SaveError, write_atomically};

/// Writes `bytes` to `path` atomically; on any failure no partial or temporary file is left.
pub fn write_pdf_atomically(path: &Path, bytes: &[u8]) -> Result<(), PrintError> {
    write_atomically(path, bytes).map_err(PrintError::from)
}

impl From<SaveError> for PrintError {
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
    fn a_failed_save_is_told_in_chinese() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cases = [
            (dir.path().join("gone").join("表.pdf"), "不存在"),
            (dir.path().to_path_buf(), "不是文件名"),
        ];
        for (target, message) in cases {
            let err = write_pdf_atomically(&target, b"%PDF").expect_err("must fail");
            assert!(err.to_string().contains(message), "{target:?}: {err}");
        }
    }
}
