//! 审计记录: the audit chain as a timeline, newest first, filtered by object and person, and a
//! button that verifies the whole chain (第八条一: who did what must be provable).

use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

use super::theme;
use crate::domain::audit::AuditEntry;
use crate::store::{AuditFilter, Store, StoreError};
use crate::text::{self, ui_audit as wording};

/// Entries loaded per page of the timeline.
const PAGE: usize = 500;

#[derive(Default)]
pub struct AuditView {
    object: String,
    actor: String,
    entries: Vec<AuditEntry>,
    /// The result of the last verification, in words, and whether it held.
    verdict: Option<(String, bool)>,
    error: Option<String>,
}

impl AuditView {
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.entries = store.audit_entries(&self.filter(None))?;
        Ok(())
    }

    fn filter(&self, before_seq: Option<u64>) -> AuditFilter {
        AuditFilter {
            object_prefix: Some(self.object.trim().to_owned()).filter(|o| !o.is_empty()),
            actor_contains: Some(self.actor.trim().to_owned()).filter(|a| !a.is_empty()),
            before_seq,
            limit: PAGE,
            ..Default::default()
        }
    }

    pub fn entries(&self) -> &[AuditEntry] {
        &self.entries
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, store: &Store) {
        ui.heading(text::NAV_AUDIT);
        ui.label(RichText::new(wording::INTRO).color(theme::MUTED));
        let mut changed = false;
        ui.horizontal(|ui| {
            let l = ui.label(wording::OBJECT_LABEL);
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut self.object)
                        .hint_text(wording::OBJECT_HINT)
                        .desired_width(160.0),
                )
                .labelled_by(l.id)
                .changed();
            let l = ui.label(wording::ACTOR_LABEL);
            changed |= ui
                .add(egui::TextEdit::singleline(&mut self.actor).desired_width(120.0))
                .labelled_by(l.id)
                .changed();
            if ui.button(wording::VERIFY).clicked() {
                self.verdict = Some(match store.verify_audit() {
                    Ok(check) => match check.problem {
                        None => (
                            wording::chain_intact(check.verified, check.head.as_deref()),
                            true,
                        ),
                        Some(problem) => (problem, false),
                    },
                    Err(e) => (e.to_string(), false),
                });
            }
        });
        if let Some((text, ok)) = &self.verdict {
            let colour = if *ok { theme::OK } else { theme::DANGER };
            ui.label(RichText::new(text).color(colour));
        }
        if changed && let Err(e) = self.reload(store) {
            self.error = Some(e.to_string());
        }
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(theme::DANGER));
        }
        let more = self.entries.len() >= PAGE;
        let available = ui.available_height() - if more { 36.0 } else { 0.0 };
        TableBuilder::new(ui)
            .striped(true)
            .max_scroll_height(available.max(100.0))
            .column(Column::exact(60.0))
            .column(Column::exact(150.0))
            .column(Column::exact(180.0).clip(true))
            .column(Column::exact(110.0))
            .column(Column::exact(90.0))
            .column(Column::remainder().clip(true))
            .header(24.0, |mut h| {
                for t in wording::COLUMNS {
                    h.col(|ui| {
                        ui.strong(t);
                    });
                }
            })
            .body(|body| {
                body.rows(24.0, self.entries.len(), |mut row| {
                    let e = &self.entries[row.index()];
                    let state = if e.from.is_empty() && e.to.is_empty() || e.from == e.to {
                        String::new()
                    } else if e.from.is_empty() {
                        wording::state_entered(state_word(&e.to))
                    } else {
                        wording::state_changed(state_word(&e.from), state_word(&e.to))
                    };
                    let cells = [
                        e.seq.to_string(),
                        e.at.format("%Y-%m-%d %H:%M").to_string(),
                        e.actor.clone(),
                        text::audit_action_label(&e.action).to_owned(),
                        e.object.clone(),
                        format!("{state}{}", e.comment),
                    ];
                    for cell in cells {
                        row.col(|ui| {
                            ui.add(egui::Label::new(cell).selectable(false).truncate());
                        });
                    }
                });
            });
        if more && ui.button(wording::LOAD_OLDER).clicked() {
            let before = self.entries.last().map(|e| e.seq);
            match store.audit_entries(&self.filter(before)) {
                Ok(older) => self.entries.extend(older),
                Err(e) => self.error = Some(e.to_string()),
            }
        }
    }
}

/// A post state's code in words (草稿, 待审核 …); other codes as they are.
fn state_word(code: &str) -> &str {
    crate::domain::workflow::PostState::from_code(code).map_or(code, |s| s.label())
}
