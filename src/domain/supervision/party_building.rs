//! 第六条二: every platform sets up a party-building column (党建专栏) and posts to it regularly
//! (「定期推出」). Posts in category 党建 count, whether published through MediaDesk or recorded
//! by hand; the school sets how regular (default: at least one a month).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::period::Period;

/// What the store knows of a platform's column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PartyBuildingFacts {
    /// Whether the platform has a 党建专栏, as the unit recorded it.
    pub has_column: bool,
    /// The latest post in category 党建.
    pub last_post: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum PartyBuildingStatus {
    /// No 党建专栏: a standing warning.
    NoColumn,
    /// Posted within the interval; the next post is due by `due_on` (the first day it is late).
    Ok { since: NaiveDate, due_on: NaiveDate },
    /// No 党建 post for more than the interval since `since` (the last post, or creation).
    Late { since: NaiveDate, due_on: NaiveDate },
}

/// 第六条二: whether the platform's party-building column is kept up.
///
/// A platform that never posted to it counts from its creation; a post dated before the
/// creation (a typo) counts as none.
pub fn party_building_status(
    facts: PartyBuildingFacts,
    created_on: NaiveDate,
    today: NaiveDate,
    interval: Period,
) -> PartyBuildingStatus {
    if !facts.has_column {
        return PartyBuildingStatus::NoColumn;
    }
    let since = facts
        .last_post
        .filter(|p| *p > created_on)
        .unwrap_or(created_on);
    let due_on = interval.exceeded_on(since);
    if today >= due_on {
        PartyBuildingStatus::Late { since, due_on }
    } else {
        PartyBuildingStatus::Ok { since, due_on }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn column_and_cadence() {
        let created = d("2026-01-10");
        let month = Period::Months(1);
        let facts = |has_column, last: Option<&str>| PartyBuildingFacts {
            has_column,
            last_post: last.map(d),
        };
        let cases = [
            (
                facts(false, Some("2026-11-20")),
                "2026-11-26",
                month,
                PartyBuildingStatus::NoColumn,
            ),
            (
                facts(true, Some("2026-10-26")),
                "2026-11-26",
                month,
                PartyBuildingStatus::Ok {
                    since: d("2026-10-26"),
                    due_on: d("2026-11-27"),
                },
            ),
            (
                facts(true, Some("2026-10-25")),
                "2026-11-26",
                month,
                PartyBuildingStatus::Late {
                    since: d("2026-10-25"),
                    due_on: d("2026-11-26"),
                },
            ),
            (
                facts(true, Some("2026-01-31")),
                "2026-03-01",
                month,
                PartyBuildingStatus::Late {
                    since: d("2026-01-31"),
                    due_on: d("2026-03-01"),
                },
            ),
            (
                facts(true, Some("2028-01-31")),
                "2028-02-29",
                month,
                PartyBuildingStatus::Ok {
                    since: d("2028-01-31"),
                    due_on: d("2028-03-01"),
                },
            ),
            (
                facts(true, None),
                "2026-02-11",
                month,
                PartyBuildingStatus::Late {
                    since: created,
                    due_on: d("2026-02-11"),
                },
            ),
            (
                facts(true, Some("2025-12-01")),
                "2026-02-11",
                month,
                PartyBuildingStatus::Late {
                    since: created,
                    due_on: d("2026-02-11"),
                },
            ),
            (
                facts(true, Some("2026-11-01")),
                "2026-11-16",
                Period::Days(14),
                PartyBuildingStatus::Late {
                    since: d("2026-11-01"),
                    due_on: d("2026-11-16"),
                },
            ),
        ];
        for (facts, today, interval, expected) in cases {
            assert_eq!(
                party_building_status(facts, created, d(today), interval),
                expected,
                "{facts:?} {today}"
            );
        }
    }
}
