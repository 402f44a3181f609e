//! 设置 → 数据库: where the data is now (a file on this computer or the school's server), the
//! backup of a file, the 连接学校服务器 form to move to the server, and 改用本机数据库文件 to
//! come back. Moving does not copy data; the section names the command that does.

use eframe::egui::{self, RichText};

use super::action::Action;
use super::server_form::ServerForm;
use super::theme;
use crate::store::Store;
use crate::text::{ui_server as wording, ui_settings};

#[derive(Default)]
pub struct DatabaseSection {
    pub(super) form: ServerForm,
}

impl DatabaseSection {
    pub fn ui(&mut self, ui: &mut egui::Ui, store: &Store, actions: &mut Vec<Action>) {
        ui.label(RichText::new(wording::SECTION).strong());
        match (store.path(), store.server_address()) {
            (Some(path), _) => {
                ui.label(format!("{}{}", wording::NOW_FILE, path.display()));
                if ui.button(ui_settings::BACKUP).clicked() {
                    actions.push(Action::BackupDatabase);
                }
            }
            (None, Some(address)) => {
                ui.label(format!("{}{address}", wording::NOW_SERVER));
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
}
