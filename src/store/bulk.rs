//! Many platforms in one transaction, for a spreadsheet import: every draft is validated and
//! permitted (its unit's 台账 right) exactly as `add_platform` does it, and the first refusal
//! rolls the whole import back, so a sheet is either in the registry entirely or not at all.

use chrono::NaiveDate;

use super::platforms::trimmed;
use super::{Store, StoreError};
use crate::domain::platform::PlatformDraft;

/// A refusal during a bulk insert, with the position of the draft it concerns.
#[derive(Debug, thiserror::Error)]
pub struct BulkRefusal {
    /// 0-based index into the drafts given.
    pub index: usize,
    #[source]
    pub error: StoreError,
}

impl Store {
    /// Adds every draft in one transaction, in order; their ids in the same order. Nothing is
    /// written when any one is invalid, a duplicate (also of an earlier draft of the same
    /// call), or of a unit the signed-in person may not edit.
    pub fn add_platforms(
        &mut self,
        drafts: &[PlatformDraft],
        today: NaiveDate,
    ) -> Result<Vec<i64>, BulkRefusal> {
        if drafts.is_empty() {
            return Ok(Vec::new());
        }
        let drafts: Vec<PlatformDraft> = drafts.iter().map(trimmed).collect();
        let mut failed_at = 0;
        self.write(|w| {
            let mut ids = Vec::with_capacity(drafts.len());
            for (i, draft) in drafts.iter().enumerate() {
                failed_at = i;
                ids.push(self.insert_platform(w, draft, today)?);
            }
            Ok(ids)
        })
        .map_err(|error| BulkRefusal {
            index: failed_at,
            error,
        })
    }
}
