//! The tamper-evident audit chain: every step of a post (and any other object) is one
//! append-only entry whose SHA-256 hash covers its fields and the previous entry's hash, so an
//! edited, deleted, inserted or reordered entry breaks the chain at the first entry it touches.
//! It backs 第八条一 (the first responsible person answers for every operation and post).
//!
//! An entry may be sealed by the person who acted ([`EntrySeal`]: their Ed25519 public key and
//! signature over the entry's content hash); the chain then links through a hash that covers
//! the seal too, so neither the entry nor its seal can be changed without the signer's key,
//! and every later entry's seal signs over it. Who may sign for whom is `audit_trust`'s.
//!
//! Limits, by construction: the chain proves the entries are unchanged since they were written,
//! not that nothing was cut off its end. Cutting the last entries leaves a shorter chain that
//! still verifies, so keep the head (`verify`'s count and the last hash) somewhere else too —
//! printed forms carry it — and compare (`audit verify --anchor N:HASH`).

use std::borrow::Borrow;
use std::fmt::Write as _;

use chrono::{NaiveDateTime, Timelike};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::signing::{KeyPair, PublicKey, Signature};

/// The `prev_hash` of the first entry: there is nothing before it.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The `seq` of the first entry; each next entry is one more.
pub const FIRST_SEQ: u64 = 1;

/// Tags the encoding so a future change of layout cannot collide with this one.
const ENCODING_TAG: &[u8] = b"mediadesk.audit.v1";

/// Tags the hash of a sealed entry (content hash, signer, signature).
const SEALED_TAG: &[u8] = b"mediadesk.audit.v1.sealed";

/// The signature of the person who acted, over the entry's content hash ([`content_digest`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntrySeal {
    pub signer: PublicKey,
    pub signature: Signature,
}

/// One written entry. `from` / `to` are state codes (empty when the action has none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub seq: u64,
    pub at: NaiveDateTime,
    /// Who did it, as the store names people (e.g. "张明#12"), so the entry stays readable
    /// after the person is renamed or removed.
    pub actor: String,
    /// What was done: a stable code such as `PostAction::code()`.
    pub action: String,
    /// What it was done to, e.g. "post:42".
    pub object: String,
    pub from: String,
    pub to: String,
    pub comment: String,
    pub prev_hash: String,
    pub hash: String,
    /// The actor's signature; `None` for entries from before signing, and for those nobody
    /// signed in could sign (a failed sign-in).
    pub seal: Option<EntrySeal>,
}

/// The fields of an entry that the caller supplies; `seq` and the hashes follow from the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditFields<'a> {
    pub at: NaiveDateTime,
    pub actor: &'a str,
    pub action: &'a str,
    pub object: &'a str,
    pub from: &'a str,
    pub to: &'a str,
    pub comment: &'a str,
}

impl AuditEntry {
    /// A borrowed view of the hashed fields, so verifying copies nothing.
    pub fn fields(&self) -> AuditFields<'_> {
        AuditFields {
            at: self.at,
            actor: &self.actor,
            action: &self.action,
            object: &self.object,
            from: &self.from,
            to: &self.to,
            comment: &self.comment,
        }
    }
}

/// The SHA-256 (lower-case hex) of an entry. Every item is written as its byte length (u64
/// little-endian) then its bytes, so no two different entries share an encoding ("ab"+"c" and
/// "a"+"bc" hash differently). Items, in order: the tag `mediadesk.audit.v1`, `prev_hash` (hex
/// text), `seq` (u64 LE), `at` as UTC seconds (i64 LE) and nanoseconds (u32 LE), then `actor`,
/// `action`, `object`, `from`, `to`, `comment` as UTF-8. Written out here so that an auditor can
/// check a chain with any SHA-256 tool.
pub fn entry_hash(prev_hash: &str, seq: u64, fields: &AuditFields<'_>) -> String {
    to_hex(&entry_digest(prev_hash, seq, fields))
}

/// What a seal signs: the hash of the entry's own fields and its place in the chain
/// ([`entry_hash`]'s encoding, as bytes). An unsealed entry's hash is exactly this.
pub fn content_digest(prev_hash: &str, seq: u64, fields: &AuditFields<'_>) -> [u8; 32] {
    entry_digest(prev_hash, seq, fields)
}

/// The chain hash of a sealed entry: SHA-256 over the tag `mediadesk.audit.v1.sealed`, the
/// content digest, the signer's 32-byte public key and the 64-byte signature, each length-
/// prefixed as in [`entry_hash`].
pub fn sealed_digest(content: &[u8; 32], seal: &EntrySeal) -> [u8; 32] {
    let mut hasher = Sha256::new();
    for item in [
        SEALED_TAG,
        content.as_slice(),
        seal.signer.as_bytes().as_slice(),
        seal.signature.to_bytes().as_slice(),
    ] {
        hasher.update((item.len() as u64).to_le_bytes());
        hasher.update(item);
    }
    hasher.finalize().into()
}

/// The chain hash of an entry as stored: its content digest, sealed when it has a seal.
pub fn chain_digest(entry: &AuditEntry) -> [u8; 32] {
    let content = entry_digest(&entry.prev_hash, entry.seq, &entry.fields());
    match &entry.seal {
        Some(seal) => sealed_digest(&content, seal),
        None => content,
    }
}

fn entry_digest(prev_hash: &str, seq: u64, fields: &AuditFields<'_>) -> [u8; 32] {
    let mut hasher = Sha256::new();
    let mut put = |bytes: &[u8]| {
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    put(ENCODING_TAG);
    put(prev_hash.as_bytes());
    put(&seq.to_le_bytes());
    let utc = fields.at.and_utc();
    put(&utc.timestamp().to_le_bytes());
    put(&utc.timestamp_subsec_nanos().to_le_bytes());
    for text in [
        fields.actor,
        fields.action,
        fields.object,
        fields.from,
        fields.to,
        fields.comment,
    ] {
        put(text.as_bytes());
    }
    hasher.finalize().into()
}

/// The entry that follows `prev` (or starts the chain when `prev` is `None`), unsealed. `at`
/// is kept to the whole second: every store and export keeps that precision, so the hash
/// survives a round trip through any of them.
pub fn append(prev: Option<&AuditEntry>, fields: AuditFields<'_>) -> AuditEntry {
    append_sealed(prev, fields, None)
}

/// [`append`], sealed with `signer`'s key when there is one: the signature over the content
/// digest, and the chain hash over both.
pub fn append_sealed(
    prev: Option<&AuditEntry>,
    fields: AuditFields<'_>,
    signer: Option<&KeyPair>,
) -> AuditEntry {
    let (seq, prev_hash) = match prev {
        Some(p) => (p.seq.saturating_add(1), p.hash.as_str()),
        None => (FIRST_SEQ, GENESIS_HASH),
    };
    let fields = AuditFields {
        at: fields.at.with_nanosecond(0).unwrap_or(fields.at),
        ..fields
    };
    let content = entry_digest(prev_hash, seq, &fields);
    let seal = signer.map(|key| EntrySeal {
        signer: key.public_key(),
        signature: key.sign(&content),
    });
    let hash = match &seal {
        Some(seal) => to_hex(&sealed_digest(&content, seal)),
        None => to_hex(&content),
    };
    AuditEntry {
        seq,
        at: fields.at,
        actor: fields.actor.to_owned(),
        action: fields.action.to_owned(),
        object: fields.object.to_owned(),
        from: fields.from.to_owned(),
        to: fields.to.to_owned(),
        comment: fields.comment.to_owned(),
        prev_hash: prev_hash.to_owned(),
        hash,
        seal,
    }
}

/// Why the chain breaks at an entry. This and [`ChainBreak`] are worded in `text::audit`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BreakReason {
    SeqOutOfOrder {
        expected: u64,
        found: u64,
    },
    PrevHashMismatch,
    HashMismatch,
    /// The account named has a key, but the entry carries no seal.
    NotSealed,
    /// The seal is by a key the chain never issued to the account named.
    SealNotTheActors,
    /// The signature does not hold for the entry as it is now.
    BadSignature,
    /// A field cannot be read back (a time that is not a time): changed around the triggers.
    Unreadable,
}

/// The first entry at which the chain does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ChainBreak {
    pub seq: u64,
    pub reason: BreakReason,
}

/// Checks the chain in order, one entry at a time (nothing is collected, so a store can stream
/// its rows), and returns how many entries hold, or the first one that does not.
pub fn verify<I>(entries: I) -> Result<u64, ChainBreak>
where
    I: IntoIterator,
    I::Item: Borrow<AuditEntry>,
{
    let mut expected_seq = FIRST_SEQ;
    let mut prev = [0u8; 32]; // GENESIS_HASH as bytes
    let mut count = 0u64;
    for entry in entries {
        let entry = entry.borrow();
        let broken = |reason| ChainBreak {
            seq: entry.seq,
            reason,
        };
        if entry.seq != expected_seq {
            return Err(broken(BreakReason::SeqOutOfOrder {
                expected: expected_seq,
                found: entry.seq,
            }));
        }
        if !hex_is(&entry.prev_hash, &prev) {
            return Err(broken(BreakReason::PrevHashMismatch));
        }
        let digest = chain_digest(entry);
        if !hex_is(&entry.hash, &digest) {
            return Err(broken(BreakReason::HashMismatch));
        }
        prev = digest;
        expected_seq = expected_seq.saturating_add(1);
        count += 1;
    }
    Ok(count)
}

pub(crate) fn to_hex(bytes: &[u8; 32]) -> String {
    let mut out = String::with_capacity(64);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// Whether `text` is exactly the lower-case hex of `bytes`, without allocating.
pub(crate) fn hex_is(text: &str, bytes: &[u8; 32]) -> bool {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let text = text.as_bytes();
    text.len() == 64
        && bytes.iter().enumerate().all(|(i, b)| {
            text[2 * i] == DIGITS[usize::from(b >> 4)]
                && text[2 * i + 1] == DIGITS[usize::from(b & 0xf)]
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn t(minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 5, 12)
            .unwrap()
            .and_hms_opt(9, minute, 0)
            .unwrap()
    }

    /// A five-entry chain: one post through the whole approval.
    fn chain() -> Vec<AuditEntry> {
        let steps = [
            ("张明#1", "submit", "draft", "submitted", ""),
            (
                "李华#2",
                "reject",
                "submitted",
                "returned",
                "第二段数据需核实",
            ),
            ("张明#1", "submit", "returned", "submitted", ""),
            ("李华#2", "approve", "submitted", "approved", "同意"),
            (
                "王芳#3",
                "publish",
                "approved",
                "published",
                "https://a.edu.cn/1",
            ),
        ];
        let mut out: Vec<AuditEntry> = Vec::new();
        for (i, (actor, action, from, to, comment)) in steps.into_iter().enumerate() {
            let fields = AuditFields {
                at: t(i as u32),
                actor,
                action,
                object: "post:42",
                from,
                to,
                comment,
            };
            let next = append(out.last(), fields);
            out.push(next);
        }
        out
    }

    fn rehash(e: &mut AuditEntry) {
        e.hash = entry_hash(&e.prev_hash, e.seq, &e.fields());
    }

    #[test]
    fn a_fresh_chain_verifies() {
        let c = chain();
        assert_eq!(c[0].seq, FIRST_SEQ);
        assert_eq!(c[0].prev_hash, GENESIS_HASH);
        for pair in c.windows(2) {
            assert_eq!(pair[1].prev_hash, pair[0].hash);
            assert_eq!(pair[1].seq, pair[0].seq + 1);
        }
        assert_eq!(verify(&c), Ok(5));
        assert_eq!(verify(c.clone()), Ok(5), "owned entries stream too");
        assert_eq!(verify(Vec::<AuditEntry>::new()), Ok(0));
        assert!(c.iter().all(|e| {
            e.hash.len() == 64
                && e.hash
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        }));
    }

    /// Stored chains must keep verifying across releases: changing the encoding breaks them.
    #[test]
    fn encoding_is_pinned() {
        let fields = AuditFields {
            at: t(30),
            actor: "张明#1",
            action: "submit",
            object: "post:42",
            from: "draft",
            to: "submitted",
            comment: "",
        };
        let hash = entry_hash(GENESIS_HASH, 1, &fields);
        assert_eq!(hash, PINNED_HASH);
    }
    /// Cross-checked with Python's hashlib over the documented encoding.
    const PINNED_HASH: &str = "1b545ec2965ff88e81ad122d100c7735db65c5651f5b4a0db69221c34f87cbda";

    #[test]
    fn fields_are_length_prefixed() {
        let base = AuditFields {
            at: t(0),
            actor: "ab",
            action: "c",
            object: "",
            from: "",
            to: "",
            comment: "",
        };
        let shifted = AuditFields {
            actor: "a",
            action: "bc",
            ..base
        };
        let moved = AuditFields {
            action: "",
            object: "c",
            ..base
        };
        let h = |f: &AuditFields<'_>| entry_hash(GENESIS_HASH, 1, f);
        assert_ne!(h(&base), h(&shifted));
        assert_ne!(h(&base), h(&moved));
        assert_ne!(h(&shifted), h(&moved));
        assert_ne!(
            entry_hash(GENESIS_HASH, 1, &base),
            entry_hash(GENESIS_HASH, 2, &base)
        );
    }

    #[test]
    fn append_keeps_whole_seconds() {
        let at = t(5).with_nanosecond(123_456_789).unwrap();
        let fields = AuditFields {
            at,
            actor: "a",
            action: "edit",
            object: "post:1",
            from: "",
            to: "",
            comment: "",
        };
        let e = append(None, fields);
        assert_eq!(e.at, t(5));
        assert_eq!(verify([&e]), Ok(1));
    }

    #[test]
    fn an_edited_field_breaks_at_that_entry() {
        type Edit = fn(&mut AuditEntry);
        let edits: [(&str, Edit); 8] = [
            ("at", |e| e.at += chrono::Duration::seconds(1)),
            ("actor", |e| e.actor = "赵六#9".into()),
            ("action", |e| e.action = "approve".into()),
            ("object", |e| e.object = "post:43".into()),
            ("from", |e| e.from = "draft".into()),
            ("to", |e| e.to = "approved".into()),
            ("comment", |e| e.comment.push('。')),
            ("comment cleared", |e| e.comment.clear()),
        ];
        for (what, edit) in edits {
            let mut c = chain();
            edit(&mut c[2]);
            if c[2] == chain()[2] {
                continue; // the edit was a no-op for this entry
            }
            assert_eq!(
                verify(&c),
                Err(ChainBreak {
                    seq: 3,
                    reason: BreakReason::HashMismatch
                }),
                "{what}"
            );
        }
        // Entry 2 has a comment, so clearing it is a real edit there.
        let mut c = chain();
        c[1].comment.clear();
        assert_eq!(verify(&c).map_err(|b| b.seq), Err(2));
    }

    #[test]
    fn a_deleted_entry_breaks_at_the_next_one() {
        let mut c = chain();
        c.remove(2);
        assert_eq!(
            verify(&c),
            Err(ChainBreak {
                seq: 4,
                reason: BreakReason::SeqOutOfOrder {
                    expected: 3,
                    found: 4
                }
            })
        );
        // The first entry gone.
        let mut c = chain();
        c.remove(0);
        assert_eq!(
            verify(&c).map_err(|b| (b.seq, b.reason)),
            Err((
                2,
                BreakReason::SeqOutOfOrder {
                    expected: 1,
                    found: 2
                }
            ))
        );
        // Deleted and the later entries renumbered (and even rehashed): the link is gone.
        let mut c = chain();
        c.remove(2);
        for e in &mut c[2..] {
            e.seq -= 1;
            rehash(e);
        }
        assert_eq!(
            verify(&c),
            Err(ChainBreak {
                seq: 3,
                reason: BreakReason::PrevHashMismatch
            })
        );
        // Cutting the tail leaves a shorter chain that holds: compare the count with the
        // head kept elsewhere (see the module doc).
        let mut c = chain();
        c.pop();
        assert_eq!(verify(&c), Ok(4));
    }

    #[test]
    fn a_reordered_or_inserted_entry_breaks_the_chain() {
        let mut c = chain();
        c.swap(2, 3);
        assert_eq!(
            verify(&c),
            Err(ChainBreak {
                seq: 4,
                reason: BreakReason::SeqOutOfOrder {
                    expected: 3,
                    found: 4
                }
            })
        );
        // Swapped with their numbers swapped too.
        let mut c = chain();
        c.swap(2, 3);
        c[2].seq = 3;
        c[3].seq = 4;
        assert_eq!(
            verify(&c),
            Err(ChainBreak {
                seq: 3,
                reason: BreakReason::PrevHashMismatch
            })
        );
        // A forged entry slipped in after entry 2, correctly hashed onto it.
        let mut c = chain();
        let forged = append(
            Some(&c[1]),
            AuditFields {
                at: t(1),
                actor: "李华#2",
                action: "approve",
                object: "post:42",
                from: "submitted",
                to: "approved",
                comment: "",
            },
        );
        c.insert(2, forged);
        assert_eq!(
            verify(&c),
            Err(ChainBreak {
                seq: 3,
                reason: BreakReason::SeqOutOfOrder {
                    expected: 4,
                    found: 3
                }
            })
        );
    }

    #[test]
    fn a_changed_hash_breaks_the_chain() {
        let mut c = chain();
        c[2].hash = c[1].hash.clone();
        assert_eq!(
            verify(&c),
            Err(ChainBreak {
                seq: 3,
                reason: BreakReason::HashMismatch
            })
        );
        for bad in [
            String::new(),
            "xyz".to_owned(),
            chain()[2].hash.to_uppercase(),
            format!("{}0", chain()[2].hash),
            "é".repeat(32),
        ] {
            let mut c = chain();
            c[2].hash = bad.clone();
            assert_eq!(
                verify(&c).map_err(|b| (b.seq, b.reason)),
                Err((3, BreakReason::HashMismatch)),
                "{bad:?}"
            );
        }
        // An edit whose hash was recomputed shows at the next entry.
        let mut c = chain();
        c[2].comment = "已核实".into();
        rehash(&mut c[2]);
        assert_eq!(
            verify(&c),
            Err(ChainBreak {
                seq: 4,
                reason: BreakReason::PrevHashMismatch
            })
        );
        // A first entry that does not start from the genesis hash.
        let mut c = chain();
        c[0].prev_hash = c[4].hash.clone();
        rehash(&mut c[0]);
        assert_eq!(
            verify(&c).map_err(|b| (b.seq, b.reason)),
            Err((1, BreakReason::PrevHashMismatch))
        );
    }

    #[test]
    fn break_reads_as_a_sentence() {
        let b = ChainBreak {
            seq: 7,
            reason: BreakReason::HashMismatch,
        };
        assert_eq!(
            b.to_string(),
            "审计记录校验未通过：第 7 条记录内容与其哈希不符：这条记录写入后被改动过。请保留数据库及备份原样，并报告学校办公室（新闻中心）、党委宣传部和信息技术管理中心。"
        );
    }
}
