//! The working-day calendar: the bundled State Council schedules plus the years the user
//! imported, kept in the database so they travel with its backup.

use super::{Store, StoreError, now_timestamp};
use crate::domain::calendar::{WorkCalendar, YearSchedule};

impl Store {
    /// The bundled calendar with every imported year laid over it.
    pub fn work_calendar(&self) -> Result<WorkCalendar, StoreError> {
        let bundled = WorkCalendar::bundled().map_err(|e| StoreError::Corrupt(e.to_string()))?;
        bundled
            .with_overrides(self.imported_years()?)
            .map_err(|e| StoreError::Corrupt(format!("已导入的节假日安排有误：{e}")))
    }

    fn imported_years(&self) -> Result<Vec<YearSchedule>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT year, body FROM calendar_years ORDER BY year")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (year, body) = row?;
            out.push(serde_json::from_str(&body).map_err(|e| {
                StoreError::Corrupt(format!("{year} 年的节假日安排无法读取（{e}）"))
            })?);
        }
        Ok(out)
    }

    /// Stores imported years after checking that the calendar accepts them all; on any
    /// refusal nothing is written and the old calendar stays.
    pub fn import_calendar_years(&mut self, years: &[YearSchedule]) -> Result<(), StoreError> {
        let mut calendar = self.work_calendar()?;
        for y in years {
            calendar
                .insert_year(y.clone())
                .map_err(|e| StoreError::InUse(e.to_string()))?;
        }
        let tx = self.conn.transaction()?;
        for y in years {
            let body = serde_json::to_string(y).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            tx.execute(
                "INSERT INTO calendar_years (year, body, imported_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(year) DO UPDATE SET body = excluded.body,
                     imported_at = excluded.imported_at",
                (y.year, body, now_timestamp()),
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
