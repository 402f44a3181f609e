//! 登录 and, on a database without accounts, 创建系统管理员: nothing else of the window shows
//! until someone has said who they are (第八条一: every step is somebody's).

use eframe::egui::{self, RichText};

use super::action::{Action, Secret};
use super::field_check::{Touched, required, same_again};
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

/// After signing in with a password an administrator reset: the person's own comes first.
#[derive(Default)]
struct ChangePassword {
    current: String,
    password: String,
    again: String,
}

#[derive(Default)]
pub struct SignInView {
    login: String,
    password: String,
    first_admin: Option<FirstAdmin>,
    change: Option<ChangePassword>,
    /// Which fields were left (their 「必填」 shows only then, or after a try).
    touched: Touched,
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
                if self.change.is_some() {
                    self.change_ui(ui, actions);
                } else if self.first_admin.is_some() {
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

    /// Signed in with a reset password: the change-password form replaces the sign-in form.
    pub fn must_change_password(&mut self) {
        self.password.clear();
        self.error = None;
        self.note = None;
        self.touched.reset();
        self.change = Some(ChangePassword::default());
    }

    fn change_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(form) = &mut self.change else {
            return;
        };
        let touched = &mut self.touched;
        let mut submit = false;
        let mut leave = false;
        ui.group(|ui| {
            ui.set_width(460.0);
            ui.label(RichText::new(ui_people::MUST_CHANGE_TITLE).strong());
            ui.label(RichText::new(ui_people::MUST_CHANGE_BODY).color(theme::MUTED));
            ui.add_space(6.0);
            egui::Grid::new("must_change")
                .num_columns(3)
                .show(ui, |ui| {
                    let current = required(&form.current);
                    touched.row(
                        ui,
                        "current",
                        ui_people::CURRENT_PASSWORD_LABEL,
                        &mut form.current,
                        true,
                        current,
                    );
                    let new = required(&form.password);
                    touched.row(
                        ui,
                        "password",
                        ui_people::NEW_PASSWORD_LABEL,
                        &mut form.password,
                        true,
                        new,
                    );
                    let again = same_again(&form.password, &form.again);
                    let last = touched.row(
                        ui,
                        "again",
                        ui_people::CONFIRM_PASSWORD_LABEL,
                        &mut form.again,
                        true,
                        again,
                    );
                    submit |= last.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                });
            ui.horizontal(|ui| {
                submit |= ui.button(ui_people::CHANGE_PASSWORD).clicked();
                leave = ui.button(text::SWITCH_USER).clicked();
            });
        });
        if leave {
            self.change = None;
            actions.push(Action::SwitchUser);
            return;
        }
        if submit {
            touched.tried();
            let complete = required(&form.current).is_none()
                && required(&form.password).is_none()
                && same_again(&form.password, &form.again).is_none();
            if complete {
                actions.push(Action::ChangeOwnPassword {
                    current: Secret(std::mem::take(&mut form.current)),
                    password: Secret(form.password.clone()),
                    again: Secret(form.again.clone()),
                });
            }
        }
    }

    fn sign_in_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let mut submit = false;
        ui.group(|ui| {
            ui.set_width(420.0);
            ui.label(RichText::new(text::SIGN_IN).strong());
            let touched = &mut self.touched;
            egui::Grid::new("sign_in").num_columns(3).show(ui, |ui| {
                let problem = required(&self.login);
                let login = touched.row(
                    ui,
                    "login",
                    text::LOGIN_LABEL,
                    &mut self.login,
                    false,
                    problem,
                );
                let problem = required(&self.password);
                let password = touched.row(
                    ui,
                    "password",
                    text::PASSWORD_LABEL,
                    &mut self.password,
                    true,
                    problem,
                );
                if std::mem::take(&mut self.focus_password) {
                    password.request_focus();
                }
                let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
                submit |= enter && (login.lost_focus() || password.lost_focus());
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
            self.touched.tried();
        }
        if submit && required(&self.login).is_none() && required(&self.password).is_none() {
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
            let touched = &mut self.touched;
            egui::Grid::new("first_admin")
                .num_columns(3)
                .show(ui, |ui| {
                    let problem = required(&form.login);
                    touched.row(
                        ui,
                        "login",
                        text::LOGIN_LABEL,
                        &mut form.login,
                        false,
                        problem,
                    );
                    touched.row(
                        ui,
                        "name",
                        text::DISPLAY_NAME_LABEL,
                        &mut form.name,
                        false,
                        None,
                    );
                    let problem = required(&form.password);
                    touched.row(
                        ui,
                        "password",
                        text::PASSWORD_LABEL,
                        &mut form.password,
                        true,
                        problem,
                    );
                    let problem = same_again(&form.password, &form.again);
                    touched.row(
                        ui,
                        "again",
                        text::PASSWORD_AGAIN_LABEL,
                        &mut form.again,
                        true,
                        problem,
                    );
                });
            create = ui.button(text::FIRST_ADMIN_CREATE).clicked();
        });
        if create {
            self.touched.tried();
        }
        // The store says what is wrong with the login or a weak password; a blank field or
        // a differing second typing is said beside the field.
        let blank = required(&form.login)
            .or(required(&form.password))
            .or(same_again(&form.password, &form.again));
        if create && blank.is_none() {
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
