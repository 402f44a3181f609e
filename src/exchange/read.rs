//! Reading the file a person picked, without trusting it: only a regular file (a FIFO would
//! block the window forever, a device would never end), and never more than
//! [`MAX_FILE_BYTES`], so a wrong pick cannot fill the memory.

use std::fs::{self, File};
use std::io::{ErrorKind, Read};
use std::path::Path;

use super::error::ImportError;
use super::sniff::read_source_bytes;
use super::source::SourceFile;

/// A department's 台账 is well under 1 MB; 50 MB leaves room for pictures pasted into a sheet.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Reads and parses the spreadsheet at `path` (xlsx, xls, xlsb, ods or csv).
pub fn read_source(path: &Path) -> Result<SourceFile, ImportError> {
    let bytes = read_limited(path, MAX_FILE_BYTES)?;
    read_source_bytes(&bytes)
}

/// The file's bytes, refusing anything that is not a regular file of at most `limit` bytes.
pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ImportError> {
    let shown = path.display().to_string();
    let io_error = |e: std::io::Error| match e.kind() {
        ErrorKind::NotFound => ImportError::NotFound {
            path: shown.clone(),
        },
        ErrorKind::PermissionDenied => ImportError::NoPermission {
            path: shown.clone(),
        },
        _ => ImportError::Unreadable {
            path: shown.clone(),
            reason: e.to_string(),
        },
    };
    // Checked before opening: opening a FIFO for reading blocks until a writer appears.
    let meta = fs::metadata(path).map_err(io_error)?;
    if meta.is_dir() {
        return Err(ImportError::IsAFolder { path: shown });
    }
    if !meta.is_file() {
        return Err(ImportError::NotARegularFile { path: shown });
    }
    if meta.len() > limit {
        return Err(ImportError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = File::open(path).map_err(io_error)?;
    // The file may grow between the check and the read: never take more than the limit.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > limit {
        return Err(ImportError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}
