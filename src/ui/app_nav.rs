//! The navigation column: the app's name, who is signed in with 切换用户 and 帮助, the pages
//! with the post queues' counts under 信息发布.

use eframe::egui;

use super::action::{Action, Page};
use super::app::Workspace;
use super::theme;
use crate::text::{self, ui_common, ui_window};

impl Workspace {
    pub(super) fn nav_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.add_space(10.0);
        ui.label(egui::RichText::new("MediaDesk").strong().size(18.0));
        ui.label(
            egui::RichText::new(ui_window::SUBTITLE)
                .color(theme::MUTED)
                .small(),
        );
        ui.add_space(8.0);
        if let Some(session) = self.store.session() {
            ui.label(egui::RichText::new(session.description()).small());
            ui.horizontal(|ui| {
                if ui.small_button(text::SWITCH_USER).clicked() {
                    self.switch_user(actions);
                }
                if ui
                    .small_button(text::ui_keys::HELP)
                    .on_hover_text(text::ui_keys::HELP_HINT)
                    .clicked()
                {
                    self.help = !self.help;
                }
            });
        }
        ui.add_space(10.0);
        let waiting: usize = self.posts.counts.iter().map(|(_, n)| n).sum();
        let posts_label = if waiting > 0 {
            ui_common::counted(text::NAV_POSTS, waiting)
        } else {
            text::NAV_POSTS.to_owned()
        };
        for (page, label) in [
            // No count here: the list is read when its page is shown, so a count would go
            // stale on the other pages (the page's heading has it).
            (Page::Todo, text::ui_todo::NAV_TODO.to_owned()),
            (
                Page::Supervision,
                text::ui_supervision::NAV_SUPERVISION.to_owned(),
            ),
            (Page::Registry, text::NAV_REGISTRY.to_owned()),
            (Page::Filings, text::NAV_FILINGS.to_owned()),
            (Page::Posts, posts_label),
            (Page::Units, text::NAV_UNITS.to_owned()),
            (Page::Audit, text::NAV_AUDIT.to_owned()),
            (Page::Users, text::NAV_USERS.to_owned()),
            (Page::Settings, text::NAV_SETTINGS.to_owned()),
        ] {
            let selected = self.page == page;
            let button =
                egui::Button::selectable(selected, label).min_size(egui::vec2(130.0, 32.0));
            if ui.add(button).clicked() && (!selected || page == Page::Posts) {
                actions.push(Action::Navigate(page));
            }
            if page == Page::Posts {
                for (queue, n) in &self.posts.counts {
                    let text =
                        egui::RichText::new(ui_window::queue_entry(queue.label(), *n)).small();
                    let text = if *n > 0 {
                        text.color(theme::ACCENT)
                    } else {
                        text.color(theme::MUTED)
                    };
                    if ui
                        .add(egui::Label::new(text).sense(egui::Sense::click()))
                        .clicked()
                    {
                        actions.push(Action::ShowQueue(*queue));
                    }
                }
            }
        }
    }
}
