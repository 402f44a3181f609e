//! A realistic audit chain for the benchmarks: posts moving through the approval, with
//! Chinese names and comments. Shared by `benches/audit.rs` and `benches/posts.rs`.

use chrono::{Duration, NaiveDate};
use mediadesk::domain::audit::{AuditEntry, AuditFields, append};

/// A realistic chain: posts moving through the approval, with Chinese names and comments.
pub fn chain(len: usize) -> Vec<AuditEntry> {
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
