//! The in-window file chooser (`egui_file`), used when the desktop's dialog could not open,
//! and the one pending file request of the workspace: what a path is for, so the flow that
//! asked can go on when the chooser (shown over several frames) returns.

use std::path::{Path, PathBuf};

use eframe::egui;
use egui_file::{FileDialog, State};

use super::native_dialog::{Dialog, Filter};
use crate::domain::filing::FilingKind;
use crate::domain::screening::Severity;
use crate::ops::imports::WordList;
use crate::ops::reports::Document;
use crate::text::{ui_exchange, ui_files as wording, ui_server, ui_settings, ui_window};

const PDF: Filter = Filter {
    name: "PDF",
    extensions: &["pdf"],
};
const SCANS: Filter = Filter {
    name: ui_window::SCAN_FILES,
    extensions: &["pdf", "jpg", "jpeg", "png"],
};
const DATABASE: Filter = Filter {
    name: ui_window::DATABASE_FILES,
    extensions: &["db"],
};
const XLSX: Filter = Filter {
    name: ui_exchange::XLSX_FILES,
    extensions: &["xlsx"],
};
const SHEETS: Filter = Filter {
    name: ui_exchange::SHEET_FILES,
    extensions: &["xlsx", "xlsm", "xls", "xlsb", "ods", "csv"],
};
const FONTS: Filter = Filter {
    name: ui_settings::FONT_FILES,
    extensions: &["ttf", "otf", "ttc"],
};
const CALENDARS: Filter = Filter {
    name: "JSON",
    extensions: &["json"],
};
const TEXT: Filter = Filter {
    name: ui_settings::TEXT_FILES,
    extensions: &["txt"],
};
const CERTS: Filter = Filter {
    name: ui_server::CERT_FILES,
    extensions: &["pem", "crt", "cer"],
};

/// What a path is asked for: the flow that continues once it is chosen (the same road for
/// the desktop's dialog and the in-window chooser).
pub enum FileFor {
    /// 保存 PDF of the filing forms (recorded as printed once written).
    FilingForm {
        platform_ids: Vec<i64>,
        kind: FilingKind,
        title: String,
        file_name: String,
    },
    /// A rendered one-copy document: change report, closure report, notice, approval slip.
    Document(Box<Document>),
    /// 附加扫描件 of a filing record.
    Scan(i64),
    /// 添加附件 of the open post.
    Attachment,
    /// 备份数据库… (the suggested name).
    Backup(String),
    /// 导出 Excel (the suggested name).
    Export(String),
    /// 导入: the spreadsheet.
    Sheet,
    /// 设置 → 数据库: the backup folder.
    BackupFolder,
    /// 设置: 选择字体文件.
    Font,
    /// 设置 › 节假日安排: a calendar file to import.
    Calendar,
    /// 设置 › 审查词表: the 浏览 button (fills the 文件 field).
    WordsFile,
    /// 设置 › 审查词表: 导入 with no file typed.
    ImportWords {
        list: WordList,
        severity: Severity,
        reason: String,
    },
    /// 设置 › 审查词表: 导出 with no file typed.
    ExportWords { list: WordList, file_name: String },
    /// The server form's root certificate (on the welcome page or under 设置 → 数据库).
    ServerCa,
}

impl std::fmt::Debug for FileFor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = match self {
            Self::FilingForm { .. } => "FilingForm",
            Self::Document(_) => "Document",
            Self::Scan(_) => "Scan",
            Self::Attachment => "Attachment",
            Self::Backup(_) => "Backup",
            Self::Export(_) => "Export",
            Self::Sheet => "Sheet",
            Self::BackupFolder => "BackupFolder",
            Self::Font => "Font",
            Self::Calendar => "Calendar",
            Self::WordsFile => "WordsFile",
            Self::ImportWords { .. } => "ImportWords",
            Self::ExportWords { .. } => "ExportWords",
            Self::ServerCa => "ServerCa",
        };
        f.write_str(name)
    }
}

impl FileFor {
    /// The dialog that asks for this path.
    pub fn dialog(&self) -> Dialog {
        let save = |name: &str, filter| Dialog::Save {
            name: name.to_owned(),
            filter,
        };
        match self {
            Self::FilingForm { file_name, .. } => save(file_name, PDF),
            Self::Document(d) => save(&d.file_name, PDF),
            Self::Scan(_) => Dialog::Open(Some(SCANS)),
            Self::Attachment => Dialog::Open(None),
            Self::Backup(name) => save(name, DATABASE),
            Self::Export(name) => save(name, XLSX),
            Self::Sheet => Dialog::Open(Some(SHEETS)),
            Self::BackupFolder => Dialog::Folder,
            Self::Font => Dialog::Open(Some(FONTS)),
            Self::Calendar => Dialog::Open(Some(CALENDARS)),
            Self::WordsFile | Self::ImportWords { .. } => Dialog::Open(Some(TEXT)),
            Self::ExportWords { file_name, .. } => save(file_name, TEXT),
            Self::ServerCa => Dialog::Open(Some(CERTS)),
        }
    }
}

/// The pending request: what the path is for, and the in-window chooser asking for it.
pub struct FileRequest {
    pub purpose: FileFor,
    chooser: FileDialog,
}

/// What the chooser did this frame.
pub enum Chosen {
    Waiting,
    Cancelled,
    Path(PathBuf),
}

impl FileRequest {
    /// Opens the chooser for `purpose`, starting in `folder`.
    pub fn open(purpose: FileFor, folder: &Path) -> Self {
        let dialog = purpose.dialog();
        let chooser = match &dialog {
            Dialog::Open(filter) => {
                let mut c = FileDialog::open_file().title(wording::TITLE_OPEN);
                if let Some(f) = filter {
                    let extensions = f.extensions;
                    c = c.show_files_filter(Box::new(move |p: &Path| {
                        p.extension()
                            .and_then(|e| e.to_str())
                            .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
                    }));
                }
                c
            }
            Dialog::Save { name, .. } => FileDialog::save_file()
                .title(wording::TITLE_SAVE)
                .default_filename(name.clone()),
            Dialog::Folder => FileDialog::select_folder().title(wording::TITLE_FOLDER),
        };
        let open_text = if matches!(dialog, Dialog::Folder) {
            wording::CHOOSE_FOLDER
        } else {
            wording::OPEN
        };
        let mut chooser = chooser
            .initial_path(folder)
            .open_button_text(open_text.into())
            .save_button_text(wording::SAVE.into())
            .cancel_button_text(wording::CANCEL.into())
            .new_folder_button_text(wording::NEW_FOLDER.into())
            .new_folder_name_text(wording::NEW_FOLDER_NAME.into())
            .rename_button_text(wording::RENAME.into())
            .refresh_button_hover_text(wording::REFRESH.into())
            .parent_folder_button_hover_text(wording::PARENT_FOLDER.into())
            .file_label_text(wording::FILE_LABEL.into())
            .show_hidden_checkbox_text(wording::SHOW_HIDDEN.into())
            .id(chooser_id())
            .show_rename(false)
            .default_size([640.0, 420.0])
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0]);
        chooser.open();
        Self { purpose, chooser }
    }

    /// Draws the chooser; what it returned.
    pub fn ui(&mut self, ctx: &egui::Context) -> Chosen {
        let state = self.chooser.show(ctx).state();
        name_fields(ctx);
        match state {
            State::Open => Chosen::Waiting,
            State::Selected => self
                .chooser
                .path()
                .map_or(Chosen::Cancelled, |p| Chosen::Path(p.to_path_buf())),
            State::Cancelled | State::Closed => Chosen::Cancelled,
        }
    }
}

/// The chooser's window (and so its layer).
fn chooser_id() -> egui::Id {
    egui::Id::unique("mediadesk_file_chooser")
}

/// `egui_file` leaves its two text fields without an accessible name (a screen reader says
/// only "text"); named here after they are laid out, top to bottom: the folder, the file.
fn name_fields(ctx: &egui::Context) {
    let layer = egui::LayerId::new(egui::Order::Middle, chooser_id());
    let mut widgets: Vec<(f32, egui::Id)> = ctx.viewport(|v| {
        v.this_pass
            .widgets
            .get_layer(layer)
            .map(|w| (w.rect.top(), w.id))
            .collect()
    });
    widgets.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut names = [wording::FOLDER_LABEL, wording::FILE_LABEL].into_iter();
    for (_, id) in widgets {
        if !ctx.has_accesskit_node(id) {
            continue;
        }
        let is_input = ctx.accesskit_node_builder(id, |n| {
            n.role() == egui::accesskit::Role::TextInput && n.label().is_none()
        });
        if is_input == Some(true) {
            let Some(name) = names.next() else {
                return;
            };
            ctx.accesskit_node_builder(id, |n| n.set_label(name));
        }
    }
}

/// Where the chooser starts: the documents folder, else home, else here.
pub fn start_folder() -> PathBuf {
    dirs::document_dir()
        .filter(|d| d.is_dir())
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| PathBuf::from("."))
}
