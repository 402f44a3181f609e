use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::domain::audit::{AuditFields, EntrySeal, append, append_sealed, sealed_digest, to_hex};
use crate::domain::signing::KeyPair;

fn at(minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 30)
        .unwrap()
        .and_hms_opt(9, minute, 0)
        .unwrap()
}

struct Chain {
    entries: Vec<AuditEntry>,
}

impl Chain {
    fn add(&mut self, actor: &str, action: &str, comment: &str, key: Option<&KeyPair>) {
        let fields = AuditFields {
            at: at(self.entries.len() as u32),
            actor,
            action,
            object: "post:1",
            from: "",
            to: "",
            comment,
        };
        let next = append_sealed(self.entries.last(), fields, key);
        self.entries.push(next);
    }

    fn check(&self, hashes_only: bool) -> Result<TrustSummary, ChainBreak> {
        let mut checker = ChainChecker::new(hashes_only, &|_| {});
        for e in &self.entries {
            checker.push(e)?;
        }
        checker.finish()
    }
}

const ADMIN: &str = "系统管理员（admin）";
const WRITER: &str = "张喆（zhangzhe）";

/// An old unsealed entry, the first admin introducing its own key, the admin issuing the
/// writer's key, then steps of both.
fn school() -> (Chain, KeyPair, KeyPair) {
    let admin = KeyPair::generate().unwrap();
    let writer = KeyPair::generate().unwrap();
    let mut c = Chain {
        entries: Vec::new(),
    };
    c.entries.push(append(
        None,
        AuditFields {
            at: at(0),
            actor: WRITER,
            action: "submit",
            object: "post:1",
            from: "draft",
            to: "submitted",
            comment: "",
        },
    ));
    let issue = |login: &str, k: &KeyPair| key_issued_comment(login, &k.public_key());
    c.add(ADMIN, KEY_ISSUED, &issue("admin", &admin), Some(&admin));
    c.add(ADMIN, KEY_ISSUED, &issue("zhangzhe", &writer), Some(&admin));
    c.add(WRITER, "submit", "", Some(&writer));
    c.add(ADMIN, "approve", "同意", Some(&admin));
    c.add("（登录名 nobody）", "sign_in_failed", "密码错误", None);
    (c, admin, writer)
}

/// Rewrites entry `i` with `edit`, seals it with `key` (or leaves it unsealed), and
/// recomputes every later hash the way whoever holds the file can — re-sealing later entries
/// only where `resign` has the key.
fn forge(
    c: &mut Chain,
    i: usize,
    edit: impl FnOnce(&mut AuditEntry),
    key: Option<&KeyPair>,
    resign: &[&KeyPair],
) {
    edit(&mut c.entries[i]);
    for j in i..c.entries.len() {
        if j > 0 {
            c.entries[j].prev_hash = c.entries[j - 1].hash.clone();
        }
        let e = &mut c.entries[j];
        let content = crate::domain::audit::content_digest(&e.prev_hash, e.seq, &e.fields());
        let signer = if j == i {
            key
        } else {
            e.seal
                .and_then(|s| resign.iter().copied().find(|k| k.public_key() == s.signer))
        };
        if j == i || signer.is_some() {
            e.seal = signer.map(|k| EntrySeal {
                signer: k.public_key(),
                signature: k.sign(&content),
            });
        }
        e.hash = match &e.seal {
            Some(seal) => to_hex(&sealed_digest(&content, seal)),
            None => to_hex(&content),
        };
    }
}

#[test]
fn a_sealed_chain_verifies_with_its_legacy_and_unsigned_attempts() {
    let (c, _, _) = school();
    let summary = c.check(false).unwrap();
    assert_eq!(summary.entries, 6);
    assert_eq!(summary.sealed, 4);
    assert_eq!(crate::domain::audit::verify(&c.entries), Ok(6));
}

/// Which key the forger seals the rewritten entry with.
#[derive(Clone, Copy)]
enum Seal {
    None,
    Attacker,
    Admin,
}

#[test]
fn forgeries_are_named_at_their_entry() {
    // Entries: 1 legacy, 2 admin's own key, 3 the writer's key, 4 writer's submit,
    // 5 admin's approval, 6 a failed sign-in. The forger holds the admin's key throughout.
    let cases = [
        // (what, index rewritten, its seal, full check, hash-only check)
        (
            "the writer's step left unsealed",
            3,
            Seal::None,
            Err((4, BreakReason::NotSealed)),
            Err((4, BreakReason::NotSealed)),
        ),
        (
            "the writer's step sealed with a key of the forger's",
            3,
            Seal::Attacker,
            Err((4, BreakReason::SealNotTheActors)),
            Err((4, BreakReason::SealNotTheActors)),
        ),
        (
            "the writer's step sealed with the admin's key",
            3,
            Seal::Admin,
            Err((4, BreakReason::SealNotTheActors)),
            Err((4, BreakReason::SealNotTheActors)),
        ),
        (
            "the admin's entry before the writer's, re-sealed: the writer's seal no longer signs",
            2,
            Seal::Admin,
            Err((4, BreakReason::BadSignature)),
            Ok(()),
        ),
        (
            "the admin's own last entry, re-sealed by the admin",
            4,
            Seal::Admin,
            Ok(()),
            Ok(()),
        ),
    ];
    for (what, index, seal, full, hashes) in cases {
        let (mut c, admin, _writer) = school();
        let attacker = KeyPair::generate().unwrap();
        let key = match seal {
            Seal::None => None,
            Seal::Attacker => Some(&attacker),
            Seal::Admin => Some(&admin),
        };
        forge(
            &mut c,
            index,
            |e| e.object = "post:2".into(),
            key,
            &[&admin],
        );
        let got = |hashes_only| {
            c.check(hashes_only)
                .map(|_| ())
                .map_err(|b| (b.seq, b.reason))
        };
        assert_eq!(got(false), full, "{what}");
        assert_eq!(got(true), hashes, "{what} (hashes only)");
    }
}

#[test]
fn a_second_key_cannot_be_introduced_by_itself() {
    let (mut c, _, _) = school();
    let forged = KeyPair::generate().unwrap();
    let comment = key_issued_comment("zhangzhe", &forged.public_key());
    c.add(WRITER, KEY_ISSUED, &comment, Some(&forged));
    c.add(WRITER, "publish", "", Some(&forged));
    let broken = c.check(false).unwrap_err();
    assert_eq!(
        (broken.seq, broken.reason),
        (7, BreakReason::SealNotTheActors)
    );
}

#[test]
fn a_key_issued_unsealed_gives_no_key() {
    let (mut c, _, _) = school();
    let forged = KeyPair::generate().unwrap();
    c.add(
        "（无）",
        KEY_ISSUED,
        &key_issued_comment("newcomer", &forged.public_key()),
        None,
    );
    c.add("新人（newcomer）", "submit", "", Some(&forged));
    let broken = c.check(true).unwrap_err();
    assert_eq!(
        (broken.seq, broken.reason),
        (8, BreakReason::SealNotTheActors)
    );
}

#[test]
fn logins_are_read_from_actor_labels() {
    for (actor, login) in [
        ("张喆（zhangzhe）", Some("zhangzhe")),
        ("系统管理员（admin）", Some("admin")),
        ("刘（晓燕）（liuxy）", Some("liuxy")),
        ("（登录名 x）", Some("登录名 x")),
        ("张喆", None),
        ("", None),
    ] {
        assert_eq!(login_of_actor(actor), login, "{actor}");
    }
}

#[test]
fn anchors_are_read_as_printed() {
    let full = "ab".repeat(32);
    for (text, expected) in [
        ("12:0123456789abcdef", Some((12, "0123456789abcdef"))),
        (" 7 : 0123456789ABCDEF ", Some((7, "0123456789abcdef"))),
        (&format!("3:{full}") as &str, Some((3, full.as_str()))),
        ("0:0123456789abcdef", None),
        ("12:0123456789abcde", None),
        ("12:0123456789abcdeg", None),
        ("x:0123456789abcdef", None),
        ("12", None),
        ("", None),
    ] {
        let got = Anchor::parse(text);
        assert_eq!(
            got.as_ref().map(|a| (a.seq, a.hash.as_str())),
            expected,
            "{text}"
        );
    }
}
