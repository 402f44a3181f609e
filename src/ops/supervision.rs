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

/// What the 督查 page shows: the due list, each unit's lights, and a year of activity.
#[derive(Debug, Clone)]
pub struct Dashboard {
    pub today: NaiveDate,
    /// Sorted by urgency.
    pub items: Vec<DueItem>,
    /// Red units first, then amber, then green.
    pub units: Vec<crate::domain::supervision::UnitSummary>,
    /// Updates per platform and month, from the first day of the month a year ago.
    pub monthly: Vec<crate::store::MonthlyCount>,
    /// The twelve months shown, oldest first (`YYYY-MM`).
    pub months: Vec<String>,
    /// Supervised platforms: (id, unit id, name).
    pub platforms: Vec<(i64, i64, String)>,
}

/// The dashboard as of `today`.
pub fn dashboard(store: &Store, today: NaiveDate) -> Result<Dashboard, OpsError> {
    use crate::domain::platform::PlatformStatus;
    use crate::domain::supervision::{UnitRef, unit_summaries};
    let (today, items) = due_actions(store, Some(today))?;
    let units: Vec<UnitRef> = store
        .units()?
        .into_iter()
        .map(|u| UnitRef {
            id: u.id,
            name: u.name,
        })
        .collect();
    let platforms: Vec<(i64, i64, String)> = store
        .platforms()?
        .into_iter()
        .filter(|p| !matches!(p.status, PlatformStatus::Closed | PlatformStatus::ShutDown))
        .map(|p| (p.id, p.draft.unit_id, p.draft.name))
        .collect();
    let pairs: Vec<(i64, i64)> = platforms.iter().map(|(id, unit, _)| (*id, *unit)).collect();
    let months = last_twelve_months(today);
    let first = months
        .first()
        .and_then(|m| NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok())
        .unwrap_or(today);
    Ok(Dashboard {
        today,
        units: unit_summaries(&units, &pairs, &items),
        items,
        monthly: store.monthly_activity(first)?,
        months,
        platforms,
    })
}

/// `YYYY-MM` of the twelve months up to and including `today`'s, oldest first.
pub fn last_twelve_months(today: NaiveDate) -> Vec<String> {
    use chrono::Datelike;
    let index = today.year() * 12 + today.month0() as i32;
    (index - 11..=index)
        .map(|i| format!("{:04}-{:02}", i.div_euclid(12), i.rem_euclid(12) + 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_months_cross_the_year_end() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let months = last_twelve_months(d(2026, 2, 28));
        assert_eq!(months.len(), 12);
        assert_eq!(months.first().unwrap(), "2025-03");
        assert_eq!(months.last().unwrap(), "2026-02");
        assert_eq!(last_twelve_months(d(2026, 12, 1))[0], "2026-01");
    }
}
