//! The working-day calendar: the bundled State Council schedules plus the years the user
//! imported, kept in the database so they travel with its backup.

use super::{Store, StoreError};
use crate::domain::calendar::{WorkCalendar, YearSchedule};
use crate::domain::permissions::{Permission, Target};

impl Store {
    /// The bundled calendar with every imported year laid over it.
    pub fn work_calendar(&self) -> Result<WorkCalendar, StoreError> {
        let bundled = WorkCalendar::bundled()?;
        Ok(bundled.with_overrides(self.imported_years()?)?)
    }

    fn imported_years(&self) -> Result<Vec<YearSchedule>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT year, body FROM calendar_years ORDER BY year")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (year, body) = row?;
            out.push(
                serde_json::from_str(&body)
                    .map_err(|e| StoreError::Corrupt(format!("calendar_years.{year}: {e}")))?,
            );
        }
        Ok(out)
    }

    /// Stores imported years after checking that the calendar accepts them all; on any
    /// refusal nothing is written and the old calendar stays.
    pub fn import_calendar_years(&mut self, years: &[YearSchedule]) -> Result<(), StoreError> {
        self.write(|w| {
            w.allow(Permission::ImportCalendar, Target::School)?;
            let mut calendar = self.work_calendar()?;
            for y in years {
                calendar.insert_year(y.clone())?;
            }
            for y in years {
                let body =
                    serde_json::to_string(y).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                w.tx.execute(
                    "INSERT INTO calendar_years (year, body, imported_at) VALUES (?1, ?2, ?3)
                     ON CONFLICT(year) DO UPDATE SET body = excluded.body,
                         imported_at = excluded.imported_at",
                    (y.year, body, w.now()),
                )?;
                w.note(
                    "calendar_import",
                    format!("calendar:{}", y.year),
                    &crate::text::audit::calendar_sources(&y.sources),
                )?;
            }
            Ok(())
        })
    }
}
