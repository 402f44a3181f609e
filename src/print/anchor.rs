//! The audit anchor printed at the foot of every page (issue 15): the audit chain's length and
//! the first 16 hex characters of its head hash at the moment of printing, so the paper archive
//! can later prove with `mediadesk audit verify --anchor N:HASH` that the chain still holds that
//! entry — nothing after it cut off, nothing up to it replaced.
//!
//! Plain data filled by `ops` from the store; drawn in a small size below everything else on
//! the page, so no document's own layout moves.

use serde::{Deserialize, Serialize};

use super::labels;
use super::layout::Page;
use super::text_fit::Advance;
use super::text_fit::centred_run;

/// Size of the anchor line: small enough to stay out of the way, still legible on paper.
const ANCHOR_PT: f32 = 6.0;
/// Baseline of the anchor line above the page's bottom edge (mm): below every document's page
/// number (the form's at 289 mm, the letters' and the slip's at 283 mm on A4) and inside what
/// office printers print (≥ 4 mm).
const ANCHOR_ABOVE_FOOT: f32 = 5.0;

/// The chain's head when a document was printed: entry `seq` (the chain's length, numbers start
/// at 1) and the first 16 hex characters of its hash, as `audit verify --anchor` accepts them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditAnchor {
    pub seq: u64,
    pub hash16: String,
}

/// Hex characters of the hash printed: 64 bits, far beyond what anyone forges by chance, and
/// short enough to type back.
pub const ANCHOR_HASH_CHARS: usize = 16;

impl AuditAnchor {
    /// The anchor of entry `seq` whose full hash is `hash`.
    pub fn new(seq: u64, hash: &str) -> Self {
        Self {
            seq,
            hash16: hash.chars().take(ANCHOR_HASH_CHARS).collect(),
        }
    }

    /// `N:HASH`, as typed after `audit verify --anchor`.
    pub fn token(&self) -> String {
        format!("{}:{}", self.seq, self.hash16)
    }
}

/// Draws the anchor line centred at the foot of every page; nothing when there is no anchor
/// (a preview, or a database with no audit entries yet).
pub(crate) fn stamp_pages(pages: &mut [Page], anchor: Option<&AuditAnchor>, font: &dyn Advance) {
    let Some(anchor) = anchor else {
        return;
    };
    let text = labels::audit_anchor(&anchor.token(), anchor.seq);
    for page in pages {
        let run = centred_run(
            text.clone(),
            page.width / 2.0,
            page.height - ANCHOR_ABOVE_FOOT,
            ANCHOR_PT,
            font,
        );
        page.push_text(run);
    }
}
