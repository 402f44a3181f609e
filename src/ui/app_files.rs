//! Files in the workspace: asking for a path (the desktop's dialog through `Hooks`, else the
//! in-window chooser, said aloud), going on with the flow that asked once a path is chosen,
//! and the one bar that shows where a saved file went (打开文件, 打开所在文件夹, 打印).

use std::path::{Path, PathBuf};

use eframe::egui;

use super::app::{Action, Workspace};
use super::file_chooser::{Chosen, FileFor, FileRequest};
use super::saved_file::{SavedAction, SavedFile};
use crate::ops::OpsError;
use crate::text::ui_files as wording;

impl Workspace {
    /// Asks for the path `purpose` needs and goes on with it. A `None` from the desktop's
    /// dialog is a Cancel, unless the dialog could not open: then that is said and the
    /// in-window chooser asks instead (`file_request_frame` goes on).
    pub(super) fn ask_path(&mut self, purpose: FileFor) -> Result<(), OpsError> {
        if self.file_request.is_some() {
            return Ok(());
        }
        let hooks = &mut self.hooks;
        let picked = match &purpose {
            FileFor::FilingForm { file_name, .. } => (hooks.save_path)(file_name),
            FileFor::Document(d) => (hooks.save_path)(&d.file_name),
            FileFor::Scan(_) => (hooks.pick_scan)(),
            FileFor::Attachment => (hooks.pick_attachment)(),
            FileFor::Backup(name) => (hooks.save_backup)(name),
            FileFor::Export(name) => (hooks.save_xlsx)(name),
            FileFor::Sheet => (hooks.pick_sheet)(),
            FileFor::BackupFolder => (hooks.pick_folder)(),
            other => (hooks.choose_file)(&other.dialog()),
        };
        match picked {
            Some(path) => self.file_chosen(purpose, path),
            None if (self.hooks.dialog_failed)() => {
                self.file_request = Some(FileRequest::open(purpose, &self.hooks.chooser_folder));
                self.show_error(wording::NATIVE_UNAVAILABLE.to_owned());
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Goes on with the flow that asked for a path, the same whichever dialog chose it.
    pub(super) fn file_chosen(&mut self, purpose: FileFor, path: PathBuf) -> Result<(), OpsError> {
        match purpose {
            FileFor::FilingForm {
                platform_ids,
                kind,
                title,
                ..
            } => self.render_forms(platform_ids, kind, title, path, false)?,
            FileFor::Document(d) => self.save_document_to(&d, &path),
            FileFor::Scan(id) => self.attach_scan_from(id, &path)?,
            FileFor::Attachment => self.attach_to_post_from(&path),
            FileFor::Backup(_) => self.backup_to(&path)?,
            FileFor::Export(_) => self.export_to(path)?,
            FileFor::Sheet => self.open_import(&path)?,
            FileFor::BackupFolder => self.set_backup_folder(Some(path))?,
            FileFor::Font => self.settings.font_chosen(path),
            FileFor::Calendar => self.apply_settings(Action::ImportCalendarFile(path))?,
            FileFor::WordsFile => self.settings.words.file_chosen(&path),
            FileFor::ImportWords {
                list,
                severity,
                reason,
            } => {
                self.settings.words.file_chosen(&path);
                self.apply_settings(Action::ImportWords {
                    list,
                    path,
                    severity,
                    reason,
                })?;
            }
            FileFor::ExportWords { list, .. } => {
                self.settings.words.file_chosen(&path);
                self.apply_settings(Action::ExportWords { list, path })?;
            }
            FileFor::ServerCa => match &mut self.welcome {
                Some(welcome) => welcome.server.set_root_cert(path),
                None => self.settings.database.form.set_root_cert(path),
            },
        }
        Ok(())
    }

    /// Once per frame: a server form's 选择… asks for its certificate; the in-window
    /// chooser, while open, and the flow it goes on with.
    pub(super) fn file_request_frame(&mut self, ctx: &egui::Context) {
        let wants_cert = match &mut self.welcome {
            Some(welcome) => welcome.server.take_root_cert_request(),
            None => self.settings.database.form.take_root_cert_request(),
        };
        if wants_cert && let Err(e) = self.ask_path(FileFor::ServerCa) {
            self.show_error(e.to_string());
        }
        let Some(request) = &mut self.file_request else {
            return;
        };
        match request.ui(ctx) {
            Chosen::Waiting => {}
            Chosen::Cancelled => self.file_request = None,
            Chosen::Path(path) => {
                if let Some(request) = self.file_request.take()
                    && let Err(e) = self.file_chosen(request.purpose, path)
                {
                    self.note_disconnect(&e);
                    self.show_error(e.to_string());
                }
            }
        }
    }

    /// A file was saved: the bar shows where.
    pub(super) fn file_saved(&mut self, path: PathBuf) {
        self.saved = Some(SavedFile::new(path));
    }

    /// The bar of the last saved file, with its buttons.
    pub(super) fn saved_file_ui(&mut self, ui: &mut egui::Ui) {
        let Some(saved) = &self.saved else {
            return;
        };
        let can_print = self.hooks.print_file.is_some();
        let mut clicked = None;
        egui::Panel::bottom("saved_file").show(ui, |ui| {
            clicked = saved.ui(ui, can_print);
        });
        let Some(clicked) = clicked else {
            return;
        };
        let path = saved.path.clone();
        match clicked {
            SavedAction::OpenFile => {
                if let Err(e) = (self.hooks.open_file)(&path) {
                    self.show_error(wording::file_unopenable(&path, e));
                }
            }
            SavedAction::OpenFolder => {
                let folder = saved.folder();
                if let Err(e) = (self.hooks.open_folder)(&folder) {
                    self.show_error(wording::folder_unopenable(&folder, e));
                }
            }
            SavedAction::Print => self.print_saved(&path),
            SavedAction::Dismiss => self.saved = None,
        }
    }

    /// Hands a saved PDF to the system's printing; says how it went.
    pub(super) fn print_saved(&mut self, path: &Path) {
        let Some(print) = &mut self.hooks.print_file else {
            return;
        };
        match print(path) {
            Ok(()) => self.show_notice(wording::sent_to_printer(path)),
            Err(e) => self.show_error(wording::print_failed(path, e)),
        }
    }

    /// The last saved file, as the bar shows it.
    pub fn saved_file(&self) -> Option<&Path> {
        self.saved.as_ref().map(|s| s.path.as_path())
    }

    /// Whether the in-window file chooser is open.
    pub fn is_choosing_file(&self) -> bool {
        self.file_request.is_some()
    }

    /// Whether 打印 is offered (the system has printing).
    pub fn can_print(&self) -> bool {
        self.hooks.print_file.is_some()
    }
}

/// Where 打印 of the forms writes its copy first: a folder of the temporary directory.
pub(super) fn print_copy_path(file_name: &str) -> Result<PathBuf, OpsError> {
    let folder = std::env::temp_dir().join(wording::PRINT_FOLDER);
    std::fs::create_dir_all(&folder).map_err(|source| OpsError::Write {
        path: folder.clone(),
        source,
    })?;
    Ok(folder.join(file_name))
}
