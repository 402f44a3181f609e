//! 备案: print the filing form (one platform, or the annual review of a unit or the whole
//! school) after a preview, and move each printed form along 待签章 → 已报送 → 已备案 with the
//! scan of the signed paper attached.

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::app::Action;
use super::platform_form::parse_date;
use super::{keys, preview, theme};
use crate::domain::filing::{FilingKind, FilingState, FilingStep};
use crate::domain::permissions::{Actor, Permission, Target, may};
use crate::domain::registry::{RegistryRow, StatusView};
use crate::domain::unit::Unit;
use crate::ops::files::safe_file_part;
use crate::ops::filing::prepare;
use crate::print::{Page, layout_filing_form};
use crate::store::{FilingRow, Store, StoreError};
use crate::text::{self, ui_common, ui_files, ui_filings as wording};

/// What is about to be printed, shown before anything is saved.
pub struct PrintPreview {
    pub title: String,
    pub platform_ids: Vec<i64>,
    pub kind: FilingKind,
    pub file_name: String,
    pages: Vec<Page>,
    page: usize,
    missing: Vec<String>,
    /// Characters of the values the print font lacks (they print as boxes), said once.
    unprintable: Option<String>,
}

struct StepForm {
    filing_id: i64,
    version: i64,
    archive: bool,
    date: String,
    archive_no: String,
    error: Option<String>,
}

#[derive(Default)]
pub struct FilingsView {
    rows: Vec<FilingRow>,
    /// Platforms that can be filed: (id, label, unit id).
    platforms: Vec<(i64, String, i64)>,
    units: Vec<Unit>,
    selected_platform: Option<i64>,
    annual: bool,
    batch_unit: Option<i64>,
    pub preview: Option<PrintPreview>,
    step: Option<StepForm>,
    error: Option<String>,
    /// Who is signed in, for which buttons each record offers (the store decides again).
    actor: Option<Actor>,
    /// The system can print: 打印 beside 保存 PDF in the preview.
    pub can_print: bool,
}

impl FilingsView {
    /// Re-reads the filing records; the printable platforms come from the registry's rows
    /// (already loaded), so 10,000 platforms cost no extra query.
    pub fn reload(&mut self, store: &Store, registry: &[RegistryRow]) -> Result<(), StoreError> {
        self.rows = store.filings()?;
        self.units = store.units()?;
        self.actor = store.actor()?;
        self.platforms = registry
            .iter()
            .filter(|r| !matches!(r.status, StatusView::Closed | StatusView::ShutDown))
            .map(|r| {
                (
                    r.id,
                    format!("{} · {} · {}", r.name, r.kind_name, r.unit_name),
                    r.unit_id,
                )
            })
            .collect();
        if self
            .selected_platform
            .is_some_and(|s| !self.platforms.iter().any(|p| p.0 == s))
        {
            self.selected_platform = None;
        }
        Ok(())
    }

    /// Opens the preview of what `platform_ids` would print.
    pub fn open_preview(
        &mut self,
        store: &Store,
        platform_ids: Vec<i64>,
        kind: FilingKind,
        today: NaiveDate,
    ) -> Result<(), String> {
        let prepared = prepare(store, &platform_ids, kind).map_err(|e| e.to_string())?;
        let Some(first) = prepared.forms.first() else {
            return Err(crate::ops::OpsError::NothingToPrint.to_string());
        };
        let pages = layout_filing_form(first, &prepared.settings).map_err(|e| e.to_string())?;
        let missing = prepared
            .blanks()
            .into_iter()
            .map(|(account, m)| wording::blanks(&account, &m))
            .collect();
        let unprintable = Some(prepared.unprintable())
            .filter(|chars| !chars.is_empty())
            .map(|chars| crate::text::print::unprintable_chars(&chars));
        let (title, file_name) = if platform_ids.len() == 1 {
            let p = store.platform(platform_ids[0]).map_err(|e| e.to_string())?;
            (
                wording::single_title(kind.label(), &p.draft.name),
                wording::single_file(&safe_file_part(&p.draft.account), today),
            )
        } else {
            let scope = self
                .batch_unit
                .and_then(|id| self.units.iter().find(|u| u.id == id))
                .map_or(text::ALL_UNITS.to_owned(), |u| u.name.clone());
            (
                wording::annual_title(&scope, platform_ids.len()),
                wording::annual_file(&safe_file_part(&scope), today),
            )
        };
        self.preview = Some(PrintPreview {
            title,
            platform_ids,
            kind,
            file_name,
            pages,
            page: 0,
            missing,
            unprintable,
        });
        Ok(())
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        store: &Store,
        today: NaiveDate,
        printing: bool,
        actions: &mut Vec<Action>,
    ) {
        ui.heading(wording::HEADING);
        ui.label(RichText::new(wording::INTRO).color(theme::MUTED).small());
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(theme::DANGER));
        }
        ui.add_space(6.0);
        ui.group(|ui| {
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(wording::PRINT_FORM_LABEL);
                let selected = self
                    .selected_platform
                    .and_then(|id| self.platforms.iter().find(|p| p.0 == id))
                    .map_or(wording::CHOOSE_PLATFORM, |p| p.1.as_str())
                    .to_owned();
                egui::ComboBox::from_id_salt("print_platform")
                    .selected_text(selected)
                    .width(340.0)
                    .show_ui(ui, |ui| {
                        for (id, label, _) in &self.platforms {
                            ui.selectable_value(&mut self.selected_platform, Some(*id), label);
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.checkbox(&mut self.annual, wording::ANNUAL);
                let enabled = self.selected_platform.is_some() && !printing;
                if ui
                    .add_enabled(enabled, egui::Button::new(wording::PREVIEW))
                    .clicked()
                    && let Some(id) = self.selected_platform
                {
                    let kind = if self.annual {
                        FilingKind::Annual
                    } else {
                        FilingKind::Initial
                    };
                    self.error = self.open_preview(store, vec![id], kind, today).err();
                }
            });
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(wording::BATCH_LABEL);
                let scope = self
                    .batch_unit
                    .and_then(|id| self.units.iter().find(|u| u.id == id))
                    .map_or(text::ALL_UNITS, |u| u.name.as_str())
                    .to_owned();
                egui::ComboBox::from_id_salt("batch_unit")
                    .selected_text(scope)
                    .width(200.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.batch_unit, None, text::ALL_UNITS);
                        for u in &self.units {
                            ui.selectable_value(&mut self.batch_unit, Some(u.id), &u.name);
                        }
                    })
                    .response
                    .labelled_by(l.id);
                let ids: Vec<i64> = self
                    .platforms
                    .iter()
                    .filter(|p| self.batch_unit.is_none_or(|u| p.2 == u))
                    .map(|p| p.0)
                    .collect();
                ui.label(wording::batch_size(ids.len()));
                if ui
                    .add_enabled(
                        !ids.is_empty() && !printing,
                        egui::Button::new(wording::PREVIEW_ANNUAL),
                    )
                    .clicked()
                {
                    self.error = self
                        .open_preview(store, ids, FilingKind::Annual, today)
                        .err();
                }
            });
        });
        ui.add_space(8.0);
        ui.label(RichText::new(ui_common::counted(wording::RECORDS, self.rows.len())).strong());
        self.records_ui(ui, actions);
        self.preview_ui(ui.ctx(), actions);
        self.step_ui(ui.ctx(), actions);
    }

    fn records_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        if self.rows.is_empty() {
            ui.label(wording::NO_RECORDS);
            return;
        }
        let mut step = None;
        // Both ways: at 1024 px the scan and step columns scroll into view.
        egui::ScrollArea::both().id_salt("filings").show(ui, |ui| {
            egui::Grid::new("filings_grid")
                .striped(true)
                .num_columns(8)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for h in wording::RECORD_COLUMNS {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for row in &self.rows {
                        let f = &row.filing;
                        let may_report = self.may(Permission::ReportFiling, row.unit_id);
                        let may_archive = self.may(Permission::ArchiveFiling, row.unit_id);
                        ui.label(&row.platform_name);
                        ui.label(&row.unit_name);
                        ui.label(f.kind.label());
                        ui.label(f.printed_on.to_string());
                        let color = match f.state {
                            FilingState::AwaitingSignature => theme::WARN,
                            FilingState::Submitted => theme::ACCENT,
                            FilingState::Archived => theme::OK,
                        };
                        ui.label(RichText::new(f.state.label()).color(color));
                        let mut progress = f
                            .submitted_on
                            .map(wording::submitted_on)
                            .unwrap_or_default();
                        if let Some(d) = f.archived_on {
                            progress.push_str(&wording::archived_on(d, &f.archive_no));
                        }
                        ui.label(progress);
                        ui.horizontal(|ui| {
                            if f.has_scan && ui.small_button(wording::OPEN_SCAN).clicked() {
                                actions.push(Action::OpenScan(f.id));
                            }
                            if may_report
                                && ui
                                    .small_button(if f.has_scan {
                                        wording::REPLACE_SCAN
                                    } else {
                                        wording::ATTACH_SCAN
                                    })
                                    .clicked()
                            {
                                actions.push(Action::AttachScan(f.id));
                            }
                        });
                        ui.horizontal(|ui| match f.state {
                            FilingState::AwaitingSignature if may_report => {
                                if ui.small_button(ui_common::MARK_SUBMITTED).clicked() {
                                    step = Some(StepForm::new(f.id, f.version, false));
                                }
                            }
                            FilingState::Submitted if may_archive => {
                                if ui.small_button(wording::ARCHIVE).clicked() {
                                    step = Some(StepForm::new(f.id, f.version, true));
                                }
                            }
                            FilingState::AwaitingSignature => {
                                ui.label(RichText::new(wording::AWAITING_UNIT).color(theme::MUTED));
                            }
                            FilingState::Submitted => {
                                ui.label(
                                    RichText::new(wording::AWAITING_ARCHIVE).color(theme::MUTED),
                                );
                            }
                            FilingState::Archived => {
                                ui.label(RichText::new(wording::COMPLETED).color(theme::MUTED));
                            }
                        });
                        ui.end_row();
                    }
                });
        });
        if step.is_some() {
            self.step = step;
        }
    }

    /// Whether the signed-in person may take `permission` on a record of `unit`.
    fn may(&self, permission: Permission, unit: i64) -> bool {
        may(self.actor.as_ref(), permission, &Target::Unit(unit)).is_ok()
    }

    fn preview_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let can_print = self.can_print;
        let Some(p) = &mut self.preview else {
            return;
        };
        let mut open = true;
        let mut close = false;
        egui::Window::new(wording::PREVIEW_TITLE)
            .open(&mut open)
            .collapsible(false)
            .default_width(680.0)
            .default_height(760.0)
            .show(ctx, |ui| {
                ui.label(
                    RichText::new(wording::preview_header(&p.title, p.page + 1, p.pages.len()))
                        .strong(),
                );
                if p.platform_ids.len() > 1 {
                    ui.label(
                        RichText::new(wording::PREVIEW_FIRST_ONLY)
                            .color(theme::MUTED)
                            .small(),
                    );
                }
                if let Some(line) = &p.unprintable {
                    ui.label(RichText::new(line).color(theme::WARN));
                }
                if !p.missing.is_empty() {
                    ui.label(RichText::new(wording::BLANKS_INTRO).color(theme::WARN));
                    for m in p.missing.iter().take(8) {
                        ui.label(RichText::new(m).color(theme::WARN).small());
                    }
                    if p.missing.len() > 8 {
                        ui.label(
                            RichText::new(wording::blanks_total(p.missing.len()))
                                .color(theme::WARN)
                                .small(),
                        );
                    }
                }
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(p.page > 0, egui::Button::new(wording::PREVIOUS_PAGE))
                        .clicked()
                    {
                        p.page -= 1;
                    }
                    if ui
                        .add_enabled(
                            p.page + 1 < p.pages.len(),
                            egui::Button::new(wording::NEXT_PAGE),
                        )
                        .clicked()
                    {
                        p.page += 1;
                    }
                    ui.add_space(20.0);
                    if ui
                        .button(RichText::new(wording::SAVE_PDF).strong())
                        .clicked()
                    {
                        actions.push(Action::StartPrint {
                            platform_ids: p.platform_ids.clone(),
                            kind: p.kind,
                            title: p.title.clone(),
                            file_name: p.file_name.clone(),
                        });
                        close = true;
                    }
                    if can_print && ui.button(ui_files::PRINT).clicked() {
                        actions.push(Action::PrintForms {
                            platform_ids: p.platform_ids.clone(),
                            kind: p.kind,
                            title: p.title.clone(),
                            file_name: p.file_name.clone(),
                        });
                        close = true;
                    }
                    if ui.button(ui_common::CLOSE).clicked() {
                        close = true;
                    }
                });
                egui::ScrollArea::vertical().show(ui, |ui| {
                    if let Some(page) = p.pages.get(p.page) {
                        preview::page_ui(ui, page);
                    }
                });
            });
        if close || !open {
            self.preview = None;
        }
    }

    fn step_ui(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(step) = &mut self.step else {
            return;
        };
        let mut open = true;
        let mut close = false;
        egui::Window::new(if step.archive {
            wording::ARCHIVE_TITLE
        } else {
            ui_common::MARK_SUBMITTED
        })
        .open(&mut open)
        .collapsible(false)
        .show(ctx, |ui| {
            let fields = egui::Grid::new("step_form").num_columns(2).show(ui, |ui| {
                let l = ui.label(if step.archive {
                    wording::ARCHIVED_ON_LABEL
                } else {
                    ui_common::SUBMITTED_ON_LABEL
                });
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut step.date).desired_width(140.0))
                        .labelled_by(l.id);
                    super::date_picker::button(
                        ui,
                        &mut step.date,
                        super::date_picker::Precision::Date,
                    );
                });
                ui.end_row();
                if step.archive {
                    let l = ui.label(wording::ARCHIVE_NO_LABEL);
                    ui.add(egui::TextEdit::singleline(&mut step.archive_no).desired_width(200.0))
                        .labelled_by(l.id);
                    ui.end_row();
                }
            });
            if let Some(e) = &step.error {
                ui.label(RichText::new(e).color(theme::DANGER));
            }
            let entered = keys::entered(ui.ctx(), fields.response.rect);
            ui.horizontal(|ui| {
                if ui.button(ui_common::OK).clicked() || entered {
                    match parse_date(&step.date) {
                        None => step.error = Some(ui_common::invalid_date(step.date.trim())),
                        Some(on) => {
                            let s = if step.archive {
                                FilingStep::Archive {
                                    on,
                                    archive_no: step.archive_no.clone(),
                                }
                            } else {
                                FilingStep::Submit { on }
                            };
                            actions.push(Action::FilingStep {
                                filing_id: step.filing_id,
                                version: step.version,
                                step: s,
                            });
                        }
                    }
                }
                if ui.button(text::CANCEL).clicked() {
                    close = true;
                }
            });
        });
        if close || !open {
            self.step = None;
        }
    }
}

impl FilingsView {
    /// From 待办: the platform chosen for printing (and 年审 ticked for an annual review),
    /// so the form is one click away.
    pub(super) fn choose(&mut self, platform: Option<i64>, annual: bool) {
        if let Some(id) = platform.filter(|id| self.platforms.iter().any(|p| p.0 == *id)) {
            self.selected_platform = Some(id);
            self.annual = annual;
        }
    }

    /// Esc: closes the step form, else the preview; whether one was open.
    pub(super) fn close_window(&mut self) -> bool {
        if self.step.take().is_some() {
            return true;
        }
        self.preview.take().is_some()
    }
}

impl StepForm {
    fn new(filing_id: i64, version: i64, archive: bool) -> Self {
        Self {
            filing_id,
            version,
            archive,
            date: crate::today().to_string(),
            archive_no: String::new(),
            error: None,
        }
    }
}

impl FilingsView {
    /// How a filing step the app applied went: the form closes on success (the notice is
    /// returned for the app to show); on refusal the reason shows in the form.
    pub fn step_finished(&mut self, result: Result<(), String>) -> Option<String> {
        let step = self.step.as_mut()?;
        match result {
            Ok(()) => {
                let notice = if step.archive {
                    wording::ARCHIVED
                } else {
                    wording::SUBMITTED
                };
                self.step = None;
                Some(notice.to_owned())
            }
            Err(e) => {
                step.error = Some(e);
                None
            }
        }
    }
}
