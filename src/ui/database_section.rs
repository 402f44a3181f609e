//! 设置 → 数据库: where the data is now (a file on this computer or the school's server), its
//! backups (the list with what each holds, 立即备份, the folder they go to, 恢复 after a
//! confirmation that shows the backup's contents), the 连接学校服务器 form to move to the
//! server, and 改用本机数据库文件 to come back. On the server the backups are the server's
//! (`pg_dump`), and the section says so instead of offering file backups.

use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText};

use super::action::Action;
use super::server_form::ServerForm;
use super::theme;
use crate::ops::exchange::KEEP_BACKUPS;
use crate::store::{BackupError, BackupInfo, Store, backup_folder_of, list_backups};
use crate::text::{ui_exchange as backups, ui_server as wording, ui_settings};

#[derive(Default)]
pub struct DatabaseSection {
    pub(super) form: ServerForm,
    /// The chosen backup folder (settings), `None`: beside the database.
    pub(super) chosen_folder: Option<PathBuf>,
    /// The backups in the folder, read when the page is drawn after a change (each file is
    /// opened to say what it holds: not every frame).
    list: Option<Result<Vec<BackupInfo>, String>>,
    /// The backup whose 恢复 was clicked, waiting for the confirmation.
    confirming: Option<BackupInfo>,
}

/// Where the automatic backups of the database at `db` go: the chosen folder, else
/// `backups` beside it.
pub fn backup_folder(db: &Path, chosen: Option<&Path>) -> PathBuf {
    chosen.map_or_else(|| backup_folder_of(db), Path::to_path_buf)
}

impl DatabaseSection {
    /// The list is read again the next time the page is drawn.
    pub(super) fn stale(&mut self) {
        self.list = None;
        self.confirming = None;
    }

    /// The backups listed (tests read them).
    pub fn backups(&self) -> &[BackupInfo] {
        match &self.list {
            Some(Ok(list)) => list,
            _ => &[],
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, store: &Store, actions: &mut Vec<Action>) {
        ui.label(RichText::new(wording::SECTION).strong());
        match (store.path(), store.server_address()) {
            (Some(path), _) => {
                ui.label(format!("{}{}", wording::NOW_FILE, path.display()));
                self.backups_ui(ui, path, actions);
            }
            (None, Some(address)) => {
                ui.label(format!("{}{address}", wording::NOW_SERVER));
                ui.label(RichText::new(BackupError::OnServer.to_string()).color(theme::MUTED));
                if ui.button(wording::USE_FILE).clicked() {
                    actions.push(Action::UseDefaultFile);
                }
            }
            (None, None) => {
                ui.label(ui_settings::IN_MEMORY);
            }
        }
        ui.add_space(4.0);
        egui::CollapsingHeader::new(wording::FORM_TITLE)
            .id_salt("settings_server_form")
            .show(ui, |ui| {
                ui.label(RichText::new(wording::NO_COPY_NOTE).color(theme::MUTED));
                ui.label(RichText::new(wording::COPY_COMMAND).monospace());
                ui.add_space(4.0);
                self.form.ui(ui, "settings");
            });
    }

    fn backups_ui(&mut self, ui: &mut egui::Ui, db: &Path, actions: &mut Vec<Action>) {
        let folder = backup_folder(db, self.chosen_folder.as_deref());
        ui.add_space(4.0);
        ui.label(RichText::new(backups::BACKUPS).strong());
        ui.label(RichText::new(backups::auto_note(KEEP_BACKUPS)).color(theme::MUTED));
        ui.horizontal_wrapped(|ui| {
            ui.label(backups::folder_line(&folder));
            if self.chosen_folder.is_none() {
                ui.label(RichText::new(backups::DEFAULT_FOLDER).color(theme::MUTED));
            }
        });
        ui.horizontal_wrapped(|ui| {
            if ui.button(backups::BACKUP_NOW).clicked() {
                actions.push(Action::BackupNow);
            }
            if ui
                .button(backups::CHOOSE_FOLDER)
                .on_hover_text(backups::CHOOSE_FOLDER_HINT)
                .clicked()
            {
                actions.push(Action::ChooseBackupFolder { reset: false });
            }
            if self.chosen_folder.is_some() && ui.button(backups::DEFAULT_FOLDER_BUTTON).clicked() {
                actions.push(Action::ChooseBackupFolder { reset: true });
            }
            if ui.button(ui_settings::BACKUP).clicked() {
                actions.push(Action::BackupDatabase);
            }
        });
        let list = self
            .list
            .get_or_insert_with(|| list_backups(&folder).map_err(|e| e.to_string()));
        match list {
            Err(problem) => {
                ui.label(RichText::new(problem.as_str()).color(theme::DANGER));
            }
            Ok(list) if list.is_empty() => {
                ui.label(
                    RichText::new(crate::text::backup::no_backups(&folder)).color(theme::MUTED),
                );
            }
            Ok(list) => {
                if let Some(chosen) = list_ui(ui, list) {
                    self.confirming = Some(chosen);
                }
            }
        }
        if let Some(chosen) = &self.confirming {
            match confirm_ui(ui, chosen) {
                Some(true) => {
                    actions.push(Action::RestoreBackup(chosen.path.clone()));
                    self.confirming = None;
                }
                Some(false) => self.confirming = None,
                None => {}
            }
        }
    }
}

fn taken_text(b: &BackupInfo) -> String {
    b.taken_at.map_or_else(
        || backups::UNKNOWN_TIME.to_owned(),
        |t| t.format("%Y-%m-%d %H:%M:%S").to_string(),
    )
}

/// The backups, newest first; the one whose 恢复 was clicked.
fn list_ui(ui: &mut egui::Ui, list: &[BackupInfo]) -> Option<BackupInfo> {
    let mut chosen = None;
    egui::Grid::new("backup_list")
        .num_columns(5)
        .striped(true)
        .show(ui, |ui| {
            for title in [
                backups::BACKUP_TIME,
                backups::BACKUP_SIZE,
                backups::BACKUP_HOLDS,
                backups::BACKUP_AUDIT,
            ] {
                ui.strong(title);
            }
            ui.label("");
            ui.end_row();
            for b in list {
                ui.label(taken_text(b))
                    .on_hover_text(b.path.display().to_string());
                ui.label(crate::text::ops::size_text(b.size));
                match &b.contents {
                    Ok(c) => {
                        ui.label(backups::holds(c));
                        ui.label(
                            RichText::new(backups::audit_head(c.audit_head.as_deref())).monospace(),
                        );
                        if ui.button(backups::RESTORE).clicked() {
                            chosen = Some(b.clone());
                        }
                    }
                    Err(problem) => {
                        ui.label(RichText::new(backups::unreadable(problem)).color(theme::DANGER));
                        ui.label("");
                        ui.label("");
                    }
                }
                ui.end_row();
            }
        });
    chosen
}

/// The confirmation: what the backup holds and what restoring does. `Some(true)`: restore.
fn confirm_ui(ui: &mut egui::Ui, chosen: &BackupInfo) -> Option<bool> {
    let Ok(contents) = &chosen.contents else {
        return Some(false);
    };
    let mut answer = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new(backups::CONFIRM_TITLE).strong());
        ui.label(backups::confirm_text(&taken_text(chosen), contents));
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(backups::CONFIRM_RESTORE).color(theme::DANGER))
                .clicked()
            {
                answer = Some(true);
            }
            if ui.button(crate::text::CANCEL).clicked() {
                answer = Some(false);
            }
        });
    });
    answer
}
