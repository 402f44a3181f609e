//! The database this computer opens when nothing else is said: the choice made in the
//! window (设置 → 数据库, or 连接学校服务器 on the welcome page), remembered in the OS config
//! folder as the file's path or the server's address — never a password. `--db` and
//! `MEDIADESK_DB` still win over it.

use std::path::PathBuf;

use super::Location;

/// Overrides the config folder (tests, portable installs).
pub const CONFIG_DIR_ENV_VAR: &str = "MEDIADESK_CONFIG_DIR";

const FILE_NAME: &str = "database.json";
const MAX_BYTES: u64 = 64 * 1024;

#[derive(serde::Serialize, serde::Deserialize)]
struct Remembered {
    /// A file path, or `postgres://user@host:port/db?sslmode=…` without a password.
    database: String,
}

/// `<config folder>/MediaDesk/database.json`.
pub fn choice_path() -> Option<PathBuf> {
    config_folder().map(|d| d.join(FILE_NAME))
}

/// MediaDesk's folder in the OS config folder (`MEDIADESK_CONFIG_DIR` when set): the
/// remembered database, and the command line's sessions (`cli::session_file`).
pub fn config_folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CONFIG_DIR_ENV_VAR).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    dirs::config_dir().map(|d| d.join("MediaDesk"))
}

/// The remembered database, if one was chosen and the record reads well (a damaged record
/// counts as none: the default file opens, and the choice can be made again).
pub fn remembered() -> Option<PathBuf> {
    remembered_at(&choice_path()?)
}

fn remembered_at(path: &std::path::Path) -> Option<PathBuf> {
    let text = crate::files::read_text(path, MAX_BYTES).ok()?;
    let record: Remembered = serde_json::from_str(&text).ok()?;
    let database = record.database.trim();
    (!database.is_empty()).then(|| PathBuf::from(database))
}

/// Remembers `location` (a server without its password) for the next start.
pub fn remember(location: &Location) -> Result<(), crate::files::SaveError> {
    match choice_path() {
        Some(path) => remember_at(&path, location),
        None => Ok(()),
    }
}

fn remember_at(path: &std::path::Path, location: &Location) -> Result<(), crate::files::SaveError> {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let record = Remembered {
        database: location.shown(),
    };
    let json = serde_json::to_string_pretty(&record).unwrap_or_default();
    crate::files::write_atomically(path, json.as_bytes())
}

/// Forgets the choice: the next start opens the default file.
pub fn forget() -> std::io::Result<()> {
    match choice_path() {
        Some(path) if path.exists() => std::fs::remove_file(path),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::db::server::ServerAddress;

    #[test]
    fn a_server_is_remembered_without_its_password_and_a_damaged_record_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("MediaDesk").join(FILE_NAME);
        let address =
            ServerAddress::parse("postgres://xwb:secret@db.edu.cn/md?sslmode=require").unwrap();
        remember_at(&path, &Location::Server(address)).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(!text.contains("secret"), "{text}");
        assert_eq!(
            remembered_at(&path),
            Some(PathBuf::from(
                "postgres://xwb@db.edu.cn:5432/md?sslmode=require"
            ))
        );
        std::fs::write(&path, "{not json").unwrap();
        assert_eq!(remembered_at(&path), None);
        std::fs::write(&path, "{\"database\": \"  \"}").unwrap();
        assert_eq!(remembered_at(&path), None);
        remember_at(&path, &Location::File(PathBuf::from("/data/学院.db"))).unwrap();
        assert_eq!(remembered_at(&path), Some(PathBuf::from("/data/学院.db")));
    }
}
