//! Files a person hands in (a post's attachment, the scan of a signed form) and files the
//! window opens for them (an attachment or a scan, copied out to a private temporary folder).
//! Every file read here is read with a limit, and only if it is a regular file, so a device or
//! a pipe named by mistake is refused at once instead of filling memory or hanging.

use std::path::{Path, PathBuf};

use super::OpsError;
use crate::store::{MAX_ATTACHMENT_BYTES, MAX_SCAN_BYTES, Store};

/// Text files MediaDesk reads (JSON, holiday files, word lists) are far smaller than this.
pub const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;

/// Reads at most `limit` bytes of a regular file (`files::read_bytes`: folders, devices and
/// pipes refused before they are opened, the limit kept while reading).
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, OpsError> {
    Ok(crate::files::read_bytes(path, limit)?)
}

/// A UTF-8 text file (BOM dropped), read as [`read_bytes`] does.
pub fn read_text(path: &Path) -> Result<String, OpsError> {
    Ok(crate::files::read_text(path, MAX_TEXT_BYTES)?)
}

/// The name of a file as a person sees it (「扫描件.pdf」), for records and messages.
pub fn shown_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// 第八条二: attaches a file from disk to a post; the store checks its bytes.
pub fn attach_to_post(
    store: &mut Store,
    post_id: i64,
    version: i64,
    path: &Path,
) -> Result<i64, OpsError> {
    let bytes = read_bytes(path, MAX_ATTACHMENT_BYTES)?;
    Ok(store.add_attachment(post_id, version, &shown_name(path), &bytes)?)
}

/// Attaches the scan of a signed form to a filing record; returns the file's name.
pub fn attach_scan(store: &mut Store, filing_id: i64, path: &Path) -> Result<String, OpsError> {
    let bytes = read_bytes(path, MAX_SCAN_BYTES as u64)?;
    let name = shown_name(path);
    store.attach_scan(filing_id, &name, &bytes)?;
    Ok(name)
}

/// Copies an attachment (checked against its SHA-256) to a private temporary folder, for the
/// system's viewer; returns where.
pub fn export_attachment(
    store: &Store,
    attachment_id: i64,
    name: &str,
) -> Result<PathBuf, OpsError> {
    let bytes = store.attachment_content(attachment_id)?;
    write_temporary(&format!("attachment-{attachment_id}"), name, &bytes)
}

/// Copies the scan of a filing to a private temporary folder; returns where.
pub fn export_scan(store: &Store, filing_id: i64) -> Result<PathBuf, OpsError> {
    let scan = store
        .scan(filing_id)?
        .ok_or(crate::store::StoreError::NotFound {
            what: crate::store::Entity::Scan,
            id: filing_id,
        })?;
    write_temporary(&format!("scan-{filing_id}"), &scan.file_name, &scan.bytes)
}

fn write_temporary(folder: &str, name: &str, bytes: &[u8]) -> Result<PathBuf, OpsError> {
    let dir = std::env::temp_dir().join("MediaDesk").join(folder);
    let path = dir.join(safe_file_part(name));
    std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&path, bytes))
        .map_err(|source| OpsError::Write {
            path: path.clone(),
            source,
        })?;
    Ok(path)
}

/// A piece of a file name: characters Windows and macOS refuse become 「_」.
pub fn safe_file_part(s: &str) -> String {
    let cleaned: String = s
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches(['_', '.', ' ']).to_owned();
    if cleaned.is_empty() {
        crate::text::ops::UNNAMED_FILE.to_owned()
    } else {
        cleaned.chars().take(60).collect()
    }
}

/// Removes a file written by a step that then failed; a removal that fails is logged, so a
/// stray file is at least on record.
pub fn remove_quietly(path: &Path) {
    if let Err(e) = std::fs::remove_file(path)
        && e.kind() != std::io::ErrorKind::NotFound
    {
        tracing::warn!(path = %path.display(), "could not remove a file after a failed step: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::ReadError;

    #[test]
    fn file_names_are_safe_on_every_desktop() {
        assert_eq!(
            safe_file_part("https://sxy.sias.edu.cn/"),
            "sxy.sias.edu.cn"
        );
        assert_eq!(safe_file_part("a:b*c?"), "a_b_c");
        assert_eq!(safe_file_part("  "), "平台");
        assert_eq!(safe_file_part("西亚斯商学院"), "西亚斯商学院");
    }

    #[test]
    fn reads_stop_at_the_limit_and_refuse_what_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_bytes(&path, 10).unwrap().len(), 10);
        assert!(matches!(
            read_bytes(&path, 9),
            Err(OpsError::Read(ReadError::TooLarge { limit: 9, .. }))
        ));
        assert!(matches!(
            read_bytes(dir.path(), 10),
            Err(OpsError::Read(ReadError::NotAFile { .. }))
        ));
        #[cfg(unix)]
        {
            let started = std::time::Instant::now();
            assert!(matches!(
                read_bytes(Path::new("/dev/zero"), 1024),
                Err(OpsError::Read(ReadError::NotAFile { .. }))
            ));
            assert!(started.elapsed() < std::time::Duration::from_secs(1));
        }
        assert!(matches!(
            read_bytes(&dir.path().join("missing"), 10),
            Err(OpsError::Read(ReadError::NotFound { .. }))
        ));
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        assert!(matches!(
            read_text(&path),
            Err(OpsError::Read(ReadError::NotUtf8 { .. }))
        ));
        std::fs::write(&path, "\u{feff}你好").unwrap();
        assert_eq!(read_text(&path).unwrap(), "你好");
    }
}
