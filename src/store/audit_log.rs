//! The audit log table: entries appended inside the transaction of the step they record,
//! read back as a timeline, and verified as a whole chain (`domain::audit`).

use super::db::{OptionalExtension, Row, params};
use chrono::NaiveDateTime;
use serde::Serialize;

use super::{Store, StoreError};
use crate::domain::audit::{self, AuditEntry, AuditFields, ChainBreak, EntrySeal};
use crate::domain::audit_trust::{Anchor, ChainChecker};
use crate::domain::signing::{KeyPair, PublicKey, Signature};

const COLUMNS: &str = "seq, at, actor, action, object, from_state, to_state, comment, prev_hash,
     hash, signer, signature";

/// The seal of a row. A seal that is not well-formed hex reads as none: the entry's hash,
/// which covers the seal, then fails at that entry and the check names it.
fn seal_of(r: &Row) -> super::db::Result<Option<EntrySeal>> {
    let signer: Option<String> = r.get(10)?;
    let signature: Option<String> = r.get(11)?;
    Ok(match (signer, signature) {
        (Some(signer), Some(signature)) => PublicKey::from_hex(&signer)
            .ok()
            .zip(Signature::from_hex(&signature).ok())
            .map(|(signer, signature)| EntrySeal { signer, signature }),
        _ => None,
    })
}

fn entry_of(r: &Row) -> super::db::Result<AuditEntry> {
    Ok(AuditEntry {
        seal: seal_of(r)?,
        seq: r.get::<_, i64>(0)?.max(0) as u64,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: r.get(3)?,
        object: r.get(4)?,
        from: r.get(5)?,
        to: r.get(6)?,
        comment: r.get(7)?,
        prev_hash: r.get(8)?,
        hash: r.get(9)?,
    })
}

/// Appends one entry after the current last one. Called inside the caller's transaction, so
/// the step and its entry are written together or not at all.
pub(super) fn append_entry(
    tx: &super::db::Transaction<'_>,
    fields: AuditFields<'_>,
    signer: Option<&KeyPair>,
) -> Result<AuditEntry, StoreError> {
    // Two desks on the server: the second waits here until the first commits, then reads
    // the head the first wrote, so the chain stays one line.
    tx.lock_chain()?;
    let last = tx
        .query_row(
            &format!("SELECT {COLUMNS} FROM audit_log ORDER BY seq DESC LIMIT 1"),
            [],
            entry_of,
        )
        .optional()?;
    let entry = audit::append_sealed(last.as_ref(), fields, signer);
    insert_entry(tx, &entry)?;
    Ok(entry)
}

/// Writes one entry as it is (its seal as hex).
fn insert_entry(tx: &super::db::Transaction<'_>, entry: &AuditEntry) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO audit_log (seq, at, actor, action, object, from_state, to_state, comment,
                                prev_hash, hash, signer, signature)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    stmt.execute(params![
        entry.seq as i64,
        entry.at,
        entry.actor,
        entry.action,
        entry.object,
        entry.from,
        entry.to,
        entry.comment,
        entry.prev_hash,
        entry.hash,
        entry.seal.map(|s| s.signer.to_hex()),
        entry.seal.map(|s| s.signature.to_hex())
    ])?;
    Ok(())
}

/// What one audit entry records, as the store's steps write it.
pub(super) struct Record<'a> {
    pub(super) at: chrono::NaiveDateTime,
    pub(super) actor: &'a str,
    pub(super) action: &'a str,
    pub(super) object: String,
    /// (from, to) state codes; empty when the action changes no state.
    pub(super) states: (&'a str, &'a str),
    pub(super) comment: &'a str,
}

/// Appends `record` in `tx`, sealed by `signer` when there is one (see [`append_entry`]).
pub(super) fn log(
    tx: &super::db::Transaction<'_>,
    record: Record<'_>,
    signer: Option<&KeyPair>,
) -> Result<(), StoreError> {
    append_entry(
        tx,
        AuditFields {
            at: record.at,
            actor: record.actor,
            action: record.action,
            object: &record.object,
            from: record.states.0,
            to: record.states.1,
            comment: record.comment,
        },
        signer,
    )
    .map(|_| ())
}

/// The actor of an entry: how it is named, and the key that seals it (none for an attempt
/// nobody could sign, such as a wrong password).
#[derive(Clone, Copy)]
pub(super) struct Signer<'a> {
    pub(super) label: &'a str,
    pub(super) key: Option<&'a KeyPair>,
}

/// An entry for a change that has no states (sign-ins, units, people, settings, word lists).
pub(super) fn note_at(
    tx: &super::db::Transaction<'_>,
    at: chrono::NaiveDateTime,
    by: Signer<'_>,
    action: &str,
    object: String,
    comment: &str,
) -> Result<(), StoreError> {
    log(
        tx,
        Record {
            at,
            actor: by.label,
            action,
            object,
            states: ("", ""),
            comment,
        },
        by.key,
    )
}

/// The outcome of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditCheck {
    /// Entries that hold (all of them when `broken` is `None`).
    pub verified: u64,
    /// The first entry that does not hold.
    #[serde(skip)]
    pub broken: Option<ChainBreak>,
    /// The message of `broken`, for JSON.
    pub problem: Option<String>,
    /// The hash of the last entry: write it down (or print it) to notice a cut-off end later.
    pub head: Option<String>,
    pub head_seq: Option<u64>,
    /// Entries sealed by the person who acted (their signatures checked unless `hashes_only`).
    pub sealed: u64,
    /// Whether the signatures were checked too.
    pub signatures_checked: bool,
    /// What became of the anchor asked about, if any.
    pub anchor: Option<AnchorCheck>,
}

/// An anchor (`N:HASH` from a printed form) against the chain as it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnchorCheck {
    /// Entry N is there with that hash.
    Holds,
    /// The chain now ends before N: its end was cut off.
    CutOff { length: u64 },
    /// Entry N is there with another hash: it, or one before it, was replaced.
    Replaced,
}

/// How much `verify_audit_with` checks.
#[derive(Debug, Clone, Default)]
pub struct VerifyOptions {
    /// Hashes and who sealed what only, not the signatures themselves (fast).
    pub hashes_only: bool,
    pub anchor: Option<Anchor>,
}

/// Which entries a timeline shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only entries about this object (e.g. "post:42"); prefixes like "post:" list a kind.
    pub object_prefix: Option<String>,
    /// Only entries whose actor contains this text.
    pub actor_contains: Option<String>,
    pub from: Option<NaiveDateTime>,
    pub until: Option<NaiveDateTime>,
    /// Entries before this sequence number (paging back in time).
    pub before_seq: Option<u64>,
    /// At most this many, newest first.
    pub limit: usize,
}

impl Store {
    /// Checks every entry in order — hashes, who sealed what and every signature — streaming
    /// the rows: a million entries need no more memory than a batch of signatures.
    pub fn verify_audit(&self) -> Result<AuditCheck, StoreError> {
        self.verify_audit_with(&VerifyOptions::default(), &|_| {})
    }

    /// [`Store::verify_audit`] as asked: hashes only, an anchor to compare; `progress` hears
    /// how many entries are checked so far.
    pub fn verify_audit_with(
        &self,
        options: &VerifyOptions,
        progress: &(dyn Fn(u64) + Sync),
    ) -> Result<AuditCheck, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM audit_log ORDER BY seq"))?;
        let mut rows = stmt.query([])?;
        let mut checker = ChainChecker::new(options.hashes_only, progress);
        let mut last: Option<(u64, String)> = None;
        let mut anchor = options
            .anchor
            .as_ref()
            .map(|_| AnchorCheck::CutOff { length: 0 });
        let mut broken = None;
        let mut unreadable = None;
        while let Some(row) = rows.next()? {
            let Ok(entry) = entry_of(row) else {
                // A field that does not read (a malformed time) is a change made around the
                // triggers: named as that entry, like any other.
                let seq: i64 = row.get(0)?;
                unreadable = Some(seq.max(0) as u64);
                break;
            };
            if let Some(a) = options.anchor.as_ref().filter(|a| a.seq == entry.seq) {
                anchor = Some(if a.holds(&entry) {
                    AnchorCheck::Holds
                } else {
                    AnchorCheck::Replaced
                });
            }
            if let Err(b) = checker.push(&entry) {
                broken = Some(b);
                break;
            }
            last = Some((entry.seq, entry.hash));
        }
        let summary = match (broken, unreadable) {
            (Some(b), _) => Err(b),
            (None, Some(seq)) => checker.finish().and(Err(ChainBreak {
                seq,
                reason: audit::BreakReason::Unreadable,
            })),
            (None, None) => checker.finish(),
        };
        if let Some(AnchorCheck::CutOff { length }) = &mut anchor {
            *length = last.as_ref().map_or(0, |(seq, _)| *seq);
        }
        Ok(match summary {
            Ok(summary) => AuditCheck {
                verified: summary.entries,
                broken: None,
                problem: None,
                head_seq: last.as_ref().map(|(seq, _)| *seq),
                head: last.map(|(_, hash)| hash),
                sealed: summary.sealed,
                signatures_checked: !options.hashes_only,
                anchor,
            },
            Err(broken) => AuditCheck {
                verified: broken.seq.saturating_sub(1),
                problem: Some(broken.to_string()),
                broken: Some(broken),
                head: None,
                head_seq: None,
                sealed: 0,
                signatures_checked: !options.hashes_only,
                anchor,
            },
        })
    }

    /// Entries newest first, as the timeline shows them.
    pub fn audit_entries(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError> {
        let mut sql = format!("SELECT {COLUMNS} FROM audit_log WHERE 1 = 1");
        let mut args: Vec<super::db::Value> = Vec::new();
        if let Some(prefix) = filter.object_prefix.as_deref().filter(|p| !p.is_empty()) {
            if prefix.ends_with(':') {
                sql.push_str(" AND object >= ? AND object < ?");
                args.push(prefix.to_owned().into());
                args.push(format!("{};", prefix.trim_end_matches(':')).into());
            } else {
                sql.push_str(" AND object = ?");
                args.push(prefix.to_owned().into());
            }
        }
        if let Some(actor) = filter.actor_contains.as_deref().filter(|a| !a.is_empty()) {
            sql.push_str(" AND instr(actor, ?) > 0");
            args.push(actor.to_owned().into());
        }
        if let Some(from) = filter.from {
            sql.push_str(" AND at >= ?");
            args.push(from.format("%F %T").to_string().into());
        }
        if let Some(until) = filter.until {
            sql.push_str(" AND at <= ?");
            args.push(until.format("%F %T").to_string().into());
        }
        if let Some(before) = filter.before_seq {
            sql.push_str(" AND seq < ?");
            args.push((before as i64).into());
        }
        sql.push_str(" ORDER BY seq DESC LIMIT ?");
        args.push((filter.limit.max(1) as i64).into());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(super::db::params_from_iter(args), entry_of)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every entry about one object, oldest first (a post's or platform's history).
    pub fn audit_of(&self, object: &str) -> Result<Vec<AuditEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM audit_log WHERE object = ?1 ORDER BY seq"
        ))?;
        let rows = stmt.query_map([object], entry_of)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Number of entries in the log.
    pub fn audit_len(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0))?;
        Ok(n.max(0) as u64)
    }

    /// Appends entries generated elsewhere (the benchmark's million-entry chain), in one
    /// transaction. The entries must continue the stored chain; `verify_audit` says if not.
    pub fn import_audit_entries(&mut self, entries: &[AuditEntry]) -> Result<(), StoreError> {
        // Only into a database nobody uses yet (the benchmarks' generated chains).
        self.write(|w| {
            w.allow_bootstrap()?;
            for e in entries {
                insert_entry(&w.tx, e)?;
            }
            Ok(())
        })
    }

    /// Runs raw SQL on the database: only for tests that play the attacker (editing the log
    /// around its triggers) and must prove the chain notices.
    #[doc(hidden)]
    pub fn execute_raw_for_tests(&self, sql: &str) -> Result<(), StoreError> {
        self.conn.execute_batch(sql)?;
        Ok(())
    }
}
