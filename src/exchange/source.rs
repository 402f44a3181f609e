//! A spreadsheet as plain cells, whatever file it came from: the import's steps after reading
//! never know whether the bytes were xlsx, xls, ods or a CSV in GBK.

use chrono::NaiveDate;

/// More data rows than this is not a department's 台账 but a mistake (a whole database
/// dump, a sheet filled to the bottom); refused before anything is converted.
pub const MAX_ROWS: usize = 100_000;

/// One cell's value as the file stored it. Numbers stay numbers here so that a mobile saved
/// as a number (13803710001) can be turned back into its exact digits where text is wanted.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Int(i64),
    Number(f64),
    Bool(bool),
    /// A cell the spreadsheet formats as a date (time of day dropped).
    Date(NaiveDate),
    /// An error value such as `#N/A` or `#REF!`.
    Error(String),
}

impl Cell {
    /// Empty, or text that is only spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// One row of a sheet, with its number as the spreadsheet program shows it (1-based; for a
/// CSV, the row Excel opens it in: blank lines count, a quoted line break does not). Cells
/// are indexed from column A.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    pub number: u32,
    pub cells: Vec<Cell>,
}

impl SourceRow {
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceSheet {
    pub name: String,
    /// Only rows that exist in the file; blank rows may be present or missing.
    pub rows: Vec<SourceRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Xlsx,
    Xlsb,
    /// The old binary Excel format (also what WPS 表格 saves as .xls/.et).
    Xls,
    Ods,
    Csv(TextEncoding),
}

/// How a CSV's text was encoded: Excel on a Chinese Windows saves 「CSV（逗号分隔）」 in GBK,
/// 「CSV UTF-8」 with a byte-order mark; other programs write UTF-8 without one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8WithBom,
    Utf16,
    Gbk,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    pub format: SourceFormat,
    pub sheets: Vec<SourceSheet>,
}

/// The spreadsheet's letter for a 0-based column: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(column: usize) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}
