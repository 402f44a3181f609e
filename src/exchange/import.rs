//! Rows of a spreadsheet turned into platform drafts, each checked by the same
//! `validate_platform` the dialog uses, plus what only an import can get wrong: unit and
//! platform names that do not exist, cells that are not dates, the same account twice in
//! the file. The result is a preview; nothing is written unless every row is clean.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;

use super::cells::{CellProblem, date_of, digits_text, fold_width, mobile_of, text_of, yes_no_of};
use super::error::{ImportError, RowError, RowReport};
use super::mapping::{ColumnMapping, ColumnRole, Layout, guess_layout};
use super::people::{parse_people, parse_person};
use super::read::read_source;
use super::source::{Cell, SourceFile, SourceRow};
use crate::domain::platform::{
    AccountType, Administrator, Maintenance, PlatformDraft, PlatformKind,
};
use crate::domain::unit::Unit;
use crate::domain::validation::{
    Field, FieldError, ValidationContext, normalize_account, validate_platform,
};
use crate::text::exchange as words;

/// Platforms already in the database, keyed by [`existing_key`], with their id and name so
/// the message can name the one already registered.
pub type ExistingAccounts = HashMap<(i64, String), (i64, String)>;

/// The duplicate key of an account: its platform kind and the normalised account (the same
/// normalisation the dialog's duplicate check uses).
pub fn existing_key(kind_id: i64, account: &str) -> (i64, String) {
    (kind_id, normalize_account(account))
}

/// What the database knows that an import needs.
pub struct ImportContext<'a> {
    pub today: NaiveDate,
    /// Units by name: the file names units, drafts carry their ids.
    pub units: &'a [Unit],
    pub kinds: &'a [PlatformKind],
    /// The school's names (第三条), from the settings.
    pub school_names: &'a [String],
    pub existing: &'a ExistingAccounts,
    /// The unit for rows whose unit column is missing or empty (a sheet of one's own unit).
    pub default_unit_id: Option<i64>,
}

/// Every data row of the chosen sheet, converted or with its errors.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub sheet_name: String,
    pub header_row: u32,
    pub rows: Vec<PreviewRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    /// The row number as the spreadsheet program shows it.
    pub row: u32,
    pub outcome: RowOutcome,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowOutcome {
    Ready(Box<PlatformDraft>),
    Invalid(Vec<RowError>),
    /// A note under the table (「注：…」) or a repeated header: shown, not imported.
    Skipped,
}

/// A draft ready for the store, with the row it came from for its messages.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedRow {
    pub row: u32,
    pub draft: PlatformDraft,
}

impl ImportPreview {
    pub fn ready_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r.outcome, RowOutcome::Ready(_)))
            .count()
    }

    pub fn invalid_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r.outcome, RowOutcome::Invalid(_)))
            .count()
    }

    pub fn skipped_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.outcome == RowOutcome::Skipped)
            .count()
    }

    /// The rows with errors, in file order.
    pub fn reports(&self) -> Vec<RowReport> {
        self.rows
            .iter()
            .filter_map(|r| match &r.outcome {
                RowOutcome::Invalid(errors) => Some(RowReport {
                    row: r.row,
                    errors: errors.clone(),
                }),
                _ => None,
            })
            .collect()
    }

    /// All-or-nothing: every draft when every row is clean, otherwise the refusal naming the
    /// first rows with errors (the store then writes nothing).
    pub fn into_drafts(self) -> Result<Vec<ImportedRow>, ImportError> {
        const SHOWN: usize = 20;
        let invalid_rows = self.invalid_count();
        if invalid_rows > 0 {
            let mut first = self.reports();
            first.truncate(SHOWN);
            return Err(ImportError::RowsInvalid {
                invalid_rows,
                first,
            });
        }
        let drafts: Vec<ImportedRow> = self
            .rows
            .into_iter()
            .filter_map(|r| match r.outcome {
                RowOutcome::Ready(draft) => Some(ImportedRow {
                    row: r.row,
                    draft: *draft,
                }),
                _ => None,
            })
            .collect();
        if drafts.is_empty() {
            return Err(ImportError::NoDataRows {
                header_row: self.header_row,
            });
        }
        Ok(drafts)
    }
}

/// Reads `path`, guesses its layout and previews it: what `mediadesk import` does in one go.
pub fn import_file(path: &Path, ctx: &ImportContext<'_>) -> Result<ImportPreview, ImportError> {
    let file = read_source(path)?;
    let layout = guess_layout(&file)?;
    preview(&file, &layout, ctx)
}

/// Converts and validates every data row under the header, as `layout` maps the columns.
pub fn preview(
    file: &SourceFile,
    layout: &Layout,
    ctx: &ImportContext<'_>,
) -> Result<ImportPreview, ImportError> {
    let sheet = file
        .sheets
        .get(layout.sheet)
        .ok_or(ImportError::NoSuchSheet {
            index: layout.sheet,
        })?;
    layout
        .mapping
        .check(ctx.default_unit_id.is_some(), layout.header_row)?;
    let columns = Columns::of(&layout.mapping);
    let lookups = Lookups::new(ctx);
    let header = sheet.rows.get(layout.header_index);
    let mut seen: HashMap<(i64, String), u32> = HashMap::new();
    let mut rows = Vec::new();
    for row in sheet.rows.iter().skip(layout.header_index + 1) {
        if row.is_blank() {
            continue;
        }
        let filled = row.cells.iter().filter(|c| !c.is_blank()).count();
        if filled <= 1 || header.is_some_and(|h| h.cells == row.cells) {
            rows.push(PreviewRow {
                row: row.number,
                outcome: RowOutcome::Skipped,
            });
            continue;
        }
        let outcome = RowConversion::new(row, &columns, &lookups, ctx).finish(&mut seen);
        rows.push(PreviewRow {
            row: row.number,
            outcome,
        });
    }
    if rows.iter().all(|r| r.outcome == RowOutcome::Skipped) {
        return Err(ImportError::NoDataRows {
            header_row: layout.header_row,
        });
    }
    Ok(ImportPreview {
        sheet_name: sheet.name.clone(),
        header_row: layout.header_row,
        rows,
    })
}

/// A column of the file and its header.
type Source = (usize, String);

/// The name and the mobile column of one administrator slot.
type AdminSlot = (Option<Source>, Option<Source>);

/// The mapping turned around: for each meaning, its column and header.
struct Columns {
    single: HashMap<ColumnRole, Source>,
    admin_slots: Vec<AdminSlot>,
    combined: Vec<Source>,
}

impl Columns {
    fn of(mapping: &ColumnMapping) -> Self {
        let mut single = HashMap::new();
        let mut admin_slots = vec![(None, None); usize::from(ColumnRole::ADMIN_SLOTS)];
        let mut combined = Vec::new();
        for c in &mapping.columns {
            let entry = (c.column, c.header.clone());
            match c.role {
                ColumnRole::Ignore => {}
                ColumnRole::Administrators => combined.push(entry),
                ColumnRole::AdminName(slot) => {
                    if let Some(s) = admin_slots.get_mut(usize::from(slot)) {
                        s.0 = Some(entry);
                    }
                }
                ColumnRole::AdminMobile(slot) => {
                    if let Some(s) = admin_slots.get_mut(usize::from(slot)) {
                        s.1 = Some(entry);
                    }
                }
                role => {
                    single.entry(role).or_insert(entry);
                }
            }
        }
        Self {
            single,
            admin_slots,
            combined,
        }
    }
}

/// Names people write, matched to ids: whitespace and bracket width do not matter.
struct Lookups<'a> {
    units: HashMap<String, i64>,
    kinds: HashMap<String, &'a PlatformKind>,
}

fn lookup_key(name: &str) -> String {
    name.chars()
        .map(|c| fold_width(c).to_ascii_lowercase())
        .filter(|c| !c.is_whitespace())
        .collect()
}

impl<'a> Lookups<'a> {
    fn new(ctx: &ImportContext<'a>) -> Self {
        let units = ctx
            .units
            .iter()
            .map(|u| (lookup_key(&u.name), u.id))
            .collect();
        let mut kinds: HashMap<String, &PlatformKind> =
            ctx.kinds.iter().map(|k| (lookup_key(&k.name), k)).collect();
        for (alias, canonical) in words::KIND_ALIASES {
            if let Some(kind) = kinds.get(&lookup_key(canonical)).copied() {
                kinds.entry(lookup_key(alias)).or_insert(kind);
            }
        }
        Self { units, kinds }
    }

    /// The one unit whose name contains what was written or is contained in it, to suggest.
    fn unit_suggestion(&self, ctx: &ImportContext<'_>, written: &str) -> Option<String> {
        let key = lookup_key(written);
        let mut close = ctx.units.iter().filter(|u| {
            let name = lookup_key(&u.name);
            name.contains(&key) || key.contains(&name)
        });
        match (close.next(), close.next()) {
            (Some(u), None) => Some(u.name.clone()),
            _ => None,
        }
    }
}

struct RowConversion<'a> {
    row: &'a SourceRow,
    columns: &'a Columns,
    ctx: &'a ImportContext<'a>,
    errors: Vec<RowError>,
    /// Fields whose cell could not be read, so validation does not repeat the complaint.
    failed: HashSet<Field>,
    /// The file column each administrator of the draft came from, by index.
    admin_columns: Vec<Option<usize>>,
    draft: PlatformDraft,
    unit_known: bool,
}

impl<'a> RowConversion<'a> {
    fn new(
        row: &'a SourceRow,
        columns: &'a Columns,
        lookups: &Lookups<'_>,
        ctx: &'a ImportContext<'a>,
    ) -> Self {
        let mut this = Self {
            row,
            columns,
            ctx,
            errors: Vec::new(),
            failed: HashSet::new(),
            admin_columns: Vec::new(),
            draft: empty_draft(),
            unit_known: false,
        };
        this.read_unit(lookups);
        this.read_kind(lookups);
        this.draft.name = this.text(ColumnRole::Name, Some(Field::Name));
        this.draft.account = this
            .read(ColumnRole::Account, Some(Field::Account), digits_text)
            .unwrap_or_default();
        this.read_account_type();
        this.draft.verified = this
            .read(ColumnRole::Verified, Some(Field::VerifiedUntil), yes_no_of)
            .unwrap_or(false);
        this.draft.verified_until = this
            .read(
                ColumnRole::VerifiedUntil,
                Some(Field::VerifiedUntil),
                date_of,
            )
            .flatten();
        this.draft.content_scope = this.text(ColumnRole::ContentScope, Some(Field::ContentScope));
        this.read_created_on();
        this.draft.responsible_person = this.text(
            ColumnRole::ResponsiblePerson,
            Some(Field::ResponsiblePerson),
        );
        this.draft.contact_mobile = this
            .read(
                ColumnRole::ContactMobile,
                Some(Field::ContactMobile),
                mobile_of,
            )
            .unwrap_or_default();
        this.read_administrators();
        this.read_maintenance();
        this.draft.approval_ref = this.text(ColumnRole::ApprovalRef, Some(Field::ApprovalRef));
        this.draft.notes = this.text(ColumnRole::Notes, None);
        this.draft.last_post_on = this
            .read(ColumnRole::LastPostOn, Some(Field::LastPostOn), date_of)
            .flatten();
        this.draft.intranet_only = this
            .read(ColumnRole::IntranetOnly, None, yes_no_of)
            .unwrap_or(false);
        this
    }

    fn cell(&self, role: ColumnRole) -> Option<(&'a Cell, usize, &'a str)> {
        let (column, header) = self.columns.single.get(&role)?;
        Some((self.row.cell(*column), *column, header.as_str()))
    }

    /// Reads the cell of `role` with `parse`; a problem becomes an error on that column and
    /// marks `field` so validation does not complain about it again.
    fn read<T>(
        &mut self,
        role: ColumnRole,
        field: Option<Field>,
        parse: impl Fn(&Cell) -> Result<T, CellProblem>,
    ) -> Option<T> {
        let (cell, column, header) = self.cell(role)?;
        match parse(cell) {
            Ok(value) => Some(value),
            Err(problem) => {
                self.error_at(column, header, field, words::cell_problem(&problem));
                None
            }
        }
    }

    fn text(&mut self, role: ColumnRole, field: Option<Field>) -> String {
        self.read(role, field, text_of).unwrap_or_default()
    }

    fn error_at(&mut self, column: usize, header: &str, field: Option<Field>, message: String) {
        if let Some(field) = field {
            self.failed.insert(field);
        }
        let label = match field {
            Some(field) => label_or(header, field),
            None => header.trim().to_owned(),
        };
        self.errors.push(RowError {
            column: Some(column),
            label,
            message,
        });
    }

    fn read_unit(&mut self, lookups: &Lookups<'_>) {
        let written = self.text(ColumnRole::Unit, Some(Field::Unit));
        if written.is_empty() {
            if let Some(id) = self.ctx.default_unit_id {
                self.draft.unit_id = id;
                self.unit_known = self.ctx.units.iter().any(|u| u.id == id);
            } else if let Some((_, column, header)) = self.cell(ColumnRole::Unit) {
                let message = words::REQUIRED_UNIT.to_owned();
                self.error_at(column, header, Some(Field::Unit), message);
            }
            return;
        }
        match lookups.units.get(&lookup_key(&written)) {
            Some(&id) => {
                self.draft.unit_id = id;
                self.unit_known = true;
            }
            None => {
                let suggestion = lookups.unit_suggestion(self.ctx, &written);
                if let Some((_, column, header)) = self.cell(ColumnRole::Unit) {
                    let message = words::unknown_unit(&written, suggestion.as_deref());
                    self.error_at(column, header, Some(Field::Unit), message);
                }
            }
        }
    }

    fn read_kind(&mut self, lookups: &Lookups<'_>) {
        let written = self.text(ColumnRole::Kind, Some(Field::Kind));
        let Some((_, column, header)) = self.cell(ColumnRole::Kind) else {
            return;
        };
        if written.is_empty() {
            let message = words::required_kind(self.ctx.kinds);
            self.error_at(column, header, Some(Field::Kind), message);
            return;
        }
        match lookups.kinds.get(&lookup_key(&written)) {
            Some(kind) => self.draft.kind_id = kind.id,
            None => {
                let message = words::unknown_kind(&written, self.ctx.kinds);
                self.error_at(column, header, Some(Field::Kind), message);
            }
        }
    }

    fn read_account_type(&mut self) {
        let written = self.text(ColumnRole::AccountType, Some(Field::AccountType));
        if written.is_empty() {
            return;
        }
        let found = words::ACCOUNT_TYPE_MARKS
            .iter()
            .find(|(mark, _)| written.contains(mark))
            .map(|(_, t)| *t);
        match (found, self.cell(ColumnRole::AccountType)) {
            (Some(t), _) => self.draft.account_type = Some(t),
            (None, Some((_, column, header))) => {
                let problem = CellProblem::UnknownAccountType(written);
                let message = words::cell_problem(&problem);
                self.error_at(column, header, Some(Field::AccountType), message);
            }
            (None, None) => {}
        }
    }

    fn read_created_on(&mut self) {
        match self.read(ColumnRole::CreatedOn, Some(Field::CreatedOn), date_of) {
            Some(Some(date)) => self.draft.created_on = date,
            Some(None) => {
                if let Some((_, column, header)) = self.cell(ColumnRole::CreatedOn) {
                    let message = words::REQUIRED_CREATED_ON.to_owned();
                    self.error_at(column, header, Some(Field::CreatedOn), message);
                }
            }
            None => {}
        }
    }

    /// Numbered name/mobile pairs first, then people listed together in one cell.
    fn read_administrators(&mut self) {
        let columns = self.columns;
        for (name_col, mobile_col) in &columns.admin_slots {
            let at = name_col.as_ref().or(mobile_col.as_ref());
            let Some((first_column, _)) = at else {
                continue;
            };
            let field = Field::Administrator(self.draft.administrators.len());
            let name = match name_col {
                Some((column, header)) => self.parse_at(*column, header, Some(field), text_of),
                None => Some(String::new()),
            };
            let mobile = match mobile_col {
                Some((column, header)) => self.parse_at(*column, header, Some(field), mobile_of),
                None => Some(String::new()),
            };
            let (Some(name), Some(mobile)) = (name, mobile) else {
                continue;
            };
            // A name column may hold 「李珺 15937165432」 when no mobile column is filled.
            let admin = if mobile.is_empty() {
                parse_person(&name)
            } else {
                Administrator { name, mobile }
            };
            if !(admin.name.is_empty() && admin.mobile.is_empty()) {
                self.draft.administrators.push(admin);
                self.admin_columns.push(Some(*first_column));
            }
        }
        for (column, header) in &columns.combined {
            let field = Some(Field::Administrators);
            let Some(text) = self.parse_at(*column, header, field, text_of) else {
                continue;
            };
            for admin in parse_people(&text) {
                self.draft.administrators.push(admin);
                self.admin_columns.push(Some(*column));
            }
        }
    }

    fn parse_at<T>(
        &mut self,
        column: usize,
        header: &str,
        field: Option<Field>,
        parse: impl Fn(&Cell) -> Result<T, CellProblem>,
    ) -> Option<T> {
        match parse(self.row.cell(column)) {
            Ok(value) => Some(value),
            Err(problem) => {
                self.error_at(column, header, field, words::cell_problem(&problem));
                None
            }
        }
    }

    /// 维护方式 and 维护单位 together: in-house unless either names an outside maintainer.
    fn read_maintenance(&mut self) {
        let how = self.text(ColumnRole::Maintenance, Some(Field::Maintenance));
        let vendor = self.text(ColumnRole::Vendor, Some(Field::Maintenance));
        let has = |text: &str, marks: &[&str]| marks.iter().any(|m| text.contains(m));
        let in_house = |text: &str| has(text, words::IN_HOUSE_MARKS);
        self.draft.maintenance = if has(&how, words::VENDOR_MARKS) {
            Maintenance::Vendor {
                name: if vendor.is_empty() {
                    vendor_from_words(&how)
                } else {
                    vendor
                },
            }
        } else if how.is_empty() || in_house(&how) {
            if vendor.is_empty() || in_house(&vendor) {
                Maintenance::InHouse
            } else if how.is_empty() {
                Maintenance::Vendor { name: vendor }
            } else {
                Maintenance::InHouse
            }
        } else {
            // 维护方式 holds a company's name itself.
            Maintenance::Vendor { name: how }
        };
    }

    /// Validation, the duplicate checks, and the outcome.
    fn finish(mut self, seen: &mut HashMap<(i64, String), u32>) -> RowOutcome {
        let kind_known = self.ctx.kinds.iter().any(|k| k.id == self.draft.kind_id);
        let key = (kind_known && !self.draft.account.trim().is_empty())
            .then(|| existing_key(self.draft.kind_id, &self.draft.account));
        let duplicate_of = key.as_ref().and_then(|k| self.ctx.existing.get(k).cloned());
        let ctx = ValidationContext {
            today: self.ctx.today,
            kinds: self.ctx.kinds,
            unit_exists: self.unit_known,
            school_names: self.ctx.school_names,
            duplicate_of,
        };
        let found = validate_platform(&self.draft, &ctx);
        for error in found {
            if self.failed.contains(&error.field) {
                continue;
            }
            let row_error = self.row_error(error);
            self.errors.push(row_error);
        }
        if let Some(key) = key {
            match seen.get(&key) {
                Some(&first) => {
                    let column = self.columns.single.get(&ColumnRole::Account);
                    self.errors.push(RowError {
                        column: column.map(|(c, _)| *c),
                        label: label_or(column.map_or("", |(_, h)| h.as_str()), Field::Account),
                        message: words::duplicate_in_file(first),
                    });
                }
                None => {
                    seen.insert(key, self.row.number);
                }
            }
        }
        if self.errors.is_empty() {
            RowOutcome::Ready(Box::new(self.draft))
        } else {
            self.errors.sort_by_key(|e| e.column.unwrap_or(usize::MAX));
            RowOutcome::Invalid(self.errors)
        }
    }

    /// A validation message placed on the column it is about.
    fn row_error(&self, error: FieldError) -> RowError {
        let single = |roles: &[ColumnRole]| {
            roles
                .iter()
                .find_map(|r| self.columns.single.get(r))
                .map(|(c, h)| (*c, h.clone()))
        };
        let placed = match error.field {
            Field::Unit => single(&[ColumnRole::Unit]),
            Field::Kind => single(&[ColumnRole::Kind]),
            Field::Name => single(&[ColumnRole::Name]),
            Field::Account => single(&[ColumnRole::Account]),
            Field::AccountType => single(&[ColumnRole::AccountType]),
            Field::VerifiedUntil => single(&[ColumnRole::VerifiedUntil, ColumnRole::Verified]),
            Field::ContentScope => single(&[ColumnRole::ContentScope]),
            Field::CreatedOn => single(&[ColumnRole::CreatedOn]),
            Field::ResponsiblePerson => single(&[ColumnRole::ResponsiblePerson]),
            Field::ContactMobile => single(&[ColumnRole::ContactMobile]),
            Field::Maintenance => single(&[ColumnRole::Vendor, ColumnRole::Maintenance]),
            Field::ApprovalRef => single(&[ColumnRole::ApprovalRef, ColumnRole::Name]),
            Field::LastPostOn => single(&[ColumnRole::LastPostOn]),
            Field::Administrator(i) => {
                // Several people share a column: name the person, not the header.
                let column = self.admin_columns.get(i).copied().flatten();
                return RowError {
                    column,
                    label: error.field.label(),
                    message: error.message(),
                };
            }
            Field::Administrators => self
                .columns
                .admin_slots
                .iter()
                .find_map(|(n, m)| n.as_ref().or(m.as_ref()))
                .or(self.columns.combined.first())
                .cloned(),
            _ => None,
        };
        match placed {
            Some((column, header)) => RowError {
                column: Some(column),
                label: label_or(&header, error.field),
                message: error.message(),
            },
            None => RowError {
                column: None,
                label: error.field.label(),
                message: error.message(),
            },
        }
    }
}

fn label_or(header: &str, field: Field) -> String {
    if header.trim().is_empty() {
        field.label()
    } else {
        header.trim().to_owned()
    }
}

/// 「委托 某某公司 维护」 → 某某公司; the generic 「委托外部单位维护」 names nobody.
fn vendor_from_words(how: &str) -> String {
    let mut name = how.trim();
    if let Some(rest) = words::VENDOR_PREFIXES
        .iter()
        .find_map(|p| name.strip_prefix(p))
    {
        name = rest;
    }
    if let Some(rest) = words::MAINTAIN_WORDS
        .iter()
        .find_map(|w| name.strip_suffix(w))
    {
        name = rest;
    }
    let name = name.trim();
    if words::GENERIC_VENDORS.contains(&name) {
        String::new()
    } else {
        name.to_owned()
    }
}

fn empty_draft() -> PlatformDraft {
    PlatformDraft {
        unit_id: 0,
        kind_id: 0,
        name: String::new(),
        account: String::new(),
        account_type: None::<AccountType>,
        verified: false,
        verified_until: None,
        content_scope: String::new(),
        // Far in the past, so a missing creation date does not make 最近更新 look too early.
        created_on: NaiveDate::MIN,
        responsible_person: String::new(),
        contact_mobile: String::new(),
        administrators: Vec::new(),
        maintenance: Maintenance::InHouse,
        approval_ref: String::new(),
        notes: String::new(),
        last_post_on: None,
        intranet_only: false,
    }
}
