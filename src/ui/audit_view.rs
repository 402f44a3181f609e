//! 审计记录: the audit chain as a timeline, newest first, filtered by object and person, and a
//! button that verifies the whole chain (第八条一: who did what must be provable).

use eframe::egui::{self, RichText};
use egui_extras::{Column, TableBuilder};

use super::theme;
use crate::domain::audit::AuditEntry;
use crate::store::{AuditFilter, Store, StoreError};

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
        ui.heading(crate::text::NAV_AUDIT);
        ui.label(
            RichText::new(
                "每一次登录、编辑和审核步骤都记在这里；每条记录带有前一条的哈希，任何事后的改动或删除都能被校验出来。",
            )
            .color(theme::MUTED),
        );
        let mut changed = false;
        ui.horizontal(|ui| {
            let l = ui.label("对象：");
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut self.object)
                        .hint_text("如 post:3、platform:、user:")
                        .desired_width(160.0),
                )
                .labelled_by(l.id)
                .changed();
            let l = ui.label("操作人含：");
            changed |= ui
                .add(egui::TextEdit::singleline(&mut self.actor).desired_width(120.0))
                .labelled_by(l.id)
                .changed();
            if ui.button("校验审计记录").clicked() {
                self.verdict = Some(match store.verify_audit() {
                    Ok(check) => match check.problem {
                        None => (
                            format!(
                                "审计记录完整：共 {} 条，链尾哈希 {}",
                                check.verified,
                                check.head.as_deref().unwrap_or("（无记录）")
                            ),
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
                for t in ["序号", "时间", "操作人", "操作", "对象", "内容"] {
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
                        format!("→ {}；", state_word(&e.to))
                    } else {
                        format!("{} → {}；", state_word(&e.from), state_word(&e.to))
                    };
                    let cells = [
                        e.seq.to_string(),
                        e.at.format("%Y-%m-%d %H:%M").to_string(),
                        e.actor.clone(),
                        crate::text::audit_action_label(&e.action).to_owned(),
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
        if more && ui.button("加载更早的记录").clicked() {
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
