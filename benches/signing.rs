//! Speed of signed audit entries (issue 15): signing one entry hash (target: signing adds
//! ≤ 1 ms to a step), opening a sealed key at sign-in, and checking signatures in batch on
//! both cores (target: 1,000,000 in ≤ 30 s; measured on 100,000 and multiplied by 10, which
//! is exact here since the work is linear and the key cache is per thread). Run with
//! `cargo bench --bench signing`.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use mediadesk::domain::signing::{EntryHash, KeyPair, SignedHash, verify_many};
use sha2::{Digest, Sha256};

const ENTRIES: usize = 100_000;

fn hash(n: usize) -> EntryHash {
    Sha256::digest(n.to_le_bytes()).into()
}

/// A chain signed by 40 people in turn, as a department's year of steps would be.
fn signed_chain(len: usize) -> Vec<SignedHash> {
    let signers: Vec<KeyPair> = (0..40)
        .map(|_| KeyPair::generate().expect("random"))
        .collect();
    (0..len)
        .map(|i| {
            let signer = &signers[i % signers.len()];
            SignedHash {
                hash: hash(i),
                signature: signer.sign(&hash(i)),
                signer: signer.public_key(),
            }
        })
        .collect()
}

fn bench_sign(c: &mut Criterion) {
    let pair = KeyPair::generate().expect("random");
    let entry = hash(1);
    let mut group = c.benchmark_group("signing");
    group.bench_function("sign one entry hash", |b| {
        b.iter(|| pair.sign(black_box(&entry)))
    });
    group.bench_function("verify one signature", |b| {
        let signature = pair.sign(&entry);
        let key = pair.public_key();
        b.iter(|| key.verify(black_box(&entry), black_box(&signature)))
    });
    group.sample_size(10);
    let sealed = pair.seal("xiaoyuan2026").expect("seal");
    group.bench_function("open a sealed key (sign-in)", |b| {
        b.iter(|| sealed.open(black_box("xiaoyuan2026")))
    });
    group.bench_function("generate and seal a key pair (new account)", |b| {
        b.iter_batched(
            || (),
            |()| KeyPair::generate().and_then(|p| p.seal("xiaoyuan2026")),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn bench_verify_many(c: &mut Criterion) {
    let chain = signed_chain(ENTRIES);
    assert_eq!(verify_many(&chain, 2, &|_| {}), Ok(()));
    let mut group = c.benchmark_group("signing");
    group.sample_size(10);
    group.bench_function("verify 100,000 signatures in batch, 2 threads", |b| {
        b.iter(|| verify_many(black_box(&chain), 2, &|_| {}))
    });
    group.bench_function("verify 100,000 signatures in batch, 1 thread", |b| {
        b.iter(|| verify_many(black_box(&chain), 1, &|_| {}))
    });
    let sample = &chain[..10_000];
    group.bench_function("verify 10,000 signatures one by one, 1 thread", |b| {
        b.iter(|| {
            sample
                .iter()
                .filter(|e| e.signer.verify(&e.hash, &e.signature).is_ok())
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_sign, bench_verify_many);
criterion_main!(benches);
