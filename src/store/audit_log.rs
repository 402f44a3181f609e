//! The audit log table: entries appended inside the transaction of the step they record,
//! read back as a timeline, and verified as a whole chain (`domain::audit`).

use super::db::{OptionalExtension, Row, params};
use chrono::NaiveDateTime;
use serde::Serialize;

use super::{Store, StoreError};
use crate::domain::audit::{self, AuditEntry, AuditFields, ChainBreak};

const COLUMNS: &str =
    "seq, at, actor, action, object, from_state, to_state, comment, prev_hash, hash";

fn entry_of(r: &Row) -> super::db::Result<AuditEntry> {
    Ok(AuditEntry {
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
    let entry = audit::append(last.as_ref(), fields);
    tx.execute(
        "INSERT INTO audit_log (seq, at, actor, action, object, from_state, to_state, comment,
                                prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            entry.seq as i64,
            entry.at,
            entry.actor,
            entry.action,
            entry.object,
            entry.from,
            entry.to,
            entry.comment,
            entry.prev_hash,
            entry.hash
        ],
    )?;
    Ok(entry)
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

/// Appends `record` in `tx` (see [`append_entry`]).
pub(super) fn log(tx: &super::db::Transaction<'_>, record: Record<'_>) -> Result<(), StoreError> {
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
    )
    .map(|_| ())
}

/// An entry for a change that has no states (sign-ins, units, people, settings, word lists).
pub(super) fn note_at(
    tx: &super::db::Transaction<'_>,
    at: chrono::NaiveDateTime,
    actor: &str,
    action: &str,
    object: String,
    comment: &str,
) -> Result<(), StoreError> {
    log(
        tx,
        Record {
            at,
            actor,
            action,
            object,
            states: ("", ""),
            comment,
        },
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
    /// Checks every entry in order, streaming the rows: a million entries need no more memory
    /// than one.
    pub fn verify_audit(&self) -> Result<AuditCheck, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!("SELECT {COLUMNS} FROM audit_log ORDER BY seq"))?;
        let mut rows = stmt.query([])?;
        let mut read_error: Option<super::db::Error> = None;
        let mut last: Option<(u64, String)> = None;
        let entries = std::iter::from_fn(|| match rows.next() {
            Ok(Some(row)) => match entry_of(row) {
                Ok(entry) => {
                    last = Some((entry.seq, entry.hash.clone()));
                    Some(entry)
                }
                Err(e) => {
                    read_error = Some(e);
                    None
                }
            },
            Ok(None) => None,
            Err(e) => {
                read_error = Some(e);
                None
            }
        });
        let result = audit::verify(entries);
        if let Some(e) = read_error {
            return Err(e.into());
        }
        Ok(match result {
            Ok(verified) => AuditCheck {
                verified,
                broken: None,
                problem: None,
                head_seq: last.as_ref().map(|(seq, _)| *seq),
                head: last.map(|(_, hash)| hash),
            },
            Err(broken) => AuditCheck {
                verified: broken.seq.saturating_sub(1),
                problem: Some(broken.to_string()),
                broken: Some(broken),
                head: None,
                head_seq: None,
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
            let mut stmt = w.tx.prepare(
                "INSERT INTO audit_log (seq, at, actor, action, object, from_state, to_state,
                                        comment, prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for e in entries {
                stmt.execute(params![
                    e.seq as i64,
                    e.at,
                    e.actor,
                    e.action,
                    e.object,
                    e.from,
                    e.to,
                    e.comment,
                    e.prev_hash,
                    e.hash
                ])?;
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
