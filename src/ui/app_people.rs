//! Applying the actions about people: the first start (demo or one's own unit and its system
//! administrator), signing in and out, units and people with their roles, and accounts.

use super::app::{Action, Workspace};
use super::sign_in_view::SignInView;
use crate::domain::unit::UnitDraft;
use crate::ops::OpsError;
use crate::store::StoreError;
use crate::text::ui_people;

impl Workspace {
    pub(super) fn apply_people(&mut self, action: Action) -> Result<(), OpsError> {
        match action {
            Action::LoadDemo => match self.store.load_demo(self.today) {
                Ok(()) => self.welcome_done()?,
                Err(e) => self.welcome_refused(e),
            },
            Action::BeginFresh(unit) => {
                self.pending_unit = Some(unit);
                self.welcome_done()?;
            }
            Action::SignIn { login, password } => match self.store.sign_in(&login, &password.0) {
                // A password reset by an administrator: the person's own comes first.
                Ok(session) if session.must_change_password => {
                    if let Some(gate) = &mut self.gate {
                        gate.must_change_password();
                    }
                }
                Ok(_) => self.gate_passed(),
                Err(e) => self.gate_refused(e),
            },
            Action::CreateFirstAdmin(new) => {
                let result = self
                    .store
                    .add_user(&new)
                    .and_then(|_| self.store.sign_in(&new.login, &new.password));
                match result {
                    Ok(_) => {
                        self.gate_passed();
                        self.create_pending_unit()?;
                    }
                    Err(e) => self.gate_refused(e),
                }
            }
            Action::SwitchUser => {
                self.post_view = None;
                self.store.sign_out()?;
                self.gate = Some(SignInView::for_store(&self.store)?);
                self.notice = None;
            }
            Action::SaveUnit { editing, draft } => {
                let result = match editing {
                    None => self.store.add_unit(&draft).map(|_| ()),
                    Some((id, version)) => self.store.update_unit(id, version, &draft),
                };
                let saved = self.units.unit_saved(result);
                self.reload_with_notice(saved)?;
            }
            Action::SavePerson { editing, draft } => {
                let result = match editing {
                    None => self.store.add_person(&draft).map(|_| ()),
                    Some((id, version)) => self.store.update_person(id, version, &draft),
                };
                let saved = self.units.person_saved(result);
                self.reload_with_notice(saved)?;
            }
            Action::AddUser(new) => {
                let result = self
                    .store
                    .add_user(&new)
                    .map(|id| ui_people::user_added(new.login.trim(), id));
                self.users.finish(&self.store, result);
            }
            Action::SetUserActive { user, active } => {
                let result = self
                    .store
                    .set_user_active(user, active)
                    .map(|()| ui_people::USER_STATUS_UPDATED.to_owned());
                self.users.finish(&self.store, result);
            }
            Action::ChangeOwnPassword {
                current,
                password,
                again,
            } => {
                let result = self
                    .store
                    .change_own_password(&current.0, &password.0, &again.0);
                if self.gate.is_some() {
                    match result {
                        Ok(()) => {
                            self.gate_passed();
                            self.show_notice(ui_people::PASSWORD_CHANGED.to_owned());
                        }
                        Err(e) => self.gate_refused(e),
                    }
                } else {
                    let result = result.map(|()| ui_people::PASSWORD_CHANGED.to_owned());
                    self.users.finish(&self.store, result);
                }
            }
            Action::ResetPassword {
                user,
                password,
                again,
            } => {
                let result = self
                    .store
                    .reset_password(user, &password.0, &again.0)
                    .map(|()| ui_people::PASSWORD_RESET.to_owned());
                self.users.finish(&self.store, result);
            }
            other => tracing::error!("not a people action: {other:?}"),
        }
        Ok(())
    }

    /// The welcome page is done: the sign-in page (or the first account's form) follows.
    fn welcome_done(&mut self) -> Result<(), StoreError> {
        self.welcome = None;
        self.gate = Some(SignInView::for_store(&self.store)?);
        self.reload()
    }

    fn welcome_refused(&mut self, e: StoreError) {
        tracing::warn!("welcome refused: {e}");
        if let Some(w) = &mut self.welcome {
            w.error = Some(e.to_string());
        }
    }

    fn gate_passed(&mut self) {
        self.gate = None;
        self.notice = None;
        self.signed_in();
    }

    fn gate_refused(&mut self, e: StoreError) {
        tracing::warn!("sign-in refused: {e}");
        if let Some(gate) = &mut self.gate {
            gate.refused(e.to_string());
        }
    }

    /// The unit typed on the welcome page, created by the new system administrator.
    fn create_pending_unit(&mut self) -> Result<(), OpsError> {
        let Some(name) = self.pending_unit.take() else {
            return Ok(());
        };
        self.store.add_unit(&UnitDraft {
            name,
            ..Default::default()
        })?;
        self.reload()?;
        Ok(())
    }
}

impl Workspace {
    /// After a sign-out, the pages start over for whoever signs in next: no error, form,
    /// dialog or filter of the person who left stays on screen.
    pub(super) fn forget_who_left(&mut self) {
        let now = self.store.session().map(|s| s.user_id);
        if now == self.shown_for {
            return;
        }
        if self.shown_for.is_some() {
            self.registry.query = Default::default();
            self.units = Default::default();
            self.filings = Default::default();
            self.users = Default::default();
            self.audit = Default::default();
            self.posts = Default::default();
            self.supervision = Default::default();
            self.dialog = None;
            self.history = None;
            self.import = None;
            self.post_view = None;
            if now.is_some()
                && let Err(e) = self.reload()
            {
                self.show_error(e.to_string());
            }
        }
        self.shown_for = now;
    }
}
