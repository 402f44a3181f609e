//! The 台账 in and out of Excel, and the desk's backups, as the window and the command line
//! start them: the workbook filled from the store (optionally one unit's), an import
//! previewed against the store's units, kinds and accounts and then committed in one
//! transaction, and backups in the data folder or a folder the person picks.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::lifecycle::EventKind;
use crate::domain::registry::{RegistryRow, registry_clock};
use crate::domain::supervision::NoticeKind;
use crate::exchange::{
    ChangeSheetRow, ExistingAccounts, ExportError, FilingSheetRow, ImportContext, ImportError,
    ImportPreview, Layout, NoticeSheetRow, NoticeStep, PlatformSheetRow, RegistryWorkbook,
    SourceFile, existing_key, export_xlsx_to, import_file, preview,
};
use crate::store::{BackupError, BulkRefusal, Store, StoreError};

/// How many automatic backups stay in their folder.
pub const KEEP_BACKUPS: usize = 30;

/// Why an export or an import stopped. Wording in `crate::text::backup`.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    Store(#[from] StoreError),
    Import(#[from] ImportError),
    Export(#[from] ExportError),
    Backup(#[from] BackupError),
    /// The store refused one row at commit (its unit's right, or an account registered since
    /// the preview); nothing was written. `row` is the spreadsheet's row number.
    Commit {
        row: u32,
        #[source]
        error: StoreError,
    },
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exported {
    pub platforms: usize,
    pub filings: usize,
    pub changes: usize,
    pub notices: usize,
}

/// The registry (every unit's, or `unit`'s) as a workbook.
pub fn registry_workbook(
    store: &Store,
    unit: Option<i64>,
    today: NaiveDate,
) -> Result<RegistryWorkbook, StoreError> {
    if let Some(id) = unit {
        store.unit(id)?;
    }
    let calendar = store.work_calendar()?;
    let rows: Vec<_> = store
        .registry_rows(|s, c| registry_clock(&calendar, s, c, today))?
        .into_iter()
        .filter(|r| unit.is_none_or(|u| r.unit_id == u))
        .collect();
    workbook_of(store, &rows)
}

/// The workbook of exactly these platforms, in this order: the registry page exports what
/// it shows (its unit, kind and status filters and its search), and nothing else.
pub fn rows_workbook(
    store: &Store,
    platform_ids: &[i64],
    today: NaiveDate,
) -> Result<RegistryWorkbook, StoreError> {
    let calendar = store.work_calendar()?;
    let mut by_id: HashMap<i64, RegistryRow> = store
        .registry_rows(|s, c| registry_clock(&calendar, s, c, today))?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let rows: Vec<RegistryRow> = platform_ids
        .iter()
        .filter_map(|id| by_id.remove(id))
        .collect();
    workbook_of(store, &rows)
}

/// The platforms of `rows` with their filings, changes, endings and notices.
fn workbook_of(store: &Store, rows: &[RegistryRow]) -> Result<RegistryWorkbook, StoreError> {
    let mut drafts: HashMap<i64, _> = store
        .platforms()?
        .into_iter()
        .map(|p| (p.id, p.draft))
        .collect();
    let mut book = RegistryWorkbook::default();
    for row in rows {
        let Some(draft) = drafts.remove(&row.id) else {
            continue;
        };
        book.platforms
            .push(PlatformSheetRow::from_registry(row, draft));
        for change in store.platform_changes(row.id)? {
            book.changes.push(ChangeSheetRow {
                unit_name: row.unit_name.clone(),
                kind_name: row.kind_name.clone(),
                platform_name: row.name.clone(),
                on: change.changed_on,
                event: EventKind::Changed,
                changes: change.fields,
                note: change.reason,
            });
        }
        for event in store.platform_history(row.id)? {
            if matches!(event.kind, EventKind::Closed | EventKind::ShutDown) {
                book.changes.push(ChangeSheetRow {
                    unit_name: row.unit_name.clone(),
                    kind_name: row.kind_name.clone(),
                    platform_name: row.name.clone(),
                    on: event.occurred_on,
                    event: event.kind,
                    changes: Vec::new(),
                    note: event.summary,
                });
            }
        }
        for notice in store.platform_notices(row.id)? {
            book.notices.push(NoticeSheetRow {
                unit_name: row.unit_name.clone(),
                kind_name: row.kind_name.clone(),
                platform_name: row.name.clone(),
                step: match notice.kind {
                    NoticeKind::Rectification => NoticeStep::Rectification,
                    NoticeKind::PublicNotice => NoticeStep::PublicNotice,
                    NoticeKind::ShutdownDecision => NoticeStep::ShutdownDecision,
                },
                issued_on: notice.issued_on,
                document_no: notice.document_no,
                last_post_on: None,
                respond_by: None,
                note: notice.issued_by,
            });
        }
    }
    book.changes.sort_by_key(|c| c.on);
    book.notices.sort_by_key(|n| n.issued_on);
    let shown: std::collections::HashSet<i64> = rows.iter().map(|r| r.id).collect();
    book.filings = store
        .filings()?
        .into_iter()
        .filter(|f| shown.contains(&f.filing.platform_id))
        .map(|f| FilingSheetRow {
            unit_name: f.unit_name,
            kind_name: f.kind_name,
            platform_name: f.platform_name,
            account: f.account,
            filing: f.filing,
        })
        .collect();
    Ok(book)
}

/// Writes the registry (every unit's, or `unit`'s) to `path` as xlsx, replacing a file
/// there only once the new one is complete.
pub fn export_registry(
    store: &Store,
    unit: Option<i64>,
    path: &Path,
    today: NaiveDate,
) -> Result<Exported, ExchangeError> {
    write_workbook(&registry_workbook(store, unit, today)?, path)
}

/// Writes exactly the platforms `platform_ids` (as the registry page shows them, in its
/// order) with their filings, changes and notices to `path` as xlsx.
pub fn export_rows(
    store: &Store,
    platform_ids: &[i64],
    path: &Path,
    today: NaiveDate,
) -> Result<Exported, ExchangeError> {
    write_workbook(&rows_workbook(store, platform_ids, today)?, path)
}

/// Writes a workbook already filled from the store (the window does this on a worker
/// thread: the store is read on its own thread first).
pub fn write_workbook(book: &RegistryWorkbook, path: &Path) -> Result<Exported, ExchangeError> {
    export_xlsx_to(book, path)?;
    Ok(Exported {
        platforms: book.platforms.len(),
        filings: book.filings.len(),
        changes: book.changes.len(),
        notices: book.notices.len(),
    })
}

/// Reads the spreadsheet at `path` (bounded; xlsx, xls, xlsb, ods, csv in UTF-8 or GBK),
/// guesses its columns and checks every row against the store: units and kinds by name, the
/// school's names, accounts already registered.
pub fn preview_import(
    store: &Store,
    path: &Path,
    today: NaiveDate,
) -> Result<ImportPreview, ExchangeError> {
    let checks = ImportChecks::of(store)?;
    Ok(import_file(path, &checks.context(today))?)
}

/// What an import checks rows against (units and kinds by name, the school's names, the
/// accounts already registered), read once from the store. It owns its data, so the window
/// can check a 10,000-row sheet on a worker thread, and again after each change of mapping.
pub struct ImportChecks {
    units: Vec<crate::domain::unit::Unit>,
    kinds: Vec<crate::domain::platform::PlatformKind>,
    school_names: Vec<String>,
    existing: ExistingAccounts,
}

impl ImportChecks {
    pub fn of(store: &Store) -> Result<Self, StoreError> {
        Ok(Self {
            units: store.units()?,
            kinds: store.platform_kinds()?,
            school_names: store.settings()?.protected_names,
            existing: store
                .platforms()?
                .into_iter()
                .map(|p| {
                    (
                        existing_key(p.draft.kind_id, &p.draft.account),
                        (p.id, p.draft.name),
                    )
                })
                .collect(),
        })
    }

    /// Whether a sheet without a unit column can be imported: with one unit only, its rows
    /// are that unit's (the mapping step then does not ask for the column).
    pub fn unit_given(&self) -> bool {
        self.units.len() == 1
    }

    /// The units by id and name (the preview names each row's unit).
    pub fn units(&self) -> &[crate::domain::unit::Unit] {
        &self.units
    }

    /// The preview of a file already read, with the columns as the person mapped them (the
    /// window's mapping step): the same checks as [`preview_import`].
    pub fn preview(
        &self,
        file: &SourceFile,
        layout: &Layout,
        today: NaiveDate,
    ) -> Result<ImportPreview, ExchangeError> {
        Ok(preview(file, layout, &self.context(today))?)
    }

    fn context(&self, today: NaiveDate) -> ImportContext<'_> {
        ImportContext {
            today,
            units: &self.units,
            kinds: &self.kinds,
            school_names: &self.school_names,
            existing: &self.existing,
            // With one unit only, a sheet without a unit column is that unit's.
            default_unit_id: self
                .units
                .first()
                .filter(|_| self.unit_given())
                .map(|u| u.id),
        }
    }
}

/// All or nothing: refused (nothing written) when any row has errors; otherwise every
/// platform is added in one transaction. The number added.
pub fn commit_import(
    store: &mut Store,
    preview: ImportPreview,
    today: NaiveDate,
) -> Result<usize, ExchangeError> {
    let rows = preview.into_drafts()?;
    let drafts: Vec<_> = rows.iter().map(|r| r.draft.clone()).collect();
    let ids = store
        .add_platforms(&drafts, today)
        .map_err(|BulkRefusal { index, error }| ExchangeError::Commit {
            row: rows.get(index).map_or(0, |r| r.row),
            error,
        })?;
    Ok(ids.len())
}

/// A backup now: to `out` when given, else into the automatic folder beside the database
/// (rolling, [`KEEP_BACKUPS`] kept). Where it went.
pub fn back_up(store: &Store, out: Option<&Path>) -> Result<PathBuf, ExchangeError> {
    match out {
        Some(path) => {
            store.backup_file(path)?;
            Ok(path.to_path_buf())
        }
        None => Ok(store.automatic_backup(None, KEEP_BACKUPS)?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rows_shown_are_exported_in_their_order_with_only_their_filings() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let mut store = Store::open_in_memory().unwrap();
        store.load_demo(today).unwrap();
        let platforms = store.platforms().unwrap();
        let name_of = |id: i64| {
            platforms
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.draft.name.clone())
                .unwrap()
        };
        let ids: Vec<i64> = platforms.iter().rev().take(3).map(|p| p.id).collect();
        let book = rows_workbook(&store, &ids, today).unwrap();
        let names: Vec<String> = book
            .platforms
            .iter()
            .map(|p| p.draft.name.clone())
            .collect();
        assert_eq!(names, ids.iter().map(|&id| name_of(id)).collect::<Vec<_>>());
        assert!(
            book.filings
                .iter()
                .all(|f| ids.contains(&f.filing.platform_id))
        );
        // Every row shown: the whole registry, as `registry_workbook` gives it.
        let all: Vec<i64> = platforms.iter().map(|p| p.id).collect();
        let whole = registry_workbook(&store, None, today).unwrap();
        let every = rows_workbook(&store, &all, today).unwrap();
        assert_eq!(every.filings, whole.filings);
        assert_eq!(every.platforms.len(), whole.platforms.len());
        assert!(!whole.filings.is_empty());
    }
}
