//! 节假日安排 in the settings: which years the working-day calendar knows, importing a
//! year's schedule from a file, and editing or adding a year in the window. A refused file
//! names its line and reason; the calendar in use stays as it was.

use eframe::egui::{self, RichText};

use super::app::Action;
use super::theme;
use crate::domain::calendar::{NamedDates, YearSchedule};
use crate::store::{Store, StoreError};

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
        ui.label(RichText::new("节假日安排（工作日日历）").strong());
        let listed = match (self.years.first(), self.years.last()) {
            (Some(a), Some(b)) => format!(
                "已有 {a}–{b} 年的国务院节假日安排（含调休上班日）：{}",
                self.years
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            _ => "还没有任何年份的节假日安排。".to_owned(),
        };
        ui.label(listed);
        ui.label(
            RichText::new("新一年的安排公布后，请导入或新增该年，否则该年的备案期限无法计算。支持本程序格式和 holiday-cn 格式的 JSON 文件。")
                .color(theme::MUTED)
                .small(),
        );
        if let Some(e) = self.error.as_ref().filter(|_| self.editor.is_none()) {
            ui.label(RichText::new(e).color(theme::DANGER));
        }
        ui.horizontal(|ui| {
            if ui.button("导入节假日文件…").clicked()
                && let Some(path) = rfd::FileDialog::new()
                    .add_filter("JSON", &["json"])
                    .pick_file()
            {
                actions.push(Action::ImportCalendarFile(path));
            }
            let next = self.years.last().map_or(2027, |y| y + 1);
            if ui.button(format!("新增 {next} 年…")).clicked() {
                self.editor = Some((next, template(next)));
            }
            if let Some(&last) = self.years.last()
                && ui.button(format!("编辑 {last} 年…")).clicked()
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
                let years: Vec<String> = years.iter().map(i32::to_string).collect();
                Some(format!("已导入 {} 年的节假日安排", years.join("、")))
            }
            Err(e) => {
                self.error = Some(format!("{e}（原有日历未改动）"));
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
        egui::Window::new(format!("{year} 年节假日安排"))
            .open(&mut open)
            .collapsible(false)
            .default_width(560.0)
            .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
            .show(ctx, |ui| {
                ui.label(
                    RichText::new("按国务院办公厅通知填写：holidays 为放假日期，makeup_workdays 为调休上班的周末日期，日期写作 YYYY-MM-DD。")
                        .color(theme::MUTED)
                        .small(),
                );
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    let l = ui.label("内容：");
                    ui.add(egui::TextEdit::multiline(text).code_editor().desired_rows(18).desired_width(f32::INFINITY))
                        .labelled_by(l.id);
                });
                if let Some(e) = &self.error {
                    ui.label(RichText::new(e).color(theme::DANGER));
                }
                if ui.button("保存").clicked() {
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
    let festivals = [
        "元旦",
        "春节",
        "清明节",
        "劳动节",
        "端午节",
        "中秋节",
        "国庆节",
    ];
    let schedule = YearSchedule {
        year,
        sources: vec![format!("国务院办公厅关于{year}年部分节假日安排的通知")],
        holidays: festivals
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
