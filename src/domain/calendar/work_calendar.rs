//! The working-day calendar: which dates are working days under the bundled and imported
//! schedules, and counting in working days.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use thiserror::Error;

use super::bundled::BUNDLED_FILES;
use super::day_kind::DayKind;
use super::import::{CalendarFileError, parse_year_file};
use super::schedule::{ScheduleProblem, YearSchedule, is_weekend};

/// A date in a year whose holiday schedule MediaDesk does not have.
///
/// Working days cannot be guessed from the weekday (a make-up Sunday is worked, a holiday
/// Monday is not), so the answer is "unknown" until the user imports that year's notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub struct UnknownYear(pub i32);

/// Why the calendar could not be built or changed; the calendar stays as it was. This and
/// [`UnknownYear`] are worded in `text::calendar`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CalendarError {
    /// A bundled file is broken: the installation is damaged.
    Bundled {
        /// The bundled file name, e.g. `2024.json`.
        file: &'static str,
        /// What is wrong in it.
        source: CalendarFileError,
    },
    /// A schedule handed to [`WorkCalendar::insert_year`] fails validation.
    Invalid {
        /// The schedule's year.
        year: i32,
        /// The first problem found.
        problem: ScheduleProblem,
    },
    /// Two years disagree about a date both list (possible only for the December days a
    /// notice may set for the year before).
    Conflict {
        /// The contested date.
        date: NaiveDate,
        /// One year listing it.
        first: i32,
        /// The other year listing it.
        second: i32,
    },
}

/// The calendar every working-day deadline is counted on.
///
/// It knows only the years it has a schedule for; any date in another year is
/// [`UnknownYear`], never a Monday-to-Friday guess.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkCalendar {
    schedules: BTreeMap<i32, YearSchedule>,
    listed: HashMap<NaiveDate, Listed>,
}

/// A date some schedule lists, and the schedule that set it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Listed {
    kind: DayKind,
    year: i32,
}

impl WorkCalendar {
    /// A calendar that knows no year; every question about a date is [`UnknownYear`].
    #[must_use]
    pub fn empty() -> Self {
        Self::default()
    }

    /// The schedules shipped with MediaDesk (2020–2026), read and validated.
    ///
    /// An error means the program files are damaged. The files are part of the program, so
    /// they are read once per process and each call hands out a copy: the store builds its
    /// calendar for every due list, and parsing seven years of JSON each time cost more than
    /// the rest of the calendar work.
    pub fn bundled() -> Result<Self, CalendarError> {
        static BUNDLED: OnceLock<Result<WorkCalendar, CalendarError>> = OnceLock::new();
        BUNDLED.get_or_init(Self::parse_bundled).clone()
    }

    fn parse_bundled() -> Result<Self, CalendarError> {
        let mut calendar = Self::empty();
        for (file, text) in BUNDLED_FILES {
            let schedules =
                parse_year_file(text).map_err(|source| CalendarError::Bundled { file, source })?;
            for schedule in schedules {
                calendar.insert_year(schedule)?;
            }
        }
        Ok(calendar)
    }

    /// This calendar with user-imported years laid over it (a stored year replaces the
    /// bundled one of the same year), e.g. rebuilt from the store at start-up.
    pub fn with_overrides(
        mut self,
        overrides: impl IntoIterator<Item = YearSchedule>,
    ) -> Result<Self, CalendarError> {
        for schedule in overrides {
            self.insert_year(schedule)?;
        }
        Ok(self)
    }

    /// Adds a year, or replaces the one already there (which is returned).
    ///
    /// The schedule is validated and checked against its neighbours first; on any error
    /// the calendar is left exactly as it was.
    pub fn insert_year(
        &mut self,
        schedule: YearSchedule,
    ) -> Result<Option<YearSchedule>, CalendarError> {
        schedule
            .validate()
            .map_err(|problem| CalendarError::Invalid {
                year: schedule.year,
                problem,
            })?;
        let mut schedules = self.schedules.clone();
        let replaced = schedules.insert(schedule.year, schedule);
        let listed = index(&schedules)?;
        self.schedules = schedules;
        self.listed = listed;
        Ok(replaced)
    }

    /// The years this calendar can answer for, in order.
    #[must_use]
    pub fn known_years(&self) -> Vec<i32> {
        self.schedules.keys().copied().collect()
    }

    /// The schedule of a year, e.g. to show its source or export it.
    #[must_use]
    pub fn schedule(&self, year: i32) -> Option<&YearSchedule> {
        self.schedules.get(&year)
    }

    /// What kind of day `date` is.
    pub fn day_kind(&self, date: NaiveDate) -> Result<DayKind, UnknownYear> {
        self.ensure_known(date)?;
        Ok(match self.listed.get(&date) {
            Some(listed) => listed.kind.clone(),
            None if is_weekend(date) => DayKind::Weekend,
            None => DayKind::Workday,
        })
    }

    /// Whether `date` counts as a working day.
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, UnknownYear> {
        self.ensure_known(date)?;
        Ok(match self.listed.get(&date) {
            Some(listed) => listed.kind.is_working_day(),
            None => !is_weekend(date),
        })
    }

    /// The date reached by stepping `n` working days from `from`: forwards for `n > 0`,
    /// backwards for `n < 0`, `from` itself for `n == 0`.
    ///
    /// `from` never counts, so `add_working_days(friday, 1)` is the next working day even
    /// when Friday is one. The result of a non-zero step is always a working day.
    pub fn add_working_days(&self, from: NaiveDate, n: i32) -> Result<NaiveDate, UnknownYear> {
        self.ensure_known(from)?;
        let forwards = n >= 0;
        let mut remaining = n.unsigned_abs();
        let mut date = from;
        while remaining > 0 {
            date = step(date, forwards)?;
            if self.is_working_day(date)? {
                remaining -= 1;
            }
        }
        Ok(date)
    }

    /// The signed number of working days from `from` to `to`.
    ///
    /// Convention: it counts like [`add_working_days`](Self::add_working_days) steps —
    /// `from` is never counted and `to` is — so for `to >= from` it is the number of
    /// working days in `(from, to]`, and for `to < from` it is minus the number in
    /// `[to, from)`. Hence `working_days_between(d, add_working_days(d, n)) == n`.
    /// Both dates must lie in known years.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> Result<i64, UnknownYear> {
        self.ensure_known(from)?;
        self.ensure_known(to)?;
        let (start, end, sign) = if to >= from {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        // Walk (start, end] forwards, or [start, end) for the backward count.
        let mut count = 0_i64;
        let mut date = start;
        while date < end {
            let counted = if sign > 0 { step(date, true)? } else { date };
            if self.is_working_day(counted)? {
                count += 1;
            }
            date = step(date, true)?;
        }
        Ok(sign * count)
    }

    fn ensure_known(&self, date: NaiveDate) -> Result<(), UnknownYear> {
        if self.schedules.contains_key(&date.year()) {
            Ok(())
        } else {
            Err(UnknownYear(date.year()))
        }
    }
}

/// The next or previous day; running off chrono's range is just another unknown year.
fn step(date: NaiveDate, forwards: bool) -> Result<NaiveDate, UnknownYear> {
    let next = if forwards {
        date.succ_opt()
    } else {
        date.pred_opt()
    };
    next.ok_or_else(|| UnknownYear(date.year().saturating_add(if forwards { 1 } else { -1 })))
}

/// Every listed date of every schedule. A date set both by its own year and by the next
/// year's December carry-over keeps its own year's entry when they agree on working or
/// not, and is refused when they do not.
fn index(
    schedules: &BTreeMap<i32, YearSchedule>,
) -> Result<HashMap<NaiveDate, Listed>, CalendarError> {
    let mut listed: HashMap<NaiveDate, Listed> = HashMap::new();
    for schedule in schedules.values() {
        for listing in schedule.listings() {
            let name = listing.name.to_owned();
            let kind = if listing.is_holiday {
                DayKind::Holiday { name }
            } else {
                DayKind::MakeupWorkday { name }
            };
            let new = Listed {
                kind,
                year: schedule.year,
            };
            match listed.get(&listing.date) {
                Some(old) if old.kind.is_working_day() != new.kind.is_working_day() => {
                    return Err(CalendarError::Conflict {
                        date: listing.date,
                        first: old.year,
                        second: new.year,
                    });
                }
                Some(old) if old.year == listing.date.year() => {}
                _ => {
                    listed.insert(listing.date, new);
                }
            }
        }
    }
    Ok(listed)
}

#[cfg(test)]
mod tests {
    use super::super::schedule::NamedDates;
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn year(year: i32, holidays: &[&str], makeups: &[&str]) -> YearSchedule {
        let group = |name: &str, dates: &[&str]| NamedDates {
            name: name.into(),
            dates: dates.iter().map(|t| d(t)).collect(),
        };
        YearSchedule {
            year,
            sources: vec!["test".into()],
            holidays: vec![group("元旦", holidays)],
            makeup_workdays: vec![group("元旦", makeups)],
        }
    }

    #[test]
    fn empty_calendar_knows_nothing() {
        let calendar = WorkCalendar::empty();
        assert_eq!(calendar.day_kind(d("2024-05-06")), Err(UnknownYear(2024)));
        assert!(calendar.known_years().is_empty());
    }

    #[test]
    fn unknown_year_message_names_the_year_and_the_fix() {
        let text = UnknownYear(2027).to_string();
        assert!(text.contains("缺少 2027 年的节假日安排"), "{text}");
        assert!(text.contains("导入该年的国务院节假日通知数据"), "{text}");
    }

    #[test]
    fn insert_replaces_and_refusal_leaves_calendar_untouched() {
        let mut calendar = WorkCalendar::empty();
        assert_eq!(
            calendar.insert_year(year(2030, &["2030-01-01"], &[])),
            Ok(None)
        );
        let before = calendar.clone();

        let bad = year(2030, &["2030-01-01"], &["2030-01-02"]);
        let error = calendar.insert_year(bad).unwrap_err();
        assert!(matches!(
            error,
            CalendarError::Invalid {
                year: 2030,
                problem: ScheduleProblem::MakeupNotOnWeekend { .. }
            }
        ));
        assert_eq!(calendar, before);

        let replaced = calendar
            .insert_year(year(2030, &["2030-01-02"], &[]))
            .unwrap()
            .unwrap();
        assert_eq!(replaced.holidays[0].dates, vec![d("2030-01-01")]);
        assert_eq!(calendar.day_kind(d("2030-01-01")), Ok(DayKind::Workday));
        assert!(matches!(
            calendar.day_kind(d("2030-01-02")),
            Ok(DayKind::Holiday { .. })
        ));
    }

    #[test]
    fn december_carry_over_counts_and_conflicts_are_refused() {
        let mut calendar = WorkCalendar::empty();
        calendar
            .insert_year(year(2030, &["2030-06-03"], &[]))
            .unwrap();
        // The 2031 notice starts its New Year holiday on Saturday 2030-12-28 and works
        // Sunday 2030-12-29.
        calendar
            .insert_year(year(2031, &["2030-12-28", "2031-01-01"], &["2030-12-29"]))
            .unwrap();
        assert!(matches!(
            calendar.day_kind(d("2030-12-28")),
            Ok(DayKind::Holiday { .. })
        ));
        assert_eq!(calendar.is_working_day(d("2030-12-29")), Ok(true));

        let before = calendar.clone();
        let contradicting = year(2030, &["2030-12-29"], &[]);
        assert_eq!(
            calendar.insert_year(contradicting),
            Err(CalendarError::Conflict {
                date: d("2030-12-29"),
                first: 2030,
                second: 2031
            })
        );
        assert_eq!(calendar, before);

        // Carry-over into a year that is not known leaves that year unknown.
        let mut only_next = WorkCalendar::empty();
        only_next
            .insert_year(year(2031, &["2030-12-28"], &[]))
            .unwrap();
        assert_eq!(only_next.day_kind(d("2030-12-28")), Err(UnknownYear(2030)));
    }

    #[test]
    fn with_overrides_lays_imports_over_bundled() {
        let bundled = WorkCalendar::bundled().unwrap();
        let calendar = bundled
            .clone()
            .with_overrides(vec![year(2027, &["2027-01-01"], &[])])
            .unwrap();
        assert_eq!(calendar.known_years(), (2020..=2027).collect::<Vec<_>>());
        assert_eq!(calendar.schedule(2024), bundled.schedule(2024));
        assert!(matches!(
            calendar.day_kind(d("2027-01-01")),
            Ok(DayKind::Holiday { .. })
        ));
        let bad = bundled.with_overrides(vec![year(2027, &[], &[])]);
        assert!(matches!(
            bad,
            Err(CalendarError::Invalid { year: 2027, .. })
        ));
    }

    #[test]
    fn stepping_and_counting_agree() {
        let calendar = WorkCalendar::bundled().unwrap();
        // (from, n, expected): around National Day 2024, 1–7 Oct off, Sun 29 Sep and Sat 12 Oct worked.
        let cases = [
            ("2024-09-27", 0, "2024-09-27"),
            ("2024-09-28", 0, "2024-09-28"),
            ("2024-09-27", 1, "2024-09-29"),
            ("2024-09-27", 3, "2024-10-08"),
            ("2024-09-28", 1, "2024-09-29"),
            ("2024-10-11", 1, "2024-10-12"),
            ("2024-10-08", -1, "2024-09-30"),
            ("2024-10-08", -2, "2024-09-29"),
            ("2024-10-08", -3, "2024-09-27"),
            ("2024-10-05", -1, "2024-09-30"),
        ];
        for (from, n, expected) in cases {
            let to = calendar.add_working_days(d(from), n).unwrap();
            assert_eq!(to, d(expected), "{from} {n:+}");
            assert_eq!(
                calendar.working_days_between(d(from), to),
                Ok(i64::from(n)),
                "{from} → {to}"
            );
        }
        // A non-working `from` is not counted either way.
        assert_eq!(
            calendar.working_days_between(d("2024-10-05"), d("2024-10-05")),
            Ok(0)
        );
        assert_eq!(
            calendar.working_days_between(d("2024-10-01"), d("2024-10-07")),
            Ok(0)
        );
        assert_eq!(
            calendar.working_days_between(d("2024-10-07"), d("2024-10-01")),
            Ok(0)
        );
        assert_eq!(
            calendar.working_days_between(d("2024-09-30"), d("2024-10-08")),
            Ok(1)
        );
        assert_eq!(
            calendar.working_days_between(d("2024-10-08"), d("2024-09-30")),
            Ok(-1)
        );
        // 2024: 262 weekdays − 19 weekday holidays + 8 make-up weekend days.
        assert_eq!(
            calendar.working_days_between(d("2023-12-31"), d("2024-12-31")),
            Ok(251)
        );
    }

    #[test]
    fn unknown_years_are_errors_not_guesses() {
        let calendar = WorkCalendar::bundled().unwrap();
        assert_eq!(calendar.day_kind(d("2019-12-31")), Err(UnknownYear(2019)));
        assert_eq!(calendar.day_kind(d("2027-01-04")), Err(UnknownYear(2027)));
        assert_eq!(
            calendar.add_working_days(d("2026-12-30"), 5),
            Err(UnknownYear(2027))
        );
        assert_eq!(
            calendar.add_working_days(d("2020-01-03"), -5),
            Err(UnknownYear(2019))
        );
        assert_eq!(
            calendar.add_working_days(d("2027-01-04"), 0),
            Err(UnknownYear(2027))
        );
        assert_eq!(
            calendar.working_days_between(d("2026-12-01"), d("2027-01-15")),
            Err(UnknownYear(2027))
        );
        // Chrono's last date does not panic.
        assert!(calendar.add_working_days(NaiveDate::MAX, 1).is_err());
    }
}
