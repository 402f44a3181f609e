//! Password changes through the store (issue 14), on both backends: one's own change asks for
//! the current password (a wrong one counts as a failed sign-in and waits like one) and keeps
//! one's signing key; an administrator's reset of someone else's password is temporary (the
//! person must change it at the next sign-in); both are on the audit chain.
#![allow(clippy::unwrap_used)]

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use mediadesk::store::{AuditFilter, Store, StoreError};

mod common;

use common::PASSWORD;

fn t0() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 30)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

/// The administrator and `lijun` (school supervisor), `lijun` signed in, clock at `t0`.
fn store() -> Store {
    let mut s = common::admin_store();
    common::add_account(&mut s, "lijun", None, true);
    s.sign_out().unwrap();
    s.freeze_clock(t0());
    s.sign_in("lijun", PASSWORD).unwrap();
    s
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
fn own_change_needs_the_current_password() {
    let mut s = store();
    let before = s.audit_len().unwrap();
    let err = s
        .change_own_password("not-my-password", "new-pass-2026", "new-pass-2026")
        .unwrap_err();
    assert!(matches!(err, StoreError::WrongCurrentPassword), "{err:?}");
    assert!(err.to_string().contains("当前密码不正确"), "{err}");
    // Counted like a failed sign-in, on the chain.
    let entry = last_entry(&s);
    assert_eq!(entry.action, "sign_in_failed");
    assert_eq!(s.audit_len().unwrap(), before + 1);
    // The old password still signs in; the new one does not.
    s.sign_out().unwrap();
    assert!(matches!(
        s.sign_in("lijun", "new-pass-2026"),
        Err(StoreError::WrongPassword)
    ));
    s.sign_in("lijun", PASSWORD).unwrap();
    s.change_own_password(PASSWORD, "new-pass-2026", "new-pass-2026")
        .unwrap();
    assert_eq!(last_entry(&s).action, "password_set");
    s.sign_out().unwrap();
    s.sign_in("lijun", "new-pass-2026").unwrap();
    let check = s.verify_audit().unwrap();
    assert!(check.broken.is_none(), "{:?}", check.problem);
    // Only the two failed tries are unsealed (nobody's key opened for them): the change
    // kept the key.
    assert_eq!(check.sealed + 2, check.verified);
}
}

on_both_backends! {
fn wrong_current_passwords_wait_like_sign_ins() {
    let mut s = store();
    for _ in 0..3 {
        let _ = s.change_own_password_at("wrong", "new-pass-2026", "new-pass-2026", t0());
    }
    // Right after three wrong tries, even the right one waits.
    let err = s
        .change_own_password_at(PASSWORD, "new-pass-2026", "new-pass-2026", t0())
        .unwrap_err();
    assert!(matches!(err, StoreError::SignInThrottled { .. }), "{err:?}");
    let later = t0() + TimeDelta::hours(1);
    s.change_own_password_at(PASSWORD, "new-pass-2026", "new-pass-2026", later)
        .unwrap();
}
}

on_both_backends! {
fn a_reset_must_be_changed_at_the_next_sign_in() {
    let mut s = store();
    let lijun = s.session().unwrap().user_id;
    assert!(!s.session().unwrap().must_change_password);
    // Not by the person themselves, and not by someone without ManageAccounts.
    let err = s.reset_password(lijun, "temp-pass-2026", "temp-pass-2026").unwrap_err();
    assert!(err.to_string().contains("修改我的密码"), "{err}");
    let admin = s.user_id("admin").unwrap().unwrap();
    assert!(matches!(
        s.reset_password(admin, "temp-pass-2026", "temp-pass-2026"),
        Err(StoreError::Forbidden(_))
    ));
    s.sign_out().unwrap();
    common::sign_in(&mut s, "admin");
    s.reset_password(lijun, "temp-pass-2026", "temp-pass-2026").unwrap();
    let entry = last_entry(&s);
    assert_eq!(entry.action, "password_reset");
    assert_eq!(entry.object, format!("user:{lijun}"));
    assert!(entry.actor.contains("admin"), "{}", entry.actor);
    s.sign_out().unwrap();
    let session = s.sign_in("lijun", "temp-pass-2026").unwrap();
    assert!(session.must_change_password);
    s.change_own_password("temp-pass-2026", "mine-pass-2026", "mine-pass-2026")
        .unwrap();
    assert!(!s.session().unwrap().must_change_password);
    s.sign_out().unwrap();
    let session = s.sign_in("lijun", "mine-pass-2026").unwrap();
    assert!(!session.must_change_password, "cleared for good");
    let check = s.verify_audit().unwrap();
    assert!(check.broken.is_none(), "{:?}", check.problem);
}
}
