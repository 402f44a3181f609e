//! 信息发布: the 待我处理 queues of the signed-in user and the list of all posts, filtered by
//! platform, state and date. A row opens the post's page.

use std::collections::HashMap;

use chrono::NaiveDate;
use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

use super::app::Action;
use super::theme;
use crate::domain::post::Queue;
use crate::domain::todo::ReturnNote;
use crate::domain::unit::Role;
use crate::domain::workflow::PostState;
use crate::store::{PostFilter, PostRow, Store, StoreError};
use crate::text::{self, ui_common, ui_posts as wording, ui_todo};

/// Which list is shown: one of the user's queues, or every post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    Queue(Queue),
    All,
}

pub struct PostsView {
    pub listing: Listing,
    pub rows: Vec<PostRow>,
    /// The last 退回 of each returned post listed, shown on its row (第七条三).
    pub returns: HashMap<i64, ReturnNote>,
    pub counts: Vec<(Queue, usize)>,
    state: Option<PostState>,
    platform: Option<i64>,
    from: String,
    until: String,
    title: String,
    platforms: Vec<(i64, String)>,
    can_write: bool,
    error: Option<String>,
}

impl Default for PostsView {
    fn default() -> Self {
        Self {
            listing: Listing::All,
            rows: Vec::new(),
            returns: HashMap::new(),
            counts: Vec::new(),
            state: None,
            platform: None,
            from: String::new(),
            until: String::new(),
            title: String::new(),
            platforms: Vec::new(),
            can_write: false,
            error: None,
        }
    }
}

fn parse_day(text: &str) -> Result<Option<NaiveDate>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| wording::invalid_day(t))
}

impl PostsView {
    /// Re-reads the counts and the current list. A signed-in person starts on their first
    /// queue with something in it.
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.counts = store.queue_counts()?;
        let session = store.session();
        self.can_write = session.is_some_and(|s| s.roles.contains(&Role::InfoOfficer));
        let unit = session.and_then(|s| s.unit_id);
        self.platforms = store
            .registry_rows(|_, _| crate::domain::registry::FilingClock::NotRunning)?
            .into_iter()
            .filter(|r| unit.is_none_or(|u| r.unit_id == u))
            .map(|r| (r.id, format!("{} · {}", r.kind_name, r.name)))
            .collect();
        self.refresh(store)
    }

    /// Chooses the first queue with work in it (on sign-in).
    pub fn start_on_queue(&mut self) {
        self.listing = self
            .counts
            .iter()
            .find(|(_, n)| *n > 0)
            .or(self.counts.first())
            .map_or(Listing::All, |(q, _)| Listing::Queue(*q));
    }

    pub fn refresh(&mut self, store: &Store) -> Result<(), StoreError> {
        self.error = None;
        self.rows = match self.listing {
            Listing::Queue(q) => store.queue(q)?,
            Listing::All => {
                let (from, until) = match (parse_day(&self.from), parse_day(&self.until)) {
                    (Ok(f), Ok(u)) => (f, u),
                    (Err(e), _) | (_, Err(e)) => {
                        self.error = Some(e);
                        return Ok(());
                    }
                };
                store.posts(&PostFilter {
                    state: self.state,
                    platform_id: self.platform,
                    unit_id: store.session().and_then(|s| s.unit_id),
                    from,
                    until,
                    title_contains: self.title.clone(),
                    limit: 0,
                })?
            }
        };
        self.returns.clear();
        for row in self.rows.iter().filter(|r| r.state == PostState::Returned) {
            if let Some(note) = store.return_note(row.id)? {
                self.returns.insert(row.id, note);
            }
        }
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, store: &Store, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            ui.heading(match self.listing {
                Listing::Queue(q) => q.label(),
                Listing::All => text::ALL_POSTS,
            });
            ui.add_space(16.0);
            if self.can_write && ui.button(text::NEW_POST).clicked() {
                actions.push(Action::NewPost);
            }
        });
        ui.add_space(4.0);
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            for (queue, n) in self.counts.clone() {
                let selected = self.listing == Listing::Queue(queue);
                if ui
                    .selectable_label(selected, ui_common::counted(queue.label(), n))
                    .clicked()
                {
                    self.listing = Listing::Queue(queue);
                    changed = true;
                }
            }
            if ui
                .selectable_label(self.listing == Listing::All, text::ALL_POSTS)
                .clicked()
            {
                self.listing = Listing::All;
                changed = true;
            }
        });
        if self.listing == Listing::All {
            changed |= self.filters_ui(ui);
        }
        if changed && let Err(e) = self.refresh(store) {
            self.error = Some(e.to_string());
        }
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(theme::DANGER));
        }
        ui.label(
            RichText::new(wording::total(self.rows.len()))
                .color(theme::MUTED)
                .small(),
        );
        if self.rows.is_empty() {
            ui.add_space(20.0);
            ui.label(RichText::new(text::NO_POSTS).color(theme::MUTED));
            return;
        }
        self.table_ui(ui, actions);
    }

    fn filters_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let mut changed = false;
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(ui_common::STATUS_LABEL);
            egui::ComboBox::from_id_salt("post_state")
                .selected_text(self.state.map_or(text::ALL_STATUSES, PostState::label))
                .show_ui(ui, |ui| {
                    changed |= ui
                        .selectable_value(&mut self.state, None, text::ALL_STATUSES)
                        .changed();
                    for s in PostState::ALL {
                        changed |= ui
                            .selectable_value(&mut self.state, Some(s), s.label())
                            .changed();
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label(ui_common::PLATFORM_LABEL);
            let current = self
                .platform
                .and_then(|id| self.platforms.iter().find(|(p, _)| *p == id))
                .map_or(wording::ALL_PLATFORMS.to_owned(), |(_, n)| n.clone());
            egui::ComboBox::from_id_salt("post_platform")
                .selected_text(current)
                .width(220.0)
                .show_ui(ui, |ui| {
                    changed |= ui
                        .selectable_value(&mut self.platform, None, wording::ALL_PLATFORMS)
                        .changed();
                    for (id, name) in &self.platforms {
                        changed |= ui
                            .selectable_value(&mut self.platform, Some(*id), name)
                            .changed();
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label(wording::FROM_LABEL);
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut self.from)
                        .hint_text("2026-11-01")
                        .desired_width(90.0),
                )
                .labelled_by(l.id)
                .lost_focus();
            changed |=
                super::date_picker::button(ui, &mut self.from, super::date_picker::Precision::Date)
                    .changed();
            let l = ui.label(wording::UNTIL_LABEL);
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut self.until)
                        .hint_text("2026-11-30")
                        .desired_width(90.0),
                )
                .labelled_by(l.id)
                .lost_focus();
            changed |= super::date_picker::button(
                ui,
                &mut self.until,
                super::date_picker::Precision::Date,
            )
            .changed();
            let l = ui.label(wording::TITLE_CONTAINS_LABEL);
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut self.title)
                        .id(search_id())
                        .desired_width(140.0),
                )
                .labelled_by(l.id)
                .changed();
        });
        changed
    }

    fn table_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        TableBuilder::new(ui)
            .striped(true)
            .sense(egui::Sense::click())
            .column(Column::exact(44.0))
            .column(Column::exact(60.0))
            .column(Column::exact(48.0))
            .column(Column::remainder().at_least(240.0).clip(true))
            .column(Column::exact(170.0).clip(true))
            .column(Column::exact(70.0))
            .column(Column::exact(120.0))
            .header(24.0, |mut h| {
                for title in wording::COLUMNS {
                    h.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(26.0, self.rows.len(), |mut row| {
                    let r = &self.rows[row.index()];
                    row.col(|ui| {
                        ui.add(egui::Label::new(r.id.to_string()).selectable(false));
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(
                                RichText::new(r.state.label()).color(state_colour(r.state)),
                            )
                            .selectable(false),
                        );
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(r.category.label()).selectable(false));
                    });
                    row.col(|ui| match self.returns.get(&r.id) {
                        Some(note) => {
                            title_with_return(ui, &r.title, note);
                        }
                        None => {
                            ui.add(egui::Label::new(&r.title).selectable(false).truncate());
                        }
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(format!("{} {}", r.platform_kind, r.platform_name))
                                .selectable(false)
                                .truncate(),
                        );
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&r.author_name).selectable(false));
                    });
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(r.updated_at.format("%m-%d %H:%M").to_string())
                                .selectable(false),
                        );
                    });
                    if row.response().clicked() {
                        actions.push(Action::OpenPost(r.id));
                    }
                });
            });
    }
}

/// A returned post's title with the reviewer's comment after it (the title keeps its own
/// label, so it is found and read as before), the whole comment on hover.
fn title_with_return(ui: &mut egui::Ui, title: &str, note: &ReturnNote) {
    ui.horizontal(|ui| {
        let width = ui.available_width();
        ui.scope(|ui| {
            ui.set_max_width(width * 0.6);
            ui.add(egui::Label::new(title).selectable(false).truncate());
        });
        ui.add(
            egui::Label::new(RichText::new(ui_todo::return_line(note)).color(theme::DANGER))
                .selectable(false)
                .truncate(),
        )
        .on_hover_text(ui_todo::return_banner(note));
    });
}

pub fn state_colour(state: PostState) -> egui::Color32 {
    match state {
        PostState::Published => theme::OK,
        PostState::Returned => theme::DANGER,
        PostState::Submitted | PostState::Approved => theme::ACCENT,
        PostState::Draft | PostState::Withdrawn => theme::MUTED,
    }
}

/// The title search, which Ctrl+F focuses.
pub(super) fn search_id() -> egui::Id {
    egui::Id::unique("posts_title_search")
}

impl PostsView {
    /// Whether the signed-in person may start a post (新建信息, Ctrl+N).
    pub(super) fn can_write(&self) -> bool {
        self.can_write
    }
}
