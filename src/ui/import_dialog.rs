//! 导入: a spreadsheet of platforms taken in with two steps a secretary can check. First the
//! mapping: each column's header and the 台账 field it was guessed to be, changeable. Then
//! the preview: every row with its result, the rows with problems by row number and reason;
//! 导入 N 个平台 is enabled only when no row has a problem, and commits all rows in one
//! transaction (`ops::exchange::commit_import`). Reading the file and checking its rows run
//! on a worker thread (a 10,000-row sheet takes a moment); the table is `import_preview`'s.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use eframe::egui::{self, RichText};

use super::action::Action;
use super::import_preview::PreviewTable;
use super::theme;
use crate::exchange::{
    ColumnRole, ImportPreview, Layout, SourceFile, column_letter, guess_layout, layout_for,
    read_source,
};
use crate::ops::exchange::ImportChecks;
use crate::ops::job::Job;
use crate::store::{Store, StoreError};
use crate::text::{backup as done_words, ui_common, ui_exchange as wording};

/// Where the dialog is; the two waits are a worker's.
enum Stage {
    Reading(Job<Result<(SourceFile, Layout), String>>),
    Mapping,
    Checking(Job<Result<ImportPreview, String>>),
    Preview,
    /// The file could not be used (not a spreadsheet, no header…): the reason only.
    Refused,
}

pub struct ImportDialog {
    path: PathBuf,
    checks: Arc<ImportChecks>,
    /// Unit names by id, for the rows ready to import.
    units: HashMap<i64, String>,
    stage: Stage,
    file: Option<Arc<SourceFile>>,
    layout: Option<Layout>,
    preview: Option<ImportPreview>,
    table: PreviewTable,
    /// Why the file or the mapping cannot be used, or why the commit was refused.
    pub(super) error: Option<String>,
    /// Repaints the window when a worker is done.
    wake: Arc<dyn Fn() + Send + Sync>,
}

impl ImportDialog {
    /// Opens the dialog on `path` and starts reading it on a worker thread.
    pub fn open(
        path: &Path,
        store: &Store,
        ctx: Option<egui::Context>,
    ) -> Result<Self, StoreError> {
        let checks = ImportChecks::of(store)?;
        let units = checks
            .units()
            .iter()
            .map(|u| (u.id, u.name.clone()))
            .collect();
        let wake: Arc<dyn Fn() + Send + Sync> = Arc::new(move || {
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        });
        let reading = {
            let (path, wake) = (path.to_path_buf(), wake.clone());
            Job::start(
                1,
                move || wake(),
                move |_| {
                    Ok(read_source(&path)
                        .map_err(|e| e.to_string())
                        .and_then(|file| {
                            let layout = guess_layout(&file).map_err(|e| e.to_string())?;
                            Ok((file, layout))
                        }))
                },
            )
        };
        Ok(Self {
            path: path.to_path_buf(),
            checks: Arc::new(checks),
            units,
            stage: Stage::Reading(reading),
            file: None,
            layout: None,
            preview: None,
            table: PreviewTable::default(),
            error: None,
            wake,
        })
    }

    /// The column mapping as it stands, once the file is read (tests read it).
    pub fn layout(&self) -> Option<&Layout> {
        self.layout.as_ref()
    }

    /// The checked rows, once the preview step was reached.
    pub fn preview(&self) -> Option<&ImportPreview> {
        self.preview.as_ref()
    }

    /// True while a worker reads the file or checks its rows.
    pub fn is_working(&self) -> bool {
        matches!(self.stage, Stage::Reading(_) | Stage::Checking(_))
    }

    /// Draws the dialog; false once it is closed.
    pub fn ui(&mut self, ctx: &egui::Context, today: NaiveDate, actions: &mut Vec<Action>) -> bool {
        self.poll();
        let mut open = true;
        egui::Window::new(wording::IMPORT_TITLE)
            .id(egui::Id::unique("import_dialog"))
            .collapsible(false)
            .default_size([860.0, 560.0])
            .open(&mut open)
            .show(ctx, |ui| {
                ui.label(RichText::new(wording::import_file_line(&self.path)).color(theme::MUTED));
                ui.separator();
                match self.stage {
                    Stage::Reading(_) => {
                        ui.label(wording::READING);
                    }
                    Stage::Checking(_) => {
                        ui.label(wording::CHECKING);
                    }
                    Stage::Mapping => self.mapping_ui(ui, today),
                    Stage::Preview => self.preview_ui(ui, actions),
                    Stage::Refused => {}
                }
                if let Some(error) = &self.error {
                    ui.add_space(4.0);
                    ui.label(RichText::new(error).color(theme::DANGER));
                }
            });
        open
    }

    /// Takes a worker's result once it is there.
    fn poll(&mut self) {
        match &self.stage {
            Stage::Reading(job) => match job.poll() {
                Some(Ok(Ok((file, layout)))) => {
                    self.file = Some(Arc::new(file));
                    self.layout = Some(layout);
                    self.stage = Stage::Mapping;
                }
                Some(Ok(Err(problem))) => self.refuse(problem, Stage::Refused),
                Some(Err(e)) => self.refuse(e.to_string(), Stage::Refused),
                None => {}
            },
            Stage::Checking(job) => match job.poll() {
                Some(Ok(Ok(preview))) => {
                    self.set_preview(preview);
                    self.stage = Stage::Preview;
                }
                Some(Ok(Err(problem))) => self.refuse(problem, Stage::Mapping),
                Some(Err(e)) => self.refuse(e.to_string(), Stage::Mapping),
                None => {}
            },
            _ => {}
        }
    }

    fn refuse(&mut self, problem: String, then: Stage) {
        self.error = Some(problem);
        self.stage = then;
    }

    fn mapping_ui(&mut self, ui: &mut egui::Ui, today: NaiveDate) {
        ui.label(RichText::new(wording::MAPPING_STEP).strong());
        self.sheet_ui(ui);
        let Some(layout) = &mut self.layout else {
            return;
        };
        ui.label(RichText::new(wording::MAPPING_HINT).color(theme::MUTED));
        let choices = ColumnRole::choices();
        let mut changed = None;
        egui::ScrollArea::vertical()
            .id_salt("import_mapping")
            .max_height(360.0)
            .show(ui, |ui| {
                egui::Grid::new("import_mapping_grid")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for mapped in &layout.mapping.columns {
                            let label = ui.label(wording::column_label(
                                &column_letter(mapped.column),
                                &mapped.header,
                            ));
                            let mut role = mapped.role;
                            egui::ComboBox::from_id_salt(("import_map", mapped.column))
                                .selected_text(role.label())
                                .width(240.0)
                                .show_ui(ui, |ui| {
                                    for choice in &choices {
                                        ui.selectable_value(&mut role, *choice, choice.label());
                                    }
                                })
                                .response
                                .labelled_by(label.id);
                            if role != mapped.role {
                                changed = Some((mapped.column, role));
                            }
                            ui.end_row();
                        }
                    });
            });
        if let Some((column, role)) = changed {
            layout.mapping.set(column, role);
            self.error = None;
        }
        let missing = layout.mapping.missing(self.checks.unit_given());
        if !missing.is_empty() {
            let names: Vec<String> = missing.iter().map(|r| r.label()).collect();
            ui.label(
                RichText::new(wording::still_missing(
                    &names.join(ui_common::LIST_SEPARATOR),
                ))
                .color(theme::WARN),
            );
        }
        ui.add_space(6.0);
        if ui.button(wording::TO_PREVIEW).clicked()
            && let Some(file) = &self.file
        {
            let (file, layout, checks, wake) = (
                file.clone(),
                layout.clone(),
                self.checks.clone(),
                self.wake.clone(),
            );
            self.error = None;
            self.stage = Stage::Checking(Job::start(
                1,
                move || wake(),
                move |_| {
                    Ok(checks
                        .preview(&file, &layout, today)
                        .map_err(|e| e.to_string()))
                },
            ));
        }
    }

    /// 工作表: a workbook of several sheets may hold the 台账 in another than the guessed one;
    /// choosing it finds that sheet's header and guesses its columns again.
    fn sheet_ui(&mut self, ui: &mut egui::Ui) {
        let (Some(file), Some(layout)) = (&self.file, &self.layout) else {
            return;
        };
        if file.sheets.len() < 2 {
            return;
        }
        let mut chosen = layout.sheet;
        ui.horizontal(|ui| {
            let label = ui.label(wording::SHEET_LABEL);
            egui::ComboBox::from_id_salt("import_sheet")
                .selected_text(file.sheets.get(chosen).map_or("", |s| s.name.as_str()))
                .show_ui(ui, |ui| {
                    for (i, sheet) in file.sheets.iter().enumerate() {
                        ui.selectable_value(&mut chosen, i, &sheet.name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if chosen != layout.sheet {
            match layout_for(file, chosen, None) {
                Ok(found) => {
                    self.layout = Some(found);
                    self.error = None;
                }
                Err(e) => self.error = Some(e.to_string()),
            }
        }
    }

    fn set_preview(&mut self, preview: ImportPreview) {
        self.table = PreviewTable::new(&preview, &self.units);
        self.preview = Some(preview);
    }

    fn preview_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(preview) = &self.preview else {
            self.stage = Stage::Mapping;
            return;
        };
        let (ready, invalid) = (preview.ready_count(), preview.invalid_count());
        ui.label(RichText::new(wording::PREVIEW_STEP).strong());
        ui.label(done_words::preview_summary(
            &preview.sheet_name,
            preview.header_row,
            ready,
            invalid,
            preview.skipped_count(),
        ));
        ui.horizontal(|ui| {
            if ui.button(wording::BACK_TO_MAPPING).clicked() {
                self.stage = Stage::Mapping;
            }
            self.table.filter_ui(ui);
        });
        if invalid > 0 {
            ui.label(RichText::new(wording::blocked(invalid)).color(theme::DANGER));
        }
        ui.add_space(4.0);
        let can_import = invalid == 0 && ready > 0;
        let commit = ui.add_enabled(
            can_import,
            egui::Button::new(RichText::new(wording::import_button(ready)).strong()),
        );
        if commit.clicked() {
            actions.push(Action::CommitImport);
        }
        ui.separator();
        self.table.table_ui(ui);
    }

    /// The checked rows for the commit; the dialog stays open (with the refusal) until the
    /// commit went through.
    pub(super) fn checked(&self) -> Option<ImportPreview> {
        match self.stage {
            Stage::Preview => self.preview.clone(),
            _ => None,
        }
    }

    /// Where the file came from.
    pub fn path(&self) -> &Path {
        &self.path
    }
}
