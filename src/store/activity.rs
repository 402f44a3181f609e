//! How much each platform published, month by month: posts published through MediaDesk and
//! updates recorded for the platform's own back office, for the 督查 page's chart
//! (第六条四: a platform is judged by whether it is kept up to date).

use chrono::NaiveDate;
use serde::Serialize;

use super::{Store, StoreError};

/// Updates of one platform in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthlyCount {
    pub unit_id: i64,
    pub platform_id: i64,
    /// `YYYY-MM`.
    pub month: String,
    pub count: i64,
}

impl Store {
    /// Every platform's updates per month from `from`'s month on, read from the counts the
    /// database keeps as posts are published and updates recorded (migration 008): a few
    /// rows per platform, not a pass over every post.
    pub fn monthly_activity(&self, from: NaiveDate) -> Result<Vec<MonthlyCount>, StoreError> {
        let from = from.format("%Y-%m").to_string();
        let mut stmt = self.conn.prepare_cached(
            "SELECT pl.unit_id, m.platform_id, m.month, m.n
             FROM platform_activity_months m JOIN platforms pl ON pl.id = m.platform_id
             WHERE m.month >= ?1
             ORDER BY m.month, pl.unit_id, m.platform_id",
        )?;
        let rows = stmt.query_map([from], |r| {
            Ok(MonthlyCount {
                unit_id: r.get(0)?,
                platform_id: r.get(1)?,
                month: r.get(2)?,
                count: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
