//! What a use case can run into: the store's refusals, printing's, and the files a person
//! hands in or saves. Wording in `text::ops`.

use std::path::PathBuf;

use crate::print::PrintError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    Store(#[from] StoreError),
    Print(#[from] PrintError),
    /// A file could not be read: missing, not a regular file (a folder, a device, a pipe),
    /// larger than MediaDesk reads of its kind, or text that is not UTF-8.
    Read(#[from] crate::files::ReadError),
    /// A file could not be written.
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The custom font in the settings cannot be read or used any more.
    CustomFont {
        path: PathBuf,
        problem: String,
    },
    /// An annual review with no running platform.
    NothingToPrint,
    /// A platform that still runs has no closure report or shutdown notice.
    StillRunning {
        platform: String,
    },
    /// A holiday file refused, with its line.
    Calendar(#[from] crate::domain::calendar::CalendarFileError),
    /// A word that cannot go into a list.
    Word(#[from] crate::domain::screening::ScreeningError),
    /// The word to remove is not in the list.
    WordNotInList(String),
    /// Background work stopped before it could answer.
    Interrupted,
}
