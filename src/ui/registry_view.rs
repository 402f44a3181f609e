//! 平台台账: the registry table with search, filters, sorting and a row count. Rows come
//! from a cached, already-filtered list; only the visible rows are laid out each frame.

use eframe::egui::{self, RichText};
use egui_extras::{Column as TableColumn, TableBuilder};

use super::app::Action;
use super::theme;
use crate::domain::platform::PlatformKind;
use crate::domain::registry::{
    Column, FilingClock, RegistryQuery, RegistryRow, Sort, StatusView, filter_rows, sort_rows,
};
use crate::domain::unit::Unit;
use crate::text::{self, ui_common, ui_exchange, ui_platform as wording};

#[derive(Default)]
pub struct RegistryView {
    rows: Vec<RegistryRow>,
    sorted: Vec<usize>,
    visible: Vec<usize>,
    pub query: RegistryQuery,
    sort: Sort,
    units: Vec<Unit>,
    kinds: Vec<PlatformKind>,
    /// For the silence hint in the 最近更新 column.
    pub today: Option<chrono::NaiveDate>,
}

impl RegistryView {
    pub fn set_rows(&mut self, rows: Vec<RegistryRow>, units: Vec<Unit>, kinds: Vec<PlatformKind>) {
        self.rows = rows;
        self.units = units;
        self.kinds = kinds;
        if self
            .query
            .unit_id
            .is_some_and(|u| !self.units.iter().any(|x| x.id == u))
        {
            self.query.unit_id = None;
        }
        self.resort();
    }

    fn resort(&mut self) {
        self.sorted = sort_rows(&self.rows, self.sort);
        self.refilter();
    }

    fn refilter(&mut self) {
        self.visible = filter_rows(&self.rows, &self.sorted, &self.query);
    }

    /// The rows shown, in order (for tests and the row count).
    pub fn visible_rows(&self) -> impl Iterator<Item = &RegistryRow> {
        self.visible.iter().map(|&i| &self.rows[i])
    }

    /// Every row, in id order.
    pub fn rows(&self) -> &[RegistryRow] {
        &self.rows
    }

    pub fn total(&self) -> usize {
        self.rows.len()
    }

    pub fn set_query(&mut self, query: RegistryQuery) {
        if query != self.query {
            self.query = query;
            self.refilter();
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            ui.heading(text::NAV_REGISTRY);
            ui.add_space(16.0);
            if ui
                .add(egui::Button::new(
                    RichText::new(ui_common::plus(text::ADD_PLATFORM)).strong(),
                ))
                .clicked()
            {
                actions.push(Action::NewPlatform);
            }
            if ui
                .button(ui_exchange::EXPORT_XLSX)
                .on_hover_text(ui_exchange::EXPORT_HINT)
                .clicked()
            {
                actions.push(Action::ExportRegistry);
            }
            if ui
                .button(ui_exchange::IMPORT)
                .on_hover_text(ui_exchange::IMPORT_HINT)
                .clicked()
            {
                actions.push(Action::OpenImport);
            }
        });
        ui.add_space(6.0);
        let mut query = self.query.clone();
        self.filters_ui(ui, &mut query);
        self.set_query(query);
        ui.add_space(4.0);
        ui.label(
            RichText::new(text::row_count(self.rows.len(), self.visible.len())).color(theme::MUTED),
        );
        ui.separator();
        if self.visible.is_empty() {
            ui.add_space(20.0);
            ui.label(text::NO_MATCH);
            return;
        }
        // Narrow windows (1024 px) scroll sideways rather than lose the last columns.
        egui::ScrollArea::horizontal()
            .id_salt("registry_wide")
            .show(ui, |ui| self.table_ui(ui, actions));
    }

    fn filters_ui(&self, ui: &mut egui::Ui, query: &mut RegistryQuery) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(ui_common::label(text::SEARCH));
            ui.add(
                egui::TextEdit::singleline(&mut query.search)
                    .id(search_id())
                    .hint_text(text::SEARCH_HINT)
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            let unit_name = query
                .unit_id
                .and_then(|id| self.units.iter().find(|u| u.id == id))
                .map_or(text::ALL_UNITS, |u| u.name.as_str());
            let label = ui.label(ui_common::UNIT_LABEL);
            egui::ComboBox::from_id_salt("unit_filter")
                .selected_text(unit_name)
                .width(170.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut query.unit_id, None, text::ALL_UNITS);
                    for u in &self.units {
                        ui.selectable_value(&mut query.unit_id, Some(u.id), &u.name);
                    }
                })
                .response
                .labelled_by(label.id);
            let kind_name = query
                .kind_id
                .and_then(|id| self.kinds.iter().find(|k| k.id == id))
                .map_or(text::ALL_KINDS, |k| k.name.as_str());
            let label = ui.label(ui_common::PLATFORM_LABEL);
            egui::ComboBox::from_id_salt("kind_filter")
                .selected_text(kind_name)
                .width(130.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut query.kind_id, None, text::ALL_KINDS);
                    for k in &self.kinds {
                        ui.selectable_value(&mut query.kind_id, Some(k.id), &k.name);
                    }
                })
                .response
                .labelled_by(label.id);
            let label = ui.label(ui_common::STATUS_LABEL);
            egui::ComboBox::from_id_salt("status_filter")
                .selected_text(query.status.map_or(text::ALL_STATUSES, StatusView::label))
                .width(120.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut query.status, None, text::ALL_STATUSES);
                    for s in StatusView::ALL {
                        ui.selectable_value(&mut query.status, Some(s), s.label());
                    }
                })
                .response
                .labelled_by(label.id);
            if *query != RegistryQuery::default() && ui.button(text::CLEAR_FILTERS).clicked() {
                *query = RegistryQuery::default();
            }
        });
    }

    fn table_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let today = self.today;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
        let mut new_sort = None;
        // One width per `Column::ALL`, so a new column cannot be forgotten here.
        let widths: [f32; Column::ALL.len()] = [
            118.0, 80.0, 140.0, 150.0, 40.0, 60.0, 88.0, 84.0, 120.0, 72.0, 88.0,
        ];
        // Cells are read, not selected: a click anywhere on a row opens the platform.
        ui.style_mut().interaction.selectable_labels = false;
        let mut table = TableBuilder::new(ui)
            .id_salt("registry")
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        for (i, w) in widths.iter().enumerate() {
            let col = if i + 1 == widths.len() {
                TableColumn::remainder().at_least(*w)
            } else {
                TableColumn::initial(*w)
                    .at_least(40.0)
                    .clip(true)
                    .resizable(true)
            };
            table = table.column(col);
        }
        table
            .header(row_height + 2.0, |mut header| {
                for column in Column::ALL {
                    header.col(|ui| {
                        let arrow = match (self.sort.column == column, self.sort.ascending) {
                            (true, true) => " ▲",
                            (true, false) => " ▼",
                            _ => "",
                        };
                        let label = RichText::new(format!("{}{arrow}", column.label())).strong();
                        if ui
                            .add(egui::Button::new(label).frame(false))
                            .on_hover_text(wording::SORT_HINT)
                            .clicked()
                        {
                            new_sort = Some(Sort {
                                column,
                                ascending: !(self.sort.column == column && self.sort.ascending),
                            });
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, self.visible.len(), |mut row| {
                    let r = &self.rows[self.visible[row.index()]];
                    row.col(|ui| {
                        ui.label(&r.unit_name);
                    });
                    row.col(|ui| {
                        ui.label(&r.kind_name);
                    });
                    row.col(|ui| {
                        ui.label(&r.name);
                    });
                    row.col(|ui| {
                        ui.label(RichText::new(&r.account).monospace());
                    });
                    row.col(|ui| {
                        ui.label(if r.verified {
                            wording::YES
                        } else {
                            wording::NO
                        });
                    });
                    row.col(|ui| {
                        ui.label(&r.responsible_person);
                    });
                    row.col(|ui| {
                        ui.label(r.created_on.to_string());
                    });
                    row.col(|ui| {
                        ui.label(RichText::new(r.status.label()).color(status_color(r.status)));
                    });
                    row.col(|ui| {
                        clock_ui(ui, &r.clock);
                    });
                    row.col(|ui| {
                        if let Some((kind, state)) = r.filing {
                            ui.label(state.label()).on_hover_text(kind.label());
                        }
                    });
                    row.col(|ui| last_post_ui(ui, r.last_post_on, today));
                    if row.response().double_clicked() || row.response().clicked() {
                        actions.push(Action::EditPlatform(r.id));
                    }
                });
            });
        if let Some(sort) = new_sort {
            self.sort = sort;
            self.resort();
        }
    }
}

/// The search field, which Ctrl+F focuses.
pub(super) fn search_id() -> egui::Id {
    egui::Id::unique("registry_search")
}

fn status_color(s: StatusView) -> egui::Color32 {
    match s {
        StatusView::Overdue => theme::DANGER,
        StatusView::Unfiled | StatusView::ChangePending => theme::WARN,
        StatusView::Filed => theme::OK,
        StatusView::Closed | StatusView::ShutDown => theme::MUTED,
    }
}

fn clock_ui(ui: &mut egui::Ui, clock: &FilingClock) {
    match clock {
        FilingClock::NotRunning => {}
        FilingClock::DaysLeft { deadline, days } => {
            let color = if *days <= 1 { theme::WARN } else { theme::OK };
            ui.label(RichText::new(text::days_left(*days)).color(color))
                .on_hover_text(wording::deadline_hint(*deadline));
        }
        FilingClock::Overdue {
            deadline,
            working_days,
            calendar_days,
        } => {
            ui.label(
                RichText::new(text::overdue(*working_days, *calendar_days))
                    .color(theme::DANGER)
                    .strong(),
            )
            .on_hover_text(wording::overdue_hint(*deadline));
        }
        FilingClock::Unknown { year } => {
            ui.label(RichText::new(text::unknown_year(*year)).color(theme::WARN))
                .on_hover_text(wording::unknown_year_hint(*year));
        }
    }
}

/// 第六条四: more than two months without an update leads to a rectification notice, so the
/// date turns amber after two months of silence.
fn last_post_ui(
    ui: &mut egui::Ui,
    last: Option<chrono::NaiveDate>,
    today: Option<chrono::NaiveDate>,
) {
    let Some(last) = last else {
        ui.label(RichText::new(wording::NEVER_UPDATED).color(theme::MUTED));
        return;
    };
    let silent = today
        .and_then(|t| t.checked_sub_months(chrono::Months::new(2)))
        .is_some_and(|limit| last < limit);
    if silent {
        ui.label(RichText::new(last.to_string()).color(theme::WARN))
            .on_hover_text(wording::SILENT_HINT);
    } else {
        ui.label(last.to_string());
    }
}
