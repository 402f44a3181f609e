//! `mediadesk sign-in` / `sign-out`, and how every other command finds its actor: the live
//! command-line session this computer holds for the database (as `gh` and `az` keep theirs),
//! else the password from `MEDIADESK_PASSWORD` or a prompt. The password is checked with
//! Argon2id once per sign-in instead of once per command (issue 16: a print is then a few
//! milliseconds, not 86 ms of hashing).

use std::io::Write;

use chrono::NaiveDateTime;

use super::session_file::{self, SessionFile};
use super::{CliError, password_from};
use crate::store::{CliSessionProblem, CliSessionRefusal, PASSWORD_ENV_VAR, Store, StoreError};
use crate::text::cli as cli_text;
use crate::text::sessions as text;

/// `mediadesk sign-in --as USER`: the password checked once, a session of
/// [`crate::store::CLI_SESSION_HOURS`] made, its token saved for this user only. A session
/// this computer already had for the same login and database ends (it is replaced).
pub(super) fn sign_in(
    as_user: Option<&str>,
    store: &mut Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let Some(login) = as_user else {
        return Err(CliError::Message(text::SIGN_IN_NEEDS_LOGIN.to_owned()));
    };
    let password = password_from(PASSWORD_ENV_VAR, &cli_text::password_prompt(login))?;
    let made = store.open_cli_session(login, &password)?;
    let file = SessionFile {
        database: made.made_for.clone(),
        login: made.session.login.clone(),
        token: made.token.clone(),
        expires_at: made.expires_at,
    };
    if let Some(old) = session_file::load(&file.database, &file.login) {
        store.close_cli_session(&old.token)?;
    }
    match session_file::save(&file) {
        Ok(path) => {
            writeln!(
                out,
                "{}",
                text::signed_in(&made.session.label(), made.expires_at, &path)
            )?;
            Ok(())
        }
        Err(e) => {
            // A session nobody holds the token of is ended at once.
            store.close_cli_session(&made.token)?;
            Err(CliError::Message(text::token_unsaved(
                &crate::text::io_error(&e),
            )))
        }
    }
}

/// `mediadesk sign-out [--as USER]`: ends the session in the database and removes its file.
/// Without `--as`, the one session this computer has for the database.
pub(super) fn sign_out(
    as_user: Option<&str>,
    store: &mut Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let here = store.database_identity();
    let file = match as_user {
        Some(login) => session_file::load(&here, login),
        None => only_one(session_file::of_database(&here), None)?,
    };
    let Some(file) = file else {
        writeln!(out, "{}", text::NOT_SIGNED_IN)?;
        return Ok(());
    };
    store.close_cli_session(&file.token)?;
    session_file::remove(&here, &file.login)?;
    writeln!(out, "{}", text::signed_out(&file.login))?;
    Ok(())
}

/// Signs in as `login` for one command: with the live session this computer has for the
/// database, else with the password.
pub(super) fn sign_in_as(store: &mut Store, login: &str) -> Result<(), CliError> {
    let here = store.database_identity();
    match session_file::load(&here, login) {
        Some(file) => resume(store, file, &here),
        None => {
            let password = password_from(PASSWORD_ENV_VAR, &cli_text::password_prompt(login))?;
            store.sign_in(login, &password)?;
            Ok(())
        }
    }
}

/// A command that writes, given without `--as`: the one session this computer has for the
/// database acts (several live ones: `--as` must say whose).
pub(super) fn sign_in_by_the_only_session(store: &mut Store) -> Result<(), CliError> {
    let here = store.database_identity();
    let now = chrono::Local::now().naive_local();
    match only_one(session_file::of_database(&here), Some(now))? {
        Some(file) => resume(store, file, &here),
        None => Err(CliError::Message(cli_text::needs_sign_in())),
    }
}

/// The one file among `files`; with several, the one still live at `now` (when given), else
/// a refusal naming the logins so `--as` can choose.
fn only_one(
    mut files: Vec<SessionFile>,
    now: Option<NaiveDateTime>,
) -> Result<Option<SessionFile>, CliError> {
    if files.len() > 1
        && let Some(now) = now
    {
        files.retain(|f| f.expires_at > now);
    }
    match files.len() {
        0 | 1 => Ok(files.pop()),
        _ => {
            let logins: Vec<&str> = files.iter().map(|f| f.login.as_str()).collect();
            Err(CliError::Message(text::which_session(&logins)))
        }
    }
}

/// Resumes the session of `file`; a refused one is removed from this computer (it can
/// never work again) and the refusal says what to do.
fn resume(store: &mut Store, file: SessionFile, here: &str) -> Result<(), CliError> {
    let result = if file.database != here {
        Err(StoreError::from(CliSessionRefusal {
            login: file.login.clone(),
            problem: CliSessionProblem::AnotherDatabase {
                made_for: file.database.clone(),
                here: here.to_owned(),
            },
        }))
    } else {
        store
            .resume_cli_session(&file.login, &file.token)
            .map(|_| ())
    };
    if let Err(StoreError::CliSession(_)) = &result {
        let _ = session_file::remove(here, &file.login);
    }
    Ok(result?)
}
