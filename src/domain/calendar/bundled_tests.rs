//! Tests of the bundled 2020–2026 schedules against the State Council notices, independently
//! transcribed here as ranges, and against the holiday-cn data set.
// Test-only file: its parent declares it under #[cfg(test)], so the unwraps below never ship.

use chrono::{Datelike, NaiveDate};

use super::{DayKind, UnknownYear, WorkCalendar, filing_deadline, parse_year_file};

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn days_of(year: i32) -> impl Iterator<Item = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
    first.iter_days().take_while(move |day| day.year() == year)
}

/// Every holiday block of every notice: (name, first day off, last day off, the weekend days
/// worked for it, the last working day before, the first working day after).
type Block = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static str,
);

const BLOCKS: &[Block] = &[
    (
        "元旦",
        "2020-01-01",
        "2020-01-01",
        &[],
        "2019-12-31",
        "2020-01-02",
    ),
    (
        "春节",
        "2020-01-24",
        "2020-02-02",
        &["2020-01-19"],
        "2020-01-23",
        "2020-02-03",
    ),
    (
        "清明节",
        "2020-04-04",
        "2020-04-06",
        &[],
        "2020-04-03",
        "2020-04-07",
    ),
    (
        "劳动节",
        "2020-05-01",
        "2020-05-05",
        &["2020-04-26", "2020-05-09"],
        "2020-04-30",
        "2020-05-06",
    ),
    (
        "端午节",
        "2020-06-25",
        "2020-06-27",
        &["2020-06-28"],
        "2020-06-24",
        "2020-06-28",
    ),
    (
        "国庆节、中秋节",
        "2020-10-01",
        "2020-10-08",
        &["2020-09-27", "2020-10-10"],
        "2020-09-30",
        "2020-10-09",
    ),
    (
        "元旦",
        "2021-01-01",
        "2021-01-03",
        &[],
        "2020-12-31",
        "2021-01-04",
    ),
    (
        "春节",
        "2021-02-11",
        "2021-02-17",
        &["2021-02-07", "2021-02-20"],
        "2021-02-10",
        "2021-02-18",
    ),
    (
        "清明节",
        "2021-04-03",
        "2021-04-05",
        &[],
        "2021-04-02",
        "2021-04-06",
    ),
    (
        "劳动节",
        "2021-05-01",
        "2021-05-05",
        &["2021-04-25", "2021-05-08"],
        "2021-04-30",
        "2021-05-06",
    ),
    (
        "端午节",
        "2021-06-12",
        "2021-06-14",
        &[],
        "2021-06-11",
        "2021-06-15",
    ),
    (
        "中秋节",
        "2021-09-19",
        "2021-09-21",
        &["2021-09-18"],
        "2021-09-18",
        "2021-09-22",
    ),
    (
        "国庆节",
        "2021-10-01",
        "2021-10-07",
        &["2021-09-26", "2021-10-09"],
        "2021-09-30",
        "2021-10-08",
    ),
    (
        "元旦",
        "2022-01-01",
        "2022-01-03",
        &[],
        "2021-12-31",
        "2022-01-04",
    ),
    (
        "春节",
        "2022-01-31",
        "2022-02-06",
        &["2022-01-29", "2022-01-30"],
        "2022-01-30",
        "2022-02-07",
    ),
    (
        "清明节",
        "2022-04-03",
        "2022-04-05",
        &["2022-04-02"],
        "2022-04-02",
        "2022-04-06",
    ),
    (
        "劳动节",
        "2022-04-30",
        "2022-05-04",
        &["2022-04-24", "2022-05-07"],
        "2022-04-29",
        "2022-05-05",
    ),
    (
        "端午节",
        "2022-06-03",
        "2022-06-05",
        &[],
        "2022-06-02",
        "2022-06-06",
    ),
    (
        "中秋节",
        "2022-09-10",
        "2022-09-12",
        &[],
        "2022-09-09",
        "2022-09-13",
    ),
    (
        "国庆节",
        "2022-10-01",
        "2022-10-07",
        &["2022-10-08", "2022-10-09"],
        "2022-09-30",
        "2022-10-08",
    ),
    (
        "元旦",
        "2022-12-31",
        "2023-01-02",
        &[],
        "2022-12-30",
        "2023-01-03",
    ),
    (
        "春节",
        "2023-01-21",
        "2023-01-27",
        &["2023-01-28", "2023-01-29"],
        "2023-01-20",
        "2023-01-28",
    ),
    (
        "清明节",
        "2023-04-05",
        "2023-04-05",
        &[],
        "2023-04-04",
        "2023-04-06",
    ),
    (
        "劳动节",
        "2023-04-29",
        "2023-05-03",
        &["2023-04-23", "2023-05-06"],
        "2023-04-28",
        "2023-05-04",
    ),
    (
        "端午节",
        "2023-06-22",
        "2023-06-24",
        &["2023-06-25"],
        "2023-06-21",
        "2023-06-25",
    ),
    (
        "中秋节、国庆节",
        "2023-09-29",
        "2023-10-06",
        &["2023-10-07", "2023-10-08"],
        "2023-09-28",
        "2023-10-07",
    ),
    (
        "元旦",
        "2024-01-01",
        "2024-01-01",
        &[],
        "2023-12-29",
        "2024-01-02",
    ),
    (
        "春节",
        "2024-02-10",
        "2024-02-17",
        &["2024-02-04", "2024-02-18"],
        "2024-02-09",
        "2024-02-18",
    ),
    (
        "清明节",
        "2024-04-04",
        "2024-04-06",
        &["2024-04-07"],
        "2024-04-03",
        "2024-04-07",
    ),
    (
        "劳动节",
        "2024-05-01",
        "2024-05-05",
        &["2024-04-28", "2024-05-11"],
        "2024-04-30",
        "2024-05-06",
    ),
    (
        "端午节",
        "2024-06-10",
        "2024-06-10",
        &[],
        "2024-06-07",
        "2024-06-11",
    ),
    (
        "中秋节",
        "2024-09-15",
        "2024-09-17",
        &["2024-09-14"],
        "2024-09-14",
        "2024-09-18",
    ),
    (
        "国庆节",
        "2024-10-01",
        "2024-10-07",
        &["2024-09-29", "2024-10-12"],
        "2024-09-30",
        "2024-10-08",
    ),
    (
        "元旦",
        "2025-01-01",
        "2025-01-01",
        &[],
        "2024-12-31",
        "2025-01-02",
    ),
    (
        "春节",
        "2025-01-28",
        "2025-02-04",
        &["2025-01-26", "2025-02-08"],
        "2025-01-27",
        "2025-02-05",
    ),
    (
        "清明节",
        "2025-04-04",
        "2025-04-06",
        &[],
        "2025-04-03",
        "2025-04-07",
    ),
    (
        "劳动节",
        "2025-05-01",
        "2025-05-05",
        &["2025-04-27"],
        "2025-04-30",
        "2025-05-06",
    ),
    (
        "端午节",
        "2025-05-31",
        "2025-06-02",
        &[],
        "2025-05-30",
        "2025-06-03",
    ),
    (
        "国庆节、中秋节",
        "2025-10-01",
        "2025-10-08",
        &["2025-09-28", "2025-10-11"],
        "2025-09-30",
        "2025-10-09",
    ),
    (
        "元旦",
        "2026-01-01",
        "2026-01-03",
        &["2026-01-04"],
        "2025-12-31",
        "2026-01-04",
    ),
    (
        "春节",
        "2026-02-15",
        "2026-02-23",
        &["2026-02-14", "2026-02-28"],
        "2026-02-14",
        "2026-02-24",
    ),
    (
        "清明节",
        "2026-04-04",
        "2026-04-06",
        &[],
        "2026-04-03",
        "2026-04-07",
    ),
    (
        "劳动节",
        "2026-05-01",
        "2026-05-05",
        &["2026-05-09"],
        "2026-04-30",
        "2026-05-06",
    ),
    (
        "端午节",
        "2026-06-19",
        "2026-06-21",
        &[],
        "2026-06-18",
        "2026-06-22",
    ),
    (
        "中秋节",
        "2026-09-25",
        "2026-09-27",
        &[],
        "2026-09-24",
        "2026-09-28",
    ),
    (
        "国庆节",
        "2026-10-01",
        "2026-10-07",
        &["2026-09-20", "2026-10-10"],
        "2026-09-30",
        "2026-10-08",
    ),
];

/// holiday-cn `2020.json`, as published in NateScarlet/holiday-cn.
const HOLIDAY_CN_2020: &str = r#"{
    "$schema": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
    "year": 2020,
    "papers": [
        "http://www.gov.cn/zhengce/content/2019-11/21/content_5454164.htm",
        "http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm"
    ],
    "days": [
        {"name": "元旦", "date": "2020-01-01", "isOffDay": true},
        {"name": "春节", "date": "2020-01-19", "isOffDay": false},
        {"name": "春节", "date": "2020-01-24", "isOffDay": true},
        {"name": "春节", "date": "2020-01-25", "isOffDay": true},
        {"name": "春节", "date": "2020-01-26", "isOffDay": true},
        {"name": "春节", "date": "2020-01-27", "isOffDay": true},
        {"name": "春节", "date": "2020-01-28", "isOffDay": true},
        {"name": "春节", "date": "2020-01-29", "isOffDay": true},
        {"name": "春节", "date": "2020-01-30", "isOffDay": true},
        {"name": "春节", "date": "2020-01-31", "isOffDay": true},
        {"name": "春节", "date": "2020-02-01", "isOffDay": true},
        {"name": "春节", "date": "2020-02-02", "isOffDay": true},
        {"name": "春节", "date": "2020-02-03", "isOffDay": false},
        {"name": "清明节", "date": "2020-04-04", "isOffDay": true},
        {"name": "清明节", "date": "2020-04-05", "isOffDay": true},
        {"name": "清明节", "date": "2020-04-06", "isOffDay": true},
        {"name": "劳动节", "date": "2020-04-26", "isOffDay": false},
        {"name": "劳动节", "date": "2020-05-01", "isOffDay": true},
        {"name": "劳动节", "date": "2020-05-02", "isOffDay": true},
        {"name": "劳动节", "date": "2020-05-03", "isOffDay": true},
        {"name": "劳动节", "date": "2020-05-04", "isOffDay": true},
        {"name": "劳动节", "date": "2020-05-05", "isOffDay": true},
        {"name": "劳动节", "date": "2020-05-09", "isOffDay": false},
        {"name": "端午节", "date": "2020-06-25", "isOffDay": true},
        {"name": "端午节", "date": "2020-06-26", "isOffDay": true},
        {"name": "端午节", "date": "2020-06-27", "isOffDay": true},
        {"name": "端午节", "date": "2020-06-28", "isOffDay": false},
        {"name": "国庆节、中秋节", "date": "2020-09-27", "isOffDay": false},
        {"name": "国庆节、中秋节", "date": "2020-10-01", "isOffDay": true},
        {"name": "国庆节、中秋节", "date": "2020-10-02", "isOffDay": true},
        {"name": "国庆节、中秋节", "date": "2020-10-03", "isOffDay": true},
        {"name": "国庆节、中秋节", "date": "2020-10-04", "isOffDay": true},
        {"name": "国庆节、中秋节", "date": "2020-10-05", "isOffDay": true},
        {"name": "国庆节、中秋节", "date": "2020-10-06", "isOffDay": true},
        {"name": "国庆节、中秋节", "date": "2020-10-07", "isOffDay": true},
        {"name": "国庆节、中秋节", "date": "2020-10-08", "isOffDay": true},
        {"name": "国庆节、中秋节", "date": "2020-10-10", "isOffDay": false}
    ]
}"#;

/// holiday-cn `2023.json`, as published in NateScarlet/holiday-cn.
const HOLIDAY_CN_2023: &str = r#"{
    "$schema": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
    "year": 2023,
    "papers": [
        "http://www.gov.cn/zhengce/zhengceku/2022-12/08/content_5730844.htm"
    ],
    "days": [
        {"name": "元旦", "date": "2022-12-31", "isOffDay": true},
        {"name": "元旦", "date": "2023-01-01", "isOffDay": true},
        {"name": "元旦", "date": "2023-01-02", "isOffDay": true},
        {"name": "春节", "date": "2023-01-21", "isOffDay": true},
        {"name": "春节", "date": "2023-01-22", "isOffDay": true},
        {"name": "春节", "date": "2023-01-23", "isOffDay": true},
        {"name": "春节", "date": "2023-01-24", "isOffDay": true},
        {"name": "春节", "date": "2023-01-25", "isOffDay": true},
        {"name": "春节", "date": "2023-01-26", "isOffDay": true},
        {"name": "春节", "date": "2023-01-27", "isOffDay": true},
        {"name": "春节", "date": "2023-01-28", "isOffDay": false},
        {"name": "春节", "date": "2023-01-29", "isOffDay": false},
        {"name": "清明节", "date": "2023-04-05", "isOffDay": true},
        {"name": "劳动节", "date": "2023-04-23", "isOffDay": false},
        {"name": "劳动节", "date": "2023-04-29", "isOffDay": true},
        {"name": "劳动节", "date": "2023-04-30", "isOffDay": true},
        {"name": "劳动节", "date": "2023-05-01", "isOffDay": true},
        {"name": "劳动节", "date": "2023-05-02", "isOffDay": true},
        {"name": "劳动节", "date": "2023-05-03", "isOffDay": true},
        {"name": "劳动节", "date": "2023-05-06", "isOffDay": false},
        {"name": "端午节", "date": "2023-06-22", "isOffDay": true},
        {"name": "端午节", "date": "2023-06-23", "isOffDay": true},
        {"name": "端午节", "date": "2023-06-24", "isOffDay": true},
        {"name": "端午节", "date": "2023-06-25", "isOffDay": false},
        {"name": "中秋节、国庆节", "date": "2023-09-29", "isOffDay": true},
        {"name": "中秋节、国庆节", "date": "2023-09-30", "isOffDay": true},
        {"name": "中秋节、国庆节", "date": "2023-10-01", "isOffDay": true},
        {"name": "中秋节、国庆节", "date": "2023-10-02", "isOffDay": true},
        {"name": "中秋节、国庆节", "date": "2023-10-03", "isOffDay": true},
        {"name": "中秋节、国庆节", "date": "2023-10-04", "isOffDay": true},
        {"name": "中秋节、国庆节", "date": "2023-10-05", "isOffDay": true},
        {"name": "中秋节、国庆节", "date": "2023-10-06", "isOffDay": true},
        {"name": "中秋节、国庆节", "date": "2023-10-07", "isOffDay": false},
        {"name": "中秋节、国庆节", "date": "2023-10-08", "isOffDay": false}
    ]
}"#;

/// Each holiday block is off, each make-up weekend day is worked, and stepping one working day
/// across the block lands on the right day in both directions.
#[test]
fn every_holiday_block_and_makeup_day_of_2020_to_2026() {
    let calendar = WorkCalendar::bundled().unwrap();
    let mut makeup_days = 0;
    for &(name, first, last, makeups, before, after) in BLOCKS {
        let holiday = DayKind::Holiday { name: name.into() };
        for day in d(first).iter_days().take_while(|day| *day <= d(last)) {
            assert_eq!(calendar.day_kind(day), Ok(holiday.clone()), "{day}");
            assert_eq!(calendar.is_working_day(day), Ok(false), "{day}");
        }
        for &makeup in makeups {
            let day = d(makeup);
            assert!(
                day.weekday().number_from_monday() >= 6,
                "{makeup} is a weekend day"
            );
            let kind = DayKind::MakeupWorkday { name: name.into() };
            assert_eq!(calendar.day_kind(day), Ok(kind), "{makeup}");
            assert_eq!(calendar.is_working_day(day), Ok(true), "{makeup}");
            makeup_days += 1;
        }
        let (before, after) = (d(before), d(after));
        if before.year() < 2020 {
            assert_eq!(calendar.add_working_days(after, -1), Err(UnknownYear(2019)));
        } else {
            assert_eq!(
                calendar.add_working_days(before, 1),
                Ok(after),
                "{name} {first} forwards"
            );
            assert_eq!(
                calendar.add_working_days(after, -1),
                Ok(before),
                "{name} {first} backwards"
            );
            assert_eq!(
                calendar.working_days_between(before, after),
                Ok(1),
                "{name} {first}"
            );
        }
    }
    // 46 weekend days worked in 2020–2026 (the notices name 47; 1 Feb 2020 was cancelled).
    assert_eq!(makeup_days, 46);
}

/// Every day of every bundled year has a kind, and the totals match the notices.
#[test]
fn every_bundled_year_is_complete() {
    let calendar = WorkCalendar::bundled().unwrap();
    assert_eq!(calendar.known_years(), (2020..=2026).collect::<Vec<_>>());
    // (year, days in year, days off listed by its notice, weekend days worked, working days)
    let totals = [
        (2020, 366, 30, 6, 249),
        (2021, 365, 31, 7, 250),
        (2022, 365, 31, 7, 249),
        (2023, 365, 27, 7, 249),
        (2024, 366, 28, 8, 251),
        (2025, 365, 28, 5, 248),
        (2026, 365, 33, 6, 248),
    ];
    for (year, length, off, worked, working) in totals {
        let kinds: Vec<DayKind> = days_of(year)
            .map(|day| calendar.day_kind(day).unwrap())
            .collect();
        assert_eq!(kinds.len(), length, "{year}");
        let schedule = calendar.schedule(year).unwrap();
        let listed =
            |groups: &[super::NamedDates]| groups.iter().map(|g| g.dates.len()).sum::<usize>();
        assert_eq!(listed(&schedule.holidays), off, "{year} days off");
        assert_eq!(
            listed(&schedule.makeup_workdays),
            worked,
            "{year} weekend days worked"
        );
        assert!(
            schedule.sources.iter().any(|s| s.contains("国办发明电")),
            "{year} names its notice"
        );
        let count = kinds.iter().filter(|k| k.is_working_day()).count();
        assert_eq!(count, working, "{year} working days");
    }
}

/// 国办发明电〔2020〕1号 extended the Spring Festival to 2 Feb and so cancelled the make-up
/// Saturday 1 Feb that 国办发明电〔2019〕16号 had set.
#[test]
fn spring_festival_2020_extension() {
    let calendar = WorkCalendar::bundled().unwrap();
    let spring = || DayKind::Holiday {
        name: "春节".into(),
    };
    let cases = [
        (
            "2020-01-19",
            DayKind::MakeupWorkday {
                name: "春节".into(),
            },
        ),
        ("2020-01-30", spring()),
        ("2020-01-31", spring()),
        ("2020-02-01", spring()),
        ("2020-02-02", spring()),
        ("2020-02-03", DayKind::Workday),
    ];
    for (day, kind) in cases {
        assert_eq!(calendar.day_kind(d(day)), Ok(kind), "{day}");
    }
    assert_eq!(
        filing_deadline(&calendar, d("2020-01-23")),
        Ok(d("2020-02-07"))
    );
}

#[test]
fn leap_days() {
    let calendar = WorkCalendar::bundled().unwrap();
    assert_eq!(calendar.day_kind(d("2020-02-29")), Ok(DayKind::Weekend));
    assert_eq!(calendar.day_kind(d("2024-02-29")), Ok(DayKind::Workday));
    assert_eq!(
        calendar.add_working_days(d("2024-02-28"), 1),
        Ok(d("2024-02-29"))
    );
    assert_eq!(
        calendar.add_working_days(d("2020-02-28"), 1),
        Ok(d("2020-03-02"))
    );
    assert_eq!(
        calendar.working_days_between(d("2024-02-01"), d("2024-03-01")),
        Ok(18)
    );
}

/// The holiday-cn files import to exactly the bundled schedule, day by day.
#[test]
fn holiday_cn_files_match_bundled_years() {
    let bundled = WorkCalendar::bundled().unwrap();
    for (year, text) in [(2020, HOLIDAY_CN_2020), (2023, HOLIDAY_CN_2023)] {
        let imported = parse_year_file(text).unwrap();
        assert_eq!(imported.len(), 1);
        assert_eq!(imported[0].year, year);
        let only_import = WorkCalendar::empty()
            .with_overrides(imported.clone())
            .unwrap();
        let replaced = bundled.clone().with_overrides(imported).unwrap();
        for day in days_of(year) {
            let want = bundled.day_kind(day).unwrap();
            assert_eq!(only_import.day_kind(day).unwrap(), want, "{day}");
            assert_eq!(replaced.day_kind(day).unwrap(), want, "{day}");
        }
    }
}

/// 2023's New Year holiday starts on Saturday 31 Dec 2022: the day belongs to the 2023 notice,
/// and still shows as 元旦 in 2022.
#[test]
fn new_year_2023_starts_in_2022() {
    let calendar = WorkCalendar::bundled().unwrap();
    assert_eq!(
        calendar.day_kind(d("2022-12-31")),
        Ok(DayKind::Holiday {
            name: "元旦".into()
        })
    );
    let without_2023 = WorkCalendar::empty()
        .with_overrides(calendar.schedule(2022).cloned())
        .unwrap();
    assert_eq!(without_2023.day_kind(d("2022-12-31")), Ok(DayKind::Weekend));
}
