//! Applying the registry's actions: the platform dialog, the 备案 page (printing off the UI
//! thread, filing steps, scans), and the history window's lifecycle steps. Every write goes
//! through `ops` or the store; a refusal is shown where the typing is, which stays.

use eframe::egui;

use super::app::{Action, Page, Workspace};
use super::file_chooser::FileFor;
use super::history_view::HistoryView;
use super::platform_dialog::PlatformDialog;
use super::platform_form::PlatformForm;
use crate::domain::filing::FilingKind;
use crate::ops::filing::{PreparedForms, prepare, record_printed, render_to_file};
use crate::ops::job::Job;
use crate::ops::reports::Document;
use crate::ops::{self, OpsError};
use crate::store::StoreError;
use crate::text::{self, ui_common, ui_filings};

/// A filing print running off the UI thread, and what to record when it is done.
pub struct FilingPrint {
    pub title: String,
    pub out: std::path::PathBuf,
    pub platform_ids: Vec<i64>,
    pub kind: FilingKind,
    /// 打印: hand the PDF to the system's printing once recorded (else open it).
    pub print: bool,
    job: Job<()>,
}

pub(super) fn job_ui(ui: &mut egui::Ui, print: &FilingPrint, actions: &mut Vec<Action>) {
    let (done, total) = print.job.progress();
    ui.horizontal(|ui| {
        ui.label(ui_filings::generating(&print.title));
        let fraction = if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(280.0)
                .text(format!("{done} / {total}")),
        );
        if print.job.is_cancelling() {
            ui.label(ui_filings::CANCELLING);
        } else if ui.button(text::CANCEL).clicked() {
            actions.push(Action::CancelPrint);
        }
    });
}

impl Workspace {
    pub(super) fn apply_registry(&mut self, action: Action) -> Result<(), OpsError> {
        match action {
            Action::NewPlatform => {
                if self.dialog.is_none() {
                    let form = PlatformForm::new(self.registry.query.unit_id);
                    self.dialog = Some(PlatformDialog::new(form, &self.store, self.today));
                }
            }
            Action::EditPlatform(id) => {
                if self.dialog.is_none() {
                    let p = self.store.platform(id)?;
                    let form = PlatformForm::from_platform(&p);
                    self.dialog = Some(PlatformDialog::new(form, &self.store, self.today));
                }
            }
            Action::SavePlatform(form) => self.save_platform(*form),
            Action::ClosePlatformDialog => {
                if let Some(d) = self.dialog.take() {
                    self.store.discard_draft(&d.form.draft_key())?;
                }
            }
            Action::StartPrint {
                platform_ids,
                kind,
                title,
                file_name,
            } => self.start_print(platform_ids, kind, title, file_name)?,
            Action::PrintForms {
                platform_ids,
                kind,
                title,
                file_name,
            } => {
                let out = super::app_files::print_copy_path(&file_name)?;
                self.render_forms(platform_ids, kind, title, out, true)?;
            }
            Action::CancelPrint => {
                if let Some(print) = &self.job {
                    print.job.cancel();
                }
            }
            Action::AttachScan(id) => self.ask_path(FileFor::Scan(id))?,
            Action::OpenScan(id) => {
                let path = ops::files::export_scan(&self.store, id)?;
                if let Err(e) = (self.hooks.open_file)(&path) {
                    self.show_error(ui_filings::scan_unopenable(e, &path));
                }
            }
            Action::OpenHistory(id) => {
                self.history = Some(HistoryView::open(&self.store, id, self.today)?);
            }
            Action::PrintChangeReport(id) => {
                let document = ops::reports::change_report(&self.store, id);
                self.save_document(document);
            }
            Action::PrintEnding(id) => {
                let document = ops::reports::ending_document(&self.store, id);
                self.save_document(document);
            }
            Action::FilingStep {
                filing_id,
                version,
                step,
            } => {
                let result =
                    ops::filing::apply_step(&mut self.store, filing_id, version, &step, self.today);
                let done = self
                    .filings
                    .step_finished(result.map_err(|e| e.to_string()));
                self.reload_with_notice(done)?;
            }
            Action::MarkChangeReported {
                change_id,
                version,
                on,
            } => {
                let result = self
                    .store
                    .mark_change_reported(change_id, version, on, self.today);
                self.history_finished(result)?;
            }
            Action::ClosePlatform {
                platform_id,
                closure,
            } => {
                let result = self.store.close_platform(platform_id, &closure, self.today);
                self.history_finished(result)?;
            }
            Action::ShutDownPlatform {
                platform_id,
                shutdown,
            } => {
                let result = self
                    .store
                    .shut_down_platform(platform_id, &shutdown, self.today);
                self.history_finished(result)?;
            }
            other => tracing::error!("not a registry action: {other:?}"),
        }
        Ok(())
    }

    /// Routes a lifecycle step's outcome to the history window that asked for it.
    fn history_finished(&mut self, result: Result<(), StoreError>) -> Result<(), OpsError> {
        let done = match &mut self.history {
            Some(h) => h.finished(result.map_err(|e| e.to_string())),
            None => result.map(|()| None)?,
        };
        self.reload_with_notice(done)
    }

    fn save_platform(&mut self, form: PlatformForm) {
        let (draft, date_errors) = form.to_draft();
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        if !date_errors.is_empty() {
            dialog.attempted = true;
            dialog.error = Some(text::FIX_ERRORS.to_owned());
            return;
        }
        let saved = match form.editing {
            None => self.store.add_platform(&draft, self.today).map(Some),
            Some((id, version)) => self
                .store
                .update_platform(id, version, &draft, &form.change_reason, self.today)
                .map(|()| None),
        };
        match saved {
            Ok(_) => {
                let key = form.draft_key();
                self.dialog = None;
                match self.store.discard_draft(&key).and_then(|()| self.reload()) {
                    Ok(()) => self.show_notice(ui_common::saved_named(draft.name.trim())),
                    Err(e) => self.show_error(e.to_string()),
                }
            }
            Err(StoreError::Invalid(errors)) => {
                dialog.attempted = true;
                dialog.set_errors(errors);
                dialog.error = Some(text::FIX_ERRORS.to_owned());
            }
            Err(e) => {
                dialog.attempted = true;
                dialog.error = Some(e.to_string());
            }
        }
    }

    /// Checks and reads the forms (a person without the right learns it before being asked
    /// where to save), then asks where; `render_forms` goes on once a path is chosen.
    fn start_print(
        &mut self,
        platform_ids: Vec<i64>,
        kind: FilingKind,
        title: String,
        file_name: String,
    ) -> Result<(), OpsError> {
        if self.job.is_some() {
            return Ok(());
        }
        prepare(&self.store, &platform_ids, kind)?;
        self.ask_path(FileFor::FilingForm {
            platform_ids,
            kind,
            title,
            file_name,
        })
    }

    /// Renders the forms to `out` off the UI thread; `print`: to the printer once recorded.
    pub(super) fn render_forms(
        &mut self,
        ids: Vec<i64>,
        kind: FilingKind,
        title: String,
        out: std::path::PathBuf,
        print: bool,
    ) -> Result<(), OpsError> {
        if self.job.is_some() {
            return Ok(());
        }
        let prepared: PreparedForms = prepare(&self.store, &ids, kind)?;
        let out = ops::filing::with_pdf_extension(&out);
        let ctx = self.ctx.clone();
        let path = out.clone();
        let total = prepared.forms.len();
        let job = Job::start(
            total,
            move || {
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            },
            move |progress| render_to_file(&prepared, &path, progress),
        );
        self.job = Some(FilingPrint {
            title,
            out,
            platform_ids: ids,
            kind,
            print,
            job,
        });
        Ok(())
    }

    /// Finishes a print job: records the filings, opens the PDF; on any failure the PDF is
    /// removed so no file exists without its record.
    pub(super) fn poll_job(&mut self, ctx: &egui::Context) {
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        let Some(result) = self.job.as_ref().and_then(|p| p.job.poll()) else {
            return;
        };
        let Some(print) = self.job.take() else {
            return;
        };
        let outcome = result.and_then(|()| {
            record_printed(
                &mut self.store,
                &print.platform_ids,
                print.kind,
                &print.out,
                self.today,
            )
        });
        match outcome {
            Ok(_) => {
                let mut notice = ui_filings::form_generated(&print.out);
                if !print.print
                    && let Err(e) = (self.hooks.open_file)(&print.out)
                {
                    notice.push_str(&ui_filings::form_unopenable(e));
                }
                if let Err(e) = self.reload() {
                    self.show_error(e.to_string());
                    return;
                }
                self.page = Page::Filings;
                self.show_notice(notice);
                self.file_saved(print.out.clone());
                if print.print {
                    self.print_saved(&print.out);
                }
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    /// A rendered one-copy document: asks where to save it (`save_document_to` goes on).
    pub(super) fn save_document(&mut self, document: Result<Document, OpsError>) {
        let result = document.and_then(|d| self.ask_path(FileFor::Document(Box::new(d))));
        if let Err(e) = result {
            self.show_error(e.to_string());
        }
    }

    /// Writes the document atomically at `out` and opens it for printing.
    pub(super) fn save_document_to(&mut self, document: &Document, out: &std::path::Path) {
        match document.save(out) {
            Ok(saved) => {
                let mut notice = ui_filings::document_generated(&saved);
                if !document.unprintable.is_empty() {
                    notice.push('\n');
                    notice.push_str(&crate::text::print::unprintable_chars(
                        &document.unprintable,
                    ));
                }
                if let Err(e) = (self.hooks.open_file)(&saved) {
                    notice.push_str(&ui_filings::document_unopenable(e));
                }
                self.show_notice(notice);
                self.file_saved(saved);
            }
            Err(e) => self.show_error(e.to_string()),
        }
    }

    /// 附加扫描件 once the file is chosen.
    pub(super) fn attach_scan_from(
        &mut self,
        filing_id: i64,
        path: &std::path::Path,
    ) -> Result<(), OpsError> {
        let name = ops::files::attach_scan(&mut self.store, filing_id, path)?;
        self.reload()?;
        self.show_notice(ui_filings::scan_attached(&name));
        Ok(())
    }
}
