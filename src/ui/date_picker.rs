//! The date picker beside every date and date-time field: a small button opening a month
//! grid in Chinese (「2026年12月」, 一…日 with Monday first, 今天) where days off (休) and
//! make-up working days (班) are marked from the app's working-day calendar. Typing in the
//! field stays possible and is validated as before; a click on a day only fills the text.
//!
//! Own widget rather than `egui_extras::DatePickerButton`: that one has its month names,
//! weekday row and buttons fixed in English, starts from a `NaiveDate` (not the typed text,
//! which may be half-written or invalid) and cannot mark holidays or 调休 days.
//!
//! The calendar and today's date reach the picker through [`install`], called once a frame
//! by the workspace, so the views need no extra parameters. [`month_grid`] is shared with the
//! holiday calendar editor.

use std::sync::Arc;

use chrono::{Datelike, Months, NaiveDate};
use eframe::egui::{self, Color32, RichText, text::LayoutJob};

use super::platform_form::parse_date;
use super::theme;
use crate::domain::calendar::{DayKind, WorkCalendar};
use crate::text::ui_dates as wording;

/// What the field holds: a date, or a date and a time (whose time part a pick keeps).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Date,
    DateTime,
}

/// The time a date-time field gets when a day is picked before any time was typed.
pub const DEFAULT_TIME: &str = "09:00";

/// The calendar the pickers mark days from, and today.
#[derive(Clone)]
struct Source {
    calendar: Arc<WorkCalendar>,
    today: NaiveDate,
}

fn source_id() -> egui::Id {
    egui::Id::unique("date_picker_source")
}

/// Hands the pickers the calendar in use and today's date (the app's, so tests can fix it).
pub fn install(ctx: &egui::Context, calendar: &WorkCalendar, today: NaiveDate) {
    let fresh = ctx.data(|d| {
        d.get_temp::<Source>(source_id())
            .is_some_and(|s| s.today == today && *s.calendar == *calendar)
    });
    if !fresh {
        let source = Source {
            calendar: Arc::new(calendar.clone()),
            today,
        };
        ctx.data_mut(|d| d.insert_temp(source_id(), source));
    }
}

fn source(ctx: &egui::Context) -> Source {
    ctx.data(|d| d.get_temp::<Source>(source_id()))
        .unwrap_or_else(|| Source {
            calendar: Arc::new(WorkCalendar::bundled().unwrap_or_default()),
            today: crate::today(),
        })
}

/// The date typed at the start of a field's text, if it parses.
fn typed_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let date_part = t.split([' ', 'T']).next().unwrap_or(t);
    parse_date(date_part)
}

/// The field's text after `date` is picked: a date-time field keeps the time typed after
/// the date (or gets [`DEFAULT_TIME`]).
#[must_use]
pub fn filled(text: &str, date: NaiveDate, precision: Precision) -> String {
    let day = date.format("%Y-%m-%d").to_string();
    match precision {
        Precision::Date => day,
        Precision::DateTime => {
            let time = text
                .trim()
                .split_once([' ', 'T'])
                .map(|(_, t)| t.trim())
                .filter(|t| !t.is_empty())
                .unwrap_or(DEFAULT_TIME);
            format!("{day} {time}")
        }
    }
}

/// The first day of the month `date` is in.
fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// The picker button; put it right after the field's text edit. The returned response is
/// `changed()` when a day (or 今天) filled the field.
pub fn button(ui: &mut egui::Ui, text: &mut String, precision: Precision) -> egui::Response {
    let mut response = ui
        .small_button(wording::OPEN)
        .on_hover_text(wording::OPEN_HINT);
    let month_id = response.id.with("month");
    let Source { calendar, today } = source(ui.ctx());
    if response.clicked() {
        let start = month_start(typed_date(text).unwrap_or(today));
        ui.data_mut(|d| d.insert_temp(month_id, start));
    }
    let selected = typed_date(text);
    let mut picked = None;
    egui::Popup::from_toggle_button_response(&response)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let shown = ui
                .data(|d| d.get_temp::<NaiveDate>(month_id))
                .unwrap_or_else(|| month_start(today));
            let shown = month_header(ui, shown);
            ui.data_mut(|d| d.insert_temp(month_id, shown));
            month_grid(ui, month_id.with("grid"), shown, |ui, date| {
                let (mark, color) = mark_of(&calendar, date);
                let hint = match calendar.day_kind(date) {
                    Ok(kind) => wording::day_hint(date, &kind.to_string()),
                    Err(_) => wording::day_hint(date, ""),
                };
                let cell = day_cell(ui, date, mark, color, selected == Some(date), date == today);
                if cell.on_hover_text(hint).clicked() {
                    picked = Some(date);
                }
            });
            if calendar.schedule(shown.year()).is_none() {
                ui.label(
                    RichText::new(wording::unknown_year(shown.year()))
                        .color(theme::WARN)
                        .small(),
                );
            }
            ui.horizontal(|ui| {
                if ui.button(wording::TODAY).clicked() {
                    picked = Some(today);
                }
            });
            ui.label(RichText::new(wording::LEGEND).color(theme::MUTED).small());
        });
    if let Some(date) = picked {
        *text = filled(text, date, precision);
        egui::Popup::close_id(ui.ctx(), egui::Popup::default_response_id(&response));
        response.mark_changed();
    }
    response
}

/// The mark of a day in the picker: 休 for a holiday or an unworked weekend, 班 for a
/// make-up working day; nothing for a working day. An unknown year marks weekends only.
fn mark_of(calendar: &WorkCalendar, date: NaiveDate) -> (&'static str, Color32) {
    match calendar.day_kind(date) {
        Ok(DayKind::Holiday { .. }) => (wording::OFF, theme::DANGER),
        Ok(DayKind::Weekend) => (wording::OFF, theme::MUTED),
        Ok(DayKind::MakeupWorkday { .. }) => (wording::MAKEUP, theme::ACCENT),
        Ok(DayKind::Workday) => ("", theme::MUTED),
        Err(_) if matches!(date.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun) => {
            (wording::OFF, theme::MUTED)
        }
        Err(_) => ("", theme::MUTED),
    }
}

/// « ‹ 2026年12月 › »: moves the shown month by a month or a year; returns the month shown.
pub fn month_header(ui: &mut egui::Ui, shown: NaiveDate) -> NaiveDate {
    let mut next = shown;
    ui.horizontal(|ui| {
        for (label, months) in [(wording::PREVIOUS_YEAR, -12), (wording::PREVIOUS_MONTH, -1)] {
            if ui.small_button(label).clicked() {
                next = add_months(shown, months);
            }
        }
        ui.label(RichText::new(wording::month(shown.year(), shown.month())).strong());
        for (label, months) in [(wording::NEXT_MONTH, 1), (wording::NEXT_YEAR, 12)] {
            if ui.small_button(label).clicked() {
                next = add_months(shown, months);
            }
        }
    });
    next
}

fn add_months(date: NaiveDate, months: i32) -> NaiveDate {
    let stepped = if months >= 0 {
        date.checked_add_months(Months::new(months.unsigned_abs()))
    } else {
        date.checked_sub_months(Months::new(months.unsigned_abs()))
    };
    stepped.unwrap_or(date)
}

/// A month as a grid, Monday first, with the weekday row on top; `cell` draws each day of
/// the month (empty cells pad the first and last weeks).
pub fn month_grid(
    ui: &mut egui::Ui,
    id: egui::Id,
    month: NaiveDate,
    mut cell: impl FnMut(&mut egui::Ui, NaiveDate),
) {
    let first = month_start(month);
    egui::Grid::new(id)
        .spacing(egui::vec2(2.0, 2.0))
        .show(ui, |ui| {
            for name in wording::WEEKDAYS {
                ui.centered_and_justified(|ui| {
                    ui.label(RichText::new(name).color(theme::MUTED));
                });
            }
            ui.end_row();
            let lead = first.weekday().num_days_from_monday();
            for _ in 0..lead {
                ui.label("");
            }
            let mut date = first;
            let mut column = lead;
            while date.month() == first.month() {
                cell(ui, date);
                column += 1;
                if column == 7 {
                    ui.end_row();
                    column = 0;
                }
                match date.succ_opt() {
                    Some(next) => date = next,
                    None => break,
                }
            }
            if column != 0 {
                ui.end_row();
            }
        });
}

/// One day's button: the day of the month and, small beside it, its mark (「1休」).
pub fn day_cell(
    ui: &mut egui::Ui,
    date: NaiveDate,
    mark: &str,
    color: Color32,
    selected: bool,
    today: bool,
) -> egui::Response {
    let mut job = LayoutJob::default();
    let style = ui.style().clone();
    let mut day = RichText::new(date.day().to_string());
    if today {
        day = day.strong().underline();
    }
    day.append_to(
        &mut job,
        &style,
        egui::FontSelection::Default,
        egui::Align::Center,
    );
    if !mark.is_empty() {
        RichText::new(mark).small().color(color).append_to(
            &mut job,
            &style,
            egui::FontSelection::Default,
            egui::Align::Center,
        );
    }
    ui.add(egui::Button::selectable(selected, job).min_size(egui::vec2(38.0, 24.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_pick_fills_the_date_and_keeps_the_time() {
        let cases = [
            ("", Precision::Date, "2026-12-03"),
            ("2024/1/2", Precision::Date, "2026-12-03"),
            ("", Precision::DateTime, "2026-12-03 09:00"),
            ("2024-01-02 14:30", Precision::DateTime, "2026-12-03 14:30"),
            ("2024-01-02T08:05", Precision::DateTime, "2026-12-03 08:05"),
            ("2024-01-02 ", Precision::DateTime, "2026-12-03 09:00"),
        ];
        for (text, precision, want) in cases {
            assert_eq!(filled(text, d("2026-12-03"), precision), want, "{text:?}");
        }
    }

    #[test]
    fn the_typed_date_opens_its_month() {
        assert_eq!(typed_date("2024年9月27日"), Some(d("2024-09-27")));
        assert_eq!(typed_date("2024-09-27 10:00"), Some(d("2024-09-27")));
        assert_eq!(typed_date("2024-09"), None);
        assert_eq!(add_months(d("2026-12-01"), 1), d("2027-01-01"));
        assert_eq!(add_months(d("2026-01-01"), -12), d("2025-01-01"));
    }

    #[test]
    fn marks_come_from_the_calendar() {
        let calendar = WorkCalendar::bundled().unwrap();
        let cases = [
            ("2024-10-01", wording::OFF),
            ("2024-09-29", wording::MAKEUP),
            ("2024-09-30", ""),
            ("2024-09-28", wording::OFF),
            ("2030-01-05", wording::OFF),
            ("2030-01-07", ""),
        ];
        for (date, want) in cases {
            assert_eq!(mark_of(&calendar, d(date)).0, want, "{date}");
        }
    }
}
