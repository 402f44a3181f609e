//! Reading holiday schedules from a JSON file the user picked: MediaDesk's own format or the
//! holiday-cn data set, told apart automatically, with refusals that name the line.

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;
use thiserror::Error;

use super::schedule::{NamedDates, ScheduleProblem, YearSchedule, is_weekend};

/// A file that cannot become part of the calendar, with the 1-based line to look at. This and
/// [`FileProblem`] are worded in `text::calendar`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub struct CalendarFileError {
    /// The 1-based line of the file where the problem is.
    pub line: usize,
    /// What is wrong there.
    pub problem: FileProblem,
}

/// What is wrong with a holiday file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FileProblem {
    /// The text is not JSON, or a field has the wrong type or is missing. `detail` is the
    /// parser's own description, without its position (the line is reported separately).
    Json { fault: JsonFault, detail: String },
    /// Neither of the two known formats.
    UnknownFormat,
    /// A date that is not written as `YYYY-MM-DD` or does not exist.
    BadDate(String),
    /// The same year twice in one file.
    RepeatedYear(i32),
    /// The dates read fine but do not make a valid schedule.
    Schedule(#[from] ScheduleProblem),
}

/// What kind of JSON error a holiday file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonFault {
    /// The file ends in the middle.
    Incomplete,
    /// Not JSON at this point.
    Syntax,
    /// JSON, but a field is missing, misspelt or of the wrong type.
    Content,
}

/// The source named for years read from holiday-cn, ahead of the notice links it carries. It is
/// data stored with the year (like the notices' titles after it), not wording, so it stays here.
pub const HOLIDAY_CN_SOURCE: &str = "holiday-cn 数据集（github.com/NateScarlet/holiday-cn）";

/// Reads every year in a holiday file and validates each one.
///
/// Accepted, detected by their keys:
/// - MediaDesk's own format (what [`YearSchedule`] serialises to): one object with `"year"` and
///   `"holidays"`, or an array of such objects;
/// - the holiday-cn format: `{"year": 2024, "papers": [...], "days": [{"name": "元旦",
///   "date": "2024-01-01", "isOffDay": true}, ...]}`.
///
/// holiday-cn also lists the first weekday back after a long holiday as a non-day-off (for
/// example Monday 2020-02-03 after the extended Spring Festival); such a day is a working
/// day anyway, so it is dropped rather than refused as a make-up day off the weekend.
/// Nothing is returned unless every year in the file passes.
pub fn parse_year_file(text: &str) -> Result<Vec<YearSchedule>, CalendarFileError> {
    // Windows Notepad saves UTF-8 with a byte-order mark, which JSON parsers reject.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(json_error)?;
    let schedules = match detect(&value) {
        Some(Format::Own) => own_format(text)?,
        Some(Format::HolidayCn) => vec![holiday_cn_format(text)?],
        Some(Format::OwnList) => own_list_format(text)?,
        None => {
            return Err(CalendarFileError {
                line: 1,
                problem: FileProblem::UnknownFormat,
            });
        }
    };
    let mut years = HashSet::new();
    for (index, schedule) in schedules.iter().enumerate() {
        if !years.insert(schedule.year) {
            return Err(CalendarFileError {
                line: line_of_nth(text, "\"year\"", index + 1),
                problem: FileProblem::RepeatedYear(schedule.year),
            });
        }
        schedule.validate().map_err(|problem| {
            let line = match problem.listing() {
                Some((date, nth)) => line_of_nth(text, &quoted(date), nth),
                None => line_of_nth(text, empty_list_key(&value), 1),
            };
            CalendarFileError {
                line,
                problem: problem.into(),
            }
        })?;
    }
    Ok(schedules)
}

enum Format {
    Own,
    OwnList,
    HolidayCn,
}

fn detect(value: &Value) -> Option<Format> {
    let is_own = |v: &Value| {
        v.get("year").is_some()
            && (v.get("holidays").is_some() || v.get("makeup_workdays").is_some())
    };
    match value {
        Value::Object(_) if value.get("year").is_some() && value.get("days").is_some() => {
            Some(Format::HolidayCn)
        }
        Value::Object(_) if is_own(value) => Some(Format::Own),
        Value::Array(items) if !items.is_empty() && items.iter().all(is_own) => {
            Some(Format::OwnList)
        }
        _ => None,
    }
}

/// The key to point at when a year has no dates.
fn empty_list_key(value: &Value) -> &'static str {
    if value.get("days").is_some() {
        "\"days\""
    } else {
        "\"holidays\""
    }
}

/// MediaDesk's format with dates kept as text, so a bad date can be shown as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchedule {
    year: i32,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    holidays: Vec<RawNamedDates>,
    #[serde(default)]
    makeup_workdays: Vec<RawNamedDates>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNamedDates {
    name: String,
    dates: Vec<String>,
}

fn own_format(text: &str) -> Result<Vec<YearSchedule>, CalendarFileError> {
    let raw: RawSchedule = serde_json::from_str(text).map_err(json_error)?;
    Ok(vec![from_raw(text, raw)?])
}

fn own_list_format(text: &str) -> Result<Vec<YearSchedule>, CalendarFileError> {
    let raw: Vec<RawSchedule> = serde_json::from_str(text).map_err(json_error)?;
    raw.into_iter().map(|r| from_raw(text, r)).collect()
}

fn from_raw(text: &str, raw: RawSchedule) -> Result<YearSchedule, CalendarFileError> {
    let groups = |list: Vec<RawNamedDates>| -> Result<Vec<NamedDates>, CalendarFileError> {
        list.into_iter()
            .map(|group| {
                let dates = group
                    .dates
                    .iter()
                    .map(|d| parse_date(text, d))
                    .collect::<Result<_, _>>()?;
                Ok(NamedDates {
                    name: group.name,
                    dates,
                })
            })
            .collect()
    };
    Ok(YearSchedule {
        year: raw.year,
        sources: raw.sources,
        holidays: groups(raw.holidays)?,
        makeup_workdays: groups(raw.makeup_workdays)?,
    })
}

#[derive(Deserialize)]
struct HolidayCnFile {
    year: i32,
    #[serde(default)]
    papers: Vec<String>,
    days: Vec<HolidayCnDay>,
}

#[derive(Deserialize)]
struct HolidayCnDay {
    name: String,
    date: String,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
}

fn holiday_cn_format(text: &str) -> Result<YearSchedule, CalendarFileError> {
    let file: HolidayCnFile = serde_json::from_str(text).map_err(json_error)?;
    let mut holidays: Vec<NamedDates> = Vec::new();
    let mut makeup_workdays: Vec<NamedDates> = Vec::new();
    for day in file.days {
        let date = parse_date(text, &day.date)?;
        if !day.is_off_day && !is_weekend(date) {
            continue;
        }
        let groups = if day.is_off_day {
            &mut holidays
        } else {
            &mut makeup_workdays
        };
        match groups.iter_mut().find(|g| g.name == day.name) {
            Some(group) => group.dates.push(date),
            None => groups.push(NamedDates {
                name: day.name,
                dates: vec![date],
            }),
        }
    }
    let mut sources = vec![HOLIDAY_CN_SOURCE.to_owned()];
    sources.extend(file.papers);
    Ok(YearSchedule {
        year: file.year,
        sources,
        holidays,
        makeup_workdays,
    })
}

/// Accepts exactly `YYYY-MM-DD`, so the date can later be found again in the text as written.
fn parse_date(text: &str, written: &str) -> Result<NaiveDate, CalendarFileError> {
    match NaiveDate::parse_from_str(written, "%Y-%m-%d") {
        Ok(date) if date.format("%Y-%m-%d").to_string() == written => Ok(date),
        _ => Err(CalendarFileError {
            line: line_of_nth(text, &format!("\"{written}\""), 1),
            problem: FileProblem::BadDate(written.to_owned()),
        }),
    }
}

/// A date as it appears in the file, quotes included, so "2024-01-01" does not match inside
/// a longer string.
fn quoted(date: NaiveDate) -> String {
    format!("\"{}\"", date.format("%Y-%m-%d"))
}

/// The 1-based line of the `nth` (1-based) occurrence of `needle`; line 1 when it is absent.
fn line_of_nth(text: &str, needle: &str, nth: usize) -> usize {
    text.match_indices(needle)
        .nth(nth.saturating_sub(1))
        .map_or(1, |(offset, _)| {
            1 + text.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
        })
}

fn json_error(error: serde_json::Error) -> CalendarFileError {
    use serde_json::error::Category;
    let fault = match error.classify() {
        Category::Eof => JsonFault::Incomplete,
        Category::Syntax => JsonFault::Syntax,
        Category::Data | Category::Io => JsonFault::Content,
    };
    // serde_json appends " at line L column C"; the line is reported separately.
    let message = error.to_string();
    let detail = message.split(" at line ").next().unwrap_or_default();
    CalendarFileError {
        line: error.line().max(1),
        problem: FileProblem::Json {
            fault,
            detail: detail.to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    const GOOD_OWN: &str = r#"{
  "year": 2024,
  "sources": ["国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）"],
  "holidays": [
    { "name": "国庆节", "dates": ["2024-10-01", "2024-10-02"] }
  ],
  "makeup_workdays": [
    { "name": "国庆节", "dates": ["2024-09-29"] }
  ]
}"#;

    #[test]
    fn reads_own_format() {
        let years = parse_year_file(GOOD_OWN).unwrap();
        assert_eq!(years.len(), 1);
        assert_eq!(years[0].year, 2024);
        assert_eq!(
            years[0].holidays[0].dates,
            vec![d("2024-10-01"), d("2024-10-02")]
        );
        assert_eq!(years[0].makeup_workdays[0].dates, vec![d("2024-09-29")]);
        // What the store saves reads back to the same schedule.
        let saved = serde_json::to_string_pretty(&years[0]).unwrap();
        assert_eq!(parse_year_file(&saved).unwrap(), years);
        // A list of several years, as an export of all imported years would be.
        let list = serde_json::to_string(&vec![years[0].clone()]).unwrap();
        assert_eq!(parse_year_file(&list).unwrap(), years);
        // A byte-order mark from Windows Notepad is tolerated.
        assert_eq!(
            parse_year_file(&format!("\u{feff}{GOOD_OWN}")).unwrap(),
            years
        );
    }

    #[test]
    fn reads_holiday_cn_format() {
        let text = r#"{
    "$schema": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
    "year": 2020,
    "papers": ["http://www.gov.cn/zhengce/content/2020-01/27/content_5472352.htm"],
    "days": [
        { "name": "春节", "date": "2020-01-19", "isOffDay": false },
        { "name": "春节", "date": "2020-01-31", "isOffDay": true },
        { "name": "春节", "date": "2020-02-01", "isOffDay": true },
        { "name": "春节", "date": "2020-02-03", "isOffDay": false },
        { "name": "清明节", "date": "2020-04-04", "isOffDay": true }
    ]
}"#;
        let years = parse_year_file(text).unwrap();
        let y = &years[0];
        assert_eq!(y.year, 2020);
        assert_eq!(y.sources[0], HOLIDAY_CN_SOURCE);
        assert!(y.sources[1].contains("content_5472352"));
        let names: Vec<&str> = y.holidays.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["春节", "清明节"]);
        assert_eq!(y.holidays[0].dates, vec![d("2020-01-31"), d("2020-02-01")]);
        // Monday 2020-02-03 (back to work) is dropped; Sunday 2020-01-19 stays a make-up day.
        assert_eq!(y.makeup_workdays[0].dates, vec![d("2020-01-19")]);
    }

    fn json(fault: JsonFault) -> FileProblem {
        FileProblem::Json {
            fault,
            detail: String::new(),
        }
    }

    /// Every refusal names the line a person has to fix and says why.
    #[test]
    fn refusals_name_line_and_reason() {
        let wrap = |holidays: &str, makeups: &str| {
            format!(
                "{{\n  \"year\": 2024,\n  \"holidays\": [\n{holidays}\n  ],\n  \"makeup_workdays\": [\n{makeups}\n  ]\n}}"
            )
        };
        let ok_holiday = r#"    { "name": "国庆节", "dates": ["2024-10-01"] }"#;
        let ok_makeup = r#"    { "name": "国庆节", "dates": ["2024-09-29"] }"#;
        let cases: Vec<(&str, String, usize, FileProblem)> = vec![
            (
                "malformed JSON (missing comma)",
                "{\n  \"year\": 2024\n  \"holidays\": []\n}".to_owned(),
                3,
                json(JsonFault::Syntax),
            ),
            (
                "truncated file",
                "{\n  \"year\": 2024,\n  \"holidays\": [\n".to_owned(),
                4,
                json(JsonFault::Incomplete),
            ),
            (
                "misspelt field",
                "{\n  \"year\": 2024,\n  \"holidays\": [],\n  \"makeup_workday\": []\n}".to_owned(),
                4,
                json(JsonFault::Content),
            ),
            ("neither format", "{\n  \"jahr\": 2024\n}".to_owned(), 1, FileProblem::UnknownFormat),
            (
                "unparseable date",
                wrap(
                    "    { \"name\": \"国庆节\", \"dates\": [\"2024-10-01\"] },\n    { \"name\": \"国庆节\", \"dates\": [\"2024-02-30\"] }",
                    ok_makeup,
                ),
                5,
                FileProblem::BadDate("2024-02-30".into()),
            ),
            (
                "date without leading zeros",
                wrap(r#"    { "name": "元旦", "dates": ["2024-1-1"] }"#, ok_makeup),
                4,
                FileProblem::BadDate("2024-1-1".into()),
            ),
            (
                "date of another year",
                wrap(
                    "    { \"name\": \"国庆节\", \"dates\": [\"2024-10-01\"] },\n    { \"name\": \"元旦\", \"dates\": [\"2025-01-01\"] }",
                    ok_makeup,
                ),
                5,
                ScheduleProblem::OutsideYear { date: d("2025-01-01"), year: 2024 }.into(),
            ),
            (
                "both holiday and working day",
                wrap(ok_holiday, r#"    { "name": "国庆节", "dates": ["2024-10-01"] }"#),
                7,
                ScheduleProblem::HolidayAndWorkday { date: d("2024-10-01") }.into(),
            ),
            (
                "make-up day on a weekday",
                wrap(ok_holiday, r#"    { "name": "国庆节", "dates": ["2024-09-29", "2024-10-11"] }"#),
                7,
                ScheduleProblem::MakeupNotOnWeekend {
                    date: d("2024-10-11"),
                    weekday: chrono::Weekday::Fri,
                }
                .into(),
            ),
            (
                "duplicate date",
                wrap(
                    "    { \"name\": \"国庆节\", \"dates\": [\"2024-10-01\"] },\n    { \"name\": \"国庆节\", \"dates\": [\"2024-10-01\"] }",
                    ok_makeup,
                ),
                5,
                ScheduleProblem::Duplicate { date: d("2024-10-01") }.into(),
            ),
            (
                "empty year (own format)",
                "{\n  \"year\": 2027,\n  \"holidays\": []\n}".to_owned(),
                3,
                ScheduleProblem::Empty { year: 2027 }.into(),
            ),
            (
                "empty year (holiday-cn placeholder)",
                "{\n    \"year\": 2027,\n    \"papers\": [],\n    \"days\": []\n}".to_owned(),
                4,
                ScheduleProblem::Empty { year: 2027 }.into(),
            ),
            (
                "holiday-cn bad date",
                "{\n  \"year\": 2024,\n  \"days\": [\n    {\"name\": \"元旦\", \"date\": \"2024-13-01\", \"isOffDay\": true}\n  ]\n}".to_owned(),
                4,
                FileProblem::BadDate("2024-13-01".into()),
            ),
            (
                "same year twice",
                format!("[\n{GOOD_OWN},\n{GOOD_OWN}\n]"),
                13,
                FileProblem::RepeatedYear(2024),
            ),
        ];
        for (what, text, line, problem) in cases {
            let error = parse_year_file(&text).expect_err(what);
            assert_eq!(error.line, line, "{what}: {error}");
            match (&error.problem, &problem) {
                (
                    FileProblem::Json { fault, detail },
                    FileProblem::Json {
                        fault: expected, ..
                    },
                ) => {
                    assert_eq!(fault, expected, "{what}");
                    assert!(!detail.is_empty(), "{what}");
                }
                (got, want) => assert_eq!(got, want, "{what}"),
            }
            let shown = error.to_string();
            assert!(
                shown.starts_with(&format!("节假日文件第 {line} 行：")),
                "{shown}"
            );
        }
    }

    #[test]
    fn line_lookup() {
        let text = "a\n\"x\"\nb \"x\"";
        assert_eq!(line_of_nth(text, "\"x\"", 1), 2);
        assert_eq!(line_of_nth(text, "\"x\"", 2), 3);
        assert_eq!(line_of_nth(text, "\"x\"", 3), 1);
    }
}
