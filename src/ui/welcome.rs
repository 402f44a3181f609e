//! The first start: an empty database opens here, to begin with one's own unit or with the
//! demo school, or to connect to the school's server instead.

use eframe::egui::{self, RichText};

use super::action::Action;
use super::keys;
use super::server_form::ServerForm;
use super::theme;
use crate::text::{self, ui_common, ui_server, ui_window};

#[derive(Default)]
pub struct WelcomeView {
    unit_name: String,
    pub error: Option<String>,
    /// 连接学校服务器, opened by its button.
    pub(super) server: ServerForm,
    show_server: bool,
}

impl WelcomeView {
    /// The page; starting (with one's unit or the demo) is an [`Action`] the app applies.
    pub fn ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.add_space(60.0);
            ui.vertical_centered(|ui| {
                ui.set_max_width(560.0);
                ui.heading(RichText::new(text::WELCOME_TITLE).size(28.0));
                ui.add_space(8.0);
                ui.label(text::WELCOME_BODY);
                ui.add_space(24.0);
                ui.group(|ui| {
                    ui.set_width(480.0);
                    ui.label(RichText::new(text::WELCOME_START).strong());
                    ui.horizontal(|ui| {
                        let l = ui.label(ui_common::label(text::WELCOME_UNIT));
                        let field = ui
                            .add(
                                egui::TextEdit::singleline(&mut self.unit_name)
                                    .hint_text(ui_window::WELCOME_UNIT_HINT)
                                    .desired_width(220.0),
                            )
                            .labelled_by(l.id);
                        // Enter in the unit's name starts, like the button beside it.
                        let entered = keys::entered(ui.ctx(), field.rect);
                        if ui.button(ui_window::WELCOME_BEGIN).clicked() || entered {
                            let name = self.unit_name.trim();
                            if name.is_empty() {
                                self.error = Some(ui_window::WELCOME_UNIT_MISSING.to_owned());
                            } else {
                                actions.push(Action::BeginFresh(name.to_owned()));
                            }
                        }
                    });
                });
                ui.add_space(12.0);
                ui.group(|ui| {
                    ui.set_width(480.0);
                    ui.label(RichText::new(text::WELCOME_DEMO).strong());
                    ui.label(RichText::new(ui_window::WELCOME_DEMO_CONTENTS).color(theme::MUTED));
                    if ui.button(text::WELCOME_DEMO).clicked() {
                        actions.push(Action::LoadDemo);
                    }
                });
                ui.add_space(12.0);
                ui.group(|ui| {
                    ui.set_width(480.0);
                    ui.label(RichText::new(ui_server::WELCOME_SERVER).strong());
                    ui.label(RichText::new(ui_server::WELCOME_SERVER_BODY).color(theme::MUTED));
                    if self.show_server {
                        self.server.ui(ui, "welcome");
                    } else if ui.button(ui_server::WELCOME_SERVER).clicked() {
                        self.show_server = true;
                    }
                });
                if let Some(e) = &self.error {
                    ui.add_space(8.0);
                    ui.label(RichText::new(e).color(theme::DANGER));
                }
            });
        });
    }
}
