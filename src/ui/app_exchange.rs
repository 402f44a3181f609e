//! Applying the spreadsheet and backup actions: 导出 Excel of the rows the registry shows
//! (written on a worker),
//! the 导入 dialog and its all-or-nothing commit, 立即备份 and the backup folder under
//! 设置 → 数据库, the daily automatic backup's results, and restore (the database replaced
//! by `store::restore_from`, then reopened by the app).

use std::path::{Path, PathBuf};

use eframe::egui;

use super::app::{Action, Workspace};
use super::app_server::Switch;
use super::auto_backup::{AutoBackup, Schedule};
use super::database_section::backup_folder;
use super::file_chooser::FileFor;
use super::import_dialog::ImportDialog;
use crate::ops::OpsError;
use crate::ops::exchange::{Exported, KEEP_BACKUPS, commit_import, rows_workbook, write_workbook};
use crate::ops::job::Job;
use crate::store::{Store, StoreError, restore_from};
use crate::text::{backup as done, ui_exchange as wording};

impl Workspace {
    pub(super) fn apply_exchange(&mut self, action: Action) -> Result<(), OpsError> {
        match action {
            Action::ExportRegistry => self.export_shown()?,
            Action::OpenImport => {
                if self.import.is_none() {
                    self.ask_path(FileFor::Sheet)?;
                }
            }
            Action::CommitImport => self.commit_import()?,
            Action::BackupNow => {
                let folder = self.backup_folder();
                match folder.map(|f| self.store.automatic_backup(Some(&f), KEEP_BACKUPS)) {
                    Some(Ok(path)) => {
                        self.settings.database.stale();
                        self.show_notice(done::backed_up(&path));
                        self.file_saved(path);
                    }
                    Some(Err(e)) => self.show_error(e.to_string()),
                    None => {}
                }
            }
            Action::ChooseBackupFolder { reset } => {
                if reset {
                    self.set_backup_folder(None)?;
                } else {
                    self.ask_path(FileFor::BackupFolder)?;
                }
            }
            Action::RestoreBackup(path) => self.switch = Some(Switch::Restore(path)),
            other => tracing::error!("not an exchange action: {other:?}"),
        }
        Ok(())
    }

    /// 导入 once the spreadsheet is chosen: the mapping and preview dialog.
    pub(super) fn open_import(&mut self, path: &Path) -> Result<(), OpsError> {
        if self.import.is_none() {
            self.import = Some(ImportDialog::open(path, &self.store, self.ctx.clone())?);
        }
        Ok(())
    }

    /// The backup folder chosen (`None`: back to the default).
    pub(super) fn set_backup_folder(&mut self, chosen: Option<PathBuf>) -> Result<(), OpsError> {
        let mut settings = self.store.settings()?;
        settings.backup_folder.clone_from(&chosen);
        self.store.save_settings(&settings)?;
        // The schedule starts again in the new folder (with a backup there at once).
        self.auto_backup = Schedule::NotStarted;
        let saved = chosen
            .as_deref()
            .map_or_else(|| wording::FOLDER_RESET.to_owned(), wording::folder_saved);
        self.reload_with_notice(Some(saved))
    }

    /// 导出 Excel: exactly the rows the registry shows, in its order. The store is read here;
    /// the workbook is written on a worker thread.
    fn export_shown(&mut self) -> Result<(), OpsError> {
        if self.export.is_some() {
            self.show_notice(wording::EXPORTING.to_owned());
            return Ok(());
        }
        let ids: Vec<i64> = self.registry.visible_rows().map(|r| r.id).collect();
        if ids.is_empty() {
            self.show_error(wording::NOTHING_TO_EXPORT.to_owned());
            return Ok(());
        }
        self.ask_path(FileFor::Export(wording::export_file_name(self.today)))
    }

    /// 导出 Excel once the destination is chosen: the rows the registry shows now.
    pub(super) fn export_to(&mut self, dest: PathBuf) -> Result<(), OpsError> {
        if self.export.is_some() {
            return Ok(());
        }
        let ids: Vec<i64> = self.registry.visible_rows().map(|r| r.id).collect();
        let book = rows_workbook(&self.store, &ids, self.today)?;
        let ctx = self.ctx.clone();
        self.export = Some(Job::start(
            1,
            move || {
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            },
            move |_| {
                let written = write_workbook(&book, &dest).map_err(|e| e.to_string());
                Ok((dest, written))
            },
        ));
        self.show_notice(wording::EXPORTING.to_owned());
        Ok(())
    }

    /// True while an export is being written.
    pub fn is_exporting(&self) -> bool {
        self.export.is_some()
    }

    fn commit_import(&mut self) -> Result<(), OpsError> {
        let Some(preview) = self.import.as_ref().and_then(ImportDialog::checked) else {
            return Ok(());
        };
        match commit_import(&mut self.store, preview, self.today) {
            Ok(count) => {
                self.import = None;
                self.reload_with_notice(Some(done::imported(count)))?;
            }
            Err(e) => {
                if let Some(dialog) = &mut self.import {
                    dialog.error = Some(e.to_string());
                }
            }
        }
        Ok(())
    }

    /// Where backups go: the chosen folder, else beside the database; `None` (said) when the
    /// data is on the server or in memory.
    fn backup_folder(&mut self) -> Option<std::path::PathBuf> {
        match self.store.path() {
            Some(db) => Some(backup_folder(
                db,
                self.settings.database.chosen_folder.as_deref(),
            )),
            None => {
                let e = if self.store.server_address().is_some() {
                    crate::store::BackupError::OnServer
                } else {
                    crate::store::BackupError::NoFile
                };
                self.show_error(e.to_string());
                None
            }
        }
    }

    /// Once per frame: an export written, the daily backup started or failed.
    pub(super) fn exchange_frame(&mut self, ctx: &egui::Context) {
        if let Some(result) = self.export.as_ref().and_then(Job::poll) {
            self.export = None;
            match result {
                Ok((dest, Ok(exported))) => {
                    self.show_notice(done::exported(&dest, &exported));
                    self.file_saved(dest);
                }
                Ok((_, Err(problem))) => self.show_error(problem),
                Err(e) => self.show_error(e.to_string()),
            }
        }
        self.auto_backup_frame(ctx);
    }

    /// Starts the daily backup on a database file, and shows its failures.
    fn auto_backup_frame(&mut self, ctx: &egui::Context) {
        match &self.auto_backup {
            Schedule::NotStarted => {
                let Some(db) = self.store.path().map(Path::to_path_buf) else {
                    self.auto_backup = Schedule::Off;
                    return;
                };
                let chosen = self.store.settings().ok().and_then(|s| s.backup_folder);
                let folder = backup_folder(&db, chosen.as_deref());
                match AutoBackup::start(db, folder, Some(ctx.clone())) {
                    Ok(running) => self.auto_backup = Schedule::Running(running),
                    Err(e) => {
                        tracing::error!("the automatic backup did not start: {e}");
                        self.auto_backup = Schedule::Off;
                        self.show_error(wording::AUTO_BACKUP_NOT_STARTED.to_owned());
                    }
                }
            }
            Schedule::Running(running) => match running.finished() {
                Some(Ok(path)) => {
                    tracing::info!("automatic backup: {}", path.display());
                    self.settings.database.stale();
                }
                Some(Err(problem)) => self.show_error(wording::auto_backup_failed(&problem)),
                None => {}
            },
            Schedule::Off => {}
        }
    }

    /// The import dialog, while open.
    pub fn import_dialog(&self) -> Option<&ImportDialog> {
        self.import.as_ref()
    }

    /// 设置's view (tests read its backup list).
    pub fn settings(&self) -> &super::settings_view::SettingsView {
        &self.settings
    }

    /// Draws the import dialog, closing it when its window was closed.
    pub(super) fn import_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if let Some(dialog) = &mut self.import
            && !dialog.ui(ctx, self.today, actions)
        {
            self.import = None;
        }
    }
}

/// Restore, with the workspace's store already closed: `current` replaced by `backup` (the
/// checks and the backup of `current` happen in `restore_from`; nothing changes when one
/// fails), then `current` opened again, restored or not. The message to show.
pub(super) fn restore_and_reopen(
    current: &Path,
    backup: &Path,
) -> (Result<Store, StoreError>, Result<String, String>) {
    let done = restore_from(current, backup)
        .map(|r| done::restored(backup, &r))
        .map_err(|e| {
            tracing::error!("restore from {} refused: {e}", backup.display());
            wording::restore_failed(&e.to_string())
        });
    (Store::open(current), done)
}

/// An export being written on a worker: where to, and what it wrote or why it failed.
pub(super) type ExportJob = Job<(PathBuf, Result<Exported, String>)>;
