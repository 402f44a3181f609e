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
    /// Every platform's updates per month from `from` on (grouped in the database: one pass
    /// over the indexes, not a query per platform).
    pub fn monthly_activity(&self, from: NaiveDate) -> Result<Vec<MonthlyCount>, StoreError> {
        let from = from.format("%Y-%m-%d").to_string();
        let mut stmt = self.conn.prepare_cached(
            "SELECT pl.unit_id, a.platform_id, a.month, CAST(SUM(a.n) AS BIGINT)
             FROM (SELECT platform_id, substr(published_at, 1, 7) AS month, COUNT(*) AS n
                     FROM posts WHERE state = 'published' AND published_at >= ?1
                     GROUP BY platform_id, substr(published_at, 1, 7)
                   UNION ALL
                   SELECT platform_id, substr(on_date, 1, 7) AS month, COUNT(*) AS n
                     FROM platform_updates WHERE on_date >= ?1
                     GROUP BY platform_id, substr(on_date, 1, 7)) AS a
             JOIN platforms pl ON pl.id = a.platform_id
             GROUP BY pl.unit_id, a.platform_id, a.month
             ORDER BY a.month, pl.unit_id, a.platform_id",
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
