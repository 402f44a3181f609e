//! The keyboard in the workspace: what Ctrl+S, Ctrl+N, Ctrl+F, Esc and F1 do on the page and
//! dialog in front (see `keys`), the 帮助 › 快捷键 window, and asking before 切换用户 drops a
//! post's unsaved typing.

use eframe::egui::{self, RichText};

use super::action::{Action, Page};
use super::app::Workspace;
use super::keys::{self, Shortcuts};
use super::{posts_view, registry_view, theme};
use crate::text::ui_keys as wording;

impl Workspace {
    /// Carries out the frame's shortcuts on what is in front: a dialog first, then the page.
    pub(super) fn keyboard(
        &mut self,
        ctx: &egui::Context,
        keys: Shortcuts,
        actions: &mut Vec<Action>,
    ) {
        if keys.help {
            self.help = !self.help;
        }
        if self.welcome.is_some() || self.gate.is_some() {
            return;
        }
        if keys.escape {
            self.escape(actions);
        }
        if keys.save {
            self.save(actions);
        }
        if keys.new {
            match self.page {
                Page::Registry if self.dialog.is_none() => actions.push(Action::NewPlatform),
                Page::Posts if self.post_view.is_none() && self.posts.can_write() => {
                    actions.push(Action::NewPost);
                }
                _ => {}
            }
        }
        if keys.find {
            match self.page {
                Page::Registry => keys::focus(ctx, registry_view::search_id()),
                Page::Posts if self.post_view.is_none() => {
                    keys::focus(ctx, posts_view::search_id())
                }
                _ => {}
            }
        }
    }

    /// Esc: the top window closes (asking first where there is typing).
    fn escape(&mut self, actions: &mut Vec<Action>) {
        if self.confirm_switch {
            self.confirm_switch = false;
        } else if self.help {
            self.help = false;
        } else if let Some(dialog) = &mut self.dialog {
            dialog.request_close(actions);
        } else if self.import.is_some() {
            self.import = None;
        } else if self.history.is_some() {
            self.history = None;
        } else if self.page == Page::Filings && self.filings.close_window() {
        } else if self.page == Page::Posts
            && let Some(view) = &mut self.post_view
        {
            view.leave(actions);
        }
    }

    /// Ctrl+S: the platform dialog, the post being written, or the settings.
    fn save(&mut self, actions: &mut Vec<Action>) {
        if let Some(dialog) = &mut self.dialog {
            dialog.save(actions);
            return;
        }
        match self.page {
            Page::Posts if self.post_view.as_ref().is_some_and(|v| v.is_form()) => {
                actions.push(Action::SavePost);
            }
            Page::Settings if self.store.session().is_some_and(|s| s.is_system_admin) => {
                if let Err(e) = self.settings.save(&self.store, actions) {
                    self.show_error(e.to_string());
                }
            }
            _ => {}
        }
    }

    /// 切换用户: at once, unless a post or the platform dialog has unsaved changes (then
    /// asked first).
    pub(super) fn switch_user(&mut self, actions: &mut Vec<Action>) {
        if self
            .post_view
            .as_ref()
            .is_some_and(|v| v.is_form() && v.dirty())
        {
            self.confirm_switch = true;
        } else {
            actions.push(Action::SwitchUser);
        }
    }

    /// The windows of this file: 快捷键 and the question before switching.
    pub(super) fn keyboard_windows(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if self.help {
            let mut open = true;
            egui::Window::new(wording::SHORTCUTS_TITLE)
                .open(&mut open)
                .collapsible(false)
                .resizable(false)
                .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
                .show(ctx, |ui| {
                    egui::Grid::new("shortcuts")
                        .striped(true)
                        .spacing([24.0, 6.0])
                        .show(ui, |ui| {
                            for c in wording::COLUMNS {
                                ui.strong(c);
                            }
                            ui.end_row();
                            for (key, what) in wording::SHORTCUTS {
                                ui.label(RichText::new(key).monospace());
                                ui.label(what);
                                ui.end_row();
                            }
                        });
                    ui.label(RichText::new(wording::MAC_NOTE).color(theme::MUTED).small());
                    if ui.button(wording::CLOSE).clicked() {
                        self.help = false;
                    }
                });
            if !open {
                self.help = false;
            }
        }
        if self.confirm_switch {
            egui::Modal::new(egui::Id::unique("confirm_switch_user")).show(ctx, |ui| {
                ui.set_max_width(420.0);
                ui.heading(wording::SWITCH_TITLE);
                ui.label(wording::SWITCH_UNSAVED);
                ui.horizontal(|ui| {
                    if ui.button(wording::KEEP_EDITING).clicked() {
                        self.confirm_switch = false;
                    }
                    if ui
                        .button(RichText::new(wording::SWITCH_ANYWAY).color(theme::DANGER))
                        .clicked()
                    {
                        self.confirm_switch = false;
                        actions.push(Action::SwitchUser);
                    }
                });
            });
        }
    }
}
