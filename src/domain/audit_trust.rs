//! Who may seal which audit entry, checked over the whole chain (第八条一: every operation is
//! answered for by the person who took it). The keys are not read from the accounts table —
//! whoever holds the database could put their own there — but from the chain itself: an account's
//! public key counts from its `key_issued` entry on, and that entry must itself be sealed,
//! either by an account that already has a key (a system administrator creating the account or
//! resetting its password) or, for an account with no key yet, by the new key itself (the
//! first account of a database, or an account from before signing on its first sign-in).
//!
//! From then on every entry naming that account must carry a seal by one of its keys. So an
//! entry can only be rewritten with the key of the person it names, and, as each seal signs
//! over the previous entry's hash, rewriting entry 40 means sealing every later entry again,
//! with the keys of everyone who wrote them. What this does not prove: that nothing was cut
//! off the end (compare an anchor, [`Anchor`]), or anything about entries after the last
//! sealed one, or about accounts that never had a key.

use std::collections::HashMap;

use super::audit::{AuditEntry, BreakReason, ChainBreak, FIRST_SEQ, chain_digest, hex_is};
use super::signing::{PublicKey, SignedHash, verify_all};

/// The action of the entry that gives an account its public key.
pub const KEY_ISSUED: &str = "key_issued";

/// Signatures checked together: enough for both cores' batches, little memory.
const CHUNK: usize = 16 * 1024;

/// The comment of a `key_issued` entry: the account's login and its public key in hex.
pub fn key_issued_comment(login: &str, key: &PublicKey) -> String {
    format!("{login} {}", key.to_hex())
}

/// The login and key a `key_issued` comment names.
fn parse_key_issued(comment: &str) -> Option<(&str, PublicKey)> {
    let (login, key) = comment.rsplit_once(' ')?;
    Some((login, PublicKey::from_hex(key).ok()?))
}

/// The login in an actor label 「张喆（zhangzhe）」: the text in the last full-width brackets.
pub fn login_of_actor(actor: &str) -> Option<&str> {
    let inner = actor.strip_suffix('）')?;
    let start = inner.rfind('（')?;
    Some(&inner[start + '（'.len_utf8()..])
}

/// An entry known from outside the database (printed on a form): the chain must still hold an
/// entry `seq` with exactly this hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub seq: u64,
    pub hash: String,
}

impl Anchor {
    /// `N:HASH` as printed (`HASH` 64 hex characters, or the first 16 as the footer shows).
    pub fn parse(text: &str) -> Option<Self> {
        let (seq, hash) = text.trim().split_once(':')?;
        let seq: u64 = seq.trim().parse().ok()?;
        let hash = hash.trim().to_ascii_lowercase();
        let hex = hash.bytes().all(|b| b.is_ascii_hexdigit());
        (seq >= FIRST_SEQ && hex && (hash.len() == 16 || hash.len() == 64))
            .then_some(Self { seq, hash })
    }

    /// Whether `entry` is the anchored one.
    pub fn holds(&self, entry: &AuditEntry) -> bool {
        entry.seq == self.seq && entry.hash.starts_with(&self.hash)
    }
}

/// What a whole check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TrustSummary {
    pub entries: u64,
    pub sealed: u64,
}

/// Checks a chain entry by entry: the hashes (as `audit::verify`), who may seal what, and —
/// unless `hashes_only` — every seal's signature, in batches on every core.
pub struct ChainChecker<'p> {
    hashes_only: bool,
    expected_seq: u64,
    prev: [u8; 32],
    keys: HashMap<String, Vec<PublicKey>>,
    pending: Vec<(u64, SignedHash)>,
    summary: TrustSummary,
    progress: &'p (dyn Fn(u64) + Sync),
}

impl<'p> ChainChecker<'p> {
    pub fn new(hashes_only: bool, progress: &'p (dyn Fn(u64) + Sync)) -> Self {
        Self {
            hashes_only,
            expected_seq: FIRST_SEQ,
            prev: [0u8; 32],
            keys: HashMap::new(),
            pending: Vec::new(),
            summary: TrustSummary::default(),
            progress,
        }
    }

    /// Checks the next entry; the first that does not hold ends the check (and pending
    /// signatures before it are checked first, so the earliest bad entry is the one named).
    pub fn push(&mut self, entry: &AuditEntry) -> Result<(), ChainBreak> {
        if let Err(reason) = self.rules(entry) {
            self.flush()?;
            return Err(ChainBreak {
                seq: entry.seq,
                reason,
            });
        }
        self.expected_seq = self.expected_seq.saturating_add(1);
        self.summary.entries += 1;
        if self.pending.len() >= CHUNK {
            self.flush()?;
        }
        Ok(())
    }

    /// Checks what is still pending; the count of entries and of sealed ones.
    pub fn finish(mut self) -> Result<TrustSummary, ChainBreak> {
        self.flush()?;
        Ok(self.summary)
    }

    fn rules(&mut self, entry: &AuditEntry) -> Result<(), BreakReason> {
        if entry.seq != self.expected_seq {
            return Err(BreakReason::SeqOutOfOrder {
                expected: self.expected_seq,
                found: entry.seq,
            });
        }
        if !hex_is(&entry.prev_hash, &self.prev) {
            return Err(BreakReason::PrevHashMismatch);
        }
        let digest = chain_digest(entry);
        if !hex_is(&entry.hash, &digest) {
            return Err(BreakReason::HashMismatch);
        }
        self.prev = digest;
        let login = login_of_actor(&entry.actor).unwrap_or("");
        let known = self.keys.get(login).map_or(&[][..], Vec::as_slice);
        let issued = (entry.action == KEY_ISSUED)
            .then(|| parse_key_issued(&entry.comment))
            .flatten();
        match &entry.seal {
            None if !known.is_empty() => return Err(BreakReason::NotSealed),
            None => {}
            Some(seal) => {
                let own = known.contains(&seal.signer);
                let self_issued = issued.as_ref().is_some_and(|(subject, key)| {
                    *subject == login && *key == seal.signer && known.is_empty()
                });
                if !own && !self_issued {
                    return Err(BreakReason::SealNotTheActors);
                }
                self.summary.sealed += 1;
                if !self.hashes_only {
                    let content =
                        super::audit::content_digest(&entry.prev_hash, entry.seq, &entry.fields());
                    self.pending.push((
                        entry.seq,
                        SignedHash {
                            hash: content,
                            signature: seal.signature,
                            signer: seal.signer,
                        },
                    ));
                }
            }
        }
        // A key counts once its issuing entry holds, and only when that entry was sealed.
        if let (Some((subject, key)), Some(_)) = (issued, &entry.seal) {
            let keys = self.keys.entry(subject.to_owned()).or_default();
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ChainBreak> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let hashes: Vec<SignedHash> = self.pending.iter().map(|(_, h)| *h).collect();
        let before = self.summary.entries;
        let progress = self.progress;
        let result = verify_all(&hashes, &|_| progress(before));
        let bad = result.err().and_then(|bad| self.pending.get(bad.index));
        let out = match bad {
            Some((seq, _)) => Err(ChainBreak {
                seq: *seq,
                reason: BreakReason::BadSignature,
            }),
            None => Ok(()),
        };
        self.pending.clear();
        (self.progress)(self.summary.entries);
        out
    }
}

#[cfg(test)]
#[path = "audit_trust_tests.rs"]
mod tests;
