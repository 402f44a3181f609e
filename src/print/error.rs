//! What can go wrong while printing; `text::print` words it for the person at the desk.

use thiserror::Error;

/// Each variant says what is wrong; its message (in `text::print`) also says what to do.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum PrintError {
    NotAFont,
    FontMissingGlyphs { sample: String, count: usize },
    BundledFontBroken,
    NothingToPrint,
    Cancelled,
    FolderMissing { folder: String },
    NoPermission { folder: String },
    DiskFull { path: String },
    NotAFilePath { path: String },
    WriteFailed { path: String, reason: String },
}
