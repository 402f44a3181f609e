//! Local user accounts and sign-in. A user acts with the roles of the person they are tied to
//! (第七条三); a 系统管理员 manages settings and users. Every sign-in, failed try and account
//! change goes into the audit chain.

use std::time::Duration;

use super::db::{OptionalExtension, params};
use chrono::NaiveDateTime;
use serde::Serialize;

use super::audit_log::{Signer, note_at};
use super::error::{Conflict, Entity, Rejection};
use super::guard::roles_of;
use super::keys;
use super::{Store, StoreError};
use crate::domain::auth::{self, check_login, check_password, seconds_to_wait};
use crate::domain::permissions::{Permission, Target};
use crate::domain::signing::{KdfCost, KeyPair, SealedKey};
use crate::domain::unit::Role;

/// The environment variable the CLI reads the `--as` user's password from.
pub const PASSWORD_ENV_VAR: &str = "MEDIADESK_PASSWORD";
/// The environment variable `users add` reads the new user's password from.
pub const NEW_PASSWORD_ENV_VAR: &str = "MEDIADESK_NEW_PASSWORD";
/// The password of every demo account (shown on the sign-in page of a demo database).
pub const DEMO_PASSWORD: &str = "demo2026";

/// An account's columns as written.
pub(super) struct AccountRow<'a> {
    pub(super) login: &'a str,
    pub(super) display_name: &'a str,
    pub(super) person_id: Option<i64>,
    pub(super) is_system_admin: bool,
    pub(super) is_school_supervisor: bool,
}

/// Who is signed in, with the roles they hold in their unit at sign-in. Post steps re-read the
/// roles inside their transaction, so a role taken away counts at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Session {
    pub user_id: i64,
    pub login: String,
    pub display_name: String,
    pub person_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub unit_name: String,
    pub roles: Vec<Role>,
    pub is_system_admin: bool,
    /// An administrator reset the password: the person must choose their own before doing
    /// anything else (window and command line).
    pub must_change_password: bool,
}

impl Session {
    /// How history and the audit log name this user: 「张喆（zhangzhe）」.
    pub fn label(&self) -> String {
        crate::text::audit::user_label(&self.display_name, &self.login)
    }

    /// 「张喆 · 商学院 · 信息员」 for the window's header.
    pub fn description(&self) -> String {
        crate::text::session_description(
            &self.display_name,
            &self.unit_name,
            &self.roles,
            self.is_system_admin,
        )
    }
}

/// A user to create. The display name defaults to the person's name.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct NewUser {
    pub login: String,
    pub display_name: String,
    pub person_id: Option<i64>,
    pub is_system_admin: bool,
    /// 学校督查人员 (学校办公室（新闻中心）/党委宣传部): school staff, usually without a person.
    pub is_school_supervisor: bool,
    pub password: String,
    pub password_again: String,
}

/// Passwords never reach a log or a panic message.
impl std::fmt::Debug for NewUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewUser")
            .field("login", &self.login)
            .field("display_name", &self.display_name)
            .field("person_id", &self.person_id)
            .field("is_system_admin", &self.is_system_admin)
            .field("is_school_supervisor", &self.is_school_supervisor)
            .finish_non_exhaustive()
    }
}

/// A user as the user list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserRow {
    pub id: i64,
    pub login: String,
    pub display_name: String,
    pub person_id: Option<i64>,
    pub unit_name: String,
    pub roles: Vec<Role>,
    pub is_system_admin: bool,
    pub active: bool,
    pub last_sign_in_at: Option<NaiveDateTime>,
}

struct Credentials {
    id: i64,
    hash: String,
    active: bool,
    failed: u32,
    last_failed_at: Option<NaiveDateTime>,
}

impl Credentials {
    /// After repeated wrong passwords, the next try waits (sign-in and password change alike).
    fn wait_over(&self, now: NaiveDateTime) -> Result<(), StoreError> {
        if let Some(last) = self.last_failed_at {
            let since = (now - last).to_std().unwrap_or(Duration::ZERO);
            let seconds = seconds_to_wait(self.failed, since);
            if seconds > 0 {
                return Err(StoreError::SignInThrottled { seconds });
            }
        }
        Ok(())
    }
}

/// Reads `id, password_hash, active, failed_attempts, last_failed_at`.
fn credentials(r: &super::db::Row) -> Result<Credentials, super::db::Error> {
    Ok(Credentials {
        id: r.get(0)?,
        hash: r.get(1)?,
        active: r.get(2)?,
        failed: r.get::<_, i64>(3)?.clamp(0, i64::from(u32::MAX)) as u32,
        last_failed_at: r.get(4)?,
    })
}

impl Store {
    /// Whether any account exists: without one the window asks for the system administrator.
    pub fn has_users(&self) -> Result<bool, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM users", [], |r| r.get(0))?;
        Ok(n > 0)
    }

    /// The signed-in user, if any.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// Every account, by login.
    pub fn users(&self) -> Result<Vec<UserRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT u.id, u.login, u.display_name, u.person_id, COALESCE(un.name, ''),
                    u.is_system_admin, u.active, u.last_sign_in_at, u.is_school_supervisor
             FROM users u LEFT JOIN people p ON p.id = u.person_id
                          LEFT JOIN units un ON un.id = p.unit_id
             ORDER BY u.login",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(UserRow {
                id: r.get(0)?,
                login: r.get(1)?,
                display_name: r.get(2)?,
                person_id: r.get(3)?,
                unit_name: r.get(4)?,
                roles: if r.get::<_, bool>(8)? {
                    vec![Role::SchoolSupervisor]
                } else {
                    Vec::new()
                },
                is_system_admin: r.get(5)?,
                active: r.get(6)?,
                last_sign_in_at: r.get(7)?,
            })
        })?;
        let mut users: Vec<UserRow> = rows.collect::<Result<_, _>>()?;
        for u in &mut users {
            if let Some(person) = u.person_id {
                let mut roles = roles_of(&self.conn, person)?;
                roles.append(&mut u.roles);
                u.roles = roles;
            }
        }
        Ok(users)
    }

    /// Creates an account. The very first account must be a system administrator and needs
    /// nobody signed in (first start); every later one is created by a system administrator.
    pub fn add_user(&mut self, new: &NewUser) -> Result<i64, StoreError> {
        if !new.is_system_admin && !self.has_users()? {
            return Err(Rejection::FirstAccountMustBeAdmin.into());
        }
        let login = check_login(&new.login)?;
        check_password(&login, &new.password, &new.password_again)?;
        if new.person_id.is_none() && !new.is_system_admin && !new.is_school_supervisor {
            return Err(Rejection::AccountNeedsPerson.into());
        }
        let hash = auth::hash_password(&new.password)?;
        let key = keys::new_key(&new.password, KdfCost::DEFAULT)?;
        self.insert_user(
            &AccountRow {
                login: &login,
                display_name: new.display_name.trim(),
                person_id: new.person_id,
                is_system_admin: new.is_system_admin,
                is_school_supervisor: new.is_school_supervisor,
            },
            &hash,
            &key,
        )
    }

    /// The first account of a new database (its system administrator), signed in at once:
    /// the welcome page's last step, and where tests start.
    pub fn create_first_admin(
        &mut self,
        login: &str,
        password: &str,
    ) -> Result<Session, StoreError> {
        self.add_user(&NewUser {
            login: login.to_owned(),
            display_name: crate::text::SYSTEM_ADMIN.to_owned(),
            person_id: None,
            is_system_admin: true,
            is_school_supervisor: false,
            password: password.to_owned(),
            password_again: password.to_owned(),
        })?;
        self.sign_in(login, password)
    }

    /// Writes an account (its password already hashed): by a system administrator, or as
    /// the first account of a new database.
    pub(super) fn insert_user(
        &mut self,
        account: &AccountRow,
        hash: &str,
        (key, sealed): &(KeyPair, SealedKey),
    ) -> Result<i64, StoreError> {
        self.write(|w| {
            let first = w.allow_bootstrap().is_ok();
            if first {
                if !account.is_system_admin {
                    return Err(Rejection::FirstAccountMustBeAdmin.into());
                }
            } else {
                w.allow(Permission::ManageAccounts, Target::School)?;
            }
            let person_name = match account.person_id {
                Some(id) => Some(
                    w.tx.query_row("SELECT name FROM people WHERE id = ?1", [id], |r| {
                        r.get::<_, String>(0)
                    })
                    .optional()?
                    .ok_or(StoreError::NotFound {
                        what: Entity::Person,
                        id,
                    })?,
                ),
                None => None,
            };
            let display_name = match account.display_name.trim() {
                "" => person_name.unwrap_or_else(|| account.login.to_owned()),
                name => name.to_owned(),
            };
            let login = account.login;
            if first {
                // Nobody is signed in: the first account names itself and seals with its own
                // new key, which the chain then knows as its first.
                w.set_label(crate::text::audit::user_label(&display_name, login));
                w.set_signer(key.clone());
            }
            let taken: Option<i64> =
                w.tx.query_row(
                    "SELECT id FROM users WHERE lower(login) = lower(?1)",
                    [login],
                    |r| r.get(0),
                )
                .optional()?;
            if taken.is_some() {
                return Err(Conflict::LoginTaken(login.to_owned()).into());
            }
            if let Some(person) = account.person_id {
                let has: Option<String> =
                    w.tx.query_row(
                        "SELECT login FROM users WHERE person_id = ?1",
                        [person],
                        |r| r.get(0),
                    )
                    .optional()?;
                if let Some(other) = has {
                    return Err(Conflict::PersonHasAccount(other).into());
                }
            }
            let id: i64 = w.tx.query_row(
                "INSERT INTO users (login, person_id, display_name, password_hash, is_system_admin,
                                    is_school_supervisor, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id",
                params![
                    login,
                    account.person_id,
                    display_name,
                    hash,
                    account.is_system_admin,
                    account.is_school_supervisor,
                    w.now()
                ],
                |r| r.get(0),
            )?;
            keys::issue_key(&w.tx, w.now(), w.signer(), id, login, sealed)?;
            w.note(
                "user_add",
                format!("user:{id}"),
                &crate::text::audit::user_added(
                    &display_name,
                    login,
                    account.is_system_admin,
                    account.is_school_supervisor,
                ),
            )?;
            Ok(id)
        })
    }

    /// Signs in and makes the user the actor of everything that follows.
    pub fn sign_in(&mut self, login: &str, password: &str) -> Result<Session, StoreError> {
        self.sign_in_at(login, password, self.now())
    }

    /// `sign_in` at a given time, so the slowdown after failed tries can be tested.
    pub fn sign_in_at(
        &mut self,
        login: &str,
        password: &str,
        now: NaiveDateTime,
    ) -> Result<Session, StoreError> {
        self.sign_in_with(login, password, now, "", |_, _, _| Ok(()))
    }

    /// Signs in, noting `comment` with the sign-in on the audit chain, and runs `also` in the
    /// same transaction (a command-line session is made there: both or neither).
    pub(super) fn sign_in_with(
        &mut self,
        login: &str,
        password: &str,
        now: NaiveDateTime,
        comment: &str,
        also: impl FnOnce(&super::db::Transaction<'_>, &Session, &KeyPair) -> Result<(), StoreError>,
    ) -> Result<Session, StoreError> {
        let login = login.trim();
        let creds = self
            .conn
            .query_row(
                "SELECT id, password_hash, active, failed_attempts, last_failed_at
                 FROM users WHERE lower(login) = lower(?1)",
                [login],
                credentials,
            )
            .optional()?;
        let Some(creds) = creds else {
            // Same work as a real check, so a wrong login name is not told apart by timing.
            let _ = auth::verify_password(DUMMY_HASH, password);
            return Err(StoreError::WrongPassword);
        };
        creds.wait_over(now)?;
        if !auth::verify_password(&creds.hash, password) {
            self.record_failed_sign_in(creds.id, login, now)?;
            return Err(StoreError::WrongPassword);
        }
        if !creds.active {
            return Err(StoreError::UserInactive);
        }
        let session = self.session_of(creds.id)?;
        let sealed = keys::sealed_key_of(&self.conn, creds.id)?;
        let (key, new_sealed) = match &sealed {
            Some(sealed) => (sealed.open(password).map_err(keys::signing)?, None),
            // An account from before signing: its key is made now, with the password.
            None => {
                let (key, sealed) = keys::new_key(password, KdfCost::DEFAULT)?;
                (key, Some(sealed))
            }
        };
        let label = session.label();
        let by = Signer {
            label: &label,
            key: Some(&key),
        };
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "UPDATE users SET failed_attempts = 0, last_failed_at = NULL, last_sign_in_at = ?1
             WHERE id = ?2",
            params![now, creds.id],
        )?;
        if let Some(sealed) = &new_sealed {
            keys::issue_key(&tx, now, by, creds.id, &session.login, sealed)?;
        }
        note_at(
            &tx,
            now,
            by,
            "sign_in",
            format!("user:{}", creds.id),
            comment,
        )?;
        also(&tx, &session, &key)?;
        tx.commit()?;
        self.session = Some(session.clone());
        self.signer = Some(key);
        Ok(session)
    }

    fn record_failed_sign_in(
        &mut self,
        user_id: i64,
        login: &str,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "UPDATE users SET failed_attempts = failed_attempts + 1, last_failed_at = ?1
             WHERE id = ?2",
            params![now, user_id],
        )?;
        note_at(
            &tx,
            now,
            Signer {
                label: &crate::text::audit::failed_sign_in_actor(login),
                key: None,
            },
            "sign_in_failed",
            format!("user:{user_id}"),
            crate::text::audit::WRONG_PASSWORD,
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Reads a user's session (name, person, unit, roles).
    pub(super) fn session_of(&self, user_id: i64) -> Result<Session, StoreError> {
        let (login, display_name, person_id, unit_id, unit_name, flags) = self
            .conn
            .query_row(
                "SELECT u.login, u.display_name, u.person_id, p.unit_id, COALESCE(un.name, ''),
                        u.is_system_admin, u.is_school_supervisor, u.must_change_password
                 FROM users u LEFT JOIN people p ON p.id = u.person_id
                              LEFT JOIN units un ON un.id = p.unit_id
                 WHERE u.id = ?1",
                [user_id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<i64>>(2)?,
                        r.get::<_, Option<i64>>(3)?,
                        r.get::<_, String>(4)?,
                        (
                            r.get::<_, bool>(5)?,
                            r.get::<_, bool>(6)?,
                            r.get::<_, bool>(7)?,
                        ),
                    ))
                },
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Account,
                id: user_id,
            })?;
        let mut roles = match person_id {
            Some(p) => roles_of(&self.conn, p)?,
            None => Vec::new(),
        };
        let (is_system_admin, school, must_change_password) = flags;
        if school {
            roles.push(Role::SchoolSupervisor);
        }
        Ok(Session {
            user_id,
            login,
            display_name,
            person_id,
            unit_id,
            unit_name,
            roles,
            is_system_admin,
            must_change_password,
        })
    }

    /// Acts as a user without a password: only for generating demo and benchmark data, which
    /// goes through the same steps as real work.
    pub(super) fn act_as(&mut self, user_id: i64) -> Result<(), StoreError> {
        let session = self.session_of(user_id)?;
        self.session = Some(session);
        // The demo accounts' keys open with the demo password (cheaply: keys::DEMO_KDF).
        self.signer = keys::sealed_key_of(&self.conn, user_id)?
            .and_then(|sealed| sealed.open(super::DEMO_PASSWORD).ok());
        Ok(())
    }

    /// Signs out (切换用户): the window returns to the sign-in page.
    pub fn sign_out(&mut self) -> Result<(), StoreError> {
        let signer = self.signer.take();
        if let Some(session) = self.session.take() {
            let tx = self.conn.unchecked_transaction()?;
            note_at(
                &tx,
                self.now(),
                Signer {
                    label: &session.label(),
                    key: signer.as_ref(),
                },
                "sign_out",
                format!("user:{}", session.user_id),
                "",
            )?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Forgets the session without an audit entry (demo generation switching actors).
    pub(super) fn drop_session(&mut self) {
        self.session = None;
        self.signer = None;
    }

    /// Changes one's own password. The current one is checked first (someone at an unlocked
    /// desk cannot take the account over): a wrong one counts as a failed sign-in, with the
    /// same wait after repeated tries. One's own signing key is sealed again under the new
    /// password, and the mark left by an administrator's reset is cleared.
    pub fn change_own_password(
        &mut self,
        current: &str,
        password: &str,
        again: &str,
    ) -> Result<(), StoreError> {
        self.change_own_password_at(current, password, again, self.now())
    }

    /// `change_own_password` at a given time, so the wait after wrong tries can be tested.
    pub fn change_own_password_at(
        &mut self,
        current: &str,
        password: &str,
        again: &str,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let Some(me) = self.session.clone() else {
            return Err(StoreError::Forbidden(
                crate::domain::permissions::Refusal::NotSignedIn,
            ));
        };
        self.check_current_password(me.user_id, &me.login, current, now)?;
        check_password(&me.login, password, again)?;
        let hash = auth::hash_password(password)?;
        // The same key, sealed again: entries sealed before still check with it.
        let resealed = match &self.signer {
            Some(key) => Some(key.seal(password).map_err(keys::signing)?),
            None => None,
        };
        // An account from before signing gets its key now.
        let fresh = match resealed {
            Some(_) => None,
            None => Some(keys::new_key(password, KdfCost::DEFAULT)?),
        };
        let user_id = me.user_id;
        self.write(|w| {
            // Everyone may change their own password (a disabled account may not).
            w.allow_self()?;
            w.tx.execute(
                "UPDATE users SET password_hash = ?1, failed_attempts = 0, last_failed_at = NULL,
                                  must_change_password = 0, version = version + 1,
                                  updated_at = ?2 WHERE id = ?3",
                params![hash, w.now(), user_id],
            )?;
            match (&resealed, &fresh) {
                (Some(sealed), _) => {
                    w.tx.execute(
                        "UPDATE users SET sealed_key = ?1 WHERE id = ?2",
                        params![sealed.to_hex(), user_id],
                    )?;
                }
                (None, Some((_, sealed))) => {
                    keys::issue_key(&w.tx, w.now(), w.signer(), user_id, &me.login, sealed)?;
                }
                (None, None) => {}
            }
            w.note(
                "password_set",
                format!("user:{user_id}"),
                &crate::text::audit::password_set(&me.label()),
            )
        })?;
        if let Some(fresh_key) = fresh.map(|(key, _)| key) {
            self.signer = Some(fresh_key);
        }
        if let Some(session) = &mut self.session {
            session.must_change_password = false;
        }
        Ok(())
    }

    /// A system administrator sets another person's forgotten password. It is temporary: the
    /// person must choose their own at the next sign-in. The administrator, who cannot open
    /// the person's key, issues them a new one (the old one still checks older entries).
    pub fn reset_password(
        &mut self,
        user_id: i64,
        password: &str,
        again: &str,
    ) -> Result<(), StoreError> {
        if self.session.as_ref().is_some_and(|s| s.user_id == user_id) {
            return Err(Rejection::ResetOwnPassword.into());
        }
        let target = self.session_of(user_id)?;
        check_password(&target.login, password, again)?;
        let hash = auth::hash_password(password)?;
        let (_, sealed) = keys::new_key(password, KdfCost::DEFAULT)?;
        self.write(|w| {
            w.allow(Permission::ManageAccounts, Target::School)?;
            w.tx.execute(
                "UPDATE users SET password_hash = ?1, failed_attempts = 0, last_failed_at = NULL,
                                  must_change_password = 1, version = version + 1,
                                  updated_at = ?2 WHERE id = ?3",
                params![hash, w.now(), user_id],
            )?;
            keys::issue_key(&w.tx, w.now(), w.signer(), user_id, &target.login, &sealed)?;
            w.note(
                "password_reset",
                format!("user:{user_id}"),
                &crate::text::audit::password_reset(&target.label()),
            )
        })
    }

    /// Checks the signed-in person's current password as sign-in does: the wait after
    /// repeated wrong tries applies, and a wrong one is noted as a failed sign-in.
    fn check_current_password(
        &mut self,
        user_id: i64,
        login: &str,
        password: &str,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let creds = self
            .conn
            .query_row(
                "SELECT id, password_hash, active, failed_attempts, last_failed_at
                 FROM users WHERE id = ?1",
                [user_id],
                credentials,
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Account,
                id: user_id,
            })?;
        creds.wait_over(now)?;
        if !auth::verify_password(&creds.hash, password) {
            self.record_failed_sign_in(creds.id, login, now)?;
            return Err(StoreError::WrongCurrentPassword);
        }
        Ok(())
    }

    /// Turns an account off or on (a colleague who left keeps their history, not their access).
    pub fn set_user_active(&mut self, user_id: i64, active: bool) -> Result<(), StoreError> {
        let target = self.session_of(user_id)?;
        self.write(|w| {
            let me = w.allow(Permission::ManageAccounts, Target::School)?.user_id;
            if me == user_id && !active {
                return Err(Rejection::CannotDisableSelf.into());
            }
            w.tx.execute(
                "UPDATE users SET active = ?1, version = version + 1, updated_at = ?2 WHERE id = ?3",
                params![active, w.now(), user_id],
            )?;
            w.note(
                if active {
                    "user_enable"
                } else {
                    "user_disable"
                },
                format!("user:{user_id}"),
                &target.label(),
            )
        })
    }

    /// The user id of a login name.
    pub fn user_id(&self, login: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM users WHERE lower(login) = lower(?1)",
                [login.trim()],
                |r| r.get(0),
            )
            .optional()?)
    }
}

/// An Argon2id hash of a random password nobody knows, verified against when the login name
/// does not exist.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$tjb3yR1Cw2y5p0ZkYxG3Gf8j2bFZkVw0Hh7S2b8k9gM";
