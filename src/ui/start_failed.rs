//! The page shown when the database could not be opened at start. On the school's server it
//! asks for the password when the server wants one (连接), offers 重试 otherwise, and
//! 改用本机数据库文件 either way; the password typed is kept in memory only.

use eframe::egui::{self, RichText};

use super::connection::{Job, Polled, wants_password};
use super::theme;
use crate::store::{Location, Store, StoreError};
use crate::text::{ui_server, ui_window};

pub(super) struct Failure {
    message: String,
    /// Where the app tried to open (known when started through `run_window`).
    pub(super) location: Option<Location>,
    needs_password: bool,
    password: String,
    job: Option<Job<Result<Store, StoreError>>>,
}

/// What the person chose on the page.
pub(super) enum Choice {
    Opened(Box<Store>, Location),
    UseDefaultFile,
}

impl Failure {
    pub(super) fn new(error: &StoreError) -> Self {
        Self {
            message: shown(error),
            location: None,
            needs_password: wants_password(error),
            password: String::new(),
            job: None,
        }
    }

    /// A page for a message alone (the workspace failed after the store opened).
    pub(super) fn with_message(message: String) -> Self {
        Self {
            message,
            location: None,
            needs_password: false,
            password: String::new(),
            job: None,
        }
    }

    pub(super) fn message(&self) -> &str {
        &self.message
    }

    fn on_server(&self) -> Option<&Location> {
        self.location
            .as_ref()
            .filter(|l| matches!(l, Location::Server(_)))
    }

    fn start(&mut self, ctx: &egui::Context) {
        let Some(location) = self.on_server().cloned() else {
            return;
        };
        let password = (!self.password.is_empty()).then(|| self.password.clone());
        self.job = Some(Job::start(ctx, move || location.open(password.as_deref())));
    }

    fn poll(&mut self) -> Option<Choice> {
        let polled = self.job.as_ref()?.poll();
        let result = match polled {
            Polled::Running => return None,
            Polled::Done(r) => r,
            Polled::Lost => {
                self.job = None;
                self.message = ui_server::CONNECT_LOST.to_owned();
                return None;
            }
        };
        self.job = None;
        match result {
            Ok(store) => Some(Choice::Opened(Box::new(store), self.location.clone()?)),
            Err(e) => {
                self.needs_password = wants_password(&e);
                self.message = shown(&e);
                None
            }
        }
    }

    pub(super) fn ui(&mut self, ui: &mut egui::Ui) -> Option<Choice> {
        let mut choice = self.poll();
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                ui.set_max_width(640.0);
                let server = self.on_server().map(Location::shown);
                let asks_password = self.needs_password && server.is_some();
                if asks_password {
                    ui.heading(ui_server::PASSWORD_TITLE);
                } else {
                    ui.heading(ui_window::DATABASE_FAILED);
                }
                ui.add_space(12.0);
                if !self.message.is_empty() {
                    ui.label(RichText::new(&self.message).color(theme::DANGER));
                    ui.add_space(12.0);
                }
                let Some(shown) = server else {
                    ui.label(RichText::new(ui_window::DATA_UNTOUCHED).color(theme::MUTED));
                    return;
                };
                let busy = self.job.is_some();
                if asks_password {
                    ui.label(ui_server::password_body(&shown));
                    ui.horizontal(|ui| {
                        // The row is about 370 points wide: centre it under the text.
                        ui.add_space(((ui.available_width() - 370.0) / 2.0).max(0.0));
                        let l = ui.label(ui_server::PASSWORD_LABEL);
                        let field = ui
                            .add(
                                egui::TextEdit::singleline(&mut self.password)
                                    .password(true)
                                    .desired_width(240.0),
                            )
                            .labelled_by(l.id);
                        let entered =
                            field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        if (ui
                            .add_enabled(!busy, egui::Button::new(ui_server::CONNECT))
                            .clicked()
                            || entered)
                            && !busy
                        {
                            self.start(ui.ctx());
                        }
                    });
                } else if ui
                    .add_enabled(!busy, egui::Button::new(ui_server::RETRY))
                    .clicked()
                {
                    self.start(ui.ctx());
                }
                if busy {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(ui_server::CONNECTING);
                    });
                }
                ui.add_space(12.0);
                if ui
                    .add_enabled(!busy, egui::Button::new(ui_server::USE_FILE))
                    .clicked()
                {
                    choice = Some(Choice::UseDefaultFile);
                }
            });
        });
        choice
    }
}

/// The message for `error`: none when the server only wants a password no one typed yet
/// (the page asks for it).
fn shown(error: &StoreError) -> String {
    if Location::password_not_given(error) {
        String::new()
    } else {
        error.to_string()
    }
}
