//! Command-line sessions (issue 16): `mediadesk sign-in` checks the password once with
//! Argon2id and hands back a random token; later commands resume the session with it, so a
//! print is not 86 ms of password hashing. The token itself lives only in the user's file
//! (`cli::session_file`); the database keeps its SHA-256, the database it was made on, a stamp
//! of the password hash, and a fixed expiry. Sign-in and sign-out are on the audit chain.

use chrono::{NaiveDateTime, TimeDelta};
use sha2::{Digest, Sha256};

use super::audit_log::{Signer, note_at};
use super::db::{OptionalExtension, params};
use super::{Session, Store, StoreError};
use crate::domain::signing::{KeyPair, SealedKey};

/// How long a command-line sign-in lasts: a working day, fixed from the sign-in. Using it does
/// not extend it (a sliding expiry would write on every command and keep a forgotten
/// session alive for as long as a script runs).
pub const CLI_SESSION_HOURS: i64 = 8;

/// A command-line sign-in just made: the token for the user's file, and what it is for.
#[derive(Clone, PartialEq, Eq)]
pub struct CliSignIn {
    /// 64 hex digits of 32 random bytes; the database has only its SHA-256.
    pub token: String,
    pub session: Session,
    /// The database it is honoured on ([`Store::database_identity`]).
    pub made_for: String,
    pub expires_at: NaiveDateTime,
}

/// The token never reaches a log or a panic message.
impl std::fmt::Debug for CliSignIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CliSignIn")
            .field("session", &self.session)
            .field("made_for", &self.made_for)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// A command-line session that cannot be resumed, and whose it was; `text::sessions` says
/// what to do (sign in again, or ask the system administrator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliSessionRefusal {
    pub login: String,
    pub problem: CliSessionProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CliSessionProblem {
    /// No such session in this database: signed out, made on another database whose copy
    /// this is not, or the token was altered.
    Unknown,
    /// Made on another database (this one is a copy of it, or the file was moved).
    AnotherDatabase {
        made_for: String,
        here: String,
    },
    Expired {
        at: NaiveDateTime,
    },
    /// The account was disabled after the sign-in.
    UserInactive,
    /// The password was changed after the sign-in.
    PasswordChanged,
    /// The system gave no random bytes for a token.
    NoRandomness,
}

impl From<CliSessionRefusal> for StoreError {
    fn from(r: CliSessionRefusal) -> Self {
        StoreError::CliSession(r)
    }
}

/// One row of `cli_sessions` with its user's current state.
struct Stored {
    user_id: i64,
    login: String,
    made_for: String,
    password_stamp: String,
    expires_at: NaiveDateTime,
    active: bool,
    password_hash: String,
    sealed_key: String,
}

impl Store {
    /// Which database this is, as a command-line session records it: the file's real path,
    /// or the server's address (never a password); empty for an in-memory database.
    pub fn database_identity(&self) -> String {
        match (&self.path, &self.server) {
            (Some(path), _) => std::fs::canonicalize(path)
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string(),
            (None, Some(link)) => link.identity(),
            (None, None) => String::new(),
        }
    }

    /// `mediadesk sign-in`: checks the password as the window does (slowdown after failed
    /// tries, disabled accounts refused, the sign-in on the audit chain) and makes a session
    /// of [`CLI_SESSION_HOURS`] in the same transaction. Expired sessions are cleared.
    pub fn open_cli_session(
        &mut self,
        login: &str,
        password: &str,
    ) -> Result<CliSignIn, StoreError> {
        let now = self.now();
        let expires_at = now + TimeDelta::hours(CLI_SESSION_HOURS);
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|_| CliSessionRefusal {
            login: login.trim().to_owned(),
            problem: CliSessionProblem::NoRandomness,
        })?;
        let token = hex::encode(secret);
        let made_for = self.database_identity();
        let comment = crate::text::sessions::signed_in_note(expires_at);
        let session = self.sign_in_with(login, password, now, &comment, |tx, session, key| {
            let sealed = key
                .seal_with(&token, super::keys::TOKEN_KDF)
                .map_err(super::keys::signing)?;
            let hash: String = tx.query_row(
                "SELECT password_hash FROM users WHERE id = ?1",
                [session.user_id],
                |r| r.get(0),
            )?;
            tx.execute(
                "DELETE FROM cli_sessions WHERE expires_at <= ?1",
                params![now],
            )?;
            tx.execute(
                "INSERT INTO cli_sessions (token_sha256, user_id, made_for, password_stamp,
                                           created_at, expires_at, sealed_key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    sha256_hex(token.as_bytes()),
                    session.user_id,
                    made_for,
                    sha256_hex(hash.as_bytes()),
                    now,
                    expires_at,
                    sealed.to_hex()
                ],
            )?;
            Ok(())
        })?;
        Ok(CliSignIn {
            token,
            session,
            made_for,
            expires_at,
        })
    }

    /// Resumes `login`'s command-line session from its token: the user becomes the actor of
    /// what follows, as after a sign-in, without the password. Refused (and the dead row
    /// removed) when the token is unknown here or someone else's, the session was made on
    /// another database or has expired, the account was disabled or its password changed.
    pub fn resume_cli_session(&mut self, login: &str, token: &str) -> Result<Session, StoreError> {
        let login = login.trim();
        let refuse = |problem| CliSessionRefusal {
            login: login.to_owned(),
            problem,
        };
        let digest = sha256_hex(token.trim().as_bytes());
        let stored = self
            .conn
            .query_row(
                "SELECT s.user_id, u.login, s.made_for, s.password_stamp, s.expires_at,
                        u.active, u.password_hash, s.sealed_key
                 FROM cli_sessions s JOIN users u ON u.id = s.user_id
                 WHERE s.token_sha256 = ?1",
                [digest.as_str()],
                |r| {
                    Ok(Stored {
                        user_id: r.get(0)?,
                        login: r.get(1)?,
                        made_for: r.get(2)?,
                        password_stamp: r.get(3)?,
                        expires_at: r.get(4)?,
                        active: r.get(5)?,
                        password_hash: r.get(6)?,
                        sealed_key: r.get(7)?,
                    })
                },
            )
            .optional()?;
        let Some(stored) = stored.filter(|s| s.login.to_lowercase() == login.to_lowercase()) else {
            return Err(refuse(CliSessionProblem::Unknown).into());
        };
        let here = self.database_identity();
        let problem = if stored.made_for != here {
            Some(CliSessionProblem::AnotherDatabase {
                made_for: stored.made_for.clone(),
                here,
            })
        } else if stored.expires_at <= self.now() {
            Some(CliSessionProblem::Expired {
                at: stored.expires_at,
            })
        } else if !stored.active {
            Some(CliSessionProblem::UserInactive)
        } else if stored.password_stamp != sha256_hex(stored.password_hash.as_bytes()) {
            Some(CliSessionProblem::PasswordChanged)
        } else {
            None
        };
        // The key the session's commands seal with; a row whose key does not open with this
        // token was altered.
        let key = session_key(&stored.sealed_key, token);
        let problem = problem.or_else(|| key.is_none().then_some(CliSessionProblem::Unknown));
        if let Some(problem) = problem {
            self.conn.execute(
                "DELETE FROM cli_sessions WHERE token_sha256 = ?1",
                [digest.as_str()],
            )?;
            return Err(refuse(problem).into());
        }
        let session = self.session_of(stored.user_id)?;
        self.session = Some(session.clone());
        self.signer = key;
        Ok(session)
    }

    /// `mediadesk sign-out`: ends the session of `token`, noting it on the audit chain as the
    /// session's user. False when there was none (already ended or expired and cleared).
    pub fn close_cli_session(&mut self, token: &str) -> Result<bool, StoreError> {
        let digest = sha256_hex(token.trim().as_bytes());
        let row: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT user_id, sealed_key FROM cli_sessions WHERE token_sha256 = ?1",
                [digest.as_str()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((user_id, sealed)) = row else {
            return Ok(false);
        };
        let key = session_key(&sealed, token);
        let who = self.session_of(user_id)?;
        let now = self.now();
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "DELETE FROM cli_sessions WHERE token_sha256 = ?1",
            [digest.as_str()],
        )?;
        let by = Signer {
            label: &who.label(),
            key: key.as_ref(),
        };
        // A session whose key does not open was altered: it is removed without an entry in
        // that person's name.
        if key.is_some() {
            note_at(
                &tx,
                now,
                by,
                "sign_out",
                format!("user:{user_id}"),
                crate::text::sessions::SIGNED_OUT_NOTE,
            )?;
        }
        tx.commit()?;
        if self.session.as_ref().is_some_and(|s| s.user_id == user_id) {
            self.session = None;
            self.signer = None;
        }
        Ok(true)
    }

    /// How many command-line sessions the database holds (live or not yet cleared), for tests
    /// and the lead's checks.
    pub fn cli_session_count(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM cli_sessions", [], |r| r.get(0))?)
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The signing key a session row keeps, opened with its token (none when it does not open).
fn session_key(sealed_hex: &str, token: &str) -> Option<KeyPair> {
    SealedKey::from_hex(sealed_hex)
        .and_then(|sealed| sealed.open(token.trim()))
        .ok()
}
