//! Where a saved file went: one bar, shown after every save (PDFs, backups, exports, word
//! lists), with 打开文件, 打开所在文件夹 and, for a PDF where the system can print, 打印. Also
//! the desktop's side of those buttons (the folder in the file manager, the PDF to the
//! printer), reached through `Hooks` so tests launch nothing.

use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText};

use super::native_dialog::on_path;
use super::theme;
use crate::text::ui_files as wording;

/// The file last saved, shown until dismissed or replaced by the next.
#[derive(Debug, Clone)]
pub struct SavedFile {
    pub path: PathBuf,
}

/// A button of the bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SavedAction {
    OpenFile,
    OpenFolder,
    Print,
    Dismiss,
}

impl SavedFile {
    pub fn new(path: PathBuf) -> Self {
        Self { path }
    }

    /// Whether the file is a PDF (offered to the printer).
    pub fn is_pdf(&self) -> bool {
        self.path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    }

    /// The folder the file is in.
    pub fn folder(&self) -> PathBuf {
        self.path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }

    /// The bar; `can_print` where the system's printing exists.
    pub fn ui(&self, ui: &mut egui::Ui, can_print: bool) -> Option<SavedAction> {
        let mut clicked = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(wording::saved_to(&self.path)).color(theme::OK));
            if ui.button(wording::OPEN_FILE).clicked() {
                clicked = Some(SavedAction::OpenFile);
            }
            if ui.button(wording::OPEN_FOLDER).clicked() {
                clicked = Some(SavedAction::OpenFolder);
            }
            if can_print && self.is_pdf() && ui.button(wording::PRINT).clicked() {
                clicked = Some(SavedAction::Print);
            }
            if ui.small_button(wording::DISMISS).clicked() {
                clicked = Some(SavedAction::Dismiss);
            }
        });
        clicked
    }
}

/// Opens `folder` in the system's file manager.
pub fn open_folder(folder: &Path) -> Result<(), String> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    std::process::Command::new(program)
        .arg(folder)
        .spawn()
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Hands a file to the desktop (its viewer, its folder, its printer); tests replace it.
pub type OpenFileHook = Box<dyn FnMut(&Path) -> Result<(), String>>;

/// The system's printing, where it exists: `lp` (CUPS) on Linux and macOS, the print verb
/// of the PDF's program on Windows (PowerShell's `Start-Process -Verb Print`).
pub fn system_printer() -> Option<OpenFileHook> {
    if cfg!(target_os = "windows") {
        let hook: OpenFileHook = Box::new(|path| {
            let mut c = std::process::Command::new("powershell");
            c.args(["-NoProfile", "-NonInteractive", "-Command"])
                .arg(print_verb_command(path));
            run_printer("powershell", &mut c)
        });
        return Some(hook);
    }
    let lp = on_path("lp")?;
    Some(Box::new(move |path| {
        let mut c = std::process::Command::new(&lp);
        c.arg("--").arg(path);
        run_printer("lp", &mut c)
    }))
}

/// PowerShell's print verb on `path`, the path single-quoted (a quote inside doubled), so
/// nothing in a file name is read as PowerShell.
fn print_verb_command(path: &Path) -> String {
    let quoted = path.display().to_string().replace('\'', "''");
    format!("Start-Process -FilePath '{quoted}' -Verb Print")
}

/// Runs the printing program and waits for it to queue the job; its own message on refusal.
fn run_printer(program: &str, command: &mut std::process::Command) -> Result<(), String> {
    let output = command
        .output()
        .map_err(|e| wording::printer_not_started(program, e))?;
    if output.status.success() {
        Ok(())
    } else {
        let message = String::from_utf8_lossy(&output.stderr);
        Err(wording::printer_said(output.status, &message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdfs_are_offered_to_the_printer_and_folders_are_known() {
        let pdf = SavedFile::new(PathBuf::from("/tmp/a/备案表.PDF"));
        assert!(pdf.is_pdf());
        assert_eq!(pdf.folder(), PathBuf::from("/tmp/a"));
        let db = SavedFile::new(PathBuf::from("backup.db"));
        assert!(!db.is_pdf());
        assert_eq!(db.folder(), PathBuf::from("."));
    }

    #[test]
    fn the_windows_print_verb_quotes_the_path() {
        assert_eq!(
            print_verb_command(Path::new("C:/备案/it's a $form.pdf")),
            "Start-Process -FilePath 'C:/备案/it''s a $form.pdf' -Verb Print"
        );
    }
}
