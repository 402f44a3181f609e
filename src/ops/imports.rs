//! Data a person brings in: a year of the holiday calendar (第四条一 counts working days), and
//! the screening word lists (第六条五) word by word or from a text file. Each is refused as a
//! whole, with the line and the reason, leaving what was there.

use std::path::Path;

use super::OpsError;
use super::files::{read_text, shown_name};
use crate::domain::calendar::{YearSchedule, parse_year_file};
use crate::domain::screening::{Category, ImportReport, Severity};
use crate::store::Store;
use crate::text::ops as text;

/// Imports the years of a holiday file (this program's format or holiday-cn's); returns them.
pub fn import_calendar_file(store: &mut Store, path: &Path) -> Result<Vec<i32>, OpsError> {
    let text = read_text(path)?;
    import_calendar_text(store, &text)
}

/// Imports the years of a holiday file's text.
pub fn import_calendar_text(store: &mut Store, text: &str) -> Result<Vec<i32>, OpsError> {
    let years: Vec<YearSchedule> = parse_year_file(text)?;
    store.import_calendar_years(&years)?;
    Ok(years.iter().map(|y| y.year).collect())
}

/// Saves one year built in the window's month grids, the same way an imported file's year
/// is stored (validated against the calendar, recorded in the audit chain); returns it.
pub fn save_calendar_year(store: &mut Store, schedule: YearSchedule) -> Result<Vec<i32>, OpsError> {
    let year = schedule.year;
    store.import_calendar_years(&[schedule])?;
    Ok(vec![year])
}

/// A word list by name: one of 第六条五's categories (and the internal-information markers),
/// or the allow list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordList {
    Category(Category),
    Allow,
}

/// Adds a word; `Ok(false)` when it was there already.
pub fn add_word(
    store: &mut Store,
    list: WordList,
    word: &str,
    severity: Severity,
    reason: &str,
) -> Result<bool, OpsError> {
    let summary = text::word_added(word.trim(), reason);
    let mut problem = None;
    let added = match list {
        WordList::Allow => store.edit_allow_list(&summary, |l| {
            Ok(l.add(word).unwrap_or_else(|e| {
                problem = Some(e);
                false
            }))
        })?,
        WordList::Category(c) => store.edit_word_list(c, &summary, |l| {
            Ok(l.add(word, severity).unwrap_or_else(|e| {
                problem = Some(e);
                false
            }))
        })?,
    };
    match problem {
        Some(e) => Err(e.into()),
        None => Ok(added),
    }
}

/// Removes a word; refused when it is not in the list.
pub fn remove_word(
    store: &mut Store,
    list: WordList,
    word: &str,
    reason: &str,
) -> Result<(), OpsError> {
    let summary = text::word_removed(word.trim(), reason);
    let removed = match list {
        WordList::Allow => store.edit_allow_list(&summary, |l| Ok(l.remove(word)))?,
        WordList::Category(c) => store.edit_word_list(c, &summary, |l| Ok(l.remove(word)))?,
    };
    if removed {
        Ok(())
    } else {
        Err(OpsError::WordNotInList(word.trim().to_owned()))
    }
}

/// Imports a text file of words, one per line (`#` starts a comment).
pub fn import_words_file(
    store: &mut Store,
    list: WordList,
    path: &Path,
    severity: Severity,
    reason: &str,
) -> Result<ImportReport, OpsError> {
    let content = read_text(path)?;
    let summary = text::words_imported(&shown_name(path), reason);
    Ok(match list {
        WordList::Allow => store.edit_allow_list(&summary, |l| Ok(l.import(&content)))?,
        WordList::Category(c) => {
            store.edit_word_list(c, &summary, |l| Ok(l.import(&content, severity)))?
        }
    })
}

/// The list as text, one word per line, as [`import_words_file`] reads it.
pub fn export_words(store: &Store, list: WordList) -> Result<String, OpsError> {
    Ok(match list {
        WordList::Allow => store.allow_list()?.0.export(),
        WordList::Category(c) => store.word_list(c)?.0.export(),
    })
}
