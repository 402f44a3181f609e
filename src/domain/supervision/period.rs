//! Lengths of time the supervision rules count in: calendar months (第六条四's 「2个月」,
//! 「1个月」) or days (a school that adopts the government platforms' two-week rule), and the
//! one way every rule here decides that such a length has passed.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A length of time as a rule states it.
///
/// Months are calendar months, clamped to the month's end: one month after 01-31 is 02-28
/// (02-29 in a leap year), two months after 12-31 is the last day of February.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Months(u32),
    Days(u32),
}

/// Longest period a setting may hold: ten years, so date arithmetic never leaves chrono's range.
pub const MAX_PERIOD_MONTHS: u32 = 120;
/// The same bound in days.
pub const MAX_PERIOD_DAYS: u32 = 3653;

impl Period {
    /// Whether a setting holding this period makes sense: at least one day, at most ten years.
    pub fn is_valid(self) -> bool {
        match self {
            Self::Months(n) => (1..=MAX_PERIOD_MONTHS).contains(&n),
            Self::Days(n) => (1..=MAX_PERIOD_DAYS).contains(&n),
        }
    }

    /// The date this period after `from`: calendar months clamp to the month's end. Saturates at
    /// chrono's last date instead of overflowing.
    pub fn after(self, from: NaiveDate) -> NaiveDate {
        match self {
            Self::Months(n) => from.checked_add_months(Months::new(n)),
            Self::Days(n) => from.checked_add_days(Days::new(u64::from(n))),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    /// The first day on which *more than* this period has passed since `from`: the day after
    /// [`Period::after`].
    ///
    /// Every clock of the supervision rules uses this reading. 「超过2个月不进行更新」 is more than
    /// two months; 「收到整改通知1个月后未进行更新」 leaves the unit the whole last day, so an
    /// update on the anniversary still counts. Last update 2026-08-31, two months: due from
    /// 2026-11-01.
    pub fn exceeded_on(self, from: NaiveDate) -> NaiveDate {
        let end = self.after(from);
        end.succ_opt().unwrap_or(end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn months_clamp_to_the_month_end() {
        let cases = [
            (Period::Months(2), "2026-12-31", "2027-02-28", "2027-03-01"),
            (Period::Months(2), "2023-12-31", "2024-02-29", "2024-03-01"),
            (Period::Months(2), "2023-12-29", "2024-02-29", "2024-03-01"),
            (Period::Months(2), "2022-12-30", "2023-02-28", "2023-03-01"),
            (Period::Months(1), "2024-01-31", "2024-02-29", "2024-03-01"),
            (Period::Months(1), "2024-02-29", "2024-03-29", "2024-03-30"),
            (Period::Months(12), "2024-02-29", "2025-02-28", "2025-03-01"),
            (Period::Months(1), "2026-03-31", "2026-04-30", "2026-05-01"),
            (Period::Months(2), "2026-08-31", "2026-10-31", "2026-11-01"),
            (Period::Months(1), "2026-11-30", "2026-12-30", "2026-12-31"),
            (Period::Months(1), "2026-12-15", "2027-01-15", "2027-01-16"),
            (Period::Days(14), "2026-11-01", "2026-11-15", "2026-11-16"),
            (Period::Days(14), "2024-02-20", "2024-03-05", "2024-03-06"),
            (Period::Days(1), "2024-02-28", "2024-02-29", "2024-03-01"),
        ];
        for (period, from, after, exceeded) in cases {
            assert_eq!(period.after(d(from)), d(after), "{period:?} after {from}");
            assert_eq!(
                period.exceeded_on(d(from)),
                d(exceeded),
                "{period:?} exceeded after {from}"
            );
        }
    }

    #[test]
    fn huge_periods_saturate_instead_of_panicking() {
        assert_eq!(
            Period::Months(u32::MAX).after(d("2026-01-01")),
            NaiveDate::MAX
        );
        assert_eq!(Period::Days(u32::MAX).after(NaiveDate::MAX), NaiveDate::MAX);
        assert_eq!(Period::Days(1).exceeded_on(NaiveDate::MAX), NaiveDate::MAX);
    }

    #[test]
    fn validity_bounds() {
        let cases = [
            (Period::Months(0), false),
            (Period::Months(1), true),
            (Period::Months(MAX_PERIOD_MONTHS), true),
            (Period::Months(MAX_PERIOD_MONTHS + 1), false),
            (Period::Days(0), false),
            (Period::Days(14), true),
            (Period::Days(MAX_PERIOD_DAYS + 1), false),
        ];
        for (period, valid) in cases {
            assert_eq!(period.is_valid(), valid, "{period:?}");
        }
    }

    #[test]
    fn serde_shape_is_readable() {
        let json = serde_json::to_string(&Period::Days(14)).unwrap();
        assert_eq!(json, r#"{"days":14}"#);
        let back: Period = serde_json::from_str(r#"{"months":2}"#).unwrap();
        assert_eq!(back, Period::Months(2));
    }
}
