//! Applying 设置's actions: the settings themselves, platform kinds, the holiday calendar, the
//! word lists and patterns, and the backup. Refusals show on the settings page, the typing
//! kept.

use super::app::{Action, Workspace};
use super::words_view::WordsDone;
use crate::ops::OpsError;
use crate::ops::imports;
use crate::text::ui_settings;

impl Workspace {
    pub(super) fn apply_settings(&mut self, action: Action) -> Result<(), OpsError> {
        match action {
            Action::SaveSettings(settings) => {
                let result = self
                    .store
                    .save_settings(&settings)
                    .map(|()| ui_settings::SETTINGS_SAVED.to_owned());
                let saved = self.settings.finish(result, false);
                self.reload_with_notice(saved)?;
            }
            Action::AddPlatformKind {
                name,
                has_account_type,
            } => {
                let result = self
                    .store
                    .add_platform_kind(&name, has_account_type)
                    .map(|_| ui_settings::kind_added(name.trim()));
                let saved = self.settings.finish(result, true);
                self.reload_with_notice(saved)?;
            }
            Action::DeletePlatformKind { id, name } => {
                let result = self
                    .store
                    .delete_platform_kind(id)
                    .map(|()| ui_settings::kind_deleted(&name));
                let saved = self.settings.finish(result, false);
                self.reload_with_notice(saved)?;
            }
            Action::BackupDatabase => {
                let name = ui_settings::backup_file(self.today);
                self.ask_path(super::file_chooser::FileFor::Backup(name))?;
            }
            Action::RepairAuditTriggers => {
                let restored = self.store.restore_audit_triggers()?;
                self.reload()?;
                self.show_notice(crate::text::cli_audit::audit_triggers_restored(&restored));
            }
            Action::SaveCalendarYear(schedule) => {
                let result = imports::save_calendar_year(&mut self.store, schedule);
                self.calendar_imported(result)?;
            }
            Action::ImportCalendarFile(path) => {
                let result = imports::import_calendar_file(&mut self.store, &path);
                self.calendar_imported(result)?;
            }
            Action::AddWord {
                list,
                word,
                severity,
                reason,
            } => {
                let result = imports::add_word(&mut self.store, list, &word, severity, &reason)
                    .map(|added| WordsDone::Added { word, added });
                self.words_done(result)?;
            }
            Action::RemoveWord { list, word, reason } => {
                let result = imports::remove_word(&mut self.store, list, &word, &reason)
                    .map(|()| WordsDone::Removed(word));
                self.words_done(result)?;
            }
            Action::ImportWords {
                list,
                path,
                severity,
                reason,
            } => {
                let result =
                    imports::import_words_file(&mut self.store, list, &path, severity, &reason)
                        .map(WordsDone::Imported);
                self.words_done(result)?;
            }
            Action::ExportWords { list, path } => {
                let result = imports::export_words(&self.store, list).and_then(|body| {
                    std::fs::write(&path, body).map_err(|source| OpsError::Write {
                        path: path.clone(),
                        source,
                    })?;
                    Ok(WordsDone::Exported(path.clone()))
                });
                let written = result.is_ok();
                self.words_done(result)?;
                if written {
                    self.file_saved(path);
                }
            }
            Action::SavePatterns(patterns) => {
                let result = self.store.settings().and_then(|mut settings| {
                    settings.personal_data = patterns;
                    self.store.save_settings(&settings)
                });
                let done = self
                    .settings
                    .words
                    .patterns_finished(result.map_err(|e| e.to_string()));
                self.reload_with_notice(done)?;
            }
            other => tracing::error!("not a settings action: {other:?}"),
        }
        Ok(())
    }

    /// 备份数据库 once the destination is chosen.
    pub(super) fn backup_to(&mut self, dest: &std::path::Path) -> Result<(), OpsError> {
        let result = self
            .store
            .backup_to(dest)
            .map(|()| ui_settings::backed_up(dest));
        let saved = self.settings.finish(result, false);
        let went = saved.is_some();
        self.reload_with_notice(saved)?;
        if went {
            self.file_saved(dest.to_path_buf());
        }
        Ok(())
    }

    fn calendar_imported(&mut self, result: Result<Vec<i32>, OpsError>) -> Result<(), OpsError> {
        let done = self
            .settings
            .calendar
            .finished(result.map_err(|e| e.to_string()));
        if done.is_some() {
            self.calendar = self.store.work_calendar()?;
        }
        self.reload_with_notice(done)
    }

    fn words_done(&mut self, result: Result<WordsDone, OpsError>) -> Result<(), OpsError> {
        let done = self
            .settings
            .words
            .finished(&self.store, result.map_err(|e| e.to_string()));
        self.reload_with_notice(done)
    }
}
