//! 账号: the system administrator adds accounts for the units' people (their roles come from
//! 单位与人员), turns accounts off, and resets passwords; everyone can change their own password.

use eframe::egui::{self, RichText};

use super::app::{Action, Secret};
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
    own_password: String,
    own_again: String,
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
        }
        ui.add_space(12.0);
        self.own_password_ui(ui, store, actions);
    }

    fn add_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.group(|ui| {
            ui.label(RichText::new(wording::ADD_USER).strong());
            egui::Grid::new("add_user").num_columns(2).show(ui, |ui| {
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
                let l = ui.label(text::LOGIN_LABEL);
                ui.add(egui::TextEdit::singleline(&mut self.login).desired_width(200.0))
                    .labelled_by(l.id);
                ui.end_row();
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
                let l = ui.label(wording::INITIAL_PASSWORD_LABEL);
                ui.add(
                    egui::TextEdit::singleline(&mut self.password)
                        .password(true)
                        .desired_width(200.0),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(text::PASSWORD_AGAIN_LABEL);
                ui.add(
                    egui::TextEdit::singleline(&mut self.again)
                        .password(true)
                        .desired_width(200.0),
                )
                .labelled_by(l.id);
                ui.end_row();
            });
            if ui.button(wording::ADD_USER).clicked() {
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
        let Some(me) = store.session().map(|s| s.user_id) else {
            return;
        };
        ui.group(|ui| {
            ui.label(RichText::new(wording::CHANGE_OWN_PASSWORD).strong());
            egui::Grid::new("own_password")
                .num_columns(2)
                .show(ui, |ui| {
                    let l = ui.label(wording::NEW_PASSWORD_LABEL);
                    ui.add(
                        egui::TextEdit::singleline(&mut self.own_password)
                            .password(true)
                            .desired_width(200.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(wording::CONFIRM_PASSWORD_LABEL);
                    ui.add(
                        egui::TextEdit::singleline(&mut self.own_again)
                            .password(true)
                            .desired_width(200.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                });
            if ui.button(wording::CHANGE_PASSWORD).clicked() {
                actions.push(Action::SetPassword {
                    user: me,
                    password: Secret(self.own_password.clone()),
                    again: Secret(self.own_again.clone()),
                });
            }
        });
    }

    /// Shows how an account action went; a success clears the fields it used.
    pub fn finish(&mut self, store: &Store, result: Result<String, StoreError>) {
        if result.is_ok() {
            self.login.clear();
            self.password.clear();
            self.again.clear();
            self.own_password.clear();
            self.own_again.clear();
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
