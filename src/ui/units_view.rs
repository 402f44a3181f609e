//! 单位与人员: the units, their people and roles, edited in place with the same
//! validation and stale-edit protection as platforms.

use eframe::egui::{self, RichText};

use super::app::Action;
use super::dialog::centred;
use super::field_check::Touched;
use super::theme;
use crate::domain::unit::{Person, PersonDraft, Role, Unit, UnitDraft};
use crate::domain::validation::{Field, FieldError, validate_person, validate_unit};
use crate::store::{Store, StoreError};
use crate::text::{self, ui_common, ui_people as wording};

#[derive(Default)]
pub struct UnitsView {
    units: Vec<Unit>,
    people: Vec<Person>,
    selected: Option<i64>,
    unit_form: Option<(Option<(i64, i64)>, UnitDraft)>,
    person_form: Option<(Option<(i64, i64)>, PersonDraft)>,
    /// Fields of the open form that were left: their messages show only then (or after 保存).
    touched: Touched<Field>,
    error: Option<String>,
}

impl UnitsView {
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.units = store.units()?;
        self.people = store.people()?;
        if self
            .selected
            .is_none_or(|s| !self.units.iter().any(|u| u.id == s))
        {
            self.selected = self.units.first().map(|u| u.id);
        }
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.heading(crate::text::NAV_UNITS);
        ui.add_space(6.0);
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(theme::DANGER));
        }
        ui.columns(2, |cols| {
            self.units_ui(&mut cols[0]);
            self.people_ui(&mut cols[1]);
        });
        self.forms_ui(ui.ctx(), actions);
    }

    /// How saving the open unit form went: closes it on success, else keeps it (and the
    /// typing) with the reason. Returns the message for the navigation.
    pub fn unit_saved(&mut self, result: Result<(), StoreError>) -> Option<String> {
        self.form_saved(result, true)
    }

    /// As [`Self::unit_saved`], for the person form.
    pub fn person_saved(&mut self, result: Result<(), StoreError>) -> Option<String> {
        self.form_saved(result, false)
    }

    fn form_saved(&mut self, result: Result<(), StoreError>, unit: bool) -> Option<String> {
        match result {
            Ok(()) => {
                self.error = None;
                if unit {
                    self.unit_form
                        .take()
                        .map(|(_, d)| wording::unit_saved(d.name.trim()))
                } else {
                    self.person_form
                        .take()
                        .map(|(_, d)| wording::person_saved(d.name.trim()))
                }
            }
            Err(e) => {
                self.error = Some(e.to_string());
                None
            }
        }
    }

    fn units_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label(RichText::new(ui_common::counted(wording::UNITS, self.units.len())).strong());
            if ui.button(ui_common::plus(wording::ADD_UNIT)).clicked() {
                self.touched.reset();
                self.unit_form = Some((None, UnitDraft::default()));
            }
        });
        egui::ScrollArea::vertical()
            .id_salt("units")
            .show(ui, |ui| {
                for u in &self.units {
                    let count = self.people.iter().filter(|p| p.unit_id == u.id).count();
                    ui.horizontal(|ui| {
                        if ui
                            .selectable_label(
                                self.selected == Some(u.id),
                                wording::unit_entry(&u.name, count),
                            )
                            .clicked()
                        {
                            self.selected = Some(u.id);
                        }
                        if ui.small_button(ui_common::EDIT).clicked() {
                            self.touched.reset();
                            self.unit_form = Some((
                                Some((u.id, u.version)),
                                UnitDraft {
                                    name: u.name.clone(),
                                    party_branch: u.party_branch.clone(),
                                    head: u.head.clone(),
                                    secretary: u.secretary.clone(),
                                },
                            ));
                        }
                    });
                    ui.label(
                        RichText::new(wording::unit_details(
                            &u.party_branch,
                            &u.head,
                            &u.secretary,
                        ))
                        .color(theme::MUTED)
                        .small(),
                    );
                    ui.add_space(4.0);
                }
            });
    }

    fn people_ui(&mut self, ui: &mut egui::Ui) {
        let Some(unit_id) = self.selected else {
            ui.label(wording::NO_UNITS);
            return;
        };
        let people: Vec<&Person> = self
            .people
            .iter()
            .filter(|p| p.unit_id == unit_id)
            .collect();
        ui.horizontal(|ui| {
            ui.label(RichText::new(ui_common::counted(wording::PEOPLE, people.len())).strong());
            if ui.button(ui_common::plus(wording::ADD_PERSON)).clicked() {
                self.touched.reset();
                self.person_form = Some((
                    None,
                    PersonDraft {
                        unit_id,
                        ..Default::default()
                    },
                ));
            }
        });
        egui::Grid::new("people")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for h in wording::PEOPLE_COLUMNS {
                    ui.label(RichText::new(h).strong());
                }
                ui.label("");
                ui.end_row();
                for p in people {
                    ui.label(&p.name);
                    ui.label(&p.mobile);
                    ui.label(
                        p.roles
                            .iter()
                            .map(|r| r.label())
                            .collect::<Vec<_>>()
                            .join(ui_common::LIST_SEPARATOR),
                    );
                    if ui.small_button(ui_common::EDIT).clicked() {
                        self.touched.reset();
                        self.person_form = Some((
                            Some((p.id, p.version)),
                            PersonDraft {
                                unit_id: p.unit_id,
                                name: p.name.clone(),
                                mobile: p.mobile.clone(),
                                roles: p.roles.clone(),
                            },
                        ));
                    }
                    ui.end_row();
                }
            });
    }

    /// Draws the open unit/person form; `Some` once it was saved (or failed to).
    fn forms_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if let Some((editing, draft)) = &mut self.unit_form {
            let mut open = true;
            let mut close = false;
            let errors = validate_unit(draft);
            let touched = &mut self.touched;
            let title = if editing.is_some() {
                wording::EDIT_UNIT
            } else {
                wording::ADD_UNIT
            };
            centred(egui::Window::new(title), ctx, egui::vec2(460.0, 300.0))
                .open(&mut open)
                .show(ctx, |ui| {
                    super::dialog::fill(ui);
                    egui::Grid::new("unit_form").num_columns(2).show(ui, |ui| {
                        for (field, label, value) in [
                            (Field::UnitName, wording::UNIT_NAME_LABEL, &mut draft.name),
                            (
                                Field::PartyBranch,
                                wording::PARTY_BRANCH_LABEL,
                                &mut draft.party_branch,
                            ),
                            (Field::UnitHead, wording::HEAD_LABEL, &mut draft.head),
                            (
                                Field::PartySecretary,
                                wording::SECRETARY_LABEL,
                                &mut draft.secretary,
                            ),
                        ] {
                            let l = ui.label(label);
                            let r = ui
                                .add(egui::TextEdit::singleline(value).desired_width(260.0))
                                .labelled_by(l.id);
                            touched.note(field, &r);
                            ui.end_row();
                        }
                    });
                    let (save, cancel) = buttons_and_problems(ui, touched, &errors);
                    if save {
                        actions.push(Action::SaveUnit {
                            editing: *editing,
                            draft: draft.clone(),
                        });
                    }
                    close |= cancel;
                });
            if close || !open {
                self.unit_form = None;
            }
        }
        if let Some((editing, draft)) = &mut self.person_form {
            let mut open = true;
            let mut close = false;
            let errors = validate_person(draft);
            let touched = &mut self.touched;
            let title = if editing.is_some() {
                wording::EDIT_PERSON
            } else {
                wording::ADD_PERSON
            };
            centred(egui::Window::new(title), ctx, egui::vec2(560.0, 320.0))
                .open(&mut open)
                .show(ctx, |ui| {
                    super::dialog::fill(ui);
                    egui::Grid::new("person_form")
                        .num_columns(2)
                        .show(ui, |ui| {
                            let l = ui.label(ui_common::UNIT_LABEL);
                            let unit_name = self
                                .units
                                .iter()
                                .find(|u| u.id == draft.unit_id)
                                .map_or(ui_common::CHOOSE, |u| u.name.as_str());
                            egui::ComboBox::from_id_salt("person_unit")
                                .selected_text(unit_name)
                                .show_ui(ui, |ui| {
                                    for u in &self.units {
                                        ui.selectable_value(&mut draft.unit_id, u.id, &u.name);
                                    }
                                })
                                .response
                                .labelled_by(l.id);
                            ui.end_row();
                            let l = ui.label(wording::NAME_LABEL);
                            let r = ui
                                .add(egui::TextEdit::singleline(&mut draft.name))
                                .labelled_by(l.id);
                            touched.note(Field::PersonName, &r);
                            ui.end_row();
                            let l = ui.label(wording::MOBILE_LABEL);
                            let r = ui
                                .add(egui::TextEdit::singleline(&mut draft.mobile))
                                .labelled_by(l.id);
                            touched.note(Field::PersonMobile, &r);
                            ui.end_row();
                            ui.label(wording::ROLES_LABEL);
                            ui.horizontal(|ui| {
                                for role in Role::UNIT_ROLES {
                                    let mut has = draft.roles.contains(&role);
                                    if ui.checkbox(&mut has, role.label()).changed() {
                                        if has {
                                            draft.roles.push(role);
                                        } else {
                                            draft.roles.retain(|r| *r != role);
                                        }
                                    }
                                }
                            });
                            ui.end_row();
                        });
                    let (save, cancel) = buttons_and_problems(ui, touched, &errors);
                    if save {
                        actions.push(Action::SavePerson {
                            editing: *editing,
                            draft: draft.clone(),
                        });
                    }
                    close |= cancel;
                });
            if close || !open {
                self.person_form = None;
            }
        }
    }
}

/// 保存 and 取消, then the form's problems whose field was left (or all, once saving was
/// tried) below them, so neither the fields nor 保存 move when one shows. Returns whether a
/// save of a form without problems, and whether cancelling, was asked for.
fn buttons_and_problems(
    ui: &mut egui::Ui,
    touched: &mut Touched<Field>,
    errors: &[FieldError],
) -> (bool, bool) {
    let (save, cancel) = ui
        .horizontal(|ui| {
            (
                ui.button(text::SAVE).clicked(),
                ui.button(text::CANCEL).clicked(),
            )
        })
        .inner;
    if save {
        touched.tried();
    }
    for e in errors.iter().filter(|e| touched.shows(e.field)) {
        ui.label(RichText::new(e.to_string()).color(theme::DANGER).small());
    }
    (save && errors.is_empty(), cancel)
}
