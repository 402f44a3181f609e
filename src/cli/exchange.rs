//! `mediadesk export xlsx`, `import xlsx`, `backup`, `backups list` and `restore`: the 台账
//! in and out of spreadsheets and the desk's backups, through `ops::exchange` and the store's
//! backup functions. An import prints every row's problems by row number and writes nothing
//! unless every row is clean; a restore checks the backup and backs the current file up first.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Subcommand;

use super::{CliError, open_location, sign_in_as, to_json};
use crate::domain::permissions::{Permission, Target};
use crate::exchange::RowOutcome;
use crate::ops::exchange::{self as ops, ExchangeError};
use crate::store::{BackupError, Location, Store, backup_folder_of, list_backups, restore_from};
use crate::text::backup as text;

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// 导出为 Excel（xlsx）：平台台账、备案记录、变更与停运、整改与通报，各一张工作表
    Xlsx {
        /// 保存到哪个文件（.xlsx）
        #[arg(long, value_name = "FILE.xlsx")]
        out: PathBuf,
        /// 只导出这个单位的平台（单位编号见 units list）
        #[arg(long, value_name = "ID")]
        unit: Option<i64>,
    },
}

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// 从 Excel/WPS 表格（xlsx、xls、ods）或 CSV（UTF-8 或 GBK）导入平台：逐行检查，全部无误才写入
    Xlsx {
        file: PathBuf,
        /// 只预览每一行的检查结果，不写入
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum BackupsCommand {
    /// 列出备份及其内容（单位、平台、信息、审计记录）
    List {
        /// 备份所在文件夹（默认为数据库旁的 backups）
        #[arg(long, value_name = "FOLDER")]
        folder: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

fn exchange_error(e: ExchangeError) -> CliError {
    CliError::Message(e.to_string())
}

fn backup_error(e: BackupError) -> CliError {
    CliError::Message(e.to_string())
}

pub(super) fn run_export(
    command: ExportCommand,
    store: &Store,
    out: &mut dyn Write,
    today: NaiveDate,
) -> Result<(), CliError> {
    let ExportCommand::Xlsx { out: path, unit } = command;
    let done = ops::export_registry(store, unit, &path, today).map_err(exchange_error)?;
    writeln!(out, "{}", text::exported(&path, &done))?;
    Ok(())
}

pub(super) fn run_import(
    command: ImportCommand,
    store: &mut Store,
    out: &mut dyn Write,
    today: NaiveDate,
) -> Result<(), CliError> {
    let ImportCommand::Xlsx { file, dry_run } = command;
    let preview = ops::preview_import(store, &file, today).map_err(exchange_error)?;
    writeln!(
        out,
        "{}",
        text::preview_summary(
            &preview.sheet_name,
            preview.header_row,
            preview.ready_count(),
            preview.invalid_count(),
            preview.skipped_count(),
        )
    )?;
    if dry_run {
        for row in &preview.rows {
            if let RowOutcome::Ready(draft) = &row.outcome {
                writeln!(
                    out,
                    "{}",
                    text::ready_row(row.row, &draft.name, &draft.account)
                )?;
            }
        }
    }
    for report in preview.reports() {
        writeln!(out, "{report}")?;
    }
    if preview.invalid_count() > 0 {
        return Err(CliError::Message(text::import_refused(
            preview.invalid_count(),
        )));
    }
    if dry_run {
        writeln!(out, "{}", text::DRY_RUN_NOTHING_WRITTEN)?;
        return Ok(());
    }
    let added = ops::commit_import(store, preview, today).map_err(exchange_error)?;
    writeln!(out, "{}", text::imported(added))?;
    Ok(())
}

pub(super) fn run_backup(
    path: Option<PathBuf>,
    store: &Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let written = ops::back_up(store, path.as_deref()).map_err(exchange_error)?;
    writeln!(out, "{}", text::backed_up(&written))?;
    Ok(())
}

/// Lists backups without opening the database: a desk whose file is gone still sees them.
pub(super) fn run_backups(
    command: BackupsCommand,
    db: &Path,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let BackupsCommand::List { folder, json } = command;
    let folder = match (folder, Location::parse(db)?) {
        (Some(folder), _) => folder,
        (None, Location::Server(_)) => return Err(backup_error(BackupError::OnServer)),
        (None, Location::File(path)) => backup_folder_of(&path),
    };
    let backups = list_backups(&folder).map_err(backup_error)?;
    if json {
        writeln!(out, "{}", to_json(&backups)?)?;
        return Ok(());
    }
    if backups.is_empty() {
        writeln!(out, "{}", text::no_backups(&folder))?;
    }
    for backup in &backups {
        writeln!(out, "{}", text::backup_line(backup))?;
    }
    Ok(())
}

/// Signs in as a system administrator on the current database, closes it, and replaces it
/// with the checked backup (the current file backed up first).
pub(super) fn run_restore(
    backup: &Path,
    as_user: Option<&str>,
    db: &Path,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let Some(login) = as_user else {
        return Err(CliError::Message(crate::text::cli::needs_sign_in()));
    };
    let location = Location::parse(db)?;
    let Location::File(current) = &location else {
        return Err(backup_error(BackupError::OnServer));
    };
    if !location.exists() {
        return Err(CliError::Message(crate::text::cli::database_missing(db)));
    }
    {
        let mut store = open_location(&location)?;
        sign_in_as(&mut store, login)?;
        store.check(Permission::BackupDatabase, Target::School)?;
    }
    let restored = restore_from(current, backup).map_err(backup_error)?;
    tracing::info!(
        "database {} restored from {} by {login}",
        current.display(),
        backup.display()
    );
    writeln!(out, "{}", text::restored(backup, &restored))?;
    Ok(())
}
