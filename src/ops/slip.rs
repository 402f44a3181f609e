//! Fills the 信息发布审核单 from a stored post: its fields, and the three steps as the audit
//! chain recorded them (who, when, with what comment).

use crate::domain::audit::AuditEntry;
use crate::domain::workflow::PostState;
use crate::print::{ApprovalSlipData, SlipAttachment, SlipStep};
use crate::store::{Store, StoreError};

fn when(entry: &AuditEntry) -> String {
    entry.at.format("%Y-%m-%d %H:%M").to_string()
}

/// The last entry with `action` after the last time the post went back to its author, so a
/// returned and resubmitted post shows its current round only.
fn current_round<'a>(history: &'a [AuditEntry], action: &str) -> Option<&'a AuditEntry> {
    let round_start = history
        .iter()
        .rposition(|e| e.action == "submit")
        .unwrap_or(0);
    history[round_start..]
        .iter()
        .rev()
        .find(|e| e.action == action)
}

/// The slip of post `id` as it stands now.
pub fn approval_slip_for(store: &Store, id: i64) -> Result<ApprovalSlipData, StoreError> {
    let post = store.post(id)?;
    let history = store.post_history(id)?;
    let d = &post.draft;
    let submitted = post.state != PostState::Draft
        && post.state != PostState::Withdrawn
        && post.state != PostState::Returned;
    let first = match history.iter().rev().find(|e| e.action == "submit") {
        Some(e) if submitted => SlipStep {
            person: post.author_name.clone(),
            at: when(e),
            comment: crate::text::ops::first_review_done(post.revision),
        },
        _ => SlipStep::default(),
    };
    let second = match (current_round(&history, "approve"), &post.reviewer_name) {
        (Some(e), Some(name)) if submitted => SlipStep {
            person: name.clone(),
            at: when(e),
            comment: e.comment.clone(),
        },
        _ => SlipStep::default(),
    };
    let third = match (current_round(&history, "publish"), &post.publisher_name) {
        (Some(e), Some(name)) if post.state == PostState::Published => SlipStep {
            person: name.clone(),
            // The time it went online, as the administrator recorded it.
            at: post
                .published_at
                .map_or_else(|| when(e), |t| t.format("%Y-%m-%d %H:%M").to_string()),
            comment: crate::text::ops::PUBLISH_CONFIRMED.to_owned(),
        },
        _ => SlipStep::default(),
    };
    let attachments = store
        .attachments(id)?
        .into_iter()
        .map(|a| SlipAttachment {
            name: a.name,
            size: a.size,
            sha256: a.sha256,
        })
        .collect();
    Ok(ApprovalSlipData {
        unit_name: post.unit_name.clone(),
        platform_kind: post.platform_kind.clone(),
        platform_name: post.platform_name.clone(),
        account: post.platform_account.clone(),
        post_id: post.id,
        revision: post.revision,
        title: d.title.clone(),
        category: d.category.label().to_owned(),
        column: d.column.clone(),
        origin: d.attribution.origin.label().to_owned(),
        author_or_provider: d.attribution.author_or_provider.clone(),
        source_name: d.attribution.source_name.clone(),
        source_link: d.attribution.source_link.clone(),
        editor: d.attribution.editor.clone(),
        internal: d.internal,
        planned_at: d
            .planned_at
            .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default(),
        state: post.state.label().to_owned(),
        steps: [first, second, third],
        attachments,
        published_link: post.published_link.clone().unwrap_or_default(),
        body: d.body.clone(),
        printed_at: chrono::Local::now().naive_local(),
        audit_anchor: store
            .audit_head()?
            .map(|(seq, hash)| crate::print::AuditAnchor::new(seq, &hash)),
    })
}
