//! 待办: the first page after signing in — what the signed-in person has to do and by when,
//! most urgent first (`domain::todo` decides, `Store::todo` reads). Each row opens the place
//! to act: the post's page, the 备案 page, the platform's history, or the 督查 page.

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::action::{Action, Page};
use super::theme;
use crate::domain::filing::FilingKind;
use crate::domain::supervision::{DueKind, Urgency};
use crate::domain::todo::{TodoItem, TodoKind, TodoTarget};
use crate::store::Store;
use crate::text::{ui_common, ui_todo as wording};

#[derive(Default)]
pub struct TodoView {
    items: Vec<TodoItem>,
    today: Option<NaiveDate>,
    error: Option<String>,
}

impl TodoView {
    /// Re-reads the signed-in person's list as of `today`.
    pub fn reload(&mut self, store: &Store, today: NaiveDate) {
        self.today = Some(today);
        match store.todo(today, crate::ops::supervision::moment_of(today)) {
            Ok(items) => {
                self.items = items;
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// The items listed, most urgent first (tests read them).
    pub fn items(&self) -> &[TodoItem] {
        &self.items
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            ui.heading(ui_common::counted(wording::HEADING, self.items.len()));
            ui.add_space(12.0);
            if ui.button(wording::REFRESH).clicked() {
                actions.push(Action::Navigate(Page::Todo));
            }
        });
        ui.label(RichText::new(wording::HINT).color(theme::MUTED).small());
        if let Some(error) = &self.error {
            ui.label(RichText::new(error).color(theme::DANGER));
        }
        ui.add_space(6.0);
        if self.items.is_empty() {
            ui.label(RichText::new(wording::NOTHING_TO_DO).color(theme::OK));
            return;
        }
        let today = self.today.unwrap_or_else(crate::today);
        egui::ScrollArea::vertical()
            .id_salt("todo_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (i, item) in self.items.iter().enumerate() {
                    ui.push_id(i, |ui| row_ui(ui, item, today, actions));
                }
            });
    }
}

/// One item: when, what, about what (and the 退回 comment); a click anywhere opens it.
fn row_ui(ui: &mut egui::Ui, item: &TodoItem, today: NaiveDate, actions: &mut Vec<Action>) {
    let frame = egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let mut clicked = false;
        ui.horizontal_wrapped(|ui| {
            let colour = match item.urgency {
                Urgency::Overdue => theme::DANGER,
                Urgency::DueToday => theme::WARN,
                Urgency::Upcoming => ui.visuals().text_color(),
                Urgency::Undated => theme::MUTED,
            };
            ui.label(RichText::new(wording::due_text(item, today)).color(colour));
            ui.label(RichText::new(wording::item_label(item)).strong());
            clicked |= ui
                .add(
                    egui::Label::new(RichText::new(wording::about(item)).color(theme::ACCENT))
                        .sense(egui::Sense::click()),
                )
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .clicked();
        });
        if let Some(note) = &item.comment {
            ui.add(
                egui::Label::new(RichText::new(wording::return_banner(note)).color(theme::DANGER))
                    .wrap(),
            );
        }
        clicked
    });
    let row = frame
        .response
        .interact(egui::Sense::click())
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    if frame.inner || row.clicked() {
        actions.push(action_of(item));
    }
    ui.add_space(2.0);
}

/// Where an item is acted on.
fn action_of(item: &TodoItem) -> Action {
    match item.target {
        TodoTarget::Post(id) => Action::OpenPost(id),
        TodoTarget::Platform(id) => Action::OpenHistory(id),
        TodoTarget::Filings => Action::OpenFilings {
            platform: item.platform.as_ref().map(|p| p.id),
            annual: matches!(
                item.kind,
                TodoKind::Due(DueKind::AnnualReview)
                    | TodoKind::SendForm(FilingKind::Annual)
                    | TodoKind::ArchiveForm(FilingKind::Annual)
            ),
        },
        TodoTarget::Supervision => Action::Navigate(Page::Supervision),
    }
}
