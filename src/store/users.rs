//! Local user accounts and sign-in. A user acts with the roles of the person they are tied to
//! (第七条三); a 系统管理员 manages settings and users. Every sign-in, failed try and account
//! change goes into the audit chain.

use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::audit_log::note_at;
use super::{Store, StoreError, now_timestamp};
use crate::domain::auth::{self, check_login, check_password, seconds_to_wait};
use crate::domain::unit::Role;

/// The environment variable the CLI reads the `--as` user's password from.
pub const PASSWORD_ENV_VAR: &str = "MEDIADESK_PASSWORD";
/// The environment variable `users add` reads the new user's password from.
pub const NEW_PASSWORD_ENV_VAR: &str = "MEDIADESK_NEW_PASSWORD";
/// The password of every demo account (shown on the sign-in page of a demo database).
pub const DEMO_PASSWORD: &str = "demo2026";

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
}

impl Session {
    /// How history and the audit log name this user: 「张喆（zhangzhe）」.
    pub fn label(&self) -> String {
        format!("{}（{}）", self.display_name, self.login)
    }

    /// 「张喆 · 商学院 · 信息员」 for the window's header.
    pub fn description(&self) -> String {
        let mut parts = vec![self.display_name.clone()];
        if !self.unit_name.is_empty() {
            parts.push(self.unit_name.clone());
        }
        let mut roles: Vec<&str> = self.roles.iter().map(|r| r.label()).collect();
        if self.is_system_admin && self.display_name != "系统管理员" {
            roles.push("系统管理员");
        }
        if !roles.is_empty() {
            parts.push(roles.join("、"));
        }
        parts.join(" · ")
    }
}

/// A user to create. The display name defaults to the person's name.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct NewUser {
    pub login: String,
    pub display_name: String,
    pub person_id: Option<i64>,
    pub is_system_admin: bool,
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

/// Before anyone signs in, history names the computer's user.
pub(super) fn unsigned_actor() -> String {
    let os_user = std::env::var("USERNAME")
        .or_else(|_| std::env::var("USER"))
        .unwrap_or_else(|_| "本机用户".to_owned());
    format!("{os_user}（未登录）")
}

struct Credentials {
    id: i64,
    hash: String,
    active: bool,
    failed: u32,
    last_failed_at: Option<NaiveDateTime>,
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

    /// The signed-in user, or a message asking to sign in.
    pub(super) fn require_session(&self) -> Result<Session, StoreError> {
        self.session.clone().ok_or(StoreError::NotSignedIn)
    }

    fn require_system_admin(&self, what: &str) -> Result<(), StoreError> {
        match &self.session {
            Some(s) if s.is_system_admin => Ok(()),
            Some(_) => Err(StoreError::Forbidden(format!(
                "只有系统管理员才能{what}，请用系统管理员账号登录。"
            ))),
            None => Err(StoreError::NotSignedIn),
        }
    }

    /// Every account, by login.
    pub fn users(&self) -> Result<Vec<UserRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT u.id, u.login, u.display_name, u.person_id, COALESCE(un.name, ''),
                    u.is_system_admin, u.active, u.last_sign_in_at
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
                roles: Vec::new(),
                is_system_admin: r.get(5)?,
                active: r.get(6)?,
                last_sign_in_at: r.get(7)?,
            })
        })?;
        let mut users: Vec<UserRow> = rows.collect::<Result<_, _>>()?;
        for u in &mut users {
            if let Some(person) = u.person_id {
                u.roles = self.roles_of(person)?;
            }
        }
        Ok(users)
    }

    pub(super) fn roles_of(&self, person_id: i64) -> Result<Vec<Role>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT role FROM person_roles WHERE person_id = ?1 ORDER BY role")?;
        let codes = stmt.query_map([person_id], |r| r.get::<_, String>(0))?;
        let mut roles = Vec::new();
        for code in codes {
            let code = code?;
            roles.push(
                Role::from_code(&code)
                    .ok_or_else(|| StoreError::Corrupt(format!("未知角色 {code}")))?,
            );
        }
        roles.sort();
        Ok(roles)
    }

    /// Creates an account. The very first account must be a system administrator and needs
    /// nobody signed in (first start); every later one is created by a system administrator.
    pub fn add_user(&mut self, new: &NewUser) -> Result<i64, StoreError> {
        let first = !self.has_users()?;
        if first {
            if !new.is_system_admin {
                return Err(StoreError::Forbidden(
                    "第一个账号必须是系统管理员，请勾选「系统管理员」。".to_owned(),
                ));
            }
        } else {
            self.require_system_admin("添加账号")?;
        }
        let login = check_login(&new.login)?;
        check_password(&login, &new.password, &new.password_again)?;
        let person_name = match new.person_id {
            Some(id) => Some(
                self.conn
                    .query_row("SELECT name FROM people WHERE id = ?1", [id], |r| {
                        r.get::<_, String>(0)
                    })
                    .optional()?
                    .ok_or(StoreError::NotFound { what: "人员", id })?,
            ),
            None => None,
        };
        let display_name = match new.display_name.trim() {
            "" => person_name.clone().unwrap_or_else(|| login.clone()),
            name => name.to_owned(),
        };
        if new.person_id.is_none() && !new.is_system_admin {
            return Err(StoreError::Forbidden(
                "请选择该账号对应的人员：信息员、审核人、管理员须按人员所在单位和角色办理。"
                    .to_owned(),
            ));
        }
        let hash = auth::hash_password(&new.password)?;
        self.insert_user(
            &login,
            &display_name,
            new.person_id,
            new.is_system_admin,
            &hash,
        )
    }

    pub(super) fn insert_user(
        &mut self,
        login: &str,
        display_name: &str,
        person_id: Option<i64>,
        is_system_admin: bool,
        hash: &str,
    ) -> Result<i64, StoreError> {
        let now = now_timestamp();
        let actor = match &self.session {
            Some(s) => s.label(),
            None => format!("{display_name}（{login}）"),
        };
        let tx = self.conn.transaction()?;
        let taken: Option<i64> = tx
            .query_row(
                "SELECT id FROM users WHERE login = ?1 COLLATE NOCASE",
                [login],
                |r| r.get(0),
            )
            .optional()?;
        if taken.is_some() {
            return Err(StoreError::InUse(format!(
                "登录名「{login}」已被占用，请换一个。"
            )));
        }
        if let Some(person) = person_id {
            let has: Option<String> = tx
                .query_row(
                    "SELECT login FROM users WHERE person_id = ?1",
                    [person],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(other) = has {
                return Err(StoreError::InUse(format!(
                    "该人员已有账号「{other}」，一人只能有一个账号。"
                )));
            }
        }
        tx.execute(
            "INSERT INTO users (login, person_id, display_name, password_hash, is_system_admin,
                                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![login, person_id, display_name, hash, is_system_admin, now],
        )?;
        let id = tx.last_insert_rowid();
        let what = if is_system_admin {
            "系统管理员账号"
        } else {
            "账号"
        };
        note_at(
            &tx,
            now,
            &actor,
            "user_add",
            format!("user:{id}"),
            &format!("添加{what}「{display_name}（{login}）」"),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Signs in and makes the user the actor of everything that follows.
    pub fn sign_in(&mut self, login: &str, password: &str) -> Result<Session, StoreError> {
        self.sign_in_at(login, password, now_timestamp())
    }

    /// `sign_in` at a given time, so the slowdown after failed tries can be tested.
    pub fn sign_in_at(
        &mut self,
        login: &str,
        password: &str,
        now: NaiveDateTime,
    ) -> Result<Session, StoreError> {
        let login = login.trim();
        let creds = self
            .conn
            .query_row(
                "SELECT id, password_hash, active, failed_attempts, last_failed_at
                 FROM users WHERE login = ?1 COLLATE NOCASE",
                [login],
                |r| {
                    Ok(Credentials {
                        id: r.get(0)?,
                        hash: r.get(1)?,
                        active: r.get(2)?,
                        failed: r.get::<_, i64>(3)?.clamp(0, i64::from(u32::MAX)) as u32,
                        last_failed_at: r.get(4)?,
                    })
                },
            )
            .optional()?;
        let Some(creds) = creds else {
            // Same work as a real check, so a wrong login name is not told apart by timing.
            let _ = auth::verify_password(DUMMY_HASH, password);
            return Err(StoreError::WrongPassword);
        };
        if let Some(last) = creds.last_failed_at {
            let since = (now - last).to_std().unwrap_or(Duration::ZERO);
            let seconds = seconds_to_wait(creds.failed, since);
            if seconds > 0 {
                return Err(StoreError::SignInThrottled { seconds });
            }
        }
        if !auth::verify_password(&creds.hash, password) {
            self.record_failed_sign_in(creds.id, login, now)?;
            return Err(StoreError::WrongPassword);
        }
        if !creds.active {
            return Err(StoreError::UserInactive);
        }
        let session = self.session_of(creds.id)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE users SET failed_attempts = 0, last_failed_at = NULL, last_sign_in_at = ?1
             WHERE id = ?2",
            params![now, creds.id],
        )?;
        note_at(
            &tx,
            now,
            &session.label(),
            "sign_in",
            format!("user:{}", creds.id),
            "",
        )?;
        tx.commit()?;
        self.actor = session.label();
        self.session = Some(session.clone());
        Ok(session)
    }

    fn record_failed_sign_in(
        &mut self,
        user_id: i64,
        login: &str,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE users SET failed_attempts = failed_attempts + 1, last_failed_at = ?1
             WHERE id = ?2",
            params![now, user_id],
        )?;
        note_at(
            &tx,
            now,
            &format!("（登录名 {login}）"),
            "sign_in_failed",
            format!("user:{user_id}"),
            "密码错误",
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Reads a user's session (name, person, unit, roles).
    fn session_of(&self, user_id: i64) -> Result<Session, StoreError> {
        let (login, display_name, person_id, unit_id, unit_name, is_system_admin) = self
            .conn
            .query_row(
                "SELECT u.login, u.display_name, u.person_id, p.unit_id, COALESCE(un.name, ''),
                        u.is_system_admin
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
                        r.get::<_, bool>(5)?,
                    ))
                },
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "账号",
                id: user_id,
            })?;
        let roles = match person_id {
            Some(p) => self.roles_of(p)?,
            None => Vec::new(),
        };
        Ok(Session {
            user_id,
            login,
            display_name,
            person_id,
            unit_id,
            unit_name,
            roles,
            is_system_admin,
        })
    }

    /// Acts as a user without a password: only for generating demo and benchmark data, which
    /// goes through the same steps as real work.
    pub(super) fn act_as(&mut self, user_id: i64) -> Result<(), StoreError> {
        let session = self.session_of(user_id)?;
        self.actor = session.label();
        self.session = Some(session);
        Ok(())
    }

    /// Signs out (切换用户): the window returns to the sign-in page.
    pub fn sign_out(&mut self) -> Result<(), StoreError> {
        if let Some(session) = self.session.take() {
            let tx = self.conn.transaction()?;
            note_at(
                &tx,
                now_timestamp(),
                &session.label(),
                "sign_out",
                format!("user:{}", session.user_id),
                "",
            )?;
            tx.commit()?;
        }
        self.actor = unsigned_actor();
        Ok(())
    }

    /// Forgets the session without an audit entry (demo generation switching actors).
    pub(super) fn drop_session(&mut self) {
        self.session = None;
        self.actor = unsigned_actor();
    }

    /// Sets a new password: one's own, or anyone's by a system administrator.
    pub fn set_password(
        &mut self,
        user_id: i64,
        password: &str,
        again: &str,
    ) -> Result<(), StoreError> {
        let session = self.require_session()?;
        if session.user_id != user_id && !session.is_system_admin {
            return Err(StoreError::Forbidden(
                "只能修改自己的密码；如忘记密码，请系统管理员重设。".to_owned(),
            ));
        }
        let target = self.session_of(user_id)?;
        check_password(&target.login, password, again)?;
        let hash = auth::hash_password(password)?;
        let now = now_timestamp();
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE users SET password_hash = ?1, failed_attempts = 0, last_failed_at = NULL,
                              version = version + 1, updated_at = ?2 WHERE id = ?3",
            params![hash, now, user_id],
        )?;
        note_at(
            &tx,
            now,
            &session.label(),
            "password_set",
            format!("user:{user_id}"),
            &format!("设置「{}」的密码", target.label()),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Turns an account off or on (a colleague who left keeps their history, not their access).
    pub fn set_user_active(&mut self, user_id: i64, active: bool) -> Result<(), StoreError> {
        self.require_system_admin("停用或启用账号")?;
        let session = self.require_session()?;
        if session.user_id == user_id && !active {
            return Err(StoreError::Forbidden(
                "不能停用自己正在使用的账号。".to_owned(),
            ));
        }
        let target = self.session_of(user_id)?;
        let now = now_timestamp();
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE users SET active = ?1, version = version + 1, updated_at = ?2 WHERE id = ?3",
            params![active, now, user_id],
        )?;
        note_at(
            &tx,
            now,
            &session.label(),
            if active {
                "user_enable"
            } else {
                "user_disable"
            },
            format!("user:{user_id}"),
            &target.label(),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The user id of a login name.
    pub fn user_id(&self, login: &str) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM users WHERE login = ?1 COLLATE NOCASE",
                [login.trim()],
                |r| r.get(0),
            )
            .optional()?)
    }
}

/// An Argon2id hash of a random password nobody knows, verified against when the login name
/// does not exist.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$tjb3yR1Cw2y5p0ZkYxG3Gf8j2bFZkVw0Hh7S2b8k9gM";
