//! 督查: what the school (and a unit) must do today — each unit's traffic light, the due list
//! sorted by urgency with the article behind each item, and a year of updates per month.
//! The first page the school-level role sees (第六条四, 第四条, 第五条, 第六条二, 第八条一).

use chrono::NaiveDate;
use eframe::egui::{self, Color32, RichText};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, Plot};

use super::action::Action;
use super::theme;
use crate::domain::supervision::{DueItem, Light, Urgency};
use crate::ops::supervision::{Dashboard, dashboard};
use crate::store::Store;
use crate::text::{supervision as words, ui_supervision as wording};

#[derive(Default)]
pub struct SupervisionView {
    data: Option<Dashboard>,
    /// The unit chosen on the left; `None`: every unit.
    unit: Option<i64>,
    error: Option<String>,
}

impl SupervisionView {
    /// Recomputes the dashboard as of `today`.
    pub fn reload(&mut self, store: &Store, today: NaiveDate) {
        match dashboard(store, today) {
            Ok(d) => {
                self.data = Some(d);
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    pub fn dashboard(&self) -> Option<&Dashboard> {
        self.data.as_ref()
    }

    /// The due items shown: every unit's, or the chosen unit's.
    pub fn shown_items(&self) -> Vec<&DueItem> {
        let Some(data) = &self.data else {
            return Vec::new();
        };
        data.items
            .iter()
            .filter(|i| self.unit.is_none_or(|u| i.unit.id == u))
            .collect()
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        if let Some(error) = &self.error {
            ui.label(RichText::new(error).color(theme::DANGER));
        }
        let Some(data) = &self.data else {
            return;
        };
        ui.heading(wording::heading(data.today, data.items.len()));
        ui.add_space(6.0);
        let mut chosen = self.unit;
        if ui.available_width() < SIDE_BY_SIDE_WIDTH {
            // A narrow window (1024 px): the units above as a strip, the list at full width.
            units_strip(ui, data, &mut chosen);
            ui.separator();
            list_and_chart(ui, data, chosen, actions);
        } else {
            // What the units column and its separator leave: the due list scrolls within it.
            let list_width = ui.available_width() - 276.0;
            ui.horizontal_top(|ui| {
                ui.allocate_ui_with_layout(
                    egui::vec2(260.0, ui.available_height()),
                    egui::Layout::top_down(egui::Align::LEFT),
                    |ui| units_column(ui, data, &mut chosen),
                );
                ui.separator();
                ui.vertical(|ui| {
                    ui.set_max_width(list_width);
                    list_and_chart(ui, data, chosen, actions);
                });
            });
        }
        self.unit = chosen;
    }
}

/// Below this width the units column goes above the list: side by side, the due list's
/// seven columns would not fit a 1024-pixel window.
const SIDE_BY_SIDE_WIDTH: f32 = 1100.0;

fn list_and_chart(
    ui: &mut egui::Ui,
    data: &Dashboard,
    chosen: Option<i64>,
    actions: &mut Vec<Action>,
) {
    let items: Vec<&DueItem> = data
        .items
        .iter()
        .filter(|i| chosen.is_none_or(|u| i.unit.id == u))
        .collect();
    due_list(ui, data.today, &items, chosen.is_some(), actions);
    ui.add_space(8.0);
    chart(ui, data, chosen);
}

/// The units as one wrapped line of lights and names (a narrow window's units column).
fn units_strip(ui: &mut egui::Ui, data: &Dashboard, chosen: &mut Option<i64>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(wording::UNITS_HEADING).strong());
        if ui
            .selectable_label(chosen.is_none(), wording::ALL_UNITS)
            .clicked()
        {
            *chosen = None;
        }
        for summary in &data.units {
            lamp(ui, summary.light);
            let selected = *chosen == Some(summary.unit.id);
            if ui
                .selectable_label(selected, &summary.unit.name)
                .on_hover_text(words::unit_counts(summary.red_items, summary.amber_items))
                .clicked()
            {
                *chosen = if selected {
                    None
                } else {
                    Some(summary.unit.id)
                };
            }
        }
    });
}

fn light_colour(light: Light) -> Color32 {
    match light {
        Light::Red => theme::DANGER,
        Light::Amber => theme::WARN,
        Light::Green => theme::OK,
    }
}

/// A round light, with what it means on hover.
fn lamp(ui: &mut egui::Ui, light: Light) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    ui.painter()
        .circle_filled(rect.center(), 6.0, light_colour(light));
    response.on_hover_text(words::light_meaning(light));
}

fn units_column(ui: &mut egui::Ui, data: &Dashboard, chosen: &mut Option<i64>) {
    ui.label(RichText::new(wording::UNITS_HEADING).strong());
    if ui
        .selectable_label(chosen.is_none(), wording::ALL_UNITS)
        .clicked()
    {
        *chosen = None;
    }
    egui::ScrollArea::vertical()
        .id_salt("supervision_units")
        .max_height(ui.available_height().max(200.0))
        .show(ui, |ui| {
            for summary in &data.units {
                ui.horizontal(|ui| {
                    lamp(ui, summary.light);
                    let selected = *chosen == Some(summary.unit.id);
                    if ui.selectable_label(selected, &summary.unit.name).clicked() {
                        *chosen = if selected {
                            None
                        } else {
                            Some(summary.unit.id)
                        };
                    }
                });
                ui.label(
                    RichText::new(words::unit_counts(summary.red_items, summary.amber_items))
                        .small()
                        .color(theme::MUTED),
                );
            }
        });
}

fn due_list(
    ui: &mut egui::Ui,
    today: NaiveDate,
    items: &[&DueItem],
    one_unit: bool,
    actions: &mut Vec<Action>,
) {
    let title = match (one_unit, items.first()) {
        (true, Some(first)) => wording::due_for_unit(&first.unit.name, items.len()),
        _ => wording::DUE_HEADING.to_owned(),
    };
    ui.label(RichText::new(title).strong());
    if items.is_empty() {
        ui.label(RichText::new(wording::NOTHING_DUE).color(theme::OK));
        return;
    }
    let height = (ui.available_height() - 280.0).max(160.0);
    // Narrow windows scroll sideways rather than lose 查看平台.
    egui::ScrollArea::horizontal()
        .id_salt("supervision_wide")
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("supervision_due")
                .striped(true)
                .max_scroll_height(height)
                .column(Column::exact(18.0))
                .column(Column::initial(150.0).at_least(120.0))
                .column(Column::remainder().at_least(160.0))
                .column(Column::exact(86.0))
                .column(Column::initial(170.0).at_least(120.0))
                .column(Column::initial(96.0).at_least(60.0))
                .column(Column::exact(80.0))
                .header(22.0, |mut h| {
                    for label in [
                        wording::COL_LIGHT,
                        wording::COL_WHAT,
                        wording::COL_WHOM,
                        wording::COL_SINCE,
                        wording::COL_DUE,
                        wording::COL_ARTICLE,
                        wording::COL_ACTION,
                    ] {
                        h.col(|ui| {
                            ui.strong(label);
                        });
                    }
                })
                .body(|body| {
                    body.rows(24.0, items.len(), |mut row| {
                        let item = items[row.index()];
                        row.col(|ui| lamp(ui, item.light()));
                        row.col(|ui| {
                            ui.add(egui::Label::new(words::due_label(item)).truncate())
                                .on_hover_text(words::due_hint(item.kind));
                        });
                        row.col(|ui| {
                            ui.add(egui::Label::new(words::due_whom(item)).truncate());
                        });
                        row.col(|ui| {
                            ui.label(item.since.map_or_else(|| "—".to_owned(), |d| d.to_string()));
                        });
                        row.col(|ui| {
                            let (text, colour) = match item.due_on {
                                Some(d) if item.urgency == Urgency::Overdue => (
                                    words::due_overdue(d, item.days_overdue(today)),
                                    theme::DANGER,
                                ),
                                Some(d) => (d.to_string(), ui.visuals().text_color()),
                                None => ("—".to_owned(), theme::MUTED),
                            };
                            ui.add(egui::Label::new(RichText::new(text).color(colour)).truncate());
                        });
                        row.col(|ui| {
                            ui.add(egui::Label::new(words::article(item.article)).truncate());
                        });
                        row.col(|ui| {
                            if let Some(p) = &item.platform
                                && ui
                                    .small_button(wording::OPEN_PLATFORM)
                                    .on_hover_text(wording::OPEN_PLATFORM_HINT)
                                    .clicked()
                            {
                                actions.push(Action::OpenHistory(p.id));
                            }
                        });
                    });
                });
        });
}

/// Updates per month of the chosen unit (or all), as bars.
fn chart(ui: &mut egui::Ui, data: &Dashboard, unit: Option<i64>) {
    ui.label(RichText::new(wording::CHART_HEADING).strong());
    ui.label(
        RichText::new(wording::CHART_HINT)
            .small()
            .color(theme::MUTED),
    );
    let bars: Vec<Bar> = monthly_totals(data, unit)
        .into_iter()
        .enumerate()
        .map(|(i, n)| Bar::new(i as f64, n as f64).width(0.7))
        .collect();
    let unit_name = unit.and_then(|u| {
        data.units
            .iter()
            .find(|s| s.unit.id == u)
            .map(|s| s.unit.name.clone())
    });
    let months = data.months.clone();
    Plot::new("supervision_chart")
        .height(180.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .show_x(false)
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            months
                .get(i as usize)
                .map(|m| wording::month_tick(m))
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(wording::chart_series(unit_name.as_deref()), bars)
                    .color(theme::ACCENT),
            );
        });
}

/// The chosen unit's (or every unit's) updates in each of the dashboard's months.
pub fn monthly_totals(data: &Dashboard, unit: Option<i64>) -> Vec<i64> {
    data.months
        .iter()
        .map(|m| {
            data.monthly
                .iter()
                .filter(|c| &c.month == m && unit.is_none_or(|u| c.unit_id == u))
                .map(|c| c.count)
                .sum()
        })
        .collect()
}
