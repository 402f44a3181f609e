//! Importing a platform's publishing history from CSV (日期, 标题, 链接), e.g. exported from the
//! platform's back office or typed in a spreadsheet, so the ladder (第六条四) knows the real last
//! update. All or nothing: either every row is good and all are returned, or every problem is
//! returned with its row number and nothing is written.
//!
//! Accepted: UTF-8 (with or without the BOM spreadsheets add) or GB18030 (what Excel on a
//! Chinese Windows saves as "CSV"); an optional header row naming the columns in any order
//! (日期/发布日期/date, 标题/title, 链接/网址/link/url); dates in one of the styles of
//! [`parse_date_any`], the same style throughout the file. Rows that are entirely blank are
//! skipped.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::dates::{DateStyle, parse_date_any};
use super::updates::{UpdateProblem, date_problem, link_is_valid, title_problem};

/// Rows one file may hold: years of daily posts, far from a memory problem.
pub const MAX_ROWS: usize = 100_000;
/// Problems listed before the rest are only counted.
pub const MAX_PROBLEMS: usize = 200;

/// One good row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryRow {
    /// The row number as a spreadsheet or editor shows it (the header is row 1).
    pub row: u64,
    pub on: NaiveDate,
    pub title: String,
    pub link: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblemKind {
    /// No data rows at all.
    Empty,
    /// UTF-16 ("Unicode text"), which is not CSV.
    Utf16,
    /// Neither UTF-8 nor GB18030.
    NotText,
    /// The CSV structure itself is broken (an unclosed quote); the reader's words.
    Unreadable(String),
    /// A header row whose columns are not 日期, 标题 (and 链接).
    BadHeader {
        unknown: Vec<String>,
    },
    /// The header names a column twice.
    DuplicateHeader(String),
    /// A row with another number of columns than the header (or than 3).
    WrongColumns {
        found: usize,
        expected: usize,
    },
    BadDate(String),
    /// A valid date written in another style than most of the file.
    MixedDateStyle {
        found: DateStyle,
        expected: DateStyle,
    },
    /// Same date, title and link as an earlier row.
    Duplicate {
        first_row: u64,
    },
    Update(UpdateProblem),
    TooManyRows,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    /// 0 for the whole file.
    pub row: u64,
    pub kind: CsvProblemKind,
}

/// Everything wrong with a file: up to [`MAX_PROBLEMS`] problems, and how many more there were.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct CsvImportError {
    pub problems: Vec<CsvProblem>,
    pub more: usize,
}

impl CsvImportError {
    fn file(kind: CsvProblemKind) -> Self {
        Self {
            problems: vec![CsvProblem { row: 0, kind }],
            more: 0,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Date,
    Title,
    Link,
}

fn column_of(name: &str) -> Option<Column> {
    let name = name.trim().trim_start_matches('\u{feff}').to_lowercase();
    match name.as_str() {
        "日期" | "发布日期" | "更新日期" | "date" => Some(Column::Date),
        "标题" | "文章标题" | "title" => Some(Column::Title),
        "链接" | "网址" | "文章链接" | "link" | "url" => Some(Column::Link),
        _ => None,
    }
}

/// Positions of the date, title and link columns, and how many columns a row must have.
#[derive(Debug, Clone, Copy)]
struct Layout {
    date: usize,
    title: usize,
    link: Option<usize>,
    width: usize,
}

const PLAIN: Layout = Layout {
    date: 0,
    title: 1,
    link: Some(2),
    width: 3,
};

/// Reads the header, if the first row is one.
fn header_layout(fields: &[String]) -> Result<Layout, CsvProblemKind> {
    let mut date = None;
    let mut title = None;
    let mut link = None;
    let mut unknown = Vec::new();
    for (i, name) in fields.iter().enumerate() {
        let slot = match column_of(name) {
            Some(Column::Date) => &mut date,
            Some(Column::Title) => &mut title,
            Some(Column::Link) => &mut link,
            None => {
                unknown.push(name.trim().to_owned());
                continue;
            }
        };
        if slot.replace(i).is_some() {
            return Err(CsvProblemKind::DuplicateHeader(name.trim().to_owned()));
        }
    }
    match (date, title, unknown.is_empty()) {
        (Some(date), Some(title), true) => Ok(Layout {
            date,
            title,
            link,
            width: fields.len(),
        }),
        _ => Err(CsvProblemKind::BadHeader { unknown }),
    }
}

/// The text of the file: UTF-8 (BOM dropped) or GB18030.
fn decode(bytes: &[u8]) -> Result<String, CsvProblemKind> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(CsvProblemKind::Utf16);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|t| t.into_owned())
        .ok_or(CsvProblemKind::NotText)
}

struct Parsed {
    row: u64,
    on: NaiveDate,
    style: DateStyle,
    title: String,
    link: String,
}

/// Parses the whole file; see the module's comment for what is accepted.
pub fn parse_history_csv(
    bytes: &[u8],
    created_on: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<HistoryRow>, CsvImportError> {
    let text = decode(bytes).map_err(CsvImportError::file)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    let mut parsed: Vec<Parsed> = Vec::new();
    let mut layout: Option<Layout> = None;
    let mut rows = 0usize;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let row = e.position().map_or(0, csv::Position::line);
            CsvImportError {
                problems: vec![CsvProblem {
                    row,
                    kind: CsvProblemKind::Unreadable(e.to_string()),
                }],
                more: 0,
            }
        })?;
        let row = record.position().map_or(0, csv::Position::line);
        let fields: Vec<String> = record.iter().map(|f| f.trim().to_owned()).collect();
        if fields.iter().all(String::is_empty) {
            continue;
        }
        let layout = match layout {
            Some(l) => l,
            None => {
                // The first row is data when it starts with a date, or with something
                // date-like (digits) and names no column, so a mistyped first date is
                // reported as a date, not as a bad header. Anything else is a header.
                let names_a_column = fields.iter().any(|f| column_of(f).is_some());
                let digits = fields[0]
                    .chars()
                    .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
                let chosen = if parse_date_any(&fields[0]).is_some() || (digits && !names_a_column)
                {
                    PLAIN
                } else {
                    match header_layout(&fields) {
                        Ok(l) => {
                            layout = Some(l);
                            continue;
                        }
                        Err(kind) => return Err(CsvImportError::file_row(row, kind)),
                    }
                };
                layout = Some(chosen);
                chosen
            }
        };
        rows += 1;
        if rows > MAX_ROWS {
            return Err(CsvImportError::file_row(row, CsvProblemKind::TooManyRows));
        }
        if fields.len() != layout.width {
            problems.push(CsvProblem {
                row,
                kind: CsvProblemKind::WrongColumns {
                    found: fields.len(),
                    expected: layout.width,
                },
            });
            continue;
        }
        let cell = |i: usize| fields.get(i).cloned().unwrap_or_default();
        let (title, link) = (
            cell(layout.title),
            layout.link.map(cell).unwrap_or_default(),
        );
        let date_text = cell(layout.date);
        let mut row_problems = Vec::new();
        let date = parse_date_any(&date_text);
        match date {
            None => row_problems.push(CsvProblemKind::BadDate(date_text)),
            Some((on, _)) => {
                row_problems.extend(date_problem(on, created_on, today).map(CsvProblemKind::Update))
            }
        }
        row_problems.extend(title_problem(&title).map(CsvProblemKind::Update));
        if !link_is_valid(&link) {
            row_problems.push(CsvProblemKind::Update(UpdateProblem::BadLink));
        }
        if let Some((on, style)) = date {
            parsed.push(Parsed {
                row,
                on,
                style,
                title,
                link,
            });
        }
        problems.extend(
            row_problems
                .into_iter()
                .map(|kind| CsvProblem { row, kind }),
        );
    }
    problems.extend(style_and_duplicate_problems(&parsed));
    if parsed.is_empty() && problems.is_empty() {
        return Err(CsvImportError::file(CsvProblemKind::Empty));
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| p.row);
        let more = problems.len().saturating_sub(MAX_PROBLEMS);
        problems.truncate(MAX_PROBLEMS);
        return Err(CsvImportError { problems, more });
    }
    Ok(parsed
        .into_iter()
        .map(|p| HistoryRow {
            row: p.row,
            on: p.on,
            title: p.title,
            link: p.link,
        })
        .collect())
}

impl CsvImportError {
    fn file_row(row: u64, kind: CsvProblemKind) -> Self {
        Self {
            problems: vec![CsvProblem { row, kind }],
            more: 0,
        }
    }
}

/// Dates in a minority style (ties go to the style met first), and rows repeating an earlier
/// one's date, title and link.
fn style_and_duplicate_problems(parsed: &[Parsed]) -> Vec<CsvProblem> {
    let mut counts: Vec<(DateStyle, usize)> = Vec::new();
    for p in parsed {
        match counts.iter_mut().find(|(s, _)| *s == p.style) {
            Some((_, n)) => *n += 1,
            None => counts.push((p.style, 1)),
        }
    }
    // max_by_key keeps the last of equals; reversing makes the first-met style win ties.
    let expected = counts.iter().rev().max_by_key(|(_, n)| *n).map(|(s, _)| *s);
    let mut problems = Vec::new();
    let mut seen: HashMap<(NaiveDate, &str, &str), u64> = HashMap::new();
    for p in parsed {
        if let Some(expected) = expected
            && p.style != expected
        {
            problems.push(CsvProblem {
                row: p.row,
                kind: CsvProblemKind::MixedDateStyle {
                    found: p.style,
                    expected,
                },
            });
        }
        match seen.get(&(p.on, p.title.as_str(), p.link.as_str())) {
            Some(first_row) => problems.push(CsvProblem {
                row: p.row,
                kind: CsvProblemKind::Duplicate {
                    first_row: *first_row,
                },
            }),
            None => {
                seen.insert((p.on, p.title.as_str(), p.link.as_str()), p.row);
            }
        }
    }
    problems
}

#[cfg(test)]
#[path = "history_csv_tests.rs"]
mod tests;
