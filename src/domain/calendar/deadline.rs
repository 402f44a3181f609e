//! Deadlines counted in working days (第四条), and where today stands against one. The wording
//! shown next to a deadline (「还剩 3 个工作日（5 天）」) is `DeadlineStatus`'s `Display`, in
//! `text::calendar`.

use chrono::NaiveDate;

use super::work_calendar::{UnknownYear, WorkCalendar};

/// 第四条一: a new-media account is filed within 5 working days after its creation
/// (创建后5个工作日内).
pub const FILING_WORKING_DAYS: u32 = 5;

/// 第四条一: the last day to file a new platform — the 5th working day after `created_on`.
///
/// 「创建后5个工作日内」 counts from the day after creation, so the creation day never counts,
/// even when it is a working day; weekend make-up days (调休上班) count and holidays do not.
/// Created Friday 2024-09-27 → due Thursday 2024-10-10.
pub fn filing_deadline(
    calendar: &WorkCalendar,
    created_on: NaiveDate,
) -> Result<NaiveDate, UnknownYear> {
    deadline_after(calendar, created_on, FILING_WORKING_DAYS)
}

/// The `working_days`-th working day after `start`, `start` itself not counted.
///
/// The general form of [`filing_deadline`], for deadlines whose length is a setting, such as
/// the written report of a change or closure (第四条二). Zero days means `start` itself.
pub fn deadline_after(
    calendar: &WorkCalendar,
    start: NaiveDate,
    working_days: u32,
) -> Result<NaiveDate, UnknownYear> {
    // More than i32::MAX working days runs into an unknown year long before it overflows.
    let steps = i32::try_from(working_days).unwrap_or(i32::MAX);
    calendar.add_working_days(start, steps)
}

/// Where `today` stands against a deadline, counted on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineStatus {
    /// The deadline is still ahead.
    Pending {
        /// Working days in (today, deadline]: how many working days remain after today.
        working_days_left: u32,
        /// Calendar days until the deadline.
        calendar_days_left: u32,
    },
    /// Today is the deadline.
    DueToday,
    /// The deadline has passed.
    Overdue {
        /// Working days in (deadline, today]; 0 when only non-working days have passed.
        working_days: u32,
        /// Calendar days since the deadline.
        calendar_days: u32,
    },
}

impl DeadlineStatus {
    /// Compares `today` with `deadline`. Both dates must be in known years, because the
    /// working-day counts are only meaningful on the real calendar.
    pub fn of(
        calendar: &WorkCalendar,
        deadline: NaiveDate,
        today: NaiveDate,
    ) -> Result<Self, UnknownYear> {
        // Counted from the earlier date, which itself never counts: the days left are
        // (today, deadline], the days overdue (deadline, today].
        let working = if deadline >= today {
            calendar.working_days_between(today, deadline)?
        } else {
            calendar.working_days_between(deadline, today)?
        };
        let calendar_days = (deadline - today).num_days();
        let clamp = |n: i64| u32::try_from(n.unsigned_abs()).unwrap_or(u32::MAX);
        Ok(if calendar_days > 0 {
            Self::Pending {
                working_days_left: clamp(working),
                calendar_days_left: clamp(calendar_days),
            }
        } else if calendar_days == 0 {
            Self::DueToday
        } else {
            Self::Overdue {
                working_days: clamp(working),
                calendar_days: clamp(calendar_days),
            }
        })
    }

    /// Whether the deadline has passed.
    #[must_use]
    pub fn is_overdue(&self) -> bool {
        matches!(self, Self::Overdue { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    /// 第四条一 on the real calendar: (created on, deadline, why).
    #[test]
    fn filing_deadline_table() {
        let calendar = WorkCalendar::bundled().unwrap();
        let cases = [
            (
                "2024-09-27",
                "2024-10-10",
                "the brief's example: Sun 29 Sep worked, 1–7 Oct off",
            ),
            ("2024-09-28", "2024-10-10", "created on a Saturday"),
            (
                "2024-09-29",
                "2024-10-11",
                "created on a make-up Sunday: the day itself does not count",
            ),
            (
                "2024-09-30",
                "2024-10-12",
                "ends on the make-up Saturday 12 Oct",
            ),
            (
                "2024-05-06",
                "2024-05-11",
                "ends on the make-up Saturday 11 May",
            ),
            (
                "2024-12-27",
                "2025-01-06",
                "into the next year, 1 Jan 2025 off",
            ),
            (
                "2022-12-30",
                "2023-01-09",
                "New Year 2023 starts on Sat 31 Dec 2022",
            ),
            (
                "2025-12-26",
                "2026-01-05",
                "Sun 4 Jan 2026 worked, 1–3 Jan off",
            ),
            (
                "2020-01-23",
                "2020-02-07",
                "the 2020 Spring Festival, extended to 2 Feb",
            ),
            ("2020-02-26", "2020-03-04", "over leap day Sat 29 Feb 2020"),
            ("2024-02-26", "2024-03-04", "over leap day Thu 29 Feb 2024"),
            (
                "2024-02-07",
                "2024-02-20",
                "10–17 Feb off, Sun 18 Feb worked",
            ),
        ];
        for (created, due, why) in cases {
            assert_eq!(filing_deadline(&calendar, d(created)), Ok(d(due)), "{why}");
        }
    }

    #[test]
    fn deadline_into_an_unknown_year_names_it() {
        let calendar = WorkCalendar::bundled().unwrap();
        let error = filing_deadline(&calendar, d("2026-12-28")).unwrap_err();
        assert_eq!(error, UnknownYear(2027));
        assert!(error.to_string().contains("2027"));
        assert_eq!(
            filing_deadline(&calendar, d("2019-12-30")),
            Err(UnknownYear(2019))
        );
    }

    #[test]
    fn configurable_length() {
        let calendar = WorkCalendar::bundled().unwrap();
        let created = d("2024-09-27");
        let cases = [
            (0, "2024-09-27"),
            (1, "2024-09-29"),
            (5, "2024-10-10"),
            (10, "2024-10-16"),
        ];
        for (days, due) in cases {
            assert_eq!(
                deadline_after(&calendar, created, days),
                Ok(d(due)),
                "{days}"
            );
        }
        assert_eq!(
            deadline_after(&calendar, created, u32::MAX),
            Err(UnknownYear(2027))
        );
    }

    #[test]
    fn status_table() {
        let calendar = WorkCalendar::bundled().unwrap();
        let deadline = d("2024-10-10");
        let cases = [
            (
                "2024-09-27",
                DeadlineStatus::Pending {
                    working_days_left: 5,
                    calendar_days_left: 13,
                },
                "还剩 5 个工作日（13 天）",
            ),
            (
                "2024-10-03",
                DeadlineStatus::Pending {
                    working_days_left: 3,
                    calendar_days_left: 7,
                },
                "还剩 3 个工作日（7 天）",
            ),
            ("2024-10-10", DeadlineStatus::DueToday, "今天到期"),
            (
                "2024-10-11",
                DeadlineStatus::Overdue {
                    working_days: 1,
                    calendar_days: 1,
                },
                "已逾期 1 个工作日（1 天）",
            ),
            (
                "2024-10-13",
                DeadlineStatus::Overdue {
                    working_days: 2,
                    calendar_days: 3,
                },
                "已逾期 2 个工作日（3 天）",
            ),
        ];
        for (today, status, shown) in cases {
            let got = DeadlineStatus::of(&calendar, deadline, d(today)).unwrap();
            assert_eq!(got, status, "{today}");
            assert_eq!(got.to_string(), shown);
            assert_eq!(got.is_overdue(), shown.starts_with("已逾期"));
        }
        // Saturday after a Friday deadline: overdue, though no working day has passed.
        assert_eq!(
            DeadlineStatus::of(&calendar, d("2024-11-01"), d("2024-11-02")),
            Ok(DeadlineStatus::Overdue {
                working_days: 0,
                calendar_days: 1
            })
        );
        assert_eq!(
            DeadlineStatus::of(&calendar, d("2026-12-31"), d("2027-01-04")),
            Err(UnknownYear(2027))
        );
    }
}
