//! The add/edit platform dialog: every field of the filing form, validated as the user types
//! with the message beside the field, autosaved, and never closed over unsaved changes
//! without asking.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::app::Action;
use super::keys;
use super::platform_form::{PlatformForm, by_field};
use super::theme;
use crate::domain::platform::{AccountType, Administrator, PlatformKind};
use crate::domain::unit::{Person, Unit};
use crate::domain::validation::{Field, FieldError};
use crate::store::Store;
use crate::text::{self, ui_common, ui_platform as wording};

const AUTOSAVE_EVERY: Duration = Duration::from_secs(2);

pub struct PlatformDialog {
    pub form: PlatformForm,
    /// The form as last validated: validation reruns only when the form changes.
    validated: Option<PlatformForm>,
    errors: HashMap<Field, String>,
    /// Fields the user has edited: their errors show as they type.
    touched: HashSet<Field>,
    /// After a save attempt every error shows.
    pub attempted: bool,
    pub error: Option<String>,
    pub dirty: bool,
    pub restored: bool,
    confirm_discard: bool,
    last_autosave: Option<Instant>,
    autosaved_form: Option<PlatformForm>,
    units: Vec<Unit>,
    kinds: Vec<PlatformKind>,
    people: Vec<Person>,
    /// A save was refused: the first wrong field in the form takes the keyboard and is
    /// scrolled into view on the next frame.
    focus_error: bool,
}

impl PlatformDialog {
    pub fn new(form: PlatformForm, store: &Store, today: NaiveDate) -> Self {
        let mut d = Self {
            autosaved_form: Some(form.clone()),
            form,
            validated: None,
            errors: HashMap::new(),
            touched: HashSet::new(),
            attempted: false,
            error: None,
            dirty: false,
            restored: false,
            confirm_discard: false,
            last_autosave: None,
            units: store.units().unwrap_or_default(),
            kinds: store.platform_kinds().unwrap_or_default(),
            people: store.people().unwrap_or_default(),
            focus_error: false,
        };
        d.revalidate(store, today);
        d
    }

    pub fn set_errors(&mut self, errors: Vec<FieldError>) {
        self.errors = by_field(errors);
    }

    fn revalidate(&mut self, store: &Store, today: NaiveDate) {
        if self.validated.as_ref() == Some(&self.form) {
            return;
        }
        let (draft, mut errors) = self.form.to_draft();
        match store.validate_platform(&draft, self.form.editing.map(|e| e.0), today) {
            Ok(more) => {
                // A date that did not parse is reported once, as a format problem.
                let bad_dates: HashSet<Field> = errors.iter().map(|e| e.field).collect();
                errors.extend(more.into_iter().filter(|e| !bad_dates.contains(&e.field)));
            }
            Err(e) => self.error = Some(e.to_string()),
        }
        self.errors = by_field(errors);
        self.validated = Some(self.form.clone());
    }

    pub fn needs_autosave(&self, now: bool) -> bool {
        self.autosaved_form.as_ref() != Some(&self.form)
            && (now
                || self
                    .last_autosave
                    .is_none_or(|t| t.elapsed() >= AUTOSAVE_EVERY))
    }

    pub fn autosaved(&mut self) {
        self.last_autosave = Some(Instant::now());
        self.autosaved_form = Some(self.form.clone());
    }

    /// The message to show beside `field`, if the user should see it now.
    fn error_for(&self, field: Field) -> Option<&str> {
        if self.attempted || self.touched.contains(&field) {
            self.errors.get(&field).map(String::as_str)
        } else {
            None
        }
    }

    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        store: &Store,
        today: NaiveDate,
        actions: &mut Vec<Action>,
    ) {
        let title = if self.form.editing.is_some() {
            text::EDIT_PLATFORM
        } else {
            text::ADD_PLATFORM
        };
        let mut open = true;
        // Fixed size and place: messages appearing inside never move the fields.
        let window = egui::Window::new(title).id(egui::Id::unique("platform_dialog"));
        super::dialog::centred(window, ctx, egui::vec2(720.0, 620.0))
            .open(&mut open)
            .show(ctx, |ui| {
                super::dialog::fill(ui);
                if self.restored {
                    ui.label(RichText::new(text::DRAFT_RESTORED).color(theme::WARN));
                }
                let fields = egui::ScrollArea::vertical()
                    .max_height(ui.available_height() - 60.0)
                    .show(ui, |ui| self.fields_ui(ui));
                // Only a text field takes the focus; a wrong choice box is shown in red.
                self.focus_error = false;
                if keys::entered(ui.ctx(), fields.inner_rect) {
                    self.save(actions);
                }
                ui.separator();
                // The line is there with or without a message, so 保存 never moves.
                ui.label(RichText::new(self.error.as_deref().unwrap_or(" ")).color(theme::DANGER));
                ui.horizontal(|ui| {
                    if ui
                        .add(egui::Button::new(RichText::new(text::SAVE).strong()))
                        .clicked()
                    {
                        self.save(actions);
                    }
                    if ui.button(text::CANCEL).clicked() {
                        self.request_close(actions);
                    }
                    if let Some((id, _)) = self.form.editing {
                        ui.add_space(20.0);
                        if ui
                            .button(wording::HISTORY)
                            .on_hover_text(wording::HISTORY_HINT)
                            .clicked()
                        {
                            actions.push(Action::OpenHistory(id));
                        }
                    }
                });
            });
        if !open {
            self.request_close(actions);
        }
        if self.validated.as_ref() != Some(&self.form) {
            self.dirty = true;
            self.error = None;
        }
        self.revalidate(store, today);
        if self.confirm_discard {
            self.confirm_ui(ctx, actions);
        }
    }

    /// 保存 (the button, Enter in a field, Ctrl+S): refused with the errors shown until every
    /// field is right.
    pub(super) fn save(&mut self, actions: &mut Vec<Action>) {
        self.attempted = true;
        if self.errors.is_empty() {
            actions.push(Action::SavePlatform(Box::new(self.form.clone())));
        } else {
            self.error = Some(text::FIX_ERRORS.to_owned());
            self.focus_error = true;
        }
    }

    /// 取消, the window's ✕ and Esc: asks first when something was typed.
    pub(super) fn request_close(&mut self, actions: &mut Vec<Action>) {
        if self.dirty {
            self.confirm_discard = true;
        } else {
            actions.push(Action::ClosePlatformDialog);
        }
    }

    fn confirm_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        egui::Modal::new(egui::Id::unique("confirm_discard")).show(ctx, |ui| {
            ui.set_width(320.0);
            ui.heading(text::DISCARD_TITLE);
            ui.label(text::DISCARD_BODY);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(text::KEEP_EDITING).clicked() {
                    self.confirm_discard = false;
                }
                if ui
                    .button(RichText::new(text::DISCARD).color(theme::DANGER))
                    .clicked()
                {
                    self.confirm_discard = false;
                    actions.push(Action::ClosePlatformDialog);
                }
            });
        });
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui) {
        let kind = self
            .form
            .kind_id
            .and_then(|id| self.kinds.iter().find(|k| k.id == id))
            .cloned();
        let is_website = kind.as_ref().is_some_and(|k| k.is_website);
        let mut touched = Vec::new();
        egui::Grid::new("platform_fields")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .striped(false)
            .show(ui, |ui| {
                // 创建单位
                let label = ui.label(wording::UNIT_LABEL);
                let unit_name = self
                    .form
                    .unit_id
                    .and_then(|id| self.units.iter().find(|u| u.id == id))
                    .map_or(ui_common::CHOOSE, |u| u.name.as_str())
                    .to_owned();
                ui.vertical(|ui| {
                    let before = self.form.unit_id;
                    egui::ComboBox::from_id_salt("dlg_unit")
                        .selected_text(unit_name)
                        .width(260.0)
                        .show_ui(ui, |ui| {
                            for u in &self.units {
                                ui.selectable_value(&mut self.form.unit_id, Some(u.id), &u.name);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if before != self.form.unit_id {
                        touched.push(Field::Unit);
                    }
                    self.error_line(ui, Field::Unit);
                });
                ui.end_row();

                // 媒体平台
                let label = ui.label(wording::KIND_LABEL);
                ui.vertical(|ui| {
                    let before = self.form.kind_id;
                    egui::ComboBox::from_id_salt("dlg_kind")
                        .selected_text(kind.as_ref().map_or(ui_common::CHOOSE, |k| k.name.as_str()))
                        .width(260.0)
                        .show_ui(ui, |ui| {
                            for k in &self.kinds {
                                ui.selectable_value(&mut self.form.kind_id, Some(k.id), &k.name);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if before != self.form.kind_id {
                        touched.push(Field::Kind);
                        let has_type = self
                            .form
                            .kind_id
                            .and_then(|id| self.kinds.iter().find(|k| k.id == id))
                            .is_some_and(|k| k.has_account_type);
                        if !has_type {
                            self.form.account_type = None;
                        }
                    }
                    self.error_line(ui, Field::Kind);
                });
                ui.end_row();

                let (name_label, account_label) = if is_website {
                    (wording::WEBSITE_NAME_LABEL, wording::WEBSITE_ADDRESS_LABEL)
                } else {
                    (wording::ACCOUNT_NAME_LABEL, wording::ACCOUNT_ID_LABEL)
                };
                self.text_row(ui, name_label, Field::Name, |f| &mut f.name, &mut touched);
                self.text_row(
                    ui,
                    account_label,
                    Field::Account,
                    |f| &mut f.account,
                    &mut touched,
                );

                if kind.as_ref().is_some_and(|k| k.has_account_type) {
                    ui.label(wording::ACCOUNT_TYPE_LABEL);
                    ui.vertical(|ui| {
                        ui.horizontal(|ui| {
                            for t in AccountType::ALL {
                                if ui
                                    .radio_value(&mut self.form.account_type, Some(t), t.label())
                                    .changed()
                                {
                                    touched.push(Field::AccountType);
                                }
                            }
                        });
                        self.error_line(ui, Field::AccountType);
                    });
                    ui.end_row();
                }

                ui.label(wording::VERIFIED_LABEL);
                ui.horizontal(|ui| {
                    if ui
                        .checkbox(&mut self.form.verified, wording::VERIFIED)
                        .changed()
                        && !self.form.verified
                    {
                        self.form.verified_until.clear();
                    }
                });
                ui.end_row();
                if self.form.verified {
                    self.text_row(
                        ui,
                        wording::VERIFIED_UNTIL_LABEL,
                        Field::VerifiedUntil,
                        |f| &mut f.verified_until,
                        &mut touched,
                    );
                }

                let label = ui.label(wording::CONTENT_SCOPE_LABEL);
                ui.vertical(|ui| {
                    if ui
                        .add(
                            egui::TextEdit::multiline(&mut self.form.content_scope)
                                .desired_rows(2)
                                .desired_width(420.0)
                                .hint_text(wording::CONTENT_SCOPE_HINT),
                        )
                        .labelled_by(label.id)
                        .changed()
                    {
                        touched.push(Field::ContentScope);
                    }
                    self.error_line(ui, Field::ContentScope);
                });
                ui.end_row();

                self.text_row(
                    ui,
                    wording::CREATED_ON_LABEL,
                    Field::CreatedOn,
                    |f| &mut f.created_on,
                    &mut touched,
                );
                self.text_row(
                    ui,
                    wording::RESPONSIBLE_PERSON_LABEL,
                    Field::ResponsiblePerson,
                    |f| &mut f.responsible_person,
                    &mut touched,
                );
                self.text_row(
                    ui,
                    wording::CONTACT_MOBILE_LABEL,
                    Field::ContactMobile,
                    |f| &mut f.contact_mobile,
                    &mut touched,
                );
                self.admins_ui(ui, &mut touched);

                ui.label(wording::MAINTENANCE_LABEL);
                ui.vertical(|ui| {
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut self.form.vendor, false, wording::SELF_MAINTAINED);
                        ui.radio_value(&mut self.form.vendor, true, wording::VENDOR_MAINTAINED);
                    });
                    if self.form.vendor {
                        let label = ui.label(wording::VENDOR_NAME_LABEL);
                        if ui
                            .add(
                                egui::TextEdit::singleline(&mut self.form.vendor_name)
                                    .desired_width(300.0),
                            )
                            .labelled_by(label.id)
                            .changed()
                        {
                            touched.push(Field::Maintenance);
                        }
                    }
                    self.error_line(ui, Field::Maintenance);
                });
                ui.end_row();

                self.text_row(
                    ui,
                    wording::APPROVAL_REF_LABEL,
                    Field::ApprovalRef,
                    |f| &mut f.approval_ref,
                    &mut touched,
                );
                self.text_row(
                    ui,
                    wording::LAST_POST_ON_LABEL,
                    Field::LastPostOn,
                    |f| &mut f.last_post_on,
                    &mut touched,
                );
                if self.form.filed {
                    let label = ui.label(wording::CHANGE_REASON_LABEL);
                    ui.vertical(|ui| {
                        if ui
                            .add(
                                egui::TextEdit::singleline(&mut self.form.change_reason)
                                    .hint_text(wording::CHANGE_REASON_HINT)
                                    .desired_width(420.0),
                            )
                            .labelled_by(label.id)
                            .changed()
                        {
                            touched.push(Field::ChangeReason);
                        }
                        self.error_line(ui, Field::ChangeReason);
                    });
                    ui.end_row();
                }
                ui.label(wording::ACCESS_LABEL);
                ui.checkbox(&mut self.form.intranet_only, wording::INTRANET_ONLY)
                    .on_hover_text(wording::INTRANET_ONLY_HINT);
                ui.end_row();
                let label = ui.label(wording::NOTES_LABEL);
                ui.add(
                    egui::TextEdit::multiline(&mut self.form.notes)
                        .desired_rows(2)
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
        self.touched.extend(touched);
    }

    fn text_row(
        &mut self,
        ui: &mut egui::Ui,
        label: &str,
        field: Field,
        value: impl FnOnce(&mut PlatformForm) -> &mut String,
        touched: &mut Vec<Field>,
    ) {
        let label = ui.label(label);
        let hint = match field {
            Field::CreatedOn | Field::VerifiedUntil | Field::LastPostOn => wording::DATE_HINT,
            Field::ContactMobile => wording::MOBILE_HINT,
            Field::ApprovalRef => wording::APPROVAL_REF_HINT,
            _ => "",
        };
        ui.vertical(|ui| {
            let text = value(&mut self.form);
            let is_date = matches!(
                field,
                Field::CreatedOn | Field::VerifiedUntil | Field::LastPostOn
            );
            let changed = ui
                .horizontal(|ui| {
                    let edit = egui::TextEdit::singleline(text)
                        .hint_text(hint)
                        .desired_width(300.0);
                    let response = ui.add(edit).labelled_by(label.id);
                    if self.focus_error && self.errors.contains_key(&field) {
                        // The first wrong field drawn (the form's order) after a refused save.
                        response.request_focus();
                        response.scroll_to_me(Some(egui::Align::Center));
                        self.focus_error = false;
                    }
                    let typed = response.changed();
                    let picked = is_date
                        && super::date_picker::button(
                            ui,
                            text,
                            super::date_picker::Precision::Date,
                        )
                        .changed();
                    typed || picked
                })
                .inner;
            if changed {
                touched.push(field);
            }
            self.error_line(ui, field);
        });
        ui.end_row();
    }

    fn admins_ui(&mut self, ui: &mut egui::Ui, touched: &mut Vec<Field>) {
        ui.label(wording::ADMINISTRATORS_LABEL);
        ui.vertical(|ui| {
            let mut remove = None;
            let count = self.form.administrators.len();
            for i in 0..count {
                ui.horizontal(|ui| {
                    let admin = &mut self.form.administrators[i];
                    let name_label = ui.label(wording::administrator_name(i + 1));
                    let a = ui
                        .add(egui::TextEdit::singleline(&mut admin.name).desired_width(110.0))
                        .labelled_by(name_label.id);
                    let mobile_label = ui.label(wording::ADMINISTRATOR_MOBILE);
                    let b = ui
                        .add(
                            egui::TextEdit::singleline(&mut admin.mobile)
                                .desired_width(140.0)
                                .hint_text(wording::MOBILE_HINT),
                        )
                        .labelled_by(mobile_label.id);
                    if a.changed() || b.changed() {
                        touched.push(Field::Administrator(i));
                        touched.push(Field::Administrators);
                    }
                    if count > 1
                        && ui
                            .small_button(ui_common::DELETE)
                            .on_hover_text(wording::REMOVE_ROW_HINT)
                            .clicked()
                    {
                        remove = Some(i);
                    }
                    ui.menu_button(wording::PICK_PERSON, |ui| {
                        let unit = self.form.unit_id;
                        let mut any = false;
                        for p in self.people.iter().filter(|p| Some(p.unit_id) == unit) {
                            any = true;
                            if ui.button(format!("{} {}", p.name, p.mobile)).clicked() {
                                self.form.administrators[i] = Administrator {
                                    name: p.name.clone(),
                                    mobile: p.mobile.clone(),
                                };
                                touched.push(Field::Administrator(i));
                                ui.close();
                            }
                        }
                        if !any {
                            ui.label(wording::NO_PEOPLE);
                        }
                    });
                });
                self.error_line(ui, Field::Administrator(i));
            }
            if let Some(i) = remove {
                self.form.administrators.remove(i);
            }
            if ui
                .small_button(ui_common::plus(wording::ADD_ADMINISTRATOR))
                .clicked()
            {
                self.form.administrators.push(Administrator::default());
            }
            if self.form.administrators.len() > 3 {
                ui.label(
                    RichText::new(wording::ADMINISTRATORS_OVERFLOW)
                        .color(theme::MUTED)
                        .small(),
                );
            }
            self.error_line(ui, Field::Administrators);
        });
        ui.end_row();
    }

    /// The field's message, in a line kept for it whether or not there is one, so the
    /// fields below do not move as messages come and go while one types.
    fn error_line(&self, ui: &mut egui::Ui, field: Field) {
        match self.error_for(field) {
            Some(message) => {
                ui.label(RichText::new(message).color(theme::DANGER).small());
            }
            // A blank line of the same style: exactly the height a message takes.
            None => {
                ui.label(RichText::new(" ").small());
            }
        }
    }
}
