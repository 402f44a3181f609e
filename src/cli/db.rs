//! `mediadesk db …`: moving a whole database between a file and the school's server — a unit
//! joining the server, an offline copy, a backup — with the counts and the audit chain
//! checked on the copy. Copying reads every unit's data and the password hashes, so it is the
//! system administrator's (the same right as 备份), signed in on the source.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;

use super::{CliError, open_location, sign_in_as};
use crate::domain::permissions::{Permission, Target};
use crate::store::{Location, Store, StoreError};
use crate::text::cli as text;

#[derive(Subcommand, Debug)]
pub enum DbCommand {
    /// 复制整个数据库：本机文件 → 学校服务器（postgres://…），或反过来（离线副本、备份）。目标须为空；复制后核对行数和审计链
    Copy {
        /// 从哪里复制：数据库文件或 postgres://用户@主机:端口/库名
        #[arg(long, value_name = "FILE|URL")]
        from: PathBuf,
        /// 复制到哪里：新文件名或 postgres://…（须为空数据库）
        #[arg(long, value_name = "FILE|URL")]
        to: PathBuf,
        /// 目标已有数据时整个替换（先复制到新文件再替换旧文件；服务器上先删除全部 MediaDesk 表再重建）。旧数据不会保留，请先备份
        #[arg(long)]
        replace: bool,
    },
    /// 显示数据库位置、类型、数据版本和各表行数
    Info {
        #[arg(long)]
        json: bool,
    },
}

pub(super) fn run(
    command: DbCommand,
    as_user: Option<&str>,
    db: &std::path::Path,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        DbCommand::Copy { from, to, replace } => {
            let Some(login) = as_user else {
                return Err(CliError::Message(text::needs_sign_in()));
            };
            let source_at = Location::parse(&from)?;
            let target_at = Location::parse(&to)?;
            if source_at == target_at {
                return Err(CliError::Message(text::copy_onto_itself()));
            }
            if !source_at.exists() {
                return Err(CliError::Message(text::database_missing(&from)));
            }
            if let Location::File(path) = &target_at
                && path.exists()
                && !replace
            {
                return Err(CliError::Message(text::copy_target_exists(path)));
            }
            let mut source = open_location(&source_at)?;
            sign_in_as(&mut source, login)?;
            // Refused before the target is touched (a new file would be left behind).
            source.check(Permission::BackupDatabase, Target::School)?;
            let report = match (&target_at, replace) {
                // A file is replaced whole: the copy goes to a new file beside it, which is
                // renamed over the old one only once it verified.
                (Location::File(path), true) if path.exists() => {
                    // Ours, and nobody has it open (its lock is taken and let go here).
                    drop(Store::open(path)?);
                    let fresh = replacement_path(path);
                    let target = Store::open(&fresh)?;
                    source.note_copy(&target_at.shown())?;
                    let report = source.copy_into(&target);
                    drop(target);
                    match report {
                        Ok(report) => {
                            replace_file(&fresh, path)?;
                            report
                        }
                        Err(e) => {
                            remove_with_sidecars(&fresh);
                            return Err(e.into());
                        }
                    }
                }
                _ => {
                    let mut target = open_location(&target_at)?;
                    if target.holds_data()? {
                        if !replace {
                            return Err(StoreError::TargetNotEmpty {
                                place: target.place(),
                            }
                            .into());
                        }
                        target.empty_server_for_replace()?;
                    }
                    source.note_copy(&target_at.shown())?;
                    source.copy_into(&target)?
                }
            };
            writeln!(
                out,
                "{}",
                text::copied(
                    &source_at.shown(),
                    &target_at.shown(),
                    report.total_rows(),
                    report.audit_entries
                )
            )?;
        }
        DbCommand::Info { json } => {
            let at = Location::parse(db)?;
            if !at.exists() {
                return Err(CliError::Message(text::database_missing(db)));
            }
            let store: Store = open_location(&at)?;
            let counts = store.table_counts()?;
            if json {
                let value = serde_json::json!({
                    "location": at.shown(),
                    "backend": format!("{:?}", store.backend()).to_lowercase(),
                    "schema_version": store.schema_version()?,
                    "tables": counts.iter().map(|(t, n)| (t.to_string(), *n)).collect::<std::collections::BTreeMap<_, _>>(),
                });
                writeln!(out, "{}", super::to_json(&value)?)?;
            } else {
                writeln!(
                    out,
                    "{}",
                    text::db_info(&at.shown(), store.backend(), store.schema_version()?)
                )?;
                for (table, n) in counts {
                    writeln!(out, "  {table:<22} {n}")?;
                }
            }
        }
    }
    Ok(())
}

/// `<name>.copying` beside `path`, for a copy that replaces it.
fn replacement_path(path: &std::path::Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".copying");
    PathBuf::from(name)
}

/// A SQLite file and its `-wal`/`-shm`/`.lock` companions, removed (a failed copy).
fn remove_with_sidecars(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm", ".lock"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// Puts the verified copy `fresh` in the place of `old`: the old file's WAL companions go
/// first (they belong to the old data), then one rename.
fn replace_file(fresh: &std::path::Path, old: &std::path::Path) -> Result<(), CliError> {
    for suffix in ["-wal", "-shm"] {
        let mut name = old.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
    std::fs::rename(fresh, old)?;
    for suffix in ["-wal", "-shm", ".lock"] {
        let mut name = fresh.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
    Ok(())
}
