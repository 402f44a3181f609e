//! Spreadsheets in and out of the registry (台账): export to xlsx, import platforms from
//! xlsx/xls/ods/csv. Pure: it reads bytes or one file the caller names and writes one file
//! atomically, but never touches the database. The store (or `ops`) fills the plain rows
//! to export, passes the lookup tables an import needs, and commits the previewed drafts in
//! one transaction.
//!
//! An import is three steps, so the window can show each one:
//! 1. [`read_source`] / [`read_source_bytes`]: the file becomes a [`SourceFile`] of plain
//!    cells, or a refusal saying in Chinese why it is not a usable spreadsheet.
//! 2. [`guess_layout`]: which sheet, which row is the header, what each column means
//!    ([`ColumnMapping`], guessed from Chinese headers; the person may correct it).
//! 3. [`preview`]: every data row as a [`PlatformDraft`](crate::domain::platform::PlatformDraft)
//!    or its errors by row number and column; [`ImportPreview::into_drafts`] is the
//!    all-or-nothing gate before the store writes anything.

mod cells;
mod csv_file;
mod error;
mod export;
mod import;
mod mapping;
mod people;
mod read;
mod sheets;
mod sniff;
mod source;
mod width;
mod write;

pub use cells::CellProblem;
pub use error::{ExportError, ImportError, LooksLike, RowError, RowReport};
pub use export::{
    ChangeSheetRow, FilingSheetRow, NoticeSheetRow, NoticeStep, PlatformSheetRow, RegistryWorkbook,
    export_xlsx, export_xlsx_to,
};
pub use import::{
    ExistingAccounts, ImportContext, ImportPreview, ImportedRow, PreviewRow, RowOutcome,
    existing_key, import_file, preview,
};
pub use mapping::{ColumnMapping, ColumnRole, Layout, MappedColumn, guess_layout, layout_for};
pub use read::{MAX_FILE_BYTES, read_source};
pub use sniff::read_source_bytes;
pub use source::{
    Cell, MAX_ROWS, SourceFile, SourceFormat, SourceRow, SourceSheet, TextEncoding, column_letter,
};
