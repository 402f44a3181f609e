//! The annual review (年审, the 附件 form's title 备案表（年审）): once a year, in the month the
//! school sets (e.g. December), each filed platform hands in the form again. A review dated in
//! the twelve months that end with the season counts; platforms created within those twelve
//! months were just filed and are not asked.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::platform::PlatformStatus;

/// One year's review month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewSeason {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

impl ReviewSeason {
    /// The season of `month` that started most recently on or before `today`; `None` for a
    /// month outside 1–12.
    pub fn latest(month: u32, today: NaiveDate) -> Option<Self> {
        let year = if today.month() >= month {
            today.year()
        } else {
            today.year() - 1
        };
        let starts_on = NaiveDate::from_ymd_opt(year, month, 1)?;
        let ends_on = starts_on
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())?;
        Some(Self { starts_on, ends_on })
    }

    /// The first day of the twelve months a review counts for.
    pub fn counts_from(&self) -> NaiveDate {
        self.ends_on
            .checked_sub_months(Months::new(12))
            .and_then(|d| d.succ_opt())
            .unwrap_or(self.starts_on)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum AnnualReviewStatus {
    /// No season set, not filed, closed, or new this review year.
    NotAsked,
    Done,
    /// The season is on and the review not handed in yet.
    InSeason {
        season: ReviewSeason,
    },
    /// The season passed without a review (until the next season starts).
    Missed {
        season: ReviewSeason,
    },
}

/// Where a platform stands on its annual review. `last_review` is the date the latest annual
/// form was handed in (已报送).
pub fn annual_review_status(
    month: Option<u32>,
    status: PlatformStatus,
    created_on: NaiveDate,
    last_review: Option<NaiveDate>,
    today: NaiveDate,
) -> AnnualReviewStatus {
    if !matches!(
        status,
        PlatformStatus::Filed | PlatformStatus::ChangePending
    ) {
        return AnnualReviewStatus::NotAsked;
    }
    let Some(season) = month.and_then(|m| ReviewSeason::latest(m, today)) else {
        return AnnualReviewStatus::NotAsked;
    };
    let from = season.counts_from();
    if created_on >= from {
        return AnnualReviewStatus::NotAsked;
    }
    if last_review.is_some_and(|r| r >= from && r <= today) {
        return AnnualReviewStatus::Done;
    }
    if today <= season.ends_on {
        AnnualReviewStatus::InSeason { season }
    } else {
        AnnualReviewStatus::Missed { season }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PlatformStatus::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn seasons() {
        let cases = [
            (12, "2026-12-05", "2026-12-01", "2026-12-31", "2026-01-01"),
            (12, "2026-11-30", "2025-12-01", "2025-12-31", "2025-01-01"),
            (2, "2024-02-10", "2024-02-01", "2024-02-29", "2023-03-01"),
            (1, "2027-01-01", "2027-01-01", "2027-01-31", "2026-02-01"),
        ];
        for (month, today, start, end, from) in cases {
            let s = ReviewSeason::latest(month, d(today)).unwrap();
            assert_eq!(
                (s.starts_on, s.ends_on),
                (d(start), d(end)),
                "{month} {today}"
            );
            assert_eq!(s.counts_from(), d(from));
        }
        assert_eq!(ReviewSeason::latest(13, d("2026-01-01")), None);
        assert_eq!(ReviewSeason::latest(0, d("2026-01-01")), None);
    }

    #[test]
    fn who_is_asked_and_when() {
        let dec = ReviewSeason {
            starts_on: d("2026-12-01"),
            ends_on: d("2026-12-31"),
        };
        let last_dec = ReviewSeason {
            starts_on: d("2025-12-01"),
            ends_on: d("2025-12-31"),
        };
        let cases = [
            (
                Some(12),
                Filed,
                "2024-03-01",
                None,
                "2026-12-05",
                AnnualReviewStatus::InSeason { season: dec },
            ),
            (
                Some(12),
                ChangePending,
                "2024-03-01",
                None,
                "2026-12-31",
                AnnualReviewStatus::InSeason { season: dec },
            ),
            (
                Some(12),
                Filed,
                "2024-03-01",
                Some("2026-12-03"),
                "2026-12-05",
                AnnualReviewStatus::Done,
            ),
            (
                Some(12),
                Filed,
                "2024-03-01",
                Some("2026-11-20"),
                "2026-12-05",
                AnnualReviewStatus::Done,
            ),
            (
                Some(12),
                Filed,
                "2024-03-01",
                Some("2025-12-20"),
                "2026-12-05",
                AnnualReviewStatus::InSeason { season: dec },
            ),
            (
                Some(12),
                Filed,
                "2024-03-01",
                Some("2024-12-20"),
                "2026-06-05",
                AnnualReviewStatus::Missed { season: last_dec },
            ),
            (
                Some(12),
                Filed,
                "2024-03-01",
                Some("2025-12-20"),
                "2026-06-05",
                AnnualReviewStatus::Done,
            ),
            (
                Some(12),
                Filed,
                "2026-02-01",
                None,
                "2026-12-05",
                AnnualReviewStatus::NotAsked,
            ),
            (
                Some(12),
                Unfiled,
                "2024-03-01",
                None,
                "2026-12-05",
                AnnualReviewStatus::NotAsked,
            ),
            (
                Some(12),
                Closed,
                "2024-03-01",
                None,
                "2026-12-05",
                AnnualReviewStatus::NotAsked,
            ),
            (
                None,
                Filed,
                "2024-03-01",
                None,
                "2026-12-05",
                AnnualReviewStatus::NotAsked,
            ),
        ];
        for (month, status, created, last, today, expected) in cases {
            assert_eq!(
                annual_review_status(month, status, d(created), last.map(d), d(today)),
                expected,
                "{status:?} {created} {last:?} {today}"
            );
        }
    }
}
