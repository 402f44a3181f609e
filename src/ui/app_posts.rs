//! Applying the posts page's actions: saving drafts, the approval steps, overrides and
//! attachments. A refusal leaves the page as it was, with the typing kept and the reason shown.

use super::app::{Action, Page, Workspace};
use super::post_view::PostView;
use crate::domain::workflow::PostAction;
use crate::ops::{self, OpsError};
use crate::store::StoreError;
use crate::text::{ui_common, ui_posts};

impl Workspace {
    pub(super) fn apply_posts(&mut self, action: Action) -> Result<(), OpsError> {
        match action {
            Action::ShowQueue(queue) => {
                self.page = Page::Posts;
                self.post_view = None;
                self.posts.listing = super::posts_view::Listing::Queue(queue);
                self.posts.refresh(&self.store)?;
            }
            Action::NewPost => self.new_post()?,
            Action::OpenPost(id) => self.open_post(id)?,
            Action::ClosePost => {
                self.post_view = None;
                self.posts.reload(&self.store)?;
            }
            Action::SavePost => self.save_post(false),
            Action::DeleteDraft => self.delete_draft()?,
            Action::SaveAndClosePost => {
                self.save_post(false);
                let saved = self
                    .post_view
                    .as_ref()
                    .is_some_and(|v| v.error.is_none() && !v.dirty());
                if saved {
                    self.post_view = None;
                    self.posts.reload(&self.store)?;
                }
            }
            Action::SubmitPost => self.save_post(true),
            Action::PostStep(step) => self.post_step(step),
            Action::OverrideScreening(reason) => self.override_screening(&reason),
            Action::AttachToPost => self.attach_to_post(),
            Action::RemoveAttachment(id) => self.remove_attachment(id),
            Action::OpenAttachment(id) => self.open_attachment(id)?,
            Action::PrintSlip(id) => {
                let document = ops::reports::approval_slip(&self.store, id);
                self.save_document(document);
            }
            other => tracing::error!("not a posts action: {other:?}"),
        }
        Ok(())
    }

    /// Opens a post's page and remembers the revision this person has now seen, so their
    /// next diff starts there.
    pub(super) fn open_post(&mut self, id: i64) -> Result<(), StoreError> {
        let view = PostView::open(&self.store, id)?;
        if let Some(post) = &view.post
            && post.revision > 0
        {
            self.store.mark_seen(id, post.revision)?;
        }
        self.post_view = Some(view);
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
        if let Err(e) = view.saved(&self.store, id) {
            view.error = Some(e.to_string());
            return;
        }
        if submit {
            self.post_step(PostAction::Submit);
        } else {
            self.show_notice(ui_common::saved_named(draft.title.trim()));
            self.refresh_posts();
        }
    }

    /// Deletes the open draft (its author's, never submitted) and returns to the list; a
    /// refusal stays on the post page with the typing kept.
    fn delete_draft(&mut self) -> Result<(), OpsError> {
        let Some(view) = &mut self.post_view else {
            return Ok(());
        };
        let (Some(id), Some(version)) = (view.id(), view.version()) else {
            return Ok(());
        };
        let title = view.form.title.trim().to_owned();
        match self.store.delete_draft(id, version) {
            Ok(()) => {
                self.post_view = None;
                self.posts.reload(&self.store)?;
                self.show_notice(ui_posts::draft_deleted(&title));
            }
            Err(e) => view.error = Some(e.to_string()),
        }
        Ok(())
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
                let text = ui_posts::step_done(id, action.label(), step.to.label());
                if let Err(e) = self.open_post(id) {
                    self.show_error(e.to_string());
                }
                self.show_notice(text);
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
            .and_then(|()| PostView::open(&self.store, id))
        {
            Ok(fresh) => {
                self.post_view = Some(fresh);
                self.show_notice(ui_posts::OVERRIDDEN.to_owned());
            }
            Err(e) => view.error = Some(e.to_string()),
        }
    }

    pub(super) fn attach_to_post(&mut self) {
        if let Err(e) = self.ask_path(super::file_chooser::FileFor::Attachment) {
            self.show_error(e.to_string());
        }
    }

    /// 添加附件 once the file is chosen (the desktop's dialog or the in-window chooser).
    pub(super) fn attach_to_post_from(&mut self, path: &std::path::Path) {
        let Some(view) = &mut self.post_view else {
            return;
        };
        let (Some(id), Some(version)) = (view.id(), view.version()) else {
            return;
        };
        match ops::files::attach_to_post(&mut self.store, id, version, path) {
            Ok(_) => {
                if let Err(e) = view.saved(&self.store, id) {
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
            .and_then(|()| view.saved(&self.store, id));
        if let Err(e) = result {
            view.error = Some(e.to_string());
        }
    }

    /// Opens an attachment in the system's viewer from a private temporary copy.
    fn open_attachment(&mut self, attachment: i64) -> Result<(), OpsError> {
        let name = self
            .post_view
            .as_ref()
            .and_then(|v| v.attachments.iter().find(|a| a.id == attachment))
            .map_or_else(|| ui_posts::attachment_name(attachment), |a| a.name.clone());
        let path = ops::files::export_attachment(&self.store, attachment, &name)?;
        if let Err(e) = (self.hooks.open_file)(&path) {
            self.show_error(ui_posts::attachment_unopenable(&name, e, &path));
        }
        Ok(())
    }

    /// Re-reads the queue counts and the list after a step.
    pub(super) fn refresh_posts(&mut self) {
        if let Err(e) = self.posts.reload(&self.store) {
            self.show_error(e.to_string());
        }
    }
}

impl Workspace {
    /// After sign-in: fresh lists, and the posts page when something waits for this user.
    pub(super) fn signed_in(&mut self) {
        if let Err(e) = self.reload() {
            self.show_error(e.to_string());
            return;
        }
        self.posts.start_on_queue();
        if let Err(e) = self.posts.refresh(&self.store) {
            self.show_error(e.to_string());
        }
        let school = self.store.session().is_some_and(|s| {
            s.roles
                .contains(&crate::domain::unit::Role::SchoolSupervisor)
        });
        if school {
            // 第六条四: the school's first question each morning is what is due.
            self.page = Page::Supervision;
            self.supervision.reload(&self.store, self.today);
        } else if self.store.session().is_some_and(|s| s.unit_id.is_some()) {
            // A unit's people start on what they have to do, and by when; the system
            // administrator (of no unit) on the registry, as before.
            self.page = Page::Todo;
            self.todo.reload(&self.store, self.today);
        }
    }
}
