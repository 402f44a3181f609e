//! Speed of verifying the audit chain: 1,000,000 entries, streamed one at a time. Budgets
//! (issue 15): the hash check of 1,000,000 entries ≤ 2 s; the full check with every signature
//! ≤ 30 s on 2 cores; signing adds ≤ 1 ms to a step. Run with `cargo bench --bench audit`.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use mediadesk::domain::audit::{AuditEntry, AuditFields, append_sealed, verify};
use mediadesk::domain::audit_trust::{ChainChecker, KEY_ISSUED, key_issued_comment};
use mediadesk::domain::signing::KeyPair;

#[path = "support/audit_chain.rs"]
mod audit_chain;
use audit_chain::chain;

const ENTRIES: usize = 1_000_000;
/// The full check's sample: its time per entry is flat, so 1,000,000 costs ten times this.
const SIGNED_SAMPLE: usize = 100_000;

/// The same steps as `chain`, each sealed by its actor, after the three actors' keys are
/// issued (each introducing its own, as the first accounts of a database do).
fn sealed_chain(len: usize) -> Vec<AuditEntry> {
    let people = [
        ("张明", "zhangming"),
        ("李华", "lihua"),
        ("王芳", "wangfang"),
    ];
    let keys: Vec<KeyPair> = people
        .iter()
        .map(|_| KeyPair::generate().unwrap())
        .collect();
    let labels: Vec<String> = people.iter().map(|(n, l)| format!("{n}（{l}）")).collect();
    let plain = chain(len);
    let mut out: Vec<AuditEntry> = Vec::with_capacity(len);
    for (i, e) in plain.iter().enumerate() {
        let who = i % people.len();
        let comment = if i < people.len() {
            key_issued_comment(people[who].1, &keys[who].public_key())
        } else {
            e.comment.clone()
        };
        let fields = AuditFields {
            at: e.at,
            actor: &labels[who],
            action: if i < people.len() {
                KEY_ISSUED
            } else {
                &e.action
            },
            object: &e.object,
            from: &e.from,
            to: &e.to,
            comment: &comment,
        };
        let next = append_sealed(out.last(), fields, Some(&keys[who]));
        out.push(next);
    }
    out
}

fn check(entries: &[AuditEntry], hashes_only: bool) -> u64 {
    let mut checker = ChainChecker::new(hashes_only, &|_| {});
    for e in entries {
        checker.push(e).unwrap();
    }
    checker.finish().unwrap().sealed
}

fn bench_verify(c: &mut Criterion) {
    let entries = chain(ENTRIES);
    assert_eq!(verify(&entries), Ok(ENTRIES as u64));
    let mut group = c.benchmark_group("audit");
    group.sample_size(10);
    group.bench_function("verify 1,000,000 entries", |b| {
        b.iter(|| verify(black_box(&entries)))
    });
    drop(entries);
    let sealed = sealed_chain(ENTRIES);
    assert_eq!(check(&sealed, true), ENTRIES as u64);
    group.bench_function("hash and seal-owner check, 1,000,000 sealed entries", |b| {
        b.iter(|| check(black_box(&sealed), true))
    });
    let sample = &sealed[..SIGNED_SAMPLE];
    group.bench_function("full check with signatures, 100,000 sealed entries", |b| {
        b.iter(|| check(black_box(sample), false))
    });
    group.finish();
}

fn bench_append(c: &mut Criterion) {
    let plain = chain(2);
    let key = KeyPair::generate().unwrap();
    let fields = plain[1].fields();
    let mut group = c.benchmark_group("audit_append");
    group.bench_function("append an entry, unsealed", |b| {
        b.iter(|| append_sealed(Some(black_box(&plain[0])), fields, None))
    });
    group.bench_function("append an entry, sealed", |b| {
        b.iter(|| append_sealed(Some(black_box(&plain[0])), fields, Some(&key)))
    });
    group.finish();
}

criterion_group!(benches, bench_verify, bench_append);
criterion_main!(benches);
