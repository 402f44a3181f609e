//! The command-line session's token on this computer: one small JSON file per database and
//! login in `<config folder>/sessions/`, readable only by the user (0600 in a 0700 folder on
//! unix; on Windows the per-user %APPDATA% folder is the user's alone). The database keeps
//! only the token's SHA-256 (`store::sessions`), so neither a copy of the database nor a
//! backup can be turned into a sign-in.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use sha2::{Digest, Sha256};

use crate::store::choice::config_folder;

const FOLDER: &str = "sessions";
const MAX_BYTES: u64 = 16 * 1024;

/// What the file holds: the token and what it is for (the expiry is for choosing among
/// several files; the database decides).
#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct SessionFile {
    /// [`crate::store::Store::database_identity`] of the database it was made on.
    pub database: String,
    pub login: String,
    pub token: String,
    pub expires_at: NaiveDateTime,
}

/// `<config folder>/sessions`.
fn folder() -> Option<PathBuf> {
    config_folder().map(|d| d.join(FOLDER))
}

/// The file of `login` on `database`: named by a hash of both, so the name gives neither away
/// and each database keeps its own sign-in.
fn path_of(folder: &Path, database: &str, login: &str) -> PathBuf {
    let key = Sha256::digest(format!("{database}\n{}", login.trim().to_lowercase()));
    folder.join(format!("{}.json", &hex::encode(key)[..32]))
}

/// The session file of `login` on `database`, if this computer has one. A damaged file is
/// returned with no token: the database refuses it, and the refusal says to sign in again.
pub(super) fn load(database: &str, login: &str) -> Option<SessionFile> {
    let path = path_of(&folder()?, database, login);
    if !path.exists() {
        return None;
    }
    Some(read(&path).unwrap_or_else(|| SessionFile {
        database: database.to_owned(),
        login: login.trim().to_owned(),
        token: String::new(),
        expires_at: NaiveDateTime::MIN,
    }))
}

fn read(path: &Path) -> Option<SessionFile> {
    let text = crate::files::read_text(path, MAX_BYTES).ok()?;
    serde_json::from_str(&text).ok()
}

/// Every readable session file this computer has for `database`.
pub(super) fn of_database(database: &str) -> Vec<SessionFile> {
    let Some(entries) = folder().and_then(|f| std::fs::read_dir(f).ok()) else {
        return Vec::new();
    };
    let mut found: Vec<SessionFile> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
        .filter_map(|e| read(&e.path()))
        .filter(|f| f.database == database)
        .collect();
    found.sort_by(|a, b| a.login.cmp(&b.login));
    found
}

/// Saves `file` where [`load`] finds it, readable only by the user; returns where.
pub(super) fn save(file: &SessionFile) -> std::io::Result<PathBuf> {
    let folder = folder().ok_or_else(|| std::io::Error::from(std::io::ErrorKind::NotFound))?;
    make_private_folder(&folder)?;
    let path = path_of(&folder, &file.database, &file.login);
    let json = serde_json::to_string_pretty(file).map_err(std::io::Error::other)?;
    write_private(&path, json.as_bytes())?;
    Ok(path)
}

/// Removes the file of `login` on `database` (none is fine).
pub(super) fn remove(database: &str, login: &str) -> std::io::Result<()> {
    let Some(folder) = folder() else {
        return Ok(());
    };
    match std::fs::remove_file(path_of(&folder, database, login)) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

#[cfg(unix)]
fn make_private_folder(folder: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(folder)?;
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))
}

#[cfg(not(unix))]
fn make_private_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)
}

/// Writes a new file born private (never readable by others, not even for a moment) and
/// renames it over `path`, so a reader meets the old token or the new one, never half.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temp = path.with_extension(format!("tmp{}", std::process::id()));
    let _ = std::fs::remove_file(&temp);
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let written = options.open(&temp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&temp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_database_and_login_has_its_own_file_and_case_does_not_matter() {
        let folder = Path::new("/x");
        let a = path_of(folder, "/data/a.db", "ZhangZhe");
        assert_eq!(a, path_of(folder, "/data/a.db", " zhangzhe "));
        assert_ne!(a, path_of(folder, "/data/b.db", "zhangzhe"));
        assert_ne!(a, path_of(folder, "/data/a.db", "lijun"));
        let name = a.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !name.contains("zhangzhe") && name.ends_with(".json"),
            "{name}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_born_readable_only_by_the_user() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("sessions");
        make_private_folder(&folder).unwrap();
        let path = folder.join("t.json");
        write_private(&path, b"{}").unwrap();
        write_private(&path, b"{\"a\":1}").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{\"a\":1}");
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
    }
}
