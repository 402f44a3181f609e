//! Printing and recording filing forms (第四条一): one platform's form (初次备案 or 年审), or
//! the annual review of a unit or of the whole school. The steps are split so the window can
//! render off its thread: [`prepare`] reads and checks (before a page is laid out, so a person
//! without the right learns it at once), [`render_to_file`] needs no store, [`record_printed`]
//! writes the records and removes the PDF again if it cannot — no file without its record.
//! [`print_filing_forms`] runs all three for the command line.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::OpsError;
use super::documents::{forms_for, print_settings};
use super::files::remove_quietly;
use crate::domain::filing::{FilingKind, FilingStep, may_print_filing};
use crate::domain::permissions::{Permission, Target};
use crate::print::{
    FilingFormData, FormSettings, missing_fields, render_filing_forms, unprintable_chars,
};
use crate::store::{Rejection, Store, StoreError};

/// Forms read and checked, ready to render.
pub struct PreparedForms {
    pub platform_ids: Vec<i64>,
    pub kind: FilingKind,
    pub forms: Vec<FilingFormData>,
    pub settings: FormSettings,
}

impl PreparedForms {
    /// Pages the PDF will have (one per copy per form, before continuation pages).
    pub fn pages(&self) -> usize {
        self.forms.len() * self.settings.copy_marks.len().max(1)
    }

    /// Each form with blank cells: (account name, the missing fields), for a warning before
    /// printing (the blanks are filled in by hand).
    pub fn blanks(&self) -> Vec<(String, Vec<&'static str>)> {
        self.forms
            .iter()
            .filter_map(|f| {
                let missing = missing_fields(f);
                (!missing.is_empty()).then(|| {
                    (
                        f.account_name.lines().next().unwrap_or_default().to_owned(),
                        missing,
                    )
                })
            })
            .collect()
    }

    /// Characters of the forms' values the print font has no glyph for (they print as empty
    /// boxes: a Korean name in the bundled face, say), each once, for a warning before
    /// printing; the print itself goes ahead.
    pub fn unprintable(&self) -> Vec<char> {
        // A font that cannot be read says so when the forms render.
        unprintable_chars(&self.forms, &self.settings).unwrap_or_default()
    }
}

/// What a print warns of before it goes ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintWarning<'a> {
    /// The form of `account` has these cells blank (filled in by hand).
    Blanks {
        account: &'a str,
        fields: &'a [&'static str],
    },
    /// These characters print as empty boxes: the print font lacks them.
    Unprintable(&'a [char]),
}

/// Reads the forms of `platform_ids` and checks that every one may be printed now by the
/// signed-in person (the store checks again when it records them).
pub fn prepare(
    store: &Store,
    platform_ids: &[i64],
    kind: FilingKind,
) -> Result<PreparedForms, OpsError> {
    if platform_ids.is_empty() {
        return Err(OpsError::NothingToPrint);
    }
    for &id in platform_ids {
        let p = store.platform(id)?;
        store.check(Permission::PrintFiling, Target::Unit(p.draft.unit_id))?;
        may_print_filing(p.status).map_err(|why| {
            StoreError::from(Rejection::PlatformCannotBeFiled {
                name: p.draft.name.clone(),
                why,
            })
        })?;
    }
    Ok(PreparedForms {
        platform_ids: platform_ids.to_vec(),
        kind,
        forms: forms_for(store, platform_ids)?,
        settings: print_settings(store)?,
    })
}

/// The platforms of an annual review: every running platform of `unit`, or of the school.
pub fn annual_review_ids(store: &Store, unit: Option<i64>) -> Result<Vec<i64>, OpsError> {
    if let Some(id) = unit {
        store.unit(id)?;
    }
    let ids = store.active_platform_ids(unit)?;
    if ids.is_empty() {
        return Err(OpsError::NothingToPrint);
    }
    Ok(ids)
}

/// Lays the forms out and writes the PDF atomically. `progress(done, total)` returns false to
/// cancel. Needs no store, so it can run on another thread.
pub fn render_to_file(
    prepared: &PreparedForms,
    out: &Path,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<(), OpsError> {
    let bytes = render_filing_forms(&prepared.forms, &prepared.settings, progress)?;
    crate::print::write_pdf_atomically(out, &bytes)?;
    Ok(())
}

/// Records the printed forms as 待签章; if that is refused, the PDF at `out` is removed.
pub fn record_printed(
    store: &mut Store,
    platform_ids: &[i64],
    kind: FilingKind,
    out: &Path,
    today: NaiveDate,
) -> Result<Vec<i64>, OpsError> {
    store
        .record_filings(platform_ids, kind, today)
        .map_err(|e| {
            remove_quietly(out);
            e.into()
        })
}

/// What a finished print produced.
#[derive(Debug)]
pub struct Printed {
    pub path: PathBuf,
    pub platforms: usize,
    pub pages: usize,
    pub filing_ids: Vec<i64>,
}

/// Prints and records the forms of `platform_ids` into `out` (a `.pdf` is added when the name
/// has no extension). `warn` hears of cells that will print blank and of characters that
/// will print as boxes.
pub fn print_filing_forms(
    store: &mut Store,
    platform_ids: &[i64],
    kind: FilingKind,
    out: &Path,
    today: NaiveDate,
    warn: &mut dyn FnMut(PrintWarning<'_>),
) -> Result<Printed, OpsError> {
    let prepared = prepare(store, platform_ids, kind)?;
    for (account, fields) in prepared.blanks() {
        warn(PrintWarning::Blanks {
            account: &account,
            fields: &fields,
        });
    }
    let unprintable = prepared.unprintable();
    if !unprintable.is_empty() {
        warn(PrintWarning::Unprintable(&unprintable));
    }
    let out = with_pdf_extension(out);
    render_to_file(&prepared, &out, &mut |_, _| true)?;
    let filing_ids = record_printed(store, platform_ids, kind, &out, today)?;
    Ok(Printed {
        path: out,
        platforms: platform_ids.len(),
        pages: prepared.pages(),
        filing_ids,
    })
}

/// `name` → `name.pdf` when it has no extension.
pub fn with_pdf_extension(path: &Path) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension("pdf")
    } else {
        path.to_path_buf()
    }
}

/// 报送 (the unit) or 归档 (the news center) of a filing record.
pub fn apply_step(
    store: &mut Store,
    filing_id: i64,
    version: i64,
    step: &FilingStep,
    today: NaiveDate,
) -> Result<(), OpsError> {
    Ok(store.apply_filing_step(filing_id, version, step, today)?)
}
