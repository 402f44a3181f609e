//! One year's holiday arrangement as the State Council published it, and the checks it must pass.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The arrangement for one year: the days off and the weekend days worked instead.
///
/// This is also the on-disk format of `assets/calendar/<year>.json` and the JSON the store
/// keeps for user-imported years, so a stored year can be exported and imported again as is.
/// Every date is listed: the notices speak in ranges, but a list lets a refusal point at
/// the exact line of a wrong date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearSchedule {
    /// The year the notice is for.
    pub year: i32,
    /// The notice(s) the dates come from (title and number, e.g. 国办发明电〔2023〕7号),
    /// so a reviewer can check them against the original.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Days off, grouped by festival.
    pub holidays: Vec<NamedDates>,
    /// Weekend days worked (调休上班), grouped by the festival they make up for.
    #[serde(default)]
    pub makeup_workdays: Vec<NamedDates>,
}

/// A festival's name and its dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedDates {
    /// The festival as the notice names it, e.g. 「劳动节」.
    pub name: String,
    /// The dates, in the order the notice gives them.
    pub dates: Vec<NaiveDate>,
}

/// The first day of December, in the year before a schedule's year, from which the
/// schedule may already hold dates.
///
/// A notice can start the New Year holiday, or a make-up working day, in the last days of
/// the previous December: the 2023 notice (国办发明电〔2022〕16号) starts 元旦 on 2022-12-31,
/// and the 2019 notice worked Saturday 2018-12-29. Such dates stay in the schedule of the
/// notice that set them; anything earlier is a mistake.
pub const CARRY_OVER_FROM_DECEMBER_DAY: u32 = 25;

/// Why a schedule is refused. Each message (in `text::calendar`) says what is wrong and what
/// to do.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScheduleProblem {
    /// The year lists no date at all: an unpublished year must stay unknown, not look like
    /// a year without holidays.
    Empty {
        /// The year of the schedule.
        year: i32,
    },
    /// A festival without a name.
    BlankName {
        /// The first date of the nameless festival.
        date: NaiveDate,
    },
    /// A date outside the schedule's year (other than the last days of the previous December).
    OutsideYear {
        /// The offending date.
        date: NaiveDate,
        /// The schedule's year.
        year: i32,
    },
    /// The same date listed twice as the same kind.
    Duplicate {
        /// The repeated date.
        date: NaiveDate,
    },
    /// A date listed both as a day off and as a make-up working day.
    HolidayAndWorkday {
        /// The contradictory date.
        date: NaiveDate,
    },
    /// A make-up working day on a weekday: the notices only ever turn weekend days into
    /// working days, so this is a typing mistake that would silently lose the real one.
    MakeupNotOnWeekend {
        /// The offending date.
        date: NaiveDate,
        /// Its day of the week.
        weekday: Weekday,
    },
}

impl ScheduleProblem {
    /// The date to point at in a file, and which of its listings (1-based) is the culprit:
    /// for a repeated or contradictory date it is the second listing.
    #[must_use]
    pub fn listing(&self) -> Option<(NaiveDate, usize)> {
        match self {
            Self::Empty { .. } => None,
            Self::BlankName { date }
            | Self::OutsideYear { date, .. }
            | Self::MakeupNotOnWeekend { date, .. } => Some((*date, 1)),
            Self::Duplicate { date } | Self::HolidayAndWorkday { date } => Some((*date, 2)),
        }
    }
}

/// A day listed in a schedule, in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Listing<'a> {
    pub date: NaiveDate,
    pub name: &'a str,
    pub is_holiday: bool,
}

impl YearSchedule {
    /// Every listed day: the holidays first, then the make-up working days.
    pub(crate) fn listings(&self) -> impl Iterator<Item = Listing<'_>> {
        let holidays = self.holidays.iter().map(|group| (group, true));
        let makeups = self.makeup_workdays.iter().map(|group| (group, false));
        holidays.chain(makeups).flat_map(|(group, is_holiday)| {
            group.dates.iter().map(move |&date| Listing {
                date,
                name: &group.name,
                is_holiday,
            })
        })
    }

    /// Checks the schedule before it may change the calendar; the first problem found wins.
    ///
    /// Holidays may fall on weekends (a weekend inside a holiday block is part of it), so
    /// only make-up working days are tied to the weekend.
    pub fn validate(&self) -> Result<(), ScheduleProblem> {
        if self.listings().next().is_none() {
            return Err(ScheduleProblem::Empty { year: self.year });
        }
        let mut seen: HashMap<NaiveDate, bool> = HashMap::new();
        for listing in self.listings() {
            let date = listing.date;
            if listing.name.trim().is_empty() {
                return Err(ScheduleProblem::BlankName { date });
            }
            if !belongs_to_year(date, self.year) {
                return Err(ScheduleProblem::OutsideYear {
                    date,
                    year: self.year,
                });
            }
            match seen.get(&date) {
                Some(&was_holiday) if was_holiday == listing.is_holiday => {
                    return Err(ScheduleProblem::Duplicate { date });
                }
                Some(_) => return Err(ScheduleProblem::HolidayAndWorkday { date }),
                None => {}
            }
            if !listing.is_holiday && !is_weekend(date) {
                return Err(ScheduleProblem::MakeupNotOnWeekend {
                    date,
                    weekday: date.weekday(),
                });
            }
            seen.insert(date, listing.is_holiday);
        }
        Ok(())
    }
}

/// Whether `date` may appear in the schedule for `year` (see [`CARRY_OVER_FROM_DECEMBER_DAY`]).
fn belongs_to_year(date: NaiveDate, year: i32) -> bool {
    let carried_over = i64::from(date.year()) + 1 == i64::from(year)
        && date.month() == 12
        && date.day() >= CARRY_OVER_FROM_DECEMBER_DAY;
    date.year() == year || carried_over
}

/// Saturday or Sunday.
pub(crate) fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn schedule(year: i32, holidays: &[&str], makeups: &[&str]) -> YearSchedule {
        let group = |dates: &[&str]| NamedDates {
            name: "春节".into(),
            dates: dates.iter().map(|t| d(t)).collect(),
        };
        YearSchedule {
            year,
            sources: vec![],
            holidays: vec![group(holidays)],
            makeup_workdays: vec![group(makeups)],
        }
    }

    #[test]
    fn validation_table() {
        type Case = (
            i32,
            &'static [&'static str],
            &'static [&'static str],
            Result<(), ScheduleProblem>,
        );
        let cases: Vec<Case> = vec![
            (2024, &["2024-10-01", "2024-10-05"], &["2024-09-29"], Ok(())),
            // Carried over from the previous December, as in the 2023 notice.
            (2023, &["2022-12-31", "2023-01-01"], &[], Ok(())),
            (2019, &["2018-12-30"], &["2018-12-29"], Ok(())),
            (2024, &[], &[], Err(ScheduleProblem::Empty { year: 2024 })),
            (
                2024,
                &["2023-11-30"],
                &[],
                Err(ScheduleProblem::OutsideYear {
                    date: d("2023-11-30"),
                    year: 2024,
                }),
            ),
            (
                2024,
                &["2025-01-01"],
                &[],
                Err(ScheduleProblem::OutsideYear {
                    date: d("2025-01-01"),
                    year: 2024,
                }),
            ),
            (
                2024,
                &["2024-10-01", "2024-10-01"],
                &[],
                Err(ScheduleProblem::Duplicate {
                    date: d("2024-10-01"),
                }),
            ),
            (
                2024,
                &["2024-09-29"],
                &["2024-09-29"],
                Err(ScheduleProblem::HolidayAndWorkday {
                    date: d("2024-09-29"),
                }),
            ),
            (
                2024,
                &["2024-10-01"],
                &["2024-09-30"],
                Err(ScheduleProblem::MakeupNotOnWeekend {
                    date: d("2024-09-30"),
                    weekday: Weekday::Mon,
                }),
            ),
        ];
        for (year, holidays, makeups, expected) in cases {
            assert_eq!(
                schedule(year, holidays, makeups).validate(),
                expected,
                "{year} {holidays:?} {makeups:?}"
            );
        }
    }

    #[test]
    fn blank_name_is_refused() {
        let mut s = schedule(2024, &["2024-10-01"], &[]);
        s.holidays[0].name = "  ".into();
        assert_eq!(
            s.validate(),
            Err(ScheduleProblem::BlankName {
                date: d("2024-10-01")
            })
        );
    }

    #[test]
    fn messages_name_the_date_and_weekday() {
        let problem = ScheduleProblem::MakeupNotOnWeekend {
            date: d("2024-09-30"),
            weekday: Weekday::Mon,
        };
        let text = problem.to_string();
        assert!(
            text.contains("2024-09-30") && text.contains("星期一"),
            "{text}"
        );
    }

    #[test]
    fn serde_round_trip() {
        let s = schedule(2024, &["2024-10-01"], &["2024-09-29"]);
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains("\"2024-10-01\""), "{json}");
        assert_eq!(serde_json::from_str::<YearSchedule>(&json).unwrap(), s);
    }
}
