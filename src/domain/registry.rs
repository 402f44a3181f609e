//! The registry (平台台账) as the window shows it: one flat row per platform, filtered and
//! sorted in memory so a keystroke never waits for SQLite (10,000 rows re-filter in well
//! under the 2 ms budget; see benches/registry.rs).

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::calendar::{DeadlineStatus, WorkCalendar, filing_deadline};
use super::filing::{FilingKind, FilingState};
use super::platform::{AccountType, PlatformStatus};

/// 第四条一: an unfiled platform's clock runs from its creation date; every other state has
/// none. Counted on the working-day calendar, so a missing year shows as `Unknown`.
pub fn registry_clock(
    calendar: &WorkCalendar,
    status: PlatformStatus,
    created_on: NaiveDate,
    today: NaiveDate,
) -> FilingClock {
    if status != PlatformStatus::Unfiled {
        return FilingClock::NotRunning;
    }
    let status = filing_deadline(calendar, created_on)
        .and_then(|deadline| Ok((deadline, DeadlineStatus::of(calendar, deadline, today)?)));
    match status {
        Err(unknown) => FilingClock::Unknown { year: unknown.0 },
        Ok((deadline, DeadlineStatus::DueToday)) => FilingClock::DaysLeft { deadline, days: 0 },
        Ok((
            deadline,
            DeadlineStatus::Pending {
                working_days_left, ..
            },
        )) => FilingClock::DaysLeft {
            deadline,
            days: i64::from(working_days_left),
        },
        Ok((
            deadline,
            DeadlineStatus::Overdue {
                working_days,
                calendar_days,
            },
        )) => FilingClock::Overdue {
            deadline,
            working_days: i64::from(working_days),
            calendar_days: i64::from(calendar_days),
        },
    }
}

/// Where a platform stands against its filing deadline (第四条一). Computed when rows are
/// loaded, from the working-day calendar; `Unknown` when that year's schedule is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilingClock {
    /// Filed, closed or shut down: no deadline runs.
    NotRunning,
    DaysLeft {
        deadline: NaiveDate,
        days: i64,
    },
    Overdue {
        deadline: NaiveDate,
        working_days: i64,
        calendar_days: i64,
    },
    /// The working-day calendar has no schedule for this year: import it.
    Unknown {
        year: i32,
    },
}

/// What the status column shows: the stored state, with 逾期未备案 derived from the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatusView {
    Unfiled,
    Overdue,
    Filed,
    ChangePending,
    Closed,
    ShutDown,
}

impl StatusView {
    pub const ALL: [StatusView; 6] = [
        Self::Unfiled,
        Self::Overdue,
        Self::Filed,
        Self::ChangePending,
        Self::Closed,
        Self::ShutDown,
    ];

    pub fn of(status: PlatformStatus, clock: &FilingClock) -> Self {
        match status {
            PlatformStatus::Unfiled if matches!(clock, FilingClock::Overdue { .. }) => {
                Self::Overdue
            }
            PlatformStatus::Unfiled => Self::Unfiled,
            PlatformStatus::Filed => Self::Filed,
            PlatformStatus::ChangePending => Self::ChangePending,
            PlatformStatus::Closed => Self::Closed,
            PlatformStatus::ShutDown => Self::ShutDown,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RegistryRow {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub kind_id: i64,
    pub kind_name: String,
    pub name: String,
    pub account: String,
    pub account_type: Option<AccountType>,
    pub verified: bool,
    pub responsible_person: String,
    pub administrators: String,
    pub created_on: NaiveDate,
    pub last_post_on: Option<NaiveDate>,
    pub status: StatusView,
    pub clock: FilingClock,
    /// The latest filing record's kind and state, if any form was printed.
    pub filing: Option<(FilingKind, FilingState)>,
    /// Lower-cased names, account, unit and people, searched by substring.
    haystack: String,
}

impl RegistryRow {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: i64,
        unit: (i64, String),
        kind: (i64, String),
        name: String,
        account: String,
        account_type: Option<AccountType>,
        verified: bool,
        responsible_person: String,
        administrators: String,
        created_on: NaiveDate,
        last_post_on: Option<NaiveDate>,
        status: PlatformStatus,
        clock: FilingClock,
    ) -> Self {
        let haystack = [
            name.as_str(),
            account.as_str(),
            unit.1.as_str(),
            kind.1.as_str(),
            responsible_person.as_str(),
            administrators.as_str(),
        ]
        .join("\u{1f}")
        .to_lowercase();
        Self {
            id,
            unit_id: unit.0,
            unit_name: unit.1,
            kind_id: kind.0,
            kind_name: kind.1,
            name,
            account,
            account_type,
            verified,
            responsible_person,
            administrators,
            created_on,
            last_post_on,
            status: StatusView::of(status, &clock),
            clock,
            filing: None,
            haystack,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Unit,
    Kind,
    Name,
    Account,
    Verified,
    Responsible,
    CreatedOn,
    Status,
    Deadline,
    Filing,
    LastPost,
}

impl Column {
    pub const ALL: [Column; 11] = [
        Self::Unit,
        Self::Kind,
        Self::Name,
        Self::Account,
        Self::Verified,
        Self::Responsible,
        Self::CreatedOn,
        Self::Status,
        Self::Deadline,
        Self::Filing,
        Self::LastPost,
    ];
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistryQuery {
    /// Space-separated terms; every term must occur (Chinese substring, ASCII case-insensitive).
    pub search: String,
    pub unit_id: Option<i64>,
    pub kind_id: Option<i64>,
    pub status: Option<StatusView>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub ascending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Self {
            column: Column::Unit,
            ascending: true,
        }
    }
}

/// Indices of the rows matching `query`, in the order `sort` asks for. `sorted` is the
/// whole table already sorted (see [`sort_rows`]), so a keystroke only filters.
pub fn filter_rows(rows: &[RegistryRow], sorted: &[usize], query: &RegistryQuery) -> Vec<usize> {
    let search = query.search.to_lowercase();
    let terms: Vec<&str> = search.split_whitespace().collect();
    sorted
        .iter()
        .copied()
        .filter(|&i| {
            let r = &rows[i];
            query.unit_id.is_none_or(|u| r.unit_id == u)
                && query.kind_id.is_none_or(|k| r.kind_id == k)
                && query.status.is_none_or(|s| r.status == s)
                && terms.iter().all(|t| r.haystack.contains(t))
        })
        .collect()
}

/// All row indices ordered by `sort`; ties keep the id order so the table never jumps.
pub fn sort_rows(rows: &[RegistryRow], sort: Sort) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    idx.sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        let ord = compare(ra, rb, sort.column).then(ra.id.cmp(&rb.id));
        if sort.ascending { ord } else { ord.reverse() }
    });
    idx
}

fn deadline_key(c: &FilingClock) -> (u8, i64) {
    match c {
        FilingClock::Overdue { calendar_days, .. } => (0, -calendar_days),
        FilingClock::DaysLeft { days, .. } => (1, *days),
        FilingClock::Unknown { .. } => (2, 0),
        FilingClock::NotRunning => (3, 0),
    }
}

fn compare(a: &RegistryRow, b: &RegistryRow, column: Column) -> Ordering {
    match column {
        Column::Unit => a.unit_name.cmp(&b.unit_name),
        Column::Kind => a.kind_name.cmp(&b.kind_name),
        Column::Name => a.name.cmp(&b.name),
        Column::Account => a.account.cmp(&b.account),
        Column::Verified => a.verified.cmp(&b.verified),
        Column::Responsible => a.responsible_person.cmp(&b.responsible_person),
        Column::CreatedOn => a.created_on.cmp(&b.created_on),
        Column::Status => a.status.cmp(&b.status),
        Column::Deadline => deadline_key(&a.clock).cmp(&deadline_key(&b.clock)),
        Column::Filing => a.filing.map(|f| f.1).cmp(&b.filing.map(|f| f.1)),
        Column::LastPost => a.last_post_on.cmp(&b.last_post_on),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, unit: &str, kind: &str, name: &str, person: &str) -> RegistryRow {
        RegistryRow::new(
            id,
            (id % 2, unit.into()),
            (if kind == "网站" { 1 } else { 2 }, kind.into()),
            name.into(),
            format!("acct{id}"),
            None,
            false,
            person.into(),
            "李珺 15937165432".into(),
            NaiveDate::from_ymd_opt(2024, 1, id as u32).unwrap_or_default(),
            None,
            PlatformStatus::Unfiled,
            FilingClock::NotRunning,
        )
    }

    fn rows() -> Vec<RegistryRow> {
        vec![
            row(1, "商学院", "微信公众号", "商学院青年", "王建国"),
            row(2, "文学院", "网站", "文学院官网", "张喆"),
            row(3, "商学院", "抖音", "Business Daily", "赵堃"),
        ]
    }

    fn ids(rows: &[RegistryRow], idx: &[usize]) -> Vec<i64> {
        idx.iter().map(|&i| rows[i].id).collect()
    }

    #[test]
    fn search_filters_by_chinese_substring_and_case() {
        let r = rows();
        let all = sort_rows(&r, Sort::default());
        let cases = [
            ("微信", vec![1]),
            ("学院", vec![1, 3, 2]),
            ("business", vec![3]),
            ("喆", vec![2]),
            ("商学院 抖音", vec![3]),
            ("acct2", vec![2]),
            ("15937165432", vec![1, 3, 2]),
            ("不存在", vec![]),
            ("", vec![1, 3, 2]),
        ];
        for (q, want) in cases {
            let query = RegistryQuery {
                search: q.into(),
                ..Default::default()
            };
            assert_eq!(ids(&r, &filter_rows(&r, &all, &query)), want, "{q}");
        }
    }

    #[test]
    fn filters_combine() {
        let r = rows();
        let all = sort_rows(&r, Sort::default());
        let q = RegistryQuery {
            kind_id: Some(1),
            ..Default::default()
        };
        assert_eq!(ids(&r, &filter_rows(&r, &all, &q)), vec![2]);
        let q = RegistryQuery {
            unit_id: Some(1),
            status: Some(StatusView::Unfiled),
            ..Default::default()
        };
        assert_eq!(ids(&r, &filter_rows(&r, &all, &q)), vec![1, 3]);
        let q = RegistryQuery {
            status: Some(StatusView::Filed),
            ..Default::default()
        };
        assert!(filter_rows(&r, &all, &q).is_empty());
    }

    #[test]
    fn sorting_each_way() {
        let r = rows();
        let by = |column, ascending| ids(&r, &sort_rows(&r, Sort { column, ascending }));
        assert_eq!(by(Column::CreatedOn, true), vec![1, 2, 3]);
        assert_eq!(by(Column::CreatedOn, false), vec![3, 2, 1]);
        assert_eq!(by(Column::Name, true), vec![3, 1, 2]);
        assert_eq!(by(Column::Unit, false), vec![2, 3, 1]);
    }

    #[test]
    fn the_clock_runs_only_for_unfiled_platforms() {
        let cal = WorkCalendar::bundled().unwrap();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let created = d("2024-09-27");
        let cases = [
            (
                PlatformStatus::Unfiled,
                "2024-09-30",
                FilingClock::DaysLeft {
                    deadline: d("2024-10-10"),
                    days: 3,
                },
            ),
            (
                PlatformStatus::Unfiled,
                "2024-10-10",
                FilingClock::DaysLeft {
                    deadline: d("2024-10-10"),
                    days: 0,
                },
            ),
            (
                PlatformStatus::Unfiled,
                "2024-10-14",
                FilingClock::Overdue {
                    deadline: d("2024-10-10"),
                    working_days: 3,
                    calendar_days: 4,
                },
            ),
            (PlatformStatus::Filed, "2024-10-14", FilingClock::NotRunning),
            (
                PlatformStatus::Closed,
                "2024-10-14",
                FilingClock::NotRunning,
            ),
        ];
        for (status, today, want) in cases {
            assert_eq!(
                registry_clock(&cal, status, created, d(today)),
                want,
                "{today}"
            );
        }
        assert_eq!(
            registry_clock(
                &cal,
                PlatformStatus::Unfiled,
                d("2026-12-29"),
                d("2026-12-30")
            ),
            FilingClock::Unknown { year: 2027 }
        );
    }

    #[test]
    fn overdue_is_derived_from_the_clock() {
        let d = NaiveDate::from_ymd_opt(2024, 10, 10).unwrap();
        let clock = FilingClock::Overdue {
            deadline: d,
            working_days: 3,
            calendar_days: 5,
        };
        assert_eq!(
            StatusView::of(PlatformStatus::Unfiled, &clock),
            StatusView::Overdue
        );
        assert_eq!(
            StatusView::of(PlatformStatus::Filed, &clock),
            StatusView::Filed
        );
    }
}
