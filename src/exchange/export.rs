//! The registry as an Excel workbook in the form people expect: one sheet per table, the
//! header row frozen and filterable, columns wide enough for Chinese text, dates as real
//! dates (yyyy-mm-dd), and mobiles and account IDs as text so Excel never turns 13803710001
//! into 1.38037E+10. The platform sheet's columns are the ones the import recognises, so an
//! exported 台账 imports back to the same drafts.

use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::error::ExportError;
use super::width::{column_width, display_width};
use super::write::write_atomically;
use crate::domain::filing::{Filing, FilingKind, FilingState};
use crate::domain::lifecycle::{EventKind, FieldChange};
use crate::domain::platform::{Maintenance, PlatformDraft};
use crate::domain::registry::{RegistryRow, StatusView};
use crate::text::exchange as words;

/// One platform of the 台账: its draft, the names behind its ids, and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct PlatformSheetRow {
    pub unit_name: String,
    pub kind_name: String,
    pub draft: PlatformDraft,
    pub status: StatusView,
    /// The latest filing record's kind and state, if any form was printed.
    pub filing: Option<(FilingKind, FilingState)>,
}

impl PlatformSheetRow {
    /// A row as the registry shows it (so what is filtered is what is exported), completed
    /// with the stored draft the registry row does not carry.
    pub fn from_registry(row: &RegistryRow, draft: PlatformDraft) -> Self {
        Self {
            unit_name: row.unit_name.clone(),
            kind_name: row.kind_name.clone(),
            draft,
            status: row.status,
            filing: row.filing,
        }
    }
}

/// One filing record (备案表) with the platform it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct FilingSheetRow {
    pub unit_name: String,
    pub kind_name: String,
    pub platform_name: String,
    pub account: String,
    pub filing: Filing,
}

/// One lifecycle event (信息变更, 停止运营, 关停…); each changed field gets its own line.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeSheetRow {
    pub unit_name: String,
    pub kind_name: String,
    pub platform_name: String,
    pub on: NaiveDate,
    pub event: EventKind,
    pub changes: Vec<FieldChange>,
    /// The reason or the decision's wording, as recorded.
    pub note: String,
}

/// The inactivity ladder's steps (第六条四).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeStep {
    /// 整改通知: no update for more than 2 months.
    Rectification,
    /// 公开通报: still none 1 month after the notice.
    PublicNotice,
    /// 关停决定: still none 1 month after the public notice.
    ShutdownDecision,
}

/// One notice of the inactivity ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct NoticeSheetRow {
    pub unit_name: String,
    pub kind_name: String,
    pub platform_name: String,
    pub step: NoticeStep,
    pub issued_on: NaiveDate,
    pub document_no: String,
    /// The platform's latest update when the notice went out.
    pub last_post_on: Option<NaiveDate>,
    /// By when the unit must have updated, if the notice sets a date.
    pub respond_by: Option<NaiveDate>,
    pub note: String,
}

/// Everything one export holds. The 台账 sheet is always written; the other tables get a
/// sheet when they have rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegistryWorkbook {
    pub platforms: Vec<PlatformSheetRow>,
    pub filings: Vec<FilingSheetRow>,
    pub changes: Vec<ChangeSheetRow>,
    pub notices: Vec<NoticeSheetRow>,
}

/// The workbook as xlsx bytes.
pub fn export_xlsx(book: &RegistryWorkbook) -> Result<Vec<u8>, ExportError> {
    build(book).map_err(|e| ExportError::Workbook {
        reason: e.to_string(),
    })
}

/// Writes the workbook to `path`, replacing any file there only once it is complete.
pub fn export_xlsx_to(book: &RegistryWorkbook, path: &Path) -> Result<(), ExportError> {
    let bytes = export_xlsx(book)?;
    write_atomically(path, &bytes)
}

fn build(book: &RegistryWorkbook) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let formats = Formats::new();
    platform_sheet(workbook.add_worksheet(), &formats, &book.platforms)?;
    if !book.filings.is_empty() {
        filing_sheet(workbook.add_worksheet(), &formats, &book.filings)?;
    }
    if !book.changes.is_empty() {
        change_sheet(workbook.add_worksheet(), &formats, &book.changes)?;
    }
    if !book.notices.is_empty() {
        notice_sheet(workbook.add_worksheet(), &formats, &book.notices)?;
    }
    workbook.save_to_buffer()
}

struct Formats {
    header: Format,
    text: Format,
    date: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new()
                .set_bold()
                .set_background_color(0xDDEBF7)
                .set_border(FormatBorder::Thin)
                .set_num_format("@"),
            // 「@」 is Excel's text format: digits typed later into these columns stay text too.
            text: Format::new().set_num_format("@"),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        }
    }
}

/// A cell of an exported row.
enum Out<'a> {
    Text(&'a str),
    Owned(String),
    Date(Option<NaiveDate>),
}

/// Writes rows under a header and then fits widths, freezes and filters the header.
struct SheetWriter<'w> {
    sheet: &'w mut Worksheet,
    formats: &'w Formats,
    widths: Vec<usize>,
    dates: Vec<bool>,
    row: u32,
}

impl<'w> SheetWriter<'w> {
    fn new(
        sheet: &'w mut Worksheet,
        formats: &'w Formats,
        name: &str,
        headers: &[String],
    ) -> Result<Self, XlsxError> {
        sheet.set_name(name)?;
        for (col, header) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, header, &formats.header)?;
        }
        Ok(Self {
            sheet,
            formats,
            widths: headers.iter().map(|h| display_width(h)).collect(),
            dates: vec![false; headers.len()],
            row: 0,
        })
    }

    fn push(&mut self, cells: &[Out<'_>]) -> Result<(), XlsxError> {
        self.row += 1;
        for (col, cell) in cells.iter().enumerate() {
            let c = col as u16;
            match cell {
                Out::Text(t) => self.text(c, t)?,
                Out::Owned(t) => self.text(c, t)?,
                Out::Date(Some(d)) => {
                    self.sheet
                        .write_datetime_with_format(self.row, c, d, &self.formats.date)?;
                    self.dates[col] = true;
                }
                Out::Date(None) => self.dates[col] = true,
            }
        }
        Ok(())
    }

    fn text(&mut self, col: u16, text: &str) -> Result<(), XlsxError> {
        if text.is_empty() {
            return Ok(());
        }
        self.sheet
            .write_string_with_format(self.row, col, text, &self.formats.text)?;
        let width = display_width(text);
        if let Some(w) = self.widths.get_mut(usize::from(col)) {
            *w = (*w).max(width);
        }
        Ok(())
    }

    fn finish(self) -> Result<(), XlsxError> {
        const DATE_WIDTH: usize = 10;
        let last_col = self.widths.len().saturating_sub(1) as u16;
        for (col, widest) in self.widths.iter().enumerate() {
            let c = col as u16;
            let widest = if self.dates[col] {
                (*widest).max(DATE_WIDTH)
            } else {
                self.sheet.set_column_format(c, &self.formats.text)?;
                *widest
            };
            self.sheet.set_column_width(c, column_width(widest))?;
        }
        self.sheet.set_freeze_panes(1, 0)?;
        self.sheet.autofilter(0, 0, self.row, last_col)?;
        Ok(())
    }
}

fn yes_no(value: bool) -> Out<'static> {
    Out::Text(words::yes_no(value))
}

fn platform_sheet(
    sheet: &mut Worksheet,
    formats: &Formats,
    rows: &[PlatformSheetRow],
) -> Result<(), XlsxError> {
    // The form has three administrator rows; a platform with more gets more columns.
    let admin_slots = rows
        .iter()
        .map(|r| r.draft.administrators.len())
        .max()
        .unwrap_or(0)
        .max(3);
    let headers = words::platform_headers(admin_slots);
    let mut writer = SheetWriter::new(sheet, formats, words::SHEET_PLATFORMS, &headers)?;
    let mut cells = Vec::with_capacity(headers.len());
    for row in rows {
        let d = &row.draft;
        cells.clear();
        cells.extend([
            Out::Text(&row.unit_name),
            Out::Text(&row.kind_name),
            Out::Text(&d.name),
            Out::Text(&d.account),
            Out::Text(d.account_type.map_or("", |t| t.label())),
            yes_no(d.verified),
            Out::Date(d.verified_until),
            Out::Text(&d.content_scope),
            Out::Date(Some(d.created_on)),
            Out::Text(&d.responsible_person),
            Out::Text(&d.contact_mobile),
        ]);
        for slot in 0..admin_slots {
            let admin = d.administrators.get(slot);
            cells.push(Out::Text(admin.map_or("", |a| a.name.as_str())));
            cells.push(Out::Text(admin.map_or("", |a| a.mobile.as_str())));
        }
        let (how, vendor) = match &d.maintenance {
            Maintenance::InHouse => (words::MAINTENANCE_IN_HOUSE, ""),
            Maintenance::Vendor { name } => (words::MAINTENANCE_VENDOR, name.as_str()),
        };
        cells.extend([
            Out::Text(how),
            Out::Text(vendor),
            Out::Text(&d.approval_ref),
            yes_no(d.intranet_only),
            Out::Date(d.last_post_on),
            Out::Text(row.status.label()),
            Out::Owned(row.filing.map_or_else(String::new, |(kind, state)| {
                words::filing_progress(kind, state)
            })),
            Out::Text(&d.notes),
        ]);
        writer.push(&cells)?;
    }
    writer.finish()
}

fn filing_sheet(
    sheet: &mut Worksheet,
    formats: &Formats,
    rows: &[FilingSheetRow],
) -> Result<(), XlsxError> {
    let headers = words::filing_headers();
    let mut writer = SheetWriter::new(sheet, formats, words::SHEET_FILINGS, &headers)?;
    for row in rows {
        let f = &row.filing;
        writer.push(&[
            Out::Text(&row.unit_name),
            Out::Text(&row.kind_name),
            Out::Text(&row.platform_name),
            Out::Text(&row.account),
            Out::Text(f.kind.label()),
            Out::Date(Some(f.printed_on)),
            Out::Text(f.state.label()),
            Out::Date(f.submitted_on),
            Out::Date(f.archived_on),
            Out::Text(&f.archive_no),
            yes_no(f.has_scan),
        ])?;
    }
    writer.finish()
}

fn change_sheet(
    sheet: &mut Worksheet,
    formats: &Formats,
    rows: &[ChangeSheetRow],
) -> Result<(), XlsxError> {
    let headers = words::change_headers();
    let mut writer = SheetWriter::new(sheet, formats, words::SHEET_CHANGES, &headers)?;
    let none = FieldChange {
        field: String::new(),
        old: String::new(),
        new: String::new(),
    };
    for row in rows {
        let changes = if row.changes.is_empty() {
            std::slice::from_ref(&none)
        } else {
            row.changes.as_slice()
        };
        for change in changes {
            writer.push(&[
                Out::Text(&row.unit_name),
                Out::Text(&row.kind_name),
                Out::Text(&row.platform_name),
                Out::Date(Some(row.on)),
                Out::Text(row.event.label()),
                Out::Text(&change.field),
                Out::Text(&change.old),
                Out::Text(&change.new),
                Out::Text(&row.note),
            ])?;
        }
    }
    writer.finish()
}

fn notice_sheet(
    sheet: &mut Worksheet,
    formats: &Formats,
    rows: &[NoticeSheetRow],
) -> Result<(), XlsxError> {
    let headers = words::notice_headers();
    let mut writer = SheetWriter::new(sheet, formats, words::SHEET_NOTICES, &headers)?;
    for row in rows {
        writer.push(&[
            Out::Text(&row.unit_name),
            Out::Text(&row.kind_name),
            Out::Text(&row.platform_name),
            Out::Text(words::notice_step(row.step)),
            Out::Date(Some(row.issued_on)),
            Out::Text(&row.document_no),
            Out::Date(row.last_post_on),
            Out::Date(row.respond_by),
            Out::Text(&row.note),
        ])?;
    }
    writer.finish()
}
