//! Workbooks (xlsx, xlsb, xls, ods) read through calamine into plain [`SourceSheet`]s.
//! xlsx and xlsb are read cell by cell, keeping only cells that hold something, so one
//! stray value in row 1,000,000 cannot make a million-row grid in memory.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Data, DataRef, ExcelDateTime, Ods, Reader, Sheets, Xls, XlsError, Xlsb, Xlsx};
use chrono::NaiveDate;

use super::error::ImportError;
use super::source::{Cell, MAX_ROWS, SourceFile, SourceFormat, SourceRow, SourceSheet};

/// Columns beyond this are not part of any 台账 (the export has about 25); cells out there
/// are left out rather than making every row that wide.
pub const MAX_COLUMNS: usize = 256;

type Book<'a> = Sheets<Cursor<&'a [u8]>>;

pub(crate) fn read_workbook(bytes: &[u8], format: SourceFormat) -> Result<SourceFile, ImportError> {
    // calamine is a parser of untrusted files; should it ever panic on a malformed one, the
    // person gets a refusal instead of a crashed window.
    catch_unwind(AssertUnwindSafe(|| read_workbook_inner(bytes, format))).unwrap_or_else(|_| {
        Err(ImportError::Damaged {
            reason: String::new(),
        })
    })
}

fn read_workbook_inner(bytes: &[u8], format: SourceFormat) -> Result<SourceFile, ImportError> {
    let cursor = Cursor::new(bytes);
    let mut book: Book<'_> = match format {
        SourceFormat::Xlsx => Sheets::Xlsx(Xlsx::new(cursor).map_err(|e| damaged(e.into()))?),
        SourceFormat::Xlsb => Sheets::Xlsb(Xlsb::new(cursor).map_err(|e| damaged(e.into()))?),
        SourceFormat::Xls => Sheets::Xls(Xls::new(cursor).map_err(|e| damaged(e.into()))?),
        SourceFormat::Ods => Sheets::Ods(Ods::new(cursor).map_err(|e| damaged(e.into()))?),
        SourceFormat::Csv(_) => {
            return Err(ImportError::Damaged {
                reason: String::new(),
            });
        }
    };
    let names = book.sheet_names();
    if names.is_empty() {
        return Err(ImportError::NoSheets);
    }
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let rows = match &mut book {
            Sheets::Xlsx(x) => stream_xlsx(x, &name)?,
            Sheets::Xlsb(x) => stream_xlsb(x, &name)?,
            other => whole_range(other, &name)?,
        };
        sheets.push(SourceSheet { name, rows });
    }
    Ok(SourceFile { format, sheets })
}

fn stream_xlsx(book: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Vec<SourceRow>, ImportError> {
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| damaged(e.into()))?;
    let mut grid = SparseGrid::default();
    while let Some(cell) = reader.next_cell().map_err(|e| damaged(e.into()))? {
        grid.put(cell.get_position(), cell_of_ref(cell.get_value()))?;
    }
    Ok(grid.into_rows())
}

fn stream_xlsb(book: &mut Xlsb<Cursor<&[u8]>>, name: &str) -> Result<Vec<SourceRow>, ImportError> {
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| damaged(e.into()))?;
    let mut grid = SparseGrid::default();
    while let Some(cell) = reader.next_cell().map_err(|e| damaged(e.into()))? {
        grid.put(cell.get_position(), cell_of_ref(cell.get_value()))?;
    }
    Ok(grid.into_rows())
}

/// xls and ods have no streaming reader; xls is bounded by its format (65,536 rows).
fn whole_range(book: &mut Book<'_>, name: &str) -> Result<Vec<SourceRow>, ImportError> {
    let range = book.worksheet_range(name).map_err(damaged)?;
    let Some((first_row, first_col)) = range.start() else {
        return Ok(Vec::new());
    };
    if range.height() > MAX_ROWS + 1 {
        return Err(ImportError::TooManyRows {
            rows: range.height(),
            limit: MAX_ROWS,
        });
    }
    let mut grid = SparseGrid::default();
    for (i, row) in range.rows().enumerate() {
        for (j, value) in row.iter().enumerate() {
            let at = (first_row + i as u32, first_col + j as u32);
            grid.put(at, cell_of_data(value))?;
        }
    }
    Ok(grid.into_rows())
}

/// Cells keyed by their position, rows in order, only where something is written.
#[derive(Default)]
struct SparseGrid {
    rows: BTreeMap<u32, Vec<(usize, Cell)>>,
}

impl SparseGrid {
    fn put(&mut self, (row, col): (u32, u32), cell: Cell) -> Result<(), ImportError> {
        let col = col as usize;
        if cell.is_blank() || col >= MAX_COLUMNS {
            return Ok(());
        }
        if !self.rows.contains_key(&row) && self.rows.len() > MAX_ROWS {
            return Err(ImportError::TooManyRows {
                rows: self.rows.len() + 1,
                limit: MAX_ROWS,
            });
        }
        self.rows.entry(row).or_default().push((col, cell));
        Ok(())
    }

    fn into_rows(self) -> Vec<SourceRow> {
        self.rows
            .into_iter()
            .map(|(row, cells)| {
                let width = cells.iter().map(|(c, _)| c + 1).max().unwrap_or(0);
                let mut line = vec![Cell::Empty; width];
                for (col, cell) in cells {
                    line[col] = cell;
                }
                SourceRow {
                    number: row + 1,
                    cells: line,
                }
            })
            .collect()
    }
}

fn cell_of_ref(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        other => cell_of_data(&Data::from(other.clone())),
    }
}

fn cell_of_data(value: &Data) -> Cell {
    match value {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Int(*i),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date_of(dt),
        Data::DateTimeIso(s) => iso_date(s).map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// A date-formatted cell; durations (`[h]:mm`) and impossible dates stay numbers.
fn date_of(dt: &ExcelDateTime) -> Cell {
    if dt.is_duration() {
        return Cell::Number(dt.as_f64());
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
        .map_or(Cell::Number(dt.as_f64()), Cell::Date)
}

/// ODS stores dates as ISO 8601 text, with or without a time.
fn iso_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// calamine's errors in the person's terms: a password, a file cut short, or damage.
fn damaged(error: calamine::Error) -> ImportError {
    use calamine::{OdsError, XlsbError, XlsxError};
    match &error {
        calamine::Error::Xls(XlsError::Password) => ImportError::Encrypted,
        calamine::Error::Xlsx(XlsxError::Zip(_))
        | calamine::Error::Xlsb(XlsbError::Zip(_))
        | calamine::Error::Ods(OdsError::Zip(_))
        | calamine::Error::Io(_) => ImportError::Truncated,
        _ => ImportError::Damaged {
            reason: error.to_string(),
        },
    }
}
