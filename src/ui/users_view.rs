//! 账号: the system administrator adds accounts for the units' people (their roles come from
//! 单位与人员), turns accounts off, and resets passwords; everyone can change their own password.

use eframe::egui::{self, RichText};

use super::app::{Action, Secret};
use super::field_check::{Touched, required, same_again};
use super::theme;
use crate::domain::unit::Person;
use crate::store::{NewUser, Store, StoreError, UserRow};
use crate::text::{self, ui_common, ui_people as wording};

#[derive(Default)]
pub struct UsersView {
    users: Vec<UserRow>,
    people: Vec<Person>,
    login: String,
    person: Option<i64>,
    display_name: String,
    system_admin: bool,
    school_supervisor: bool,
    password: String,
    again: String,
    own_current: String,
    own_password: String,
    own_again: String,
    reset_user: Option<i64>,
    reset_password: String,
    reset_again: String,
    /// Fields left in the three forms (a 「必填」 shows only then, or after a try).
    add_touched: Touched,
    own_touched: Touched,
    reset_touched: Touched,
    message: Option<(String, bool)>,
}

impl UsersView {
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.users = store.users()?;
        self.people = store.people()?;
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, store: &Store, actions: &mut Vec<Action>) {
        ui.heading(text::NAV_USERS);
        if let Some((text, ok)) = &self.message {
            let colour = if *ok { theme::OK } else { theme::DANGER };
            ui.label(RichText::new(text).color(colour));
        }
        let is_admin = store.session().is_some_and(|s| s.is_system_admin);
        let me = store.session().map(|s| s.user_id);
        egui::Grid::new("users")
            .striped(true)
            .num_columns(5)
            .show(ui, |ui| {
                for t in wording::USER_COLUMNS {
                    ui.strong(t);
                }
                ui.end_row();
                let mut toggle = None;
                for u in &self.users {
                    ui.label(&u.login);
                    ui.label(&u.display_name);
                    ui.label(&u.unit_name);
                    let mut roles: Vec<&str> = u.roles.iter().map(|r| r.label()).collect();
                    if u.is_system_admin {
                        roles.push(text::SYSTEM_ADMIN);
                    }
                    ui.label(roles.join(ui_common::LIST_SEPARATOR));
                    if is_admin && me == Some(u.id) {
                        ui.label(wording::YOURSELF);
                    } else if is_admin {
                        let label = if u.active {
                            wording::DISABLE
                        } else {
                            wording::ENABLE
                        };
                        if ui.small_button(label).clicked() {
                            toggle = Some((u.id, !u.active));
                        }
                    } else {
                        ui.label(if u.active { "" } else { wording::DISABLED });
                    }
                    ui.end_row();
                }
                if let Some((user, active)) = toggle {
                    actions.push(Action::SetUserActive { user, active });
                }
            });
        ui.add_space(12.0);
        if is_admin {
            self.add_ui(ui, actions);
            ui.add_space(12.0);
            self.reset_ui(ui, me, actions);
        }
        ui.add_space(12.0);
        self.own_password_ui(ui, store, actions);
    }

    fn add_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.group(|ui| {
            ui.label(RichText::new(wording::ADD_USER).strong());
            egui::Grid::new("add_user").num_columns(3).show(ui, |ui| {
                let l = ui.label(wording::PERSON_LABEL);
                let current = self
                    .person
                    .and_then(|id| self.people.iter().find(|p| p.id == id))
                    .map_or(wording::NO_PERSON_CHOSEN.to_owned(), |p| p.name.clone());
                egui::ComboBox::from_id_salt("user_person")
                    .selected_text(current)
                    .width(240.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.person, None, wording::NO_PERSON);
                        for p in &self.people {
                            let roles: Vec<&str> = p.roles.iter().map(|r| r.label()).collect();
                            ui.selectable_value(
                                &mut self.person,
                                Some(p.id),
                                wording::person_with_roles(&p.name, &roles),
                            );
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let touched = &mut self.add_touched;
                let problem = required(&self.login);
                touched.row(
                    ui,
                    "login",
                    text::LOGIN_LABEL,
                    &mut self.login,
                    false,
                    problem,
                );
                let l = ui.label(text::DISPLAY_NAME_LABEL);
                ui.add(
                    egui::TextEdit::singleline(&mut self.display_name)
                        .hint_text(wording::DISPLAY_NAME_HINT)
                        .desired_width(200.0),
                )
                .labelled_by(l.id);
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut self.system_admin, wording::SYSTEM_ADMIN_ROLE);
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut self.school_supervisor, wording::SCHOOL_SUPERVISOR_ROLE);
                ui.end_row();
                let touched = &mut self.add_touched;
                let problem = required(&self.password);
                touched.row(
                    ui,
                    "password",
                    wording::INITIAL_PASSWORD_LABEL,
                    &mut self.password,
                    true,
                    problem,
                );
                let problem = same_again(&self.password, &self.again);
                touched.row(
                    ui,
                    "again",
                    text::PASSWORD_AGAIN_LABEL,
                    &mut self.again,
                    true,
                    problem,
                );
            });
            let add = ui.button(wording::ADD_USER).clicked();
            if add {
                self.add_touched.tried();
            }
            let blank = required(&self.login)
                .or(required(&self.password))
                .or(same_again(&self.password, &self.again));
            if add && blank.is_none() {
                actions.push(Action::AddUser(Box::new(NewUser {
                    login: self.login.clone(),
                    display_name: self.display_name.clone(),
                    person_id: self.person,
                    is_system_admin: self.system_admin,
                    is_school_supervisor: self.school_supervisor,
                    password: self.password.clone(),
                    password_again: self.again.clone(),
                })));
            }
        });
    }

    fn own_password_ui(&mut self, ui: &mut egui::Ui, store: &Store, actions: &mut Vec<Action>) {
        if store.session().is_none() {
            return;
        }
        let touched = &mut self.own_touched;
        let mut submit = false;
        ui.group(|ui| {
            ui.label(RichText::new(wording::CHANGE_OWN_PASSWORD).strong());
            egui::Grid::new("own_password")
                .num_columns(3)
                .show(ui, |ui| {
                    let problem = required(&self.own_current);
                    touched.row(
                        ui,
                        "current",
                        wording::CURRENT_PASSWORD_LABEL,
                        &mut self.own_current,
                        true,
                        problem,
                    );
                    let problem = required(&self.own_password);
                    touched.row(
                        ui,
                        "password",
                        wording::NEW_PASSWORD_LABEL,
                        &mut self.own_password,
                        true,
                        problem,
                    );
                    let problem = same_again(&self.own_password, &self.own_again);
                    touched.row(
                        ui,
                        "again",
                        wording::CONFIRM_PASSWORD_LABEL,
                        &mut self.own_again,
                        true,
                        problem,
                    );
                });
            submit = ui.button(wording::CHANGE_PASSWORD).clicked();
        });
        if !submit {
            return;
        }
        touched.tried();
        let blank = required(&self.own_current)
            .or(required(&self.own_password))
            .or(same_again(&self.own_password, &self.own_again));
        if blank.is_none() {
            actions.push(Action::ChangeOwnPassword {
                // Typed again after a refusal, like a sign-in's password.
                current: Secret(std::mem::take(&mut self.own_current)),
                password: Secret(self.own_password.clone()),
                again: Secret(self.own_again.clone()),
            });
        }
    }

    /// 重置他人密码: a temporary password for someone else, who must change it at sign-in.
    fn reset_ui(&mut self, ui: &mut egui::Ui, me: Option<i64>, actions: &mut Vec<Action>) {
        let touched = &mut self.reset_touched;
        let mut submit = false;
        ui.group(|ui| {
            ui.label(RichText::new(wording::RESET_PASSWORD_TITLE).strong());
            ui.label(RichText::new(wording::RESET_PASSWORD_BODY).color(theme::MUTED));
            egui::Grid::new("reset_password")
                .num_columns(3)
                .show(ui, |ui| {
                    let l = ui.label(wording::RESET_WHO_LABEL);
                    let current = self
                        .reset_user
                        .and_then(|id| self.users.iter().find(|u| u.id == id))
                        .map_or(wording::RESET_NOBODY_CHOSEN.to_owned(), |u| {
                            text::audit::user_label(&u.display_name, &u.login)
                        });
                    // Tall enough for a department's accounts without scrolling.
                    egui::ComboBox::from_id_salt("reset_user")
                        .selected_text(current)
                        .width(220.0)
                        .height(480.0)
                        .show_ui(ui, |ui| {
                            for u in self.users.iter().filter(|u| Some(u.id) != me) {
                                ui.selectable_value(
                                    &mut self.reset_user,
                                    Some(u.id),
                                    text::audit::user_label(&u.display_name, &u.login),
                                );
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    let problem = self.reset_user.is_none().then_some(wording::FIELD_REQUIRED);
                    touched.message(ui, "user", problem);
                    ui.end_row();
                    let problem = required(&self.reset_password);
                    touched.row(
                        ui,
                        "password",
                        wording::TEMPORARY_PASSWORD_LABEL,
                        &mut self.reset_password,
                        true,
                        problem,
                    );
                    let problem = same_again(&self.reset_password, &self.reset_again);
                    touched.row(
                        ui,
                        "again",
                        wording::TEMPORARY_AGAIN_LABEL,
                        &mut self.reset_again,
                        true,
                        problem,
                    );
                });
            submit = ui.button(wording::RESET_PASSWORD).clicked();
        });
        if !submit {
            return;
        }
        touched.tried();
        let blank =
            required(&self.reset_password).or(same_again(&self.reset_password, &self.reset_again));
        if let (Some(user), None) = (self.reset_user, blank) {
            actions.push(Action::ResetPassword {
                user,
                password: Secret(self.reset_password.clone()),
                again: Secret(self.reset_again.clone()),
            });
        }
    }

    /// Shows how an account action went; a success clears the fields it used.
    pub fn finish(&mut self, store: &Store, result: Result<String, StoreError>) {
        if result.is_ok() {
            self.login.clear();
            self.password.clear();
            self.again.clear();
            self.own_current.clear();
            self.own_password.clear();
            self.own_again.clear();
            self.reset_user = None;
            self.reset_password.clear();
            self.reset_again.clear();
            self.add_touched.reset();
            self.own_touched.reset();
            self.reset_touched.reset();
            self.system_admin = false;
            self.school_supervisor = false;
            self.display_name.clear();
        }
        self.message = Some(match result {
            Ok(text) => (text, true),
            Err(e) => (e.to_string(), false),
        });
        if let Err(e) = self.reload(store) {
            self.message = Some((e.to_string(), false));
        }
    }
}
