//! What can go wrong in and out of a spreadsheet. Each variant carries what the message
//! needs (the row, the column, the reason); the Chinese wording is in
//! `crate::text::exchange`, which implements `Display` for all of them.

use thiserror::Error;

use super::mapping::ColumnRole;

/// Why a file cannot be imported at all, or why an import as a whole is refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    NotFound {
        path: String,
    },
    NoPermission {
        path: String,
    },
    Unreadable {
        path: String,
        reason: String,
    },
    IsAFolder {
        path: String,
    },
    /// A FIFO, a device or a socket: reading it could block or never end.
    NotARegularFile {
        path: String,
    },
    TooLarge {
        size: u64,
        limit: u64,
    },
    Empty,
    /// Not a spreadsheet at all; `looks_like` names what it seems to be instead.
    NotASpreadsheet {
        looks_like: LooksLike,
    },
    /// A password-protected workbook: Office keeps it as an encrypted package inside an OLE
    /// compound file, and its cells cannot be read without the password.
    Encrypted,
    /// The file ends early (a download or a copy that did not finish).
    Truncated,
    /// The spreadsheet's insides are damaged; `reason` is the reader's own words.
    Damaged {
        reason: String,
    },
    /// A CSV that is neither UTF-8 nor GBK text.
    UnknownTextEncoding,
    CsvMalformed {
        line: u64,
        reason: String,
    },
    NoSheets,
    NoSuchSheet {
        index: usize,
    },
    TooManyRows {
        rows: usize,
        limit: usize,
    },
    /// No row in the first rows of any sheet reads like a 台账 header.
    NoHeader,
    /// The mapping lacks columns every platform needs; `header_row` is where the header is.
    MissingColumns {
        missing: Vec<ColumnRole>,
        header_row: u32,
    },
    /// Two columns were given the same meaning.
    ColumnTwice {
        role: ColumnRole,
        first: usize,
        second: usize,
    },
    NoDataRows {
        header_row: u32,
    },
    /// All-or-nothing: some rows have errors, so nothing is imported. `first` lists the
    /// first few rows with their errors, in file order.
    RowsInvalid {
        invalid_rows: usize,
        first: Vec<RowReport>,
    },
}

/// What a file that is not a spreadsheet seems to be, so the message can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LooksLike {
    Pdf,
    Image,
    Word,
    Presentation,
    /// An OpenDocument file that is not a spreadsheet (text, presentation).
    OtherOpenDocument,
    /// A zip archive that holds no workbook.
    OtherZip,
    /// An old binary Office file (doc/ppt) with no workbook inside.
    OtherOldOffice,
    /// rar, 7z, gzip.
    Archive,
    /// Binary data of no known kind.
    Unknown,
}

/// One problem of one row: which column of the file (when one column feeds the field),
/// what it is about, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 0-based column of the file (A = 0).
    pub column: Option<usize>,
    /// The column's header as the file has it, or the form field's name.
    pub label: String,
    pub message: String,
}

/// A row's problems, with the row number as the spreadsheet program shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowReport {
    pub row: u32,
    pub errors: Vec<RowError>,
}

/// Why an export could not be written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExportError {
    /// The workbook could not be built (for example a cell longer than Excel allows).
    Workbook {
        reason: String,
    },
    FolderMissing {
        folder: String,
    },
    NoPermission {
        folder: String,
    },
    DiskFull {
        path: String,
    },
    NotAFilePath {
        path: String,
    },
    WriteFailed {
        path: String,
        reason: String,
    },
}
