//! 审计记录: the audit chain as a timeline, newest first, filtered by object and person, and a
//! button that verifies the whole chain (第八条一: who did what must be provable).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;

use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

use super::action::Action;
use super::theme;
use crate::domain::audit::AuditEntry;
use crate::domain::audit_trust::Anchor;
use crate::store::{AnchorCheck, AuditFilter, Store, StoreError, VerifyOptions};
use crate::text::{self, ui_audit as wording};

/// Entries loaded per page of the timeline.
const PAGE: usize = 500;

#[derive(Default)]
pub struct AuditView {
    object: String,
    actor: String,
    entries: Vec<AuditEntry>,
    /// What the entries are about, by name (those still existing), as shown.
    names: HashMap<String, String>,
    /// The result of the last verification, in words, and whether it held.
    verdict: Option<(String, bool)>,
    /// An anchor typed from a printed form, and what checking it found.
    anchor: String,
    /// A full check running on a connection of its own.
    running: Option<Running>,
    error: Option<String>,
}

/// A check on its own thread: how far it is, and its verdict when done.
struct Running {
    done: Arc<AtomicU64>,
    total: u64,
    verdict: mpsc::Receiver<(String, bool)>,
}

impl AuditView {
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.entries = store.audit_entries(&self.filter(None))?;
        self.names.clear();
        self.name_objects(store, 0)
    }

    /// Looks up the names of the entries from `from` on (one query for the page).
    fn name_objects(&mut self, store: &Store, from: usize) -> Result<(), StoreError> {
        let page = self.entries.get(from..).unwrap_or_default();
        let names = store.audit_object_names(page.iter().map(|e| e.object.as_str()))?;
        self.names.extend(
            names
                .into_iter()
                .map(|(object, name)| (object, wording::object_named(&name))),
        );
        Ok(())
    }

    /// How the page shows an entry's object: its name, or the raw text of a deleted one.
    pub fn object_shown<'a>(&'a self, object: &'a str) -> &'a str {
        self.names.get(object).map_or(object, String::as_str)
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

    pub fn ui(&mut self, ui: &mut egui::Ui, store: &Store, actions: &mut Vec<Action>) {
        let mut repair = false;
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
            let idle = self.running.is_none();
            if ui
                .add_enabled(idle, egui::Button::new(wording::VERIFY))
                .clicked()
            {
                self.start(ui.ctx(), store, None);
            }
            if let Some(head) = self
                .entries
                .first()
                .filter(|_| self.object.trim().is_empty())
                && ui.button(wording::COPY_HEAD).clicked()
            {
                ui.ctx().copy_text(format!("{}:{}", head.seq, head.hash));
            }
        });
        ui.horizontal(|ui| {
            let l = ui.label(wording::ANCHOR_LABEL);
            ui.add(
                egui::TextEdit::singleline(&mut self.anchor)
                    .hint_text(wording::ANCHOR_HINT)
                    .desired_width(260.0),
            )
            .labelled_by(l.id);
            let idle = self.running.is_none();
            if ui
                .add_enabled(idle, egui::Button::new(wording::CHECK_ANCHOR))
                .clicked()
            {
                match Anchor::parse(&self.anchor) {
                    Some(anchor) => self.start(ui.ctx(), store, Some(anchor)),
                    None => {
                        self.verdict = Some((
                            crate::text::cli_audit::bad_anchor(self.anchor.trim()),
                            false,
                        ))
                    }
                }
            }
        });
        let missing = store.missing_audit_triggers().unwrap_or_default();
        if !missing.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(wording::triggers_missing(&missing)).color(theme::DANGER));
                if store.session().is_some_and(|s| s.is_system_admin) {
                    if ui.button(wording::REPAIR).clicked() {
                        repair = true;
                    }
                } else {
                    ui.label(wording::REPAIR_ADMIN_ONLY);
                }
            });
        }
        self.poll(ui);
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
                        self.object_shown(&e.object).to_owned(),
                        format!("{state}{}", e.comment),
                    ];
                    for (i, cell) in cells.into_iter().enumerate() {
                        row.col(|ui| {
                            let shown = ui.add(egui::Label::new(cell).selectable(false).truncate());
                            // The object's id (as the filter takes it) on hover.
                            if i == 4 && !e.object.is_empty() {
                                shown.on_hover_text(&e.object);
                            }
                        });
                    }
                });
            });
        if more && ui.button(wording::LOAD_OLDER).clicked() {
            let before = self.entries.last().map(|e| e.seq);
            let from = self.entries.len();
            let older = store
                .audit_entries(&self.filter(before))
                .map(|older| self.entries.extend(older))
                .and_then(|()| self.name_objects(store, from));
            if let Err(e) = older {
                self.error = Some(e.to_string());
            }
        }
        if repair {
            self.verdict = None;
            actions.push(Action::RepairAuditTriggers);
        }
    }
}

impl AuditView {
    /// Starts the full check on a connection of its own, so a million entries never freeze
    /// the window; an in-memory database (tests) is checked here and now.
    fn start(&mut self, ctx: &egui::Context, store: &Store, anchor: Option<Anchor>) {
        let reader = match store.reader() {
            Ok(Some(reader)) => reader,
            Ok(None) => {
                self.verdict = Some(verdict(store, anchor, &|_| {}));
                return;
            }
            Err(e) => {
                self.verdict = Some((e.to_string(), false));
                return;
            }
        };
        let done = Arc::new(AtomicU64::new(0));
        let (send, verdict_rx) = mpsc::channel();
        let (counter, ctx) = (Arc::clone(&done), ctx.clone());
        std::thread::spawn(move || {
            let found = verdict(&reader, anchor, &|n| counter.store(n, Ordering::Relaxed));
            // The page may be gone: nobody to tell, nothing lost.
            let _ = send.send(found);
            ctx.request_repaint();
        });
        self.verdict = None;
        self.running = Some(Running {
            done,
            total: store.audit_len().unwrap_or(0),
            verdict: verdict_rx,
        });
    }

    /// Shows how far a running check is, or takes its verdict.
    fn poll(&mut self, ui: &mut egui::Ui) {
        let Some(run) = &self.running else {
            return;
        };
        match run.verdict.try_recv() {
            Ok(found) => {
                self.verdict = Some(found);
                self.running = None;
            }
            Err(mpsc::TryRecvError::Empty) => {
                let done = run.done.load(Ordering::Relaxed);
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(crate::text::cli_audit::audit_progress(done, run.total));
                });
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(200));
            }
            Err(mpsc::TryRecvError::Disconnected) => self.running = None,
        }
    }
}

/// The whole chain checked (signatures too), with `anchor` if given, in words.
fn verdict(
    store: &Store,
    anchor: Option<Anchor>,
    progress: &(dyn Fn(u64) + Sync),
) -> (String, bool) {
    let options = VerifyOptions {
        hashes_only: false,
        anchor: anchor.clone(),
    };
    match store.verify_audit_with(&options, progress) {
        Err(e) => (e.to_string(), false),
        Ok(check) => match (check.problem, anchor, check.anchor) {
            (Some(problem), _, _) => (problem, false),
            (None, Some(a), Some(AnchorCheck::Holds)) => {
                (crate::text::cli_audit::anchor_holds(&a), true)
            }
            (None, Some(a), Some(found)) => {
                (crate::text::cli_audit::anchor_fails(&a, &found), false)
            }
            (None, _, _) => (
                wording::chain_intact(
                    check.verified,
                    check.sealed,
                    check.head_seq,
                    check.head.as_deref(),
                ),
                true,
            ),
        },
    }
}

/// A post state's code in words (草稿, 待审核 …); other codes as they are.
fn state_word(code: &str) -> &str {
    crate::domain::workflow::PostState::from_code(code).map_or(code, |s| s.label())
}
