//! Command-line sessions through the store (issue 16), on both backends: a sign-in checks the
//! password once and gives a token that resumes the user without it, for eight hours fixed;
//! the database keeps only the token's hash; disabled accounts, changed passwords, expired,
//! altered or foreign tokens, and tokens made on another database are refused and cleared;
//! sign-in and sign-out are on the audit chain.
#![allow(clippy::unwrap_used)]

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use mediadesk::store::{
    AuditFilter, CLI_SESSION_HOURS, CliSessionProblem, CliSessionRefusal, Store, StoreError,
};

mod common;

use common::PASSWORD;

fn t0() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 30)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// The administrator and 李珺 (`lijun`, school supervisor), nobody signed in, clock at `t0`.
fn store() -> Store {
    let mut s = common::admin_store();
    common::add_account(&mut s, "lijun", None, true);
    s.sign_out().unwrap();
    s.freeze_clock(t0());
    s
}

fn problem(err: StoreError) -> CliSessionProblem {
    match err {
        StoreError::CliSession(CliSessionRefusal { problem, .. }) => problem,
        other => panic!("not a session refusal: {other}"),
    }
}

fn last_entry(s: &Store) -> mediadesk::domain::audit::AuditEntry {
    s.audit_entries(&AuditFilter {
        limit: 1,
        ..Default::default()
    })
    .unwrap()
    .remove(0)
}

on_both_backends! {
fn a_sign_in_resumes_without_the_password_until_eight_hours_later() {
    let mut s = store();
    let made = s.open_cli_session("LiJun", PASSWORD).unwrap();
    assert_eq!(made.token.len(), 64);
    assert!(made.token.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(made.session.login, "lijun");
    assert_eq!(made.expires_at, t0() + TimeDelta::hours(CLI_SESSION_HOURS));
    assert_eq!(made.made_for, s.database_identity());
    // On the audit chain as a sign-in, with its expiry; the token is nowhere in it.
    let entry = last_entry(&s);
    assert_eq!(entry.action, "sign_in");
    assert!(entry.comment.contains("命令行登录"), "{}", entry.comment);
    assert!(!entry.comment.contains(&made.token));
    // The database keeps the hash, not the token.
    let backup = tempfile::tempdir().unwrap();
    let copy = backup.path().join("copy.db");
    let file = Store::open(&copy).unwrap();
    s.copy_into(&file).unwrap();
    drop(file);
    let bytes = std::fs::read(&copy).unwrap();
    let token = made.token.as_bytes();
    assert!(!bytes.windows(token.len()).any(|w| w == token));

    s.sign_out().unwrap();
    // Fixed expiry: using it does not extend it.
    for at in [t0() + TimeDelta::minutes(1), t0() + TimeDelta::hours(8) - TimeDelta::seconds(1)] {
        s.freeze_clock(at);
        let session = s.resume_cli_session("lijun", &made.token).unwrap();
        assert_eq!(session.login, "lijun");
        assert_eq!(s.session().unwrap().login, "lijun");
    }
    s.sign_out().unwrap();
    s.freeze_clock(t0() + TimeDelta::hours(8));
    let err = s.resume_cli_session("lijun", &made.token).unwrap_err();
    assert_eq!(problem(err), CliSessionProblem::Expired { at: made.expires_at });
    assert!(s.session().is_none());
    assert_eq!(s.cli_session_count().unwrap(), 0, "the expired row is cleared");
}
}

on_both_backends! {
fn a_wrong_password_makes_no_session() {
    let mut s = store();
    let err = s.open_cli_session("lijun", "not-the-password").unwrap_err();
    assert!(matches!(err, StoreError::WrongPassword), "{err}");
    assert_eq!(s.cli_session_count().unwrap(), 0);
    assert_eq!(last_entry(&s).action, "sign_in_failed");
}
}

on_both_backends! {
fn dead_sessions_are_refused_and_cleared() {
    type Spoil = fn(&mut Store, &str) -> String;
    // Each case: what happens after the sign-in, the token then presented, the refusal.
    let cases: [(&str, Spoil, CliSessionProblem); 5] = [
        (
            "disabled",
            |s, token| {
                common::sign_in(s, "admin");
                let id = s.user_id("lijun").unwrap().unwrap();
                s.set_user_active(id, false).unwrap();
                token.to_owned()
            },
            CliSessionProblem::UserInactive,
        ),
        (
            "password changed",
            |s, token| {
                common::sign_in(s, "admin");
                let id = s.user_id("lijun").unwrap().unwrap();
                s.reset_password(id, "another-pass-2026", "another-pass-2026").unwrap();
                token.to_owned()
            },
            CliSessionProblem::PasswordChanged,
        ),
        (
            "altered",
            |_, token| {
                let last = if token.ends_with('0') { "1" } else { "0" };
                format!("{}{last}", &token[..63])
            },
            CliSessionProblem::Unknown,
        ),
        (
            "made up",
            |_, _| "ab".repeat(32),
            CliSessionProblem::Unknown,
        ),
        (
            "someone else's",
            |s, _| s.open_cli_session("admin", PASSWORD).unwrap().token,
            CliSessionProblem::Unknown,
        ),
    ];
    for (name, spoil, expected) in cases {
        let mut s = store();
        let made = s.open_cli_session("lijun", PASSWORD).unwrap();
        let token = spoil(&mut s, &made.token);
        s.sign_out().unwrap();
        let err = s.resume_cli_session("lijun", &token).unwrap_err();
        assert!(err.to_string().contains("lijun"), "{name}: {err}");
        assert_eq!(problem(err), expected, "{name}");
        assert!(s.session().is_none(), "{name}");
        if expected != CliSessionProblem::Unknown {
            assert_eq!(s.cli_session_count().unwrap(), 0, "{name}: row cleared");
        }
    }
}
}

on_both_backends! {
fn sign_out_ends_the_session_on_the_audit_chain() {
    let mut s = store();
    let made = s.open_cli_session("lijun", PASSWORD).unwrap();
    let before = s.verify_audit().unwrap().verified;
    assert!(s.close_cli_session(&made.token).unwrap());
    let entry = last_entry(&s);
    assert_eq!(entry.action, "sign_out");
    assert!(entry.actor.contains("lijun"), "{}", entry.actor);
    assert_eq!(entry.comment, mediadesk::text::sessions::SIGNED_OUT_NOTE);
    assert_eq!(s.verify_audit().unwrap().verified, before + 1);
    assert_eq!(s.cli_session_count().unwrap(), 0);
    let err = s.resume_cli_session("lijun", &made.token).unwrap_err();
    assert_eq!(problem(err), CliSessionProblem::Unknown);
    // A second sign-out finds nothing and notes nothing.
    assert!(!s.close_cli_session(&made.token).unwrap());
    assert_eq!(s.verify_audit().unwrap().verified, before + 1);
}
}

/// Two databases of the current backend: two files on SQLite (an in-memory database has no
/// name to tell it apart), two schemas on the server.
fn two_databases(dir: &std::path::Path) -> (Store, Store) {
    match common::backends::backend() {
        common::backends::Backend::Sqlite => (
            Store::open(&dir.join("a.db")).unwrap(),
            Store::open(&dir.join("b.db")).unwrap(),
        ),
        common::backends::Backend::Postgres => (common::fresh_store(), common::fresh_store()),
    }
}

on_both_backends! {
fn a_session_made_on_another_database_is_refused_on_its_copy() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, b) = two_databases(dir.path());
    a.create_first_admin("admin", PASSWORD).unwrap();
    a.sign_out().unwrap();
    let made = a.open_cli_session("admin", PASSWORD).unwrap();
    a.copy_into(&b).unwrap();
    let mut b = b;
    assert_eq!(b.cli_session_count().unwrap(), 1, "the copy carries the row");
    let err = b.resume_cli_session("admin", &made.token).unwrap_err();
    assert_eq!(
        problem(err),
        CliSessionProblem::AnotherDatabase {
            made_for: a.database_identity(),
            here: b.database_identity(),
        }
    );
    assert!(b.session().is_none());
    // The original still honours it.
    a.resume_cli_session("admin", &made.token).unwrap();
}
}
