//! 节假日安排 in the settings: which years the working-day calendar knows, importing a
//! year's schedule from a file, and editing or adding a year in the window. A refused file
//! names its line and reason; the calendar in use stays as it was.

use eframe::egui::{self, RichText};

use super::app::Action;
use super::theme;
use crate::domain::calendar::{NamedDates, YearSchedule};
use crate::store::{Store, StoreError};
use crate::text::{self, ui_calendar as wording};

#[derive(Default)]
pub struct CalendarView {
    years: Vec<i32>,
    /// The year being edited, as JSON text (the calendar's own file format).
    editor: Option<(i32, String)>,
    error: Option<String>,
}

impl CalendarView {
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.years = store.work_calendar()?.known_years();
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, store: &Store, actions: &mut Vec<Action>) {
        ui.label(RichText::new(wording::HEADING).strong());
        ui.label(wording::known_years(&self.years));
        ui.label(RichText::new(wording::INTRO).color(theme::MUTED).small());
        if let Some(e) = self.error.as_ref().filter(|_| self.editor.is_none()) {
            ui.label(RichText::new(e).color(theme::DANGER));
        }
        ui.horizontal(|ui| {
            if ui.button(wording::IMPORT).clicked() {
                actions.push(Action::ChooseFile(super::file_chooser::FileFor::Calendar));
            }
            let next = self.years.last().map_or(2027, |y| y + 1);
            if ui.button(wording::add_year(next)).clicked() {
                self.editor = Some((next, template(next)));
            }
            if let Some(&last) = self.years.last()
                && ui.button(wording::edit_year(last)).clicked()
            {
                let text = store
                    .work_calendar()
                    .ok()
                    .and_then(|c| c.schedule(last).cloned())
                    .and_then(|s| serde_json::to_string_pretty(&s).ok())
                    .unwrap_or_else(|| template(last));
                self.editor = Some((last, text));
            }
        });
        self.editor_ui(ui.ctx(), actions);
    }

    /// How an import the app applied went: the editor closes on success (the notice is
    /// returned); on refusal the reason shows and the calendar in use stays as it was.
    pub fn finished(&mut self, result: Result<Vec<i32>, String>) -> Option<String> {
        match result {
            Ok(years) => {
                self.error = None;
                self.editor = None;
                Some(wording::imported(&years))
            }
            Err(e) => {
                self.error = Some(wording::import_refused(&e));
                None
            }
        }
    }

    fn editor_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some((year, text)) = &mut self.editor else {
            return;
        };
        let mut open = true;
        let mut save = None;
        egui::Window::new(wording::editor_title(*year))
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
            .show(ctx, |ui| {
                ui.label(
                    RichText::new(wording::EDITOR_HINT)
                        .color(theme::MUTED)
                        .small(),
                );
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        let l = ui.label(wording::CONTENT_LABEL);
                        ui.add(
                            egui::TextEdit::multiline(text)
                                .code_editor()
                                .desired_rows(18)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                    });
                if let Some(e) = &self.error {
                    ui.label(RichText::new(e).color(theme::DANGER));
                }
                if ui.button(text::SAVE).clicked() {
                    save = Some(text.clone());
                }
            });
        if let Some(text) = save {
            actions.push(Action::ImportCalendarText(text));
        } else if !open {
            self.editor = None;
        }
    }
}

/// A skeleton for a new year: the festivals in order, dates to be filled from the notice.
fn template(year: i32) -> String {
    let schedule = YearSchedule {
        year,
        sources: vec![wording::notice_title(year)],
        holidays: wording::FESTIVALS
            .iter()
            .map(|name| NamedDates {
                name: (*name).to_owned(),
                dates: Vec::new(),
            })
            .collect(),
        makeup_workdays: Vec::new(),
    };
    serde_json::to_string_pretty(&schedule).unwrap_or_default()
}
