//! The platform's own verification (认证, a field of the filing form): a verification that ends
//! changes what the filing says, so it is renewed before it ends, or the change is reported
//! (第四条二). Listed from a setting's number of days ahead (default 30).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum VerificationStatus {
    /// Not verified, or verified with no end date recorded.
    NotTracked,
    Valid {
        until: NaiveDate,
    },
    /// Ends within the warning window (today included).
    Expiring {
        until: NaiveDate,
    },
    Expired {
        until: NaiveDate,
    },
}

/// Where the verification stands: `until` is the last day it is valid.
pub fn verification_status(
    verified: bool,
    until: Option<NaiveDate>,
    today: NaiveDate,
    warning_days: u32,
) -> VerificationStatus {
    let Some(until) = until.filter(|_| verified) else {
        return VerificationStatus::NotTracked;
    };
    if until < today {
        VerificationStatus::Expired { until }
    } else if (until - today).num_days() <= i64::from(warning_days) {
        VerificationStatus::Expiring { until }
    } else {
        VerificationStatus::Valid { until }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn thirty_days_ahead() {
        let today = d("2026-11-26");
        let cases = [
            (false, Some("2026-12-01"), VerificationStatus::NotTracked),
            (true, None, VerificationStatus::NotTracked),
            (
                true,
                Some("2026-12-27"),
                VerificationStatus::Valid {
                    until: d("2026-12-27"),
                },
            ),
            (
                true,
                Some("2026-12-26"),
                VerificationStatus::Expiring {
                    until: d("2026-12-26"),
                },
            ),
            (
                true,
                Some("2026-11-26"),
                VerificationStatus::Expiring {
                    until: d("2026-11-26"),
                },
            ),
            (
                true,
                Some("2026-11-25"),
                VerificationStatus::Expired {
                    until: d("2026-11-25"),
                },
            ),
        ];
        for (verified, until, expected) in cases {
            assert_eq!(
                verification_status(verified, until.map(d), today, 30),
                expected,
                "{until:?}"
            );
        }
    }
}
