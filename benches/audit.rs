//! Speed of verifying the audit chain: 1,000,000 entries, streamed one at a time (target: well
//! under 2 s). Run with `cargo bench --bench audit`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use mediadesk::domain::audit::verify;

#[path = "support/audit_chain.rs"]
mod audit_chain;
use audit_chain::chain;

const ENTRIES: usize = 1_000_000;

fn bench_verify(c: &mut Criterion) {
    let entries = chain(ENTRIES);
    assert_eq!(verify(&entries), Ok(ENTRIES as u64));
    let mut group = c.benchmark_group("audit");
    group.sample_size(10);
    group.bench_function("verify 1,000,000 entries", |b| {
        b.iter(|| verify(black_box(&entries)))
    });
    group.finish();
}

criterion_group!(benches, bench_verify);
criterion_main!(benches);
