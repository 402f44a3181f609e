//! The head of the audit chain — its last entry's number and hash — read cheaply (one indexed
//! row) for the anchor every printed document carries at its foot (issue 15).

use super::db::OptionalExtension;

use super::{Store, StoreError};

impl Store {
    /// The last entry of the audit chain: its number (the chain's length, as numbers start at 1
    /// and have no gaps in a chain that verifies) and its full hash; `None` while the log is
    /// empty.
    pub fn audit_head(&self) -> Result<Option<(u64, String)>, StoreError> {
        let head = self
            .conn
            .query_row(
                "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get::<_, i64>(0)?.max(0) as u64, r.get::<_, String>(1)?)),
            )
            .optional()?;
        Ok(head)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Store;

    #[test]
    fn the_head_is_the_newest_entry_and_matches_the_length() {
        let mut store = Store::open_in_memory().expect("store");
        assert_eq!(store.audit_head().expect("head"), None);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        store.load_demo(today).expect("demo");
        let (seq, hash) = store.audit_head().expect("head").expect("entries");
        assert_eq!(seq, store.audit_len().expect("len"));
        assert_eq!(hash.len(), 64);
        assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
    }
}
