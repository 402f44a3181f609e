//! The post page's side column: the screening findings (title and body), the attachments,
//! and the post's history with its changes since the reviewer last looked.

// The page's own imports and private helpers (state colours, the diff's layout).
use super::*;

impl PostView {
    pub(super) fn side_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.label(RichText::new(wording::SCREENING).strong());
        if !self.title_report.findings.is_empty() {
            let blocks = self.title_report.count(Severity::Block);
            let colour = if blocks > 0 {
                theme::DANGER
            } else {
                theme::WARN
            };
            for f in &self.title_report.findings {
                ui.label(
                    RichText::new(wording::title_finding(&f.summary()))
                        .color(colour)
                        .small(),
                );
            }
        }
        if self.editor.findings_ui(ui, &mut self.form.body) {
            self.rescreen();
        }
        if let Some(post) = &self.post {
            if let Some(o) = &post.screening_override {
                ui.label(
                    RichText::new(wording::override_line(
                        &o.reviewer_name,
                        o.at.format("%m-%d %H:%M"),
                        &o.reason,
                        post.override_covers_text(),
                    ))
                    .small(),
                );
            }
            let blocked = self.editor.blocks() || self.title_report.blocks();
            if self.can_override && blocked && !post.override_covers_text() {
                let l = ui.label(wording::OVERRIDE_REASON_LABEL);
                ui.add(
                    egui::TextEdit::multiline(&mut self.override_reason)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
                if ui.button(text::OVERRIDE_SCREENING).clicked() {
                    actions.push(Action::OverrideScreening(self.override_reason.clone()));
                }
            }
        }
        ui.separator();
        ui.label(RichText::new(wording::ATTACHMENTS).strong());
        for a in &self.attachments {
            ui.horizontal(|ui| {
                if ui.link(&a.name).clicked() {
                    actions.push(Action::OpenAttachment(a.id));
                }
                ui.label(
                    RichText::new(format!(
                        "{} KB · {}",
                        a.size.div_ceil(1024),
                        &a.sha256[..12.min(a.sha256.len())]
                    ))
                    .color(theme::MUTED)
                    .small(),
                );
                if self.mode == Mode::Author
                    && ui.small_button(wording::REMOVE_ATTACHMENT).clicked()
                {
                    actions.push(Action::RemoveAttachment(a.id));
                }
            });
        }
        if self.mode == Mode::Author
            && self.post.is_some()
            && ui.button(text::ADD_ATTACHMENT).clicked()
        {
            actions.push(Action::AttachToPost);
        }
        if let Some(id) = self.id() {
            ui.separator();
            if ui.button(text::PRINT_SLIP).clicked() {
                actions.push(Action::PrintSlip(id));
            }
        }
        ui.separator();
        ui.label(RichText::new(wording::HISTORY).strong());
        for e in &self.history {
            ui.label(
                RichText::new(format!(
                    "{} {} {}",
                    e.at.format("%m-%d %H:%M"),
                    e.actor,
                    text::audit_action_label(&e.action)
                ))
                .small(),
            );
            if !e.comment.is_empty() {
                ui.label(
                    RichText::new(wording::history_comment(&e.comment))
                        .color(theme::MUTED)
                        .small(),
                );
            }
        }
    }
}
