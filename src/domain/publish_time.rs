//! 第八条一 (every operation traceable, its record true): the time a post is said to have gone
//! online is typed by the 管理员, and it moves the platform's 最近更新 — which the inactivity
//! ladder (第六条四) reads. So it may not lie: not in the future, not more than
//! [`MAX_BACKDATE_DAYS`] back, not before the platform existed. The real time of the step is
//! recorded beside it in the audit chain.

use chrono::{Duration, NaiveDate, NaiveDateTime};

/// How far back a publication may be dated (a post published over a holiday and recorded
/// after it).
pub const MAX_BACKDATE_DAYS: i64 = 30;

/// Clocks differ a little between the phone a post was published from and this computer.
pub const FUTURE_TOLERANCE_MINUTES: i64 = 10;

/// Why a publication time is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PublishTimeProblem {
    /// Later than now.
    InFuture { at: NaiveDateTime },
    /// More than [`MAX_BACKDATE_DAYS`] before now; `earliest` is the first moment allowed.
    TooOld {
        at: NaiveDateTime,
        earliest: NaiveDateTime,
    },
    /// Before the platform was created.
    BeforePlatform {
        at: NaiveDateTime,
        created_on: NaiveDate,
    },
}

/// Checks a publication time `at` against the real `now` and the platform's creation day.
pub fn check_publish_time(
    at: NaiveDateTime,
    now: NaiveDateTime,
    platform_created_on: NaiveDate,
) -> Result<(), PublishTimeProblem> {
    if at > now + Duration::minutes(FUTURE_TOLERANCE_MINUTES) {
        return Err(PublishTimeProblem::InFuture { at });
    }
    let earliest = now - Duration::days(MAX_BACKDATE_DAYS);
    if at < earliest {
        return Err(PublishTimeProblem::TooOld { at, earliest });
    }
    if at.date() < platform_created_on {
        return Err(PublishTimeProblem::BeforePlatform {
            at,
            created_on: platform_created_on,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn publication_times_are_checked_against_now_and_the_platform() {
        let now = t("2026-11-26 10:00");
        let created = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let cases = [
            ("2026-11-26 09:59", Ok(())),
            ("2026-11-26 10:09", Ok(())), // within the clocks' tolerance
            ("2026-11-26 10:11", Err("future")),
            ("2099-12-31 23:59", Err("future")),
            ("2026-11-01 00:00", Ok(())), // the day the platform was created
            ("2026-10-31 23:59", Err("before")),
            ("2026-10-27 10:00", Err("before")), // 30 days back, but before the platform
            ("1970-01-01 00:00", Err("old")),
        ];
        for (at, want) in cases {
            let got = check_publish_time(t(at), now, created).map_err(|p| match p {
                PublishTimeProblem::InFuture { .. } => "future",
                PublishTimeProblem::TooOld { .. } => "old",
                PublishTimeProblem::BeforePlatform { .. } => "before",
            });
            assert_eq!(got, want, "{at}");
        }
        let old = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        assert!(check_publish_time(t("2026-10-27 10:00"), now, old).is_ok());
        assert!(matches!(
            check_publish_time(t("2026-10-27 09:59"), now, old),
            Err(PublishTimeProblem::TooOld { .. })
        ));
    }
}
