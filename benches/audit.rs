//! Speed of verifying the audit chain: 1,000,000 entries, streamed one at a time (target: well
//! under 2 s). Run with `cargo bench --bench audit`.

use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use mediadesk::domain::audit::{AuditEntry, AuditFields, append, verify};

const ENTRIES: usize = 1_000_000;

/// A realistic chain: posts moving through the approval, with Chinese names and comments.
fn chain(len: usize) -> Vec<AuditEntry> {
    let start = NaiveDate::from_ymd_opt(2026, 1, 5)
        .and_then(|d| d.and_hms_opt(8, 0, 0))
        .expect("valid start time");
    let steps = [
        ("submit", "draft", "submitted", ""),
        (
            "reject",
            "submitted",
            "returned",
            "第二段的数据需要与教务处核实后再提交",
        ),
        ("submit", "returned", "submitted", ""),
        ("approve", "submitted", "approved", "同意发布"),
        (
            "publish",
            "approved",
            "published",
            "https://xy.example.edu.cn/info/1001/2345.htm",
        ),
    ];
    let actors = ["张明#12", "李华#31", "王芳#7"];
    let mut out: Vec<AuditEntry> = Vec::with_capacity(len);
    for i in 0..len {
        let (action, from, to, comment) = steps[i % steps.len()];
        let object = format!("post:{}", i / steps.len());
        let next = append(
            out.last(),
            AuditFields {
                at: start + Duration::seconds(i as i64 * 37),
                actor: actors[i % actors.len()],
                action,
                object: &object,
                from,
                to,
                comment,
            },
        );
        out.push(next);
    }
    out
}

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
