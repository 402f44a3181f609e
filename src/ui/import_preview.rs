//! The 导入 dialog's preview table: every checked row with its row number, its result and the
//! platform it becomes or its problems. Worded once per preview (not every frame) and drawn
//! virtualised (only the rows in view are laid out), so 10,000 rows scroll smoothly; with
//! problems it first shows only the rows that have them.

use std::collections::HashMap;

use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

use super::theme;
use crate::exchange::{ImportPreview, RowOutcome};
use crate::text::ui_exchange as wording;

/// One preview row as drawn.
struct Line {
    row: String,
    result: Outcome,
    detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ready,
    Invalid,
    Skipped,
}

#[derive(Default)]
pub struct PreviewTable {
    lines: Vec<Line>,
    /// Indices into `lines` currently drawn.
    shown: Vec<usize>,
    only_problems: bool,
}

impl PreviewTable {
    /// The table of `preview`; `units` names each ready row's unit.
    pub fn new(preview: &ImportPreview, units: &HashMap<i64, String>) -> Self {
        let lines = preview
            .rows
            .iter()
            .map(|r| {
                let (result, detail) = match &r.outcome {
                    RowOutcome::Ready(d) => (
                        Outcome::Ready,
                        wording::ready_detail(
                            units.get(&d.unit_id).map_or("", String::as_str),
                            &d.name,
                            &d.account,
                        ),
                    ),
                    RowOutcome::Invalid(errors) => (
                        Outcome::Invalid,
                        errors
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(wording::PROBLEM_SEPARATOR),
                    ),
                    RowOutcome::Skipped => (Outcome::Skipped, wording::SKIPPED_DETAIL.to_owned()),
                };
                Line {
                    row: wording::row_number(r.row),
                    result,
                    detail,
                }
            })
            .collect();
        let mut table = Self {
            lines,
            shown: Vec::new(),
            only_problems: preview.invalid_count() > 0,
        };
        table.refilter();
        table
    }

    fn refilter(&mut self) {
        self.shown = (0..self.lines.len())
            .filter(|&i| !self.only_problems || self.lines[i].result == Outcome::Invalid)
            .collect();
    }

    /// 只看有问题的行.
    pub fn filter_ui(&mut self, ui: &mut egui::Ui) {
        if ui
            .checkbox(&mut self.only_problems, wording::ONLY_PROBLEMS)
            .changed()
        {
            self.refilter();
        }
    }

    pub fn table_ui(&self, ui: &mut egui::Ui) {
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        ui.style_mut().interaction.selectable_labels = false;
        TableBuilder::new(ui)
            .id_salt("import_preview")
            .striped(true)
            .max_scroll_height(360.0)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(80.0))
            .column(Column::exact(60.0))
            .column(Column::remainder().clip(true))
            .header(row_height, |mut header| {
                for title in [
                    wording::ROW_HEADER,
                    wording::RESULT_HEADER,
                    wording::DETAIL_HEADER,
                ] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, self.shown.len(), |mut row| {
                    let line = &self.lines[self.shown[row.index()]];
                    row.col(|ui| {
                        ui.label(&line.row);
                    });
                    row.col(|ui| {
                        let (text, color) = match line.result {
                            Outcome::Ready => (wording::ROW_READY, theme::OK),
                            Outcome::Invalid => (wording::ROW_INVALID, theme::DANGER),
                            Outcome::Skipped => (wording::ROW_SKIPPED, theme::MUTED),
                        };
                        ui.label(RichText::new(text).color(color));
                    });
                    row.col(|ui| {
                        ui.label(&line.detail).on_hover_text(&line.detail);
                    });
                });
            });
    }
}
