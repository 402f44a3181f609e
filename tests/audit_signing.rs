//! Signed audit entries through the store (issue 15, item 1): every step is sealed by the
//! person who took it, a chain rewritten around the triggers with its hashes recomputed is
//! caught at the first forged entry, a cut-off end is caught by a printed anchor, and keys
//! follow password changes and resets.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use mediadesk::domain::audit::{AuditEntry, BreakReason, entry_hash, sealed_digest};
use mediadesk::domain::audit_trust::Anchor;
use mediadesk::store::{
    AnchorCheck, AuditFilter, DEMO_PASSWORD, NewUser, Store, StoreError, VerifyOptions,
};

mod common;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn demo() -> Store {
    let mut s = common::fresh_store();
    s.load_demo(today()).unwrap();
    s
}

fn entries(s: &Store) -> Vec<AuditEntry> {
    let mut all = s
        .audit_entries(&AuditFilter {
            limit: 1_000_000,
            ..Default::default()
        })
        .unwrap();
    all.reverse();
    all
}

fn hex(bytes: &[u8; 32]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `DROP TRIGGER name` on a file, `… ON table` on the server.
fn drop_triggers(s: &Store) {
    let on = match common::backends::backend() {
        common::backends::Backend::Sqlite => "",
        common::backends::Backend::Postgres => " ON audit_log",
    };
    s.execute_raw_for_tests(&format!(
        "DROP TRIGGER audit_log_no_update{on}; DROP TRIGGER audit_log_no_delete{on}"
    ))
    .unwrap();
}

/// What whoever holds the database can do without anyone's password: change entry `seq`,
/// then recompute its hash and every later one with the published encoding, keeping each
/// seal (`keep_seals`) or dropping it.
fn rewrite(s: &Store, seq: u64, comment: &str, keep_seals: bool) {
    drop_triggers(s);
    let mut chain = entries(s);
    let at = chain.iter().position(|e| e.seq == seq).unwrap();
    chain[at].comment = comment.to_owned();
    for i in at..chain.len() {
        if i > 0 {
            chain[i].prev_hash = chain[i - 1].hash.clone();
        }
        let e = &mut chain[i];
        if !keep_seals {
            e.seal = None;
        }
        let content = entry_hash(&e.prev_hash, e.seq, &e.fields());
        e.hash = match &e.seal {
            Some(seal) => {
                let bytes: [u8; 32] = (0..32)
                    .map(|k| u8::from_str_radix(&content[2 * k..2 * k + 2], 16).unwrap())
                    .collect::<Vec<_>>()
                    .try_into()
                    .unwrap();
                hex(&sealed_digest(&bytes, seal))
            }
            None => content,
        };
        let seal_sql = if e.seal.is_some() {
            String::new()
        } else {
            ", signer = NULL, signature = NULL".to_owned()
        };
        s.execute_raw_for_tests(&format!(
            "UPDATE audit_log SET comment = '{}', prev_hash = '{}', hash = '{}'{seal_sql}
             WHERE seq = {}",
            e.comment.replace('\'', "''"),
            e.prev_hash,
            e.hash,
            e.seq
        ))
        .unwrap();
    }
}

on_both_backends! {
fn every_step_of_the_demo_is_sealed_by_its_actor_and_verifies() {
    let s = demo();
    let check = s.verify_audit().unwrap();
    assert!(check.broken.is_none(), "{:?}", check.problem);
    assert!(check.signatures_checked);
    // Every entry of the demo names a signed-in account: all sealed.
    assert_eq!(check.sealed, check.verified, "{check:?}");
    assert!(check.verified > 100);
    let issued = entries(&s)
        .into_iter()
        .filter(|e| e.action == "key_issued")
        .count();
    assert!(issued >= 10, "{issued}");
}
}

on_both_backends! {
fn a_rewritten_chain_with_recomputed_hashes_is_caught_at_the_forged_entry() {
    // Seals kept: the recomputed hashes hold, the signature over entry 40 does not.
    let s = demo();
    rewrite(&s, 40, "同意发布（改）", true);
    let check = s.verify_audit().unwrap();
    let broken = check.broken.unwrap();
    assert_eq!((broken.seq, broken.reason), (40, BreakReason::BadSignature));
    assert!(check.problem.unwrap().contains("第 40 条"));
    // Hashes only cannot see it: that mode proves order and content, not authorship.
    let quick = s
        .verify_audit_with(
            &VerifyOptions {
                hashes_only: true,
                anchor: None,
            },
            &|_| {},
        )
        .unwrap();
    assert!(quick.broken.is_none());

    // Seals dropped: the account has a key, so an unsealed entry is a forgery.
    let s = demo();
    rewrite(&s, 40, "同意发布（改）", false);
    let broken = s.verify_audit().unwrap().broken.unwrap();
    assert_eq!((broken.seq, broken.reason), (40, BreakReason::NotSealed));
}
}

on_both_backends! {
fn a_cut_off_end_is_caught_by_the_printed_anchor() {
    let s = demo();
    let check = s.verify_audit().unwrap();
    let (n, head) = (check.head_seq.unwrap(), check.head.unwrap());
    let anchor = |text: &str| VerifyOptions {
        hashes_only: true,
        anchor: Some(Anchor::parse(text).unwrap()),
    };
    let as_printed = format!("{n}:{}", &head[..16]);
    let got = s.verify_audit_with(&anchor(&as_printed), &|_| {}).unwrap();
    assert_eq!(got.anchor, Some(AnchorCheck::Holds));
    // Another hash for that entry: replaced.
    let other = format!("{n}:{}", "0".repeat(16));
    let got = s.verify_audit_with(&anchor(&other), &|_| {}).unwrap();
    assert_eq!(got.anchor, Some(AnchorCheck::Replaced));
    // The last three entries cut off: the rest still verifies, the anchor does not.
    drop_triggers(&s);
    s.execute_raw_for_tests(&format!("DELETE FROM audit_log WHERE seq > {}", n - 3))
        .unwrap();
    let got = s.verify_audit_with(&anchor(&as_printed), &|_| {}).unwrap();
    assert!(got.broken.is_none());
    assert_eq!(got.anchor, Some(AnchorCheck::CutOff { length: n - 3 }));
}
}

on_both_backends! {
fn keys_follow_password_changes_and_resets() {
    let mut s = demo();
    common::demo_sign_in(&mut s, "zhangzhe");
    let me = s.session().unwrap().user_id;
    // Her own change: the same key, sealed again under the new password.
    s.change_own_password(
        mediadesk::store::DEMO_PASSWORD,
        "新的密码-2026",
        "新的密码-2026",
    )
    .unwrap();
    s.sign_out().unwrap();
    s.sign_in("zhangzhe", "新的密码-2026").unwrap();
    s.sign_out().unwrap();
    // The administrator's reset: a new key issued by the administrator.
    common::demo_sign_in(&mut s, "admin");
    s.reset_password(me, "管理员重置-2026", "管理员重置-2026").unwrap();
    s.sign_out().unwrap();
    s.sign_in("zhangzhe", "管理员重置-2026").unwrap();
    s.sign_out().unwrap();
    let issued: Vec<AuditEntry> = entries(&s)
        .into_iter()
        .filter(|e| e.action == "key_issued" && e.comment.starts_with("zhangzhe "))
        .collect();
    assert_eq!(issued.len(), 2, "one at creation, one at the reset");
    assert!(issued[1].actor.contains("admin"));
    let check = s.verify_audit().unwrap();
    assert!(check.broken.is_none(), "{:?}", check.problem);
    assert_eq!(check.sealed, check.verified);
}
}

on_both_backends! {
fn a_new_account_and_a_first_account_carry_their_keys_on_the_chain() {
    let mut s = common::fresh_store();
    s.create_first_admin("admin", "很长的管理员密码-1").unwrap();
    s.add_user(&NewUser {
        login: "duchayuan".into(),
        display_name: "督查员".into(),
        person_id: None,
        is_system_admin: false,
        is_school_supervisor: true,
        password: "很长的督查员密码-2".into(),
        password_again: "很长的督查员密码-2".into(),
    })
    .unwrap();
    s.sign_out().unwrap();
    s.sign_in("duchayuan", "很长的督查员密码-2").unwrap();
    let chain = entries(&s);
    let first = &chain[0];
    assert_eq!(first.action, "key_issued");
    assert!(first.comment.starts_with("admin "));
    assert!(chain.iter().all(|e| e.seal.is_some()));
    assert!(s.verify_audit().unwrap().broken.is_none());
    // A wrong password opens no key and writes no sealed entry.
    s.sign_out().unwrap();
    assert!(matches!(
        s.sign_in("duchayuan", "不对"),
        Err(StoreError::WrongPassword)
    ));
    let last = entries(&s).pop().unwrap();
    assert_eq!(last.action, "sign_in_failed");
    assert!(last.seal.is_none());
    assert!(s.verify_audit().unwrap().broken.is_none());
    let _ = DEMO_PASSWORD;
}
}

on_both_backends! {
fn an_account_from_before_signing_gets_its_key_at_its_next_sign_in() {
    let mut s = demo();
    let hash = mediadesk::domain::auth::hash_password("旧账号的密码-2024").unwrap();
    // As migration 009 leaves an older account: a row, no sealed key, nothing on the chain.
    s.execute_raw_for_tests(&format!(
        "INSERT INTO users (login, person_id, display_name, password_hash, is_system_admin,
             created_at, updated_at)
         VALUES ('laozhanghu', NULL, '老账户', '{hash}', 1, '2024-01-01 09:00:00',
             '2024-01-01 09:00:00')"
    ))
    .unwrap();
    s.sign_in("laozhanghu", "旧账号的密码-2024").unwrap();
    let chain = entries(&s);
    let issued = &chain[chain.len() - 2];
    assert_eq!(issued.action, "key_issued");
    assert!(issued.comment.starts_with("laozhanghu "));
    assert_eq!(chain.last().unwrap().action, "sign_in");
    let check = s.verify_audit().unwrap();
    assert!(check.broken.is_none(), "{:?}", check.problem);
    assert_eq!(check.sealed, check.verified);
    // Its next sign-in opens the same key: no second key_issued.
    s.sign_out().unwrap();
    s.sign_in("laozhanghu", "旧账号的密码-2024").unwrap();
    let again = entries(&s)
        .iter()
        .filter(|e| e.action == "key_issued" && e.comment.starts_with("laozhanghu "))
        .count();
    assert_eq!(again, 1);
}
}

on_both_backends! {
fn an_entry_whose_time_is_not_a_time_is_named() {
    let s = demo();
    drop_triggers(&s);
    s.execute_raw_for_tests("UPDATE audit_log SET at = '昨天下午' WHERE seq = 30")
        .unwrap();
    let check = s.verify_audit().unwrap();
    let broken = check.broken.unwrap();
    assert_eq!((broken.seq, broken.reason), (30, BreakReason::Unreadable));
    assert!(check.problem.unwrap().contains("第 30 条"));
}
}
