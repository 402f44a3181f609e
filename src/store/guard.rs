//! The one road of every write: a transaction that reads who acts as they are now (roles,
//! disabled or not), asks `domain::permissions::may` before anything is written, and commits
//! only when that was asked. A refusal rolls the transaction back and then goes on record in
//! the audit chain as a refused attempt of the signed-in person (第八条一), and in the log.

use super::db::{Connection, OptionalExtension, Transaction};
use chrono::NaiveDateTime;

use super::audit_log::{Record, Signer, log, note_at};
use super::{Session, Store, StoreError};
use crate::domain::permissions::{Actor, Permission, Refusal, Target, may};
use crate::domain::signing::KeyPair;
use crate::domain::unit::Role;

/// A write in progress. Reads go through `tx`; writes too, but only after [`Write::allow`].
pub(super) struct Write<'c> {
    pub(super) tx: Transaction<'c>,
    actor: Option<Actor>,
    label: String,
    /// The actor's open key: every entry of this write is sealed with it.
    signer: Option<KeyPair>,
    checked: bool,
    refused: Option<Refused>,
    now: NaiveDateTime,
}

/// A refusal, kept until the transaction has rolled back.
struct Refused {
    permission: Option<Permission>,
    object: String,
    message: String,
}

impl Store {
    /// Runs `body` as one transaction of the signed-in user. It must call [`Write::allow`]
    /// (or [`Write::allow_bootstrap`]) before it writes; a body that never asks is rolled back
    /// as [`StoreError::Unchecked`].
    ///
    /// On the school's server another desk may be writing the same rows at the same moment;
    /// when the server gives up one of the two (a deadlock), the whole body runs again from
    /// a fresh read, a few times, before the conflict is reported.
    pub(super) fn write<T>(
        &self,
        mut body: impl FnMut(&mut Write<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        const ATTEMPTS: u32 = 5;
        let mut attempt = 1;
        loop {
            match self.write_once(&mut body) {
                Err(StoreError::Database(super::db::Error::Busy(why))) if attempt < ATTEMPTS => {
                    tracing::info!("write retried after a conflict with another desk: {why}");
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(5 * u64::from(attempt)));
                }
                other => return other,
            }
        }
    }

    fn write_once<T>(
        &self,
        body: &mut impl FnMut(&mut Write<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        let actor = match &self.session {
            Some(session) => load_actor(&tx, session)?,
            None => None,
        };
        let label = self
            .session
            .as_ref()
            .map(Session::label)
            .unwrap_or_default();
        let mut w = Write {
            tx,
            actor,
            label,
            signer: self.signer.clone(),
            checked: false,
            refused: None,
            now: self.now(),
        };
        let result = body(&mut w);
        let Write {
            tx,
            checked,
            refused,
            label,
            ..
        } = w;
        match result {
            Ok(_) if !checked => {
                drop(tx);
                tracing::error!("a write did not ask for permission; rolled back");
                Err(StoreError::Unchecked)
            }
            Ok(value) => {
                // The other desks' windows reload when this commits (nothing on a file).
                tx.commit_notifying(super::db::CHANGES_CHANNEL, &label)?;
                Ok(value)
            }
            Err(e) => {
                drop(tx);
                if let Some(refused) = refused {
                    self.record_refusal(&label, refused);
                }
                Err(e)
            }
        }
    }

    /// The signed-in person as the permission rules see them now (roles re-read), for the
    /// window's buttons and the command line's checks before long work.
    pub fn actor(&self) -> Result<Option<Actor>, StoreError> {
        match &self.session {
            Some(session) => load_actor(&self.conn, session),
            None => Ok(None),
        }
    }

    /// Whether the signed-in person may do `permission` to `target` now, without writing:
    /// for checks before long work (a 2,000-page annual review). The write checks again.
    pub fn check(&self, permission: Permission, target: Target<'_>) -> Result<(), StoreError> {
        Ok(may(self.actor()?.as_ref(), permission, &target)?)
    }

    /// Puts a refused attempt on record: in the audit chain when someone is signed in (an
    /// attempt without a name has no one to record), and in the log file.
    fn record_refusal(&self, label: &str, refused: Refused) {
        let what = refused
            .permission
            .map(crate::text::permissions::permission_label)
            .unwrap_or_default();
        tracing::warn!(
            actor = label,
            object = refused.object,
            permission = what,
            "refused: {}",
            refused.message
        );
        if label.is_empty() {
            return;
        }
        let comment = crate::text::permissions::refused_comment(what, &refused.message);
        let written = self.conn.unchecked_transaction().and_then(|tx| {
            let by = Signer {
                label,
                key: self.signer.as_ref(),
            };
            let noted = note_at(&tx, self.now(), by, "refused", refused.object, &comment);
            match noted {
                Ok(()) => tx.commit(),
                Err(e) => {
                    tracing::error!("could not record a refused attempt: {e}");
                    Ok(())
                }
            }
        });
        if let Err(e) = written {
            tracing::error!("could not record a refused attempt: {e}");
        }
    }
}

impl Write<'_> {
    /// Asks the permission rule; on refusal the write is over (return the error).
    pub(super) fn allow(
        &mut self,
        permission: Permission,
        target: Target<'_>,
    ) -> Result<&Actor, StoreError> {
        match may(self.actor.as_ref(), permission, &target) {
            Ok(()) => {
                self.checked = true;
                self.actor.as_ref().ok_or(StoreError::Unchecked)
            }
            Err(refusal) => Err(self.refuse(Some(permission), &target, refusal)),
        }
    }

    /// What every signed-in, active person may do to their own account (their password).
    pub(super) fn allow_self(&mut self) -> Result<(), StoreError> {
        match &self.actor {
            Some(a) if a.active => {
                self.checked = true;
                Ok(())
            }
            Some(_) => Err(StoreError::Forbidden(Refusal::AccountDisabled)),
            None => Err(StoreError::Forbidden(Refusal::NotSignedIn)),
        }
    }

    /// The first writes of a new database (its system administrator, the demo school) have
    /// nobody to act yet: allowed while no account exists, and never afterwards.
    pub(super) fn allow_bootstrap(&mut self) -> Result<(), StoreError> {
        let users: i64 = self
            .tx
            .query_row("SELECT COUNT(*) FROM users", [], |r| r.get(0))?;
        if users == 0 {
            self.checked = true;
            Ok(())
        } else {
            Err(StoreError::Forbidden(Refusal::NotSignedIn))
        }
    }

    /// Records a refusal decided by a rule that is not a [`Permission`] (e.g. a post step
    /// the workflow refuses for who acts), so it is treated as every other refusal.
    pub(super) fn refuse(
        &mut self,
        permission: Option<Permission>,
        target: &Target<'_>,
        refusal: Refusal,
    ) -> StoreError {
        self.refused = Some(Refused {
            permission,
            object: object_of(target),
            message: refusal.to_string(),
        });
        StoreError::Forbidden(refusal)
    }

    /// The actor, once allowed.
    pub(super) fn actor(&self) -> Result<&Actor, StoreError> {
        match (&self.actor, self.checked) {
            (Some(a), true) => Ok(a),
            _ => Err(StoreError::Unchecked),
        }
    }

    /// How the audit log names the actor: 「张喆（zhangzhe）」.
    pub(super) fn label(&self) -> &str {
        &self.label
    }

    /// Sets the name the audit log uses (the first account names itself).
    pub(super) fn set_label(&mut self, label: String) {
        self.label = label;
    }

    /// Seals this write's entries with `key` (the first account's own new key: nobody was
    /// signed in to seal them).
    pub(super) fn set_signer(&mut self, key: KeyPair) {
        self.signer = Some(key);
    }

    /// Who this write's entries name and the key that seals them.
    pub(super) fn signer(&self) -> Signer<'_> {
        Signer {
            label: &self.label,
            key: self.signer.as_ref(),
        }
    }

    /// The time of this write, shared by every row and entry it writes.
    pub(super) fn now(&self) -> NaiveDateTime {
        self.now
    }

    /// Appends an audit entry of this write by its actor.
    pub(super) fn log(&self, record: Record<'_>) -> Result<(), StoreError> {
        if !self.checked {
            return Err(StoreError::Unchecked);
        }
        log(&self.tx, record, self.signer.as_ref())
    }

    /// An audit entry without states, at the write's time.
    pub(super) fn note(
        &self,
        action: &str,
        object: String,
        comment: &str,
    ) -> Result<(), StoreError> {
        if !self.checked {
            return Err(StoreError::Unchecked);
        }
        note_at(&self.tx, self.now, self.signer(), action, object, comment)
    }
}

fn object_of(target: &Target<'_>) -> String {
    match target {
        Target::School => "school".to_owned(),
        Target::Unit(id) => format!("unit:{id}"),
        Target::Post(facts) => format!("unit:{}", facts.unit_id),
    }
}

/// The signed-in user as they are now: a user deleted meanwhile counts as nobody.
pub(super) fn load_actor(
    conn: &Connection,
    session: &Session,
) -> Result<Option<Actor>, StoreError> {
    let row = conn
        .query_row(
            "SELECT u.person_id, p.unit_id, u.is_system_admin, u.is_school_supervisor, u.active
             FROM users u LEFT JOIN people p ON p.id = u.person_id
             WHERE u.id = ?1",
            [session.user_id],
            |r| {
                Ok((
                    r.get::<_, Option<i64>>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, bool>(2)?,
                    r.get::<_, bool>(3)?,
                    r.get::<_, bool>(4)?,
                ))
            },
        )
        .optional()?;
    let Some((person_id, unit_id, system_admin, school, active)) = row else {
        return Ok(None);
    };
    let mut roles = match person_id {
        Some(p) => roles_of(conn, p)?,
        None => Vec::new(),
    };
    if school {
        roles.push(Role::SchoolSupervisor);
    }
    Ok(Some(Actor {
        user_id: session.user_id,
        person_id,
        unit_id,
        roles,
        system_admin,
        active,
    }))
}

/// A person's roles in their unit, sorted.
pub(super) fn roles_of(conn: &Connection, person_id: i64) -> Result<Vec<Role>, StoreError> {
    let mut stmt =
        conn.prepare_cached("SELECT role FROM person_roles WHERE person_id = ?1 ORDER BY role")?;
    let codes = stmt.query_map([person_id], |r| r.get::<_, String>(0))?;
    let mut roles = Vec::new();
    for code in codes {
        let code = code?;
        roles.push(
            Role::from_code(&code)
                .filter(|r| r.is_unit_role())
                .ok_or_else(|| StoreError::Corrupt(format!("person_roles.role = {code}")))?,
        );
    }
    roles.sort();
    Ok(roles)
}
