//! 登录 and, on a database without accounts, 创建系统管理员: nothing else of the window shows
//! until someone has said who they are (第八条一: every step is somebody's).

use eframe::egui::{self, RichText};

use super::action::{Action, Secret};
use super::theme;
use crate::store::{DEMO_ADMIN_LOGIN, DEMO_PASSWORD, NewUser, Store, StoreError};
use crate::text::{self, ui_people};

/// The first account of a new database.
#[derive(Default)]
struct FirstAdmin {
    login: String,
    name: String,
    password: String,
    again: String,
}

#[derive(Default)]
pub struct SignInView {
    login: String,
    password: String,
    first_admin: Option<FirstAdmin>,
    /// (login, description) of the demo accounts, shown on a demo database.
    demo_accounts: Vec<(String, String)>,
    pub error: Option<String>,
    /// What happened just before the page was shown (a restore that reopened the database).
    pub note: Option<String>,
    focus_password: bool,
}

impl SignInView {
    pub fn for_store(store: &Store) -> Result<Self, StoreError> {
        let mut view = Self::default();
        if !store.has_users()? {
            view.first_admin = Some(FirstAdmin {
                login: "admin".to_owned(),
                name: text::SYSTEM_ADMIN.to_owned(),
                ..Default::default()
            });
        } else if store.is_demo()? {
            view.demo_accounts = store
                .users()?
                .into_iter()
                .filter(|u| u.active)
                .map(|u| {
                    let mut roles: Vec<&str> = u.roles.iter().map(|r| r.label()).collect();
                    if u.is_system_admin {
                        roles.push(text::SYSTEM_ADMIN);
                    }
                    let desc = ui_people::demo_account(&u.display_name, &u.unit_name, &roles);
                    (u.login, desc)
                })
                .collect();
            // The accounts that show the three steps first.
            let order = [
                "zhangzhe",
                "liuxiaoyan",
                "lijun",
                crate::store::DEMO_SUPERVISOR_LOGIN,
                DEMO_ADMIN_LOGIN,
            ];
            view.demo_accounts
                .sort_by_key(|(l, _)| order.iter().position(|o| o == l).unwrap_or(order.len()));
        }
        Ok(view)
    }

    /// The page; signing in (or creating the first account) is an [`Action`].
    pub fn ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.add_space(60.0);
            ui.vertical_centered(|ui| {
                ui.set_max_width(520.0);
                ui.heading(RichText::new(text::APP_TITLE).size(24.0));
                ui.add_space(16.0);
                if self.first_admin.is_some() {
                    self.first_admin_ui(ui, actions);
                } else {
                    self.sign_in_ui(ui, actions);
                }
                if let Some(e) = &self.error {
                    ui.add_space(8.0);
                    ui.label(RichText::new(e).color(theme::DANGER));
                }
                if let Some(note) = &self.note {
                    ui.add_space(8.0);
                    ui.label(RichText::new(note).color(theme::OK));
                }
            });
        });
    }

    /// `mediadesk --as USER` without a password: the login typed, the password asked.
    pub fn fill_login(&mut self, login: String) {
        self.login = login;
        self.focus_password = true;
    }

    /// After a refused sign-in or first account: the reason, with the typing kept (a sign-in's
    /// password is not kept: it is typed again).
    pub fn refused(&mut self, message: String) {
        self.password.clear();
        self.error = Some(message);
    }

    fn sign_in_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let mut submit = false;
        ui.group(|ui| {
            ui.set_width(420.0);
            ui.label(RichText::new(text::SIGN_IN).strong());
            egui::Grid::new("sign_in").num_columns(2).show(ui, |ui| {
                let l = ui.label(text::LOGIN_LABEL);
                let login = ui
                    .add(egui::TextEdit::singleline(&mut self.login).desired_width(240.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(text::PASSWORD_LABEL);
                let password = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.password)
                            .password(true)
                            .desired_width(240.0),
                    )
                    .labelled_by(l.id);
                if std::mem::take(&mut self.focus_password) {
                    password.request_focus();
                }
                let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                submit |= enter && (login.lost_focus() || password.lost_focus());
                ui.end_row();
            });
            submit |= ui.button(text::SIGN_IN).clicked();
        });
        if !self.demo_accounts.is_empty() {
            ui.add_space(12.0);
            ui.label(
                RichText::new(ui_people::demo_accounts_intro(DEMO_PASSWORD)).color(theme::MUTED),
            );
            let mut picked = None;
            // All the room left in the window, so a full demo list shows without scrolling.
            let room = (ui.available_height() - 24.0).max(120.0);
            egui::ScrollArea::vertical()
                .max_height(room)
                .show(ui, |ui| {
                    for (login, desc) in &self.demo_accounts {
                        if ui.link(ui_people::demo_account_link(login, desc)).clicked() {
                            picked = Some(login.clone());
                        }
                    }
                });
            if let Some(login) = picked {
                self.login = login;
                self.focus_password = true;
                // Draw again at once, so the focus is in the password field before the first key.
                ui.ctx().request_repaint();
            }
        }
        if submit {
            actions.push(Action::SignIn {
                login: self.login.clone(),
                password: Secret(std::mem::take(&mut self.password)),
            });
        }
    }

    fn first_admin_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(form) = &mut self.first_admin else {
            return;
        };
        let mut create = false;
        ui.group(|ui| {
            ui.set_width(460.0);
            ui.label(RichText::new(text::FIRST_ADMIN_TITLE).strong());
            ui.label(RichText::new(text::FIRST_ADMIN_BODY).color(theme::MUTED));
            ui.add_space(6.0);
            egui::Grid::new("first_admin")
                .num_columns(2)
                .show(ui, |ui| {
                    let l = ui.label(text::LOGIN_LABEL);
                    ui.add(egui::TextEdit::singleline(&mut form.login).desired_width(240.0))
                        .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(text::DISPLAY_NAME_LABEL);
                    ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(240.0))
                        .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(text::PASSWORD_LABEL);
                    ui.add(
                        egui::TextEdit::singleline(&mut form.password)
                            .password(true)
                            .desired_width(240.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(text::PASSWORD_AGAIN_LABEL);
                    ui.add(
                        egui::TextEdit::singleline(&mut form.again)
                            .password(true)
                            .desired_width(240.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                });
            create = ui.button(text::FIRST_ADMIN_CREATE).clicked();
        });
        if create {
            actions.push(Action::CreateFirstAdmin(Box::new(NewUser {
                login: form.login.clone(),
                display_name: form.name.clone(),
                person_id: None,
                is_system_admin: true,
                is_school_supervisor: false,
                password: form.password.clone(),
                password_again: form.again.clone(),
            })));
        }
    }
}
