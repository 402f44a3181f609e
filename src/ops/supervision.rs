//! Supervision use cases shared by the window and the command line: the due list as of a day
//! (第四条, 第五条, 第六条二/四, 第八条一), and a platform's publishing history imported from a
//! CSV file the person names.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use super::OpsError;
use crate::domain::supervision::DueItem;
use crate::store::{HistoryImport, Store};

/// Largest history file read: 100,000 rows of date, title and link fit easily.
pub const MAX_HISTORY_BYTES: u64 = 64 * 1024 * 1024;

/// The moment the 24-hour incident rule is judged at for `today`: now when `today` is the
/// real today, else the same time of day on that date (so `supervise --today` of a past day
/// answers as it would have at this hour then).
pub fn moment_of(today: NaiveDate) -> NaiveDateTime {
    let now = chrono::Local::now().naive_local();
    if now.date() == today {
        now
    } else {
        today.and_time(now.time())
    }
}

/// Every due action as of `today` (the real today when `None`), sorted by urgency, and the
/// day it was computed for.
pub fn due_actions(
    store: &Store,
    today: Option<NaiveDate>,
) -> Result<(NaiveDate, Vec<DueItem>), OpsError> {
    let today = today.unwrap_or_else(crate::today);
    let items = store.due_actions(today, moment_of(today))?;
    Ok((today, items))
}

/// Reads `path` (bounded, regular files only) and imports it as `platform_id`'s publishing
/// history: all rows or none.
pub fn import_history_file(
    store: &mut Store,
    platform_id: i64,
    path: &Path,
    today: NaiveDate,
) -> Result<HistoryImport, OpsError> {
    // Ask before reading a large file: a person without the right learns it at once.
    let unit = store.platform(platform_id)?.draft.unit_id;
    store.check(
        crate::domain::permissions::Permission::RecordUpdate,
        crate::domain::permissions::Target::Unit(unit),
    )?;
    let bytes = crate::files::read_bytes(path, MAX_HISTORY_BYTES)?;
    Ok(store.import_history(platform_id, &bytes, today)?)
}
