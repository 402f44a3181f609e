//! A platform's history and lifecycle in one window: the timeline of every event, the
//! reportable changes with their written report (第四条二), and closing (停止运营) or
//! shutting down (关停, 第四条三) with the printed report or notice.

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::app::Action;
use super::platform_form::parse_date;
use super::theme;
use crate::domain::lifecycle::{Closure, Shutdown, ShutdownReason};
use crate::domain::platform::PlatformStatus;
use crate::store::{ChangeRecord, ChangeState, Event, Store, StoreError};
use crate::text::{self, ui_common, ui_history as wording};

/// What the lifecycle form below the timeline is doing.
enum Form {
    None,
    Reported {
        change_id: i64,
        version: i64,
        date: String,
    },
    Close {
        date: String,
        reason: String,
        disposition: String,
    },
    ShutDown {
        date: String,
        reason: ShutdownReason,
        details: String,
        document_no: String,
    },
}

pub struct HistoryView {
    pub platform_id: i64,
    name: String,
    status: PlatformStatus,
    events: Vec<Event>,
    changes: Vec<ChangeRecord>,
    form: Form,
    error: Option<String>,
    /// Working days allowed for the written change report (a setting, 5 by default).
    report_deadlines: Vec<(i64, String)>,
}

impl HistoryView {
    pub fn open(store: &Store, platform_id: i64, today: NaiveDate) -> Result<Self, StoreError> {
        let mut v = Self {
            platform_id,
            name: String::new(),
            status: PlatformStatus::Unfiled,
            events: Vec::new(),
            changes: Vec::new(),
            form: Form::None,
            error: None,
            report_deadlines: Vec::new(),
        };
        v.reload(store, today)?;
        Ok(v)
    }

    pub fn reload(&mut self, store: &Store, today: NaiveDate) -> Result<(), StoreError> {
        let p = store.platform(self.platform_id)?;
        self.name = p.draft.name;
        self.status = p.status;
        self.events = store.platform_history(self.platform_id)?;
        self.changes = store.platform_changes(self.platform_id)?;
        let calendar = store.work_calendar()?;
        let days = store.settings()?.change_report_days;
        self.report_deadlines = self
            .changes
            .iter()
            .filter(|c| c.state == ChangeState::Pending)
            .map(|c| {
                let text =
                    match crate::domain::calendar::deadline_after(&calendar, c.changed_on, days) {
                        Ok(deadline) => wording::report_deadline(deadline, deadline < today),
                        Err(unknown) => unknown.to_string(),
                    };
                (c.id, text)
            })
            .collect();
        Ok(())
    }

    /// Draws the window; `false` once it was closed.
    pub fn ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) -> bool {
        let mut open = true;
        let window =
            egui::Window::new(wording::title(&self.name)).id(egui::Id::unique("history_window"));
        super::dialog::from_top_centre(window, ctx, 640.0)
            .open(&mut open)
            .show(ctx, |ui| {
                // Never taller or wider than the screen: a long timeline or a wide change
                // scrolls inside the window, so every button stays reachable at 1024×640.
                let room = ctx.content_rect().height() - 120.0;
                egui::ScrollArea::both()
                    .id_salt("history_all")
                    .max_height(room.max(200.0))
                    .show(ui, |ui| self.contents_ui(ui, actions));
            });
        open
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.label(wording::current_status(self.status.label()));
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(theme::DANGER));
        }
        egui::ScrollArea::vertical()
            .max_height(240.0)
            .id_salt("timeline")
            .show(ui, |ui| {
                egui::Grid::new("timeline_grid")
                    .striped(true)
                    .num_columns(4)
                    .show(ui, |ui| {
                        for e in &self.events {
                            ui.label(e.occurred_on.to_string());
                            ui.label(RichText::new(e.kind.label()).strong());
                            ui.label(&e.summary);
                            ui.label(
                                RichText::new(format!(
                                    "{} {}",
                                    e.actor,
                                    e.recorded_at.format("%Y-%m-%d %H:%M")
                                ))
                                .color(theme::MUTED)
                                .small(),
                            );
                            ui.end_row();
                        }
                    });
            });
        ui.separator();
        self.changes_ui(ui, actions);
        ui.separator();
        self.lifecycle_ui(ui, actions);
        self.form_ui(ui, actions);
    }

    fn changes_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.label(RichText::new(ui_common::counted(wording::CHANGES, self.changes.len())).strong());
        if self.changes.is_empty() {
            ui.label(
                RichText::new(wording::NO_CHANGES)
                    .color(theme::MUTED)
                    .small(),
            );
        }
        for c in &self.changes {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!(
                    "{} · {}",
                    c.changed_on,
                    c.fields
                        .iter()
                        .map(|f| f.field.as_str())
                        .collect::<Vec<_>>()
                        .join(ui_common::LIST_SEPARATOR)
                ));
                let color = if c.state == ChangeState::Pending {
                    theme::WARN
                } else {
                    theme::OK
                };
                ui.label(RichText::new(c.state.label()).color(color));
                if let Some((_, text)) = self.report_deadlines.iter().find(|(id, _)| *id == c.id) {
                    ui.label(RichText::new(text).small());
                }
                if ui.small_button(wording::PRINT_CHANGE_REPORT).clicked() {
                    actions.push(Action::PrintChangeReport(c.id));
                }
                if c.state == ChangeState::Pending
                    && ui.small_button(ui_common::MARK_SUBMITTED).clicked()
                {
                    self.form = Form::Reported {
                        change_id: c.id,
                        version: c.version,
                        date: crate::today().to_string(),
                    };
                }
            });
        }
    }

    fn lifecycle_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            let running = !matches!(
                self.status,
                PlatformStatus::Closed | PlatformStatus::ShutDown
            );
            if running {
                if ui.button(wording::CLOSE).clicked() {
                    self.form = Form::Close {
                        date: crate::today().to_string(),
                        reason: String::new(),
                        disposition: String::new(),
                    };
                }
                if ui
                    .button(wording::SHUT_DOWN)
                    .on_hover_text(wording::SHUT_DOWN_HINT)
                    .clicked()
                {
                    self.form = Form::ShutDown {
                        date: crate::today().to_string(),
                        reason: ShutdownReason::Violation,
                        details: String::new(),
                        document_no: String::new(),
                    };
                }
            } else {
                let what = if self.status == PlatformStatus::Closed {
                    wording::PRINT_CLOSURE_REPORT
                } else {
                    wording::PRINT_SHUTDOWN_NOTICE
                };
                if ui.button(what).clicked() {
                    actions.push(Action::PrintEnding(self.platform_id));
                }
            }
        });
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let mut submit = false;
        let mut cancel = false;
        match &mut self.form {
            Form::None => return,
            Form::Reported { date, .. } => {
                ui.horizontal(|ui| {
                    let l = ui.label(ui_common::SUBMITTED_ON_LABEL);
                    ui.add(egui::TextEdit::singleline(date).desired_width(120.0))
                        .labelled_by(l.id);
                    super::date_picker::button(ui, date, super::date_picker::Precision::Date);
                });
            }
            Form::Close {
                date,
                reason,
                disposition,
            } => {
                egui::Grid::new("close_form").num_columns(2).show(ui, |ui| {
                    let l = ui.label(wording::CLOSED_ON_LABEL);
                    ui.horizontal(|ui| {
                        ui.add(egui::TextEdit::singleline(date).desired_width(120.0))
                            .labelled_by(l.id);
                        super::date_picker::button(ui, date, super::date_picker::Precision::Date);
                    });
                    ui.end_row();
                    let l = ui.label(wording::CLOSURE_REASON_LABEL);
                    ui.add(egui::TextEdit::singleline(reason).desired_width(360.0))
                        .labelled_by(l.id);
                    ui.end_row();
                    let l = ui.label(wording::DISPOSITION_LABEL);
                    ui.add(
                        egui::TextEdit::singleline(disposition)
                            .hint_text(wording::DISPOSITION_HINT)
                            .desired_width(360.0),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                });
            }
            Form::ShutDown {
                date,
                reason,
                details,
                document_no,
            } => {
                egui::Grid::new("shutdown_form")
                    .num_columns(2)
                    .show(ui, |ui| {
                        let l = ui.label(wording::SHUT_DOWN_ON_LABEL);
                        ui.horizontal(|ui| {
                            ui.add(egui::TextEdit::singleline(date).desired_width(120.0))
                                .labelled_by(l.id);
                            super::date_picker::button(
                                ui,
                                date,
                                super::date_picker::Precision::Date,
                            );
                        });
                        ui.end_row();
                        ui.label(wording::SHUTDOWN_REASON_LABEL);
                        ui.vertical(|ui| {
                            for r in ShutdownReason::ALL {
                                ui.radio_value(reason, r, r.label());
                            }
                        });
                        ui.end_row();
                        let l = ui.label(wording::DETAILS_LABEL);
                        ui.add(
                            egui::TextEdit::multiline(details)
                                .desired_rows(2)
                                .desired_width(360.0),
                        )
                        .labelled_by(l.id);
                        ui.end_row();
                        let l = ui.label(wording::DOCUMENT_NO_LABEL);
                        ui.add(
                            egui::TextEdit::singleline(document_no)
                                .hint_text(wording::DOCUMENT_NO_HINT)
                                .desired_width(200.0),
                        )
                        .labelled_by(l.id);
                        ui.end_row();
                    });
            }
        }
        ui.horizontal(|ui| {
            submit = ui.button(ui_common::OK).clicked();
            cancel = ui.button(text::CANCEL).clicked();
        });
        if cancel {
            self.form = Form::None;
            self.error = None;
            return;
        }
        if !submit {
            return;
        }
        let action = match &self.form {
            Form::None => return,
            Form::Reported {
                change_id,
                version,
                date,
            } => parse_date(date).map(|on| Action::MarkChangeReported {
                change_id: *change_id,
                version: *version,
                on,
            }),
            Form::Close {
                date,
                reason,
                disposition,
            } => parse_date(date).map(|on| Action::ClosePlatform {
                platform_id: self.platform_id,
                closure: Closure {
                    on,
                    reason: reason.clone(),
                    content_disposition: disposition.clone(),
                },
            }),
            Form::ShutDown {
                date,
                reason,
                details,
                document_no,
            } => parse_date(date).map(|on| Action::ShutDownPlatform {
                platform_id: self.platform_id,
                shutdown: Shutdown {
                    on,
                    reason: *reason,
                    details: details.clone(),
                    document_no: document_no.clone(),
                },
            }),
        };
        match action {
            Some(action) => actions.push(action),
            None => self.error = Some(bad_date(self.form_date())),
        }
    }

    /// The date typed in the open form.
    fn form_date(&self) -> &str {
        match &self.form {
            Form::None => "",
            Form::Reported { date, .. }
            | Form::Close { date, .. }
            | Form::ShutDown { date, .. } => date,
        }
    }

    /// How a lifecycle step the app applied went: the form closes on success (with a notice
    /// returned for the app to show); on refusal the reason shows and the typing stays.
    pub fn finished(&mut self, result: Result<(), String>) -> Option<String> {
        match result {
            Ok(()) => {
                self.form = Form::None;
                self.error = None;
                Some(wording::recorded(&self.name))
            }
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }
}

fn bad_date(text: &str) -> String {
    ui_common::invalid_date(text.trim())
}
