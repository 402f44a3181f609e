//! Applying the posts page's actions: saving drafts, the approval steps, overrides and
//! attachments. A refusal leaves the page as it was, with the typing kept and the reason shown.

use super::app::{Action, Page, Workspace};
use super::post_view::PostView;
use crate::domain::workflow::PostAction;
use crate::store::StoreError;

impl Workspace {
    pub(super) fn open_post(&mut self, id: i64) -> Result<(), StoreError> {
        self.post_view = Some(PostView::open(&mut self.store, id)?);
        self.page = Page::Posts;
        Ok(())
    }

    pub(super) fn new_post(&mut self) -> Result<(), StoreError> {
        self.post_view = Some(PostView::new_post(&self.store)?);
        self.page = Page::Posts;
        Ok(())
    }

    /// Saves the form (creating the post the first time); `submit` then hands it on.
    pub(super) fn save_post(&mut self, submit: bool) {
        let Some(view) = &mut self.post_view else {
            return;
        };
        let draft = match view.form.to_draft() {
            Ok(d) => d,
            Err(errors) => {
                view.field_errors = errors;
                view.error = Some(crate::text::FIX_ERRORS.to_owned());
                return;
            }
        };
        let saved = match (view.id(), view.version()) {
            (Some(id), Some(version)) if view.dirty() => {
                self.store.edit_post(id, version, &draft).map(|()| id)
            }
            (Some(id), _) => Ok(id),
            (None, _) => self.store.create_post(&draft),
        };
        let id = match saved {
            Ok(id) => id,
            Err(StoreError::Invalid(errors)) => {
                view.field_errors = errors;
                view.error = Some(crate::text::FIX_ERRORS.to_owned());
                return;
            }
            Err(e) => {
                view.error = Some(e.to_string());
                return;
            }
        };
        view.field_errors.clear();
        view.error = None;
        if let Err(e) = view.saved(&mut self.store, id) {
            view.error = Some(e.to_string());
            return;
        }
        if submit {
            self.post_step(PostAction::Submit);
        } else {
            self.apply(Action::Notice(format!("已保存「{}」", draft.title.trim())));
            self.refresh_posts();
        }
    }

    /// One approval step on the open post.
    pub(super) fn post_step(&mut self, action: PostAction) {
        let Some(view) = &mut self.post_view else {
            return;
        };
        let (Some(id), Some(version)) = (view.id(), view.version()) else {
            return;
        };
        match self.store.post_step(id, version, &action) {
            Ok(step) => {
                let text = format!("信息 {id}：{}，现为「{}」", action.label(), step.to.label());
                match PostView::open(&mut self.store, id) {
                    Ok(fresh) => self.post_view = Some(fresh),
                    Err(e) => view.error = Some(e.to_string()),
                }
                self.apply(Action::Notice(text));
                self.refresh_posts();
            }
            Err(e) => view.error = Some(e.to_string()),
        }
    }

    pub(super) fn override_screening(&mut self, reason: &str) {
        let Some(view) = &mut self.post_view else {
            return;
        };
        let (Some(id), Some(version)) = (view.id(), view.version()) else {
            return;
        };
        match self
            .store
            .override_screening(id, version, reason)
            .and_then(|()| PostView::open(&mut self.store, id))
        {
            Ok(fresh) => {
                self.post_view = Some(fresh);
                self.apply(Action::Notice(
                    "已放行审查结果，理由已记入审计记录。".to_owned(),
                ));
            }
            Err(e) => view.error = Some(e.to_string()),
        }
    }

    pub(super) fn attach_to_post(&mut self) {
        let Some(view) = &mut self.post_view else {
            return;
        };
        let (Some(id), Some(version)) = (view.id(), view.version()) else {
            return;
        };
        let Some(path) = (self.hooks.pick_attachment)() else {
            return;
        };
        match self.store.attach_file(id, version, &path) {
            Ok(_) => {
                if let Err(e) = view.saved(&mut self.store, id) {
                    view.error = Some(e.to_string());
                }
            }
            Err(e) => view.error = Some(e.to_string()),
        }
    }

    pub(super) fn remove_attachment(&mut self, attachment: i64) {
        let Some(view) = &mut self.post_view else {
            return;
        };
        let (Some(id), Some(version)) = (view.id(), view.version()) else {
            return;
        };
        let result = self
            .store
            .remove_attachment(attachment, version)
            .and_then(|()| view.saved(&mut self.store, id));
        if let Err(e) = result {
            view.error = Some(e.to_string());
        }
    }

    /// Opens an attachment in the system's viewer from a private temporary copy.
    pub(super) fn open_attachment(&mut self, attachment: i64) -> Result<(), StoreError> {
        let bytes = self.store.attachment_content(attachment)?;
        let name = self
            .post_view
            .as_ref()
            .and_then(|v| v.attachments.iter().find(|a| a.id == attachment))
            .map_or_else(|| format!("附件{attachment}"), |a| a.name.clone());
        let dir = std::env::temp_dir().join(format!("mediadesk-attachment-{attachment}"));
        let path = dir.join(super::filings_view::safe_file_part(&name));
        std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(&path, &bytes))
            .map_err(|e| StoreError::Attachment(format!("无法打开附件「{name}」：{e}")))?;
        (self.hooks.open_file)(&path).map_err(StoreError::Attachment)
    }

    /// Signs out; the sign-in page takes over the window.
    pub(super) fn switch_user(&mut self) -> Result<(), StoreError> {
        self.post_view = None;
        self.store.sign_out()?;
        self.gate = Some(super::sign_in_view::SignInView::for_store(&self.store)?);
        Ok(())
    }

    /// Re-reads the queue counts and the list after a step.
    pub(super) fn refresh_posts(&mut self) {
        if let Err(e) = self.posts.reload(&self.store) {
            self.apply(Action::Error(e.to_string()));
        }
    }
}

impl Workspace {
    /// After sign-in: fresh lists, and the posts page when something waits for this user.
    pub(super) fn signed_in(&mut self) {
        if let Err(e) = self.reload() {
            self.apply(Action::Error(e.to_string()));
            return;
        }
        self.posts.start_on_queue();
        if let Err(e) = self.posts.refresh(&self.store) {
            self.apply(Action::Error(e.to_string()));
        }
        if self.posts.counts.iter().any(|(_, n)| *n > 0) {
            self.page = Page::Posts;
        }
    }

    /// 信息发布审核单 (PDF) of a post, for review on paper.
    pub(super) fn print_slip(&mut self, id: i64) {
        self.print_document(|store, settings| {
            let data = crate::print::approval_slip_for(store, id).map_err(|e| e.to_string())?;
            let bytes =
                crate::print::render_approval_slip(&data, settings).map_err(|e| e.to_string())?;
            Ok((
                bytes,
                format!(
                    "信息发布审核单-{id}-{}.pdf",
                    super::filings_view::safe_file_part(&data.title)
                ),
            ))
        });
    }
}
