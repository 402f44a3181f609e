//! Reading the file a person picked, without trusting it: only a regular file (a FIFO would
//! block the window forever, a device would never end), and never more than
//! [`MAX_FILE_BYTES`], so a wrong pick cannot fill the memory.

use std::io::ErrorKind;
use std::path::Path;

use super::error::ImportError;
use super::sniff::read_source_bytes;
use super::source::SourceFile;
use crate::files::{NotAFile, ReadError};

/// A department's 台账 is well under 1 MB; 50 MB leaves room for pictures pasted into a sheet.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Reads and parses the spreadsheet at `path` (xlsx, xls, xlsb, ods or csv).
pub fn read_source(path: &Path) -> Result<SourceFile, ImportError> {
    let bytes = read_limited(path, MAX_FILE_BYTES)?;
    read_source_bytes(&bytes)
}

/// The file's bytes, refusing anything that is not a regular file of at most `limit` bytes
/// (`files::read_bytes` does the reading; the refusal is worded for an import).
pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ImportError> {
    let shown = path.display().to_string();
    crate::files::read_bytes(path, limit).map_err(|e| match e {
        ReadError::NotFound { .. } | ReadError::DanglingLink { .. } => {
            ImportError::NotFound { path: shown }
        }
        ReadError::NotAFile {
            kind: NotAFile::Directory,
            ..
        } => ImportError::IsAFolder { path: shown },
        ReadError::NotAFile { .. } => ImportError::NotARegularFile { path: shown },
        ReadError::TooLarge { limit, .. } => ImportError::TooLarge {
            // Only for the message: reading stopped at the limit.
            size: std::fs::metadata(path).map_or(limit + 1, |m| m.len()),
            limit,
        },
        ReadError::Io {
            kind: ErrorKind::PermissionDenied,
            ..
        } => ImportError::NoPermission { path: shown },
        other => ImportError::Unreadable {
            path: shown,
            reason: other.to_string(),
        },
    })
}
