//! 节假日安排 in the settings: which years the working-day calendar knows, importing a
//! year's schedule from a file, and editing a year in twelve month grids where a click cycles
//! a day through 休 / 班 / 普通 (see `domain::calendar::editing`). 保存 stores the year like
//! an imported file; a refusal names the reason and the calendar in use stays as it was.

use chrono::{Datelike, NaiveDate};
use eframe::egui::{self, RichText};

use super::app::Action;
use super::date_picker;
use super::theme;
use crate::domain::calendar::{DayMark, WorkCalendar, YearDraft};
use crate::store::{Store, StoreError};
use crate::text::{ui_calendar as wording, ui_dates};

#[derive(Default)]
pub struct CalendarView {
    years: Vec<i32>,
    /// The calendar in use, read at each reload (not every frame).
    calendar: WorkCalendar,
    /// The year shown in the grids; `None` until the first reload.
    editor: Option<Editor>,
    error: Option<String>,
}

/// One year in the month grids, and the schedule it started from.
struct Editor {
    draft: YearDraft,
    saved: YearDraft,
    /// Whether the calendar has a schedule for the year.
    known: bool,
    /// A 保存 was sent and its result is awaited.
    saving: bool,
}

impl Editor {
    fn open(year: i32, calendar: &WorkCalendar) -> Self {
        let schedule = calendar.schedule(year);
        let draft = schedule.map_or_else(|| YearDraft::empty(year), YearDraft::from_schedule);
        Self {
            saved: draft.clone(),
            draft,
            known: schedule.is_some(),
            saving: false,
        }
    }

    fn dirty(&self) -> bool {
        self.draft != self.saved
    }
}

impl CalendarView {
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.calendar = store.work_calendar()?;
        self.years = self.calendar.known_years();
        let next = self.years.last().map_or(2027, |y| y + 1);
        match &self.editor {
            Some(editor) if editor.dirty() => {}
            Some(editor) => self.editor = Some(Editor::open(editor.draft.year(), &self.calendar)),
            None => self.editor = Some(Editor::open(next, &self.calendar)),
        }
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, _store: &Store, actions: &mut Vec<Action>) {
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
            self.year_choice(ui, next);
        });
        self.editor_ui(ui, actions);
    }

    /// How a save or an import the app applied went: on success the notice is returned
    /// (the grids are read again at the reload that follows); on refusal the reason shows,
    /// the grids keep the clicks and the calendar in use stays as it was.
    pub fn finished(&mut self, result: Result<Vec<i32>, String>) -> Option<String> {
        let saving = self.editor.as_mut().is_some_and(|e| {
            let was = e.saving;
            e.saving = false;
            was
        });
        match result {
            Ok(years) => {
                self.error = None;
                match self.editor.as_mut().filter(|_| saving) {
                    Some(editor) => {
                        editor.saved = editor.draft.clone();
                        Some(wording::saved(editor.draft.year()))
                    }
                    None => Some(wording::imported(&years)),
                }
            }
            Err(e) => {
                self.error = Some(wording::import_refused(&e));
                None
            }
        }
    }

    /// The year choice: the known years and the next one; locked while there are unsaved
    /// clicks, so none is lost by switching.
    fn year_choice(&mut self, ui: &mut egui::Ui, next: i32) {
        let Some(editor) = &self.editor else {
            return;
        };
        let shown = editor.draft.year();
        let dirty = editor.dirty();
        let mut years = self.years.clone();
        for y in [next, shown] {
            if !years.contains(&y) {
                years.push(y);
            }
        }
        // Newest first: the year to enter is usually the next one.
        years.sort_unstable_by(|a, b| b.cmp(a));
        let mut chosen = shown;
        let label = ui.label(wording::YEAR_LABEL);
        ui.add_enabled_ui(!dirty, |ui| {
            egui::ComboBox::from_id_salt("calendar_year")
                .height(400.0)
                .selected_text(wording::year_choice(shown, editor.known))
                .show_ui(ui, |ui| {
                    for y in years {
                        let known = self.years.contains(&y);
                        ui.selectable_value(&mut chosen, y, wording::year_choice(y, known));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if chosen != shown {
            self.error = None;
            self.editor = Some(Editor::open(chosen, &self.calendar));
        }
    }

    /// The year's notice number, 保存/放弃 and any refusal, then the twelve month grids
    /// under a fold.
    fn editor_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(editor) = &mut self.editor else {
            return;
        };
        let year = editor.draft.year();
        ui.add_space(6.0);
        ui.label(RichText::new(wording::editor_title(year)).strong());
        if !editor.known {
            ui.label(RichText::new(wording::no_schedule(year)).color(theme::WARN));
        }
        ui.horizontal(|ui| {
            let l = ui.label(wording::NOTICE_LABEL);
            ui.add(
                egui::TextEdit::singleline(&mut editor.draft.notice)
                    .hint_text(wording::NOTICE_HINT)
                    .desired_width(240.0),
            )
            .labelled_by(l.id);
        });
        let dirty = editor.dirty();
        if dirty {
            ui.label(RichText::new(wording::UNSAVED).color(theme::WARN));
        }
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(theme::DANGER));
        }
        let mut save = false;
        ui.horizontal(|ui| {
            save = ui
                .add_enabled(
                    dirty || !editor.known,
                    egui::Button::new(wording::save_year(year)),
                )
                .clicked();
            if ui
                .add_enabled(dirty, egui::Button::new(wording::DISCARD))
                .clicked()
            {
                editor.draft = editor.saved.clone();
                self.error = None;
            }
        });
        if save {
            let schedule = editor.draft.to_schedule(
                |number| wording::notice_source(year, number),
                wording::festival_for,
            );
            match schedule {
                Ok(schedule) => {
                    editor.saving = true;
                    self.error = None;
                    actions.push(Action::SaveCalendarYear(schedule));
                }
                Err(problem) => self.error = Some(problem.to_string()),
            }
        }
        // Folded by default: twelve grids would push the word lists far down the page.
        egui::CollapsingHeader::new(RichText::new(wording::GRIDS_TITLE).strong())
            .id_salt("calendar_grids")
            .show(ui, |ui| {
                ui.label(
                    RichText::new(wording::GRID_HINT)
                        .color(theme::MUTED)
                        .small(),
                );
                ui.label(RichText::new(ui_dates::LEGEND).color(theme::MUTED).small());
                months_ui(ui, &mut editor.draft);
            });
    }
}

/// The year's twelve months side by side, wrapping to the width of the page.
fn months_ui(ui: &mut egui::Ui, draft: &mut YearDraft) {
    let year = draft.year();
    ui.horizontal_wrapped(|ui| {
        for month in 1..=12 {
            let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
                continue;
            };
            ui.vertical(|ui| {
                ui.label(RichText::new(wording::month_heading(month)).strong());
                let id = ui.scope_id().with(("calendar_month", year, month));
                date_picker::month_grid(ui, id, first, |ui, date| {
                    day_ui(ui, draft, date);
                });
            });
            ui.add_space(12.0);
        }
    });
}

/// One day in the editor's grids: its mark (an ordinary weekend shows as a muted 休), named
/// for screen readers as 「10月1日 休」; a click moves it to the next mark.
fn day_ui(ui: &mut egui::Ui, draft: &mut YearDraft, date: NaiveDate) {
    let mark = draft.mark(date);
    let (sign, color) = match mark {
        DayMark::Holiday => (ui_dates::OFF, theme::DANGER),
        DayMark::MakeupWorkday => (ui_dates::MAKEUP, theme::ACCENT),
        DayMark::Ordinary if draft.is_off(date) => (ui_dates::OFF, theme::MUTED),
        DayMark::Ordinary => ("", theme::MUTED),
    };
    let cell = date_picker::day_cell(ui, date, sign, color, mark != DayMark::Ordinary, false);
    let label = wording::cell_label(date.month(), date.day(), mark);
    cell.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
    if cell.clicked() {
        draft.cycle(date);
    }
}
