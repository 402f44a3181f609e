//! 账号: the system administrator adds accounts for the units' people (their roles come from
//! 单位与人员), turns accounts off, and resets passwords; everyone can change their own password.

use eframe::egui::{self, RichText};

use super::app::{Action, Secret};
use super::theme;
use crate::domain::unit::Person;
use crate::store::{NewUser, Store, StoreError, UserRow};

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
        ui.heading(crate::text::NAV_USERS);
        if let Some((text, ok)) = &self.message {
            let colour = if *ok { theme::OK } else { theme::DANGER };
            ui.label(RichText::new(text).color(colour));
        }
        let is_admin = store.session().is_some_and(|s| s.is_system_admin);
        egui::Grid::new("users")
            .striped(true)
            .num_columns(5)
            .show(ui, |ui| {
                for t in ["登录名", "姓名", "单位", "角色", ""] {
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
                        roles.push("系统管理员");
                    }
                    ui.label(roles.join("、"));
                    if is_admin {
                        let label = if u.active {
                            "停用"
                        } else {
                            "启用（已停用）"
                        };
                        if ui.small_button(label).clicked() {
                            toggle = Some((u.id, !u.active));
                        }
                    } else {
                        ui.label(if u.active { "" } else { "已停用" });
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
            ui.label(RichText::new("添加账号").strong());
            egui::Grid::new("add_user").num_columns(2).show(ui, |ui| {
                let l = ui.label("对应人员：");
                let current = self
                    .person
                    .and_then(|id| self.people.iter().find(|p| p.id == id))
                    .map_or(
                        "（不对应人员：系统管理员或学校督查人员）".to_owned(),
                        |p| p.name.clone(),
                    );
                egui::ComboBox::from_id_salt("user_person")
                    .selected_text(current)
                    .width(240.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.person, None, "（不对应人员）");
                        for p in &self.people {
                            let roles: Vec<&str> = p.roles.iter().map(|r| r.label()).collect();
                            ui.selectable_value(
                                &mut self.person,
                                Some(p.id),
                                format!("{}（{}）", p.name, roles.join("、")),
                            );
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("登录名：");
                ui.add(egui::TextEdit::singleline(&mut self.login).desired_width(200.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("显示名称：");
                ui.add(
                    egui::TextEdit::singleline(&mut self.display_name)
                        .hint_text("默认取人员姓名")
                        .desired_width(200.0),
                )
                .labelled_by(l.id);
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut self.system_admin, "系统管理员（管理设置和账号）");
                ui.end_row();
                ui.label("");
                ui.checkbox(
                    &mut self.school_supervisor,
                    "学校督查人员（学校办公室（新闻中心）/党委宣传部：归档备案、关停平台）",
                );
                ui.end_row();
                let l = ui.label("初始密码：");
                ui.add(
                    egui::TextEdit::singleline(&mut self.password)
                        .password(true)
                        .desired_width(200.0),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label("再输一次：");
                ui.add(
                    egui::TextEdit::singleline(&mut self.again)
                        .password(true)
                        .desired_width(200.0),
                )
                .labelled_by(l.id);
                ui.end_row();
            });
            if ui.button("添加账号").clicked() {
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
            ui.label(RichText::new("修改我的密码").strong());
            egui::Grid::new("own_password")
                .num_columns(2)
                .show(ui, |ui| {
                    let l = ui.label("新密码：");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.own_password)
                            .password(true)
                            .desired_width(200.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label("确认新密码：");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.own_again)
                            .password(true)
                            .desired_width(200.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                });
            if ui.button("修改密码").clicked() {
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
