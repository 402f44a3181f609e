//! The post page's step bar, at its foot: 保存草稿 / 提交 / 删除草稿 for the author, 撤回
//! while it waits, 通过 / 发布 / 退回 with the comment for the reviewer and the administrator.

// The page's own imports and private helpers (state colours, the diff's layout).
use super::*;

impl PostView {
    pub(super) fn step_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        match self.mode {
            Mode::Author => {
                ui.horizontal(|ui| {
                    if ui.button(text::SAVE_DRAFT).clicked() {
                        actions.push(Action::SavePost);
                    }
                    let submit = ui.add_enabled(
                        !self.blocks(),
                        egui::Button::new(RichText::new(text::SUBMIT_POST).strong()),
                    );
                    if submit.clicked() {
                        actions.push(Action::SubmitPost);
                    }
                    if self.blocks() {
                        ui.label(RichText::new(wording::BLOCKED).color(theme::DANGER).small());
                    }
                    let fresh = self.post.as_ref().is_some_and(|p| {
                        p.state == crate::domain::workflow::PostState::Draft && p.revision == 0
                    });
                    if fresh && ui.button(text::DELETE_DRAFT).clicked() {
                        self.confirm_delete = true;
                    }
                });
                if self.confirm_delete {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(text::DELETE_DRAFT_CONFIRM).color(theme::WARN));
                        if ui.button(text::DELETE_DRAFT_YES).clicked() {
                            self.confirm_delete = false;
                            actions.push(Action::DeleteDraft);
                        }
                        if ui.button(text::DELETE_DRAFT_NO).clicked() {
                            self.confirm_delete = false;
                        }
                    });
                }
            }
            Mode::AuthorWaiting => {
                if ui.button(text::WITHDRAW_POST).clicked() {
                    actions.push(Action::PostStep(PostAction::Withdraw));
                }
            }
            Mode::Reviewer | Mode::Publisher => {
                if self.mode == Mode::Publisher {
                    ui.horizontal(|ui| {
                        let l = ui.label(wording::PUBLISHED_LINK_LABEL);
                        ui.add(
                            egui::TextEdit::singleline(&mut self.link)
                                .hint_text("https://mp.weixin.qq.com/s/…")
                                .desired_width(420.0),
                        )
                        .labelled_by(l.id);
                    });
                }
                let l = ui.label(wording::COMMENT_LABEL);
                ui.add(
                    egui::TextEdit::multiline(&mut self.comment)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
                ui.horizontal(|ui| {
                    let forward = if self.mode == Mode::Reviewer {
                        text::APPROVE_POST
                    } else {
                        text::PUBLISH_POST
                    };
                    if ui.button(RichText::new(forward).strong()).clicked() {
                        actions.push(Action::PostStep(if self.mode == Mode::Reviewer {
                            PostAction::Approve {
                                comment: self.comment.clone(),
                            }
                        } else {
                            PostAction::Publish {
                                link: self.link.clone(),
                                at: chrono::Local::now().naive_local(),
                            }
                        }));
                    }
                    if ui.button(text::REJECT_POST).clicked() {
                        actions.push(Action::PostStep(PostAction::Reject {
                            comment: self.comment.clone(),
                        }));
                    }
                });
            }
            Mode::ReadOnly => {}
        }
    }
}
