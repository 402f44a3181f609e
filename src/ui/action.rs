//! What views ask of the application: the pages, the [`Action`]s a view returns for
//! `app.rs` to apply once per frame, and the [`Hooks`] through which the window reaches the
//! desktop (dialogs, the system viewer), replaced in tests.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::platform_form::PlatformForm;
use super::widgets;
use crate::domain::filing::{FilingKind, FilingStep};
use crate::domain::lifecycle::{Closure, Shutdown};
use crate::domain::post::Queue;
use crate::domain::screening::{PersonalDataSettings, Severity};
use crate::domain::unit::{PersonDraft, UnitDraft};
use crate::domain::workflow::PostAction;
use crate::ops::imports::WordList;
use crate::store::{NewUser, Settings};
use crate::text::{ui_exchange, ui_window};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// 待办: what the signed-in person has to do, by when (the first page after sign-in).
    Todo,
    /// 督查: what is due today (the school-level role's first page).
    Supervision,
    Registry,
    Filings,
    Units,
    Settings,
    /// 信息发布: the queues, the list of posts, and one post's page.
    Posts,
    Audit,
    Users,
}

/// What the window asks of the desktop: native dialogs and the system's viewer. Tests
/// replace them, so no test ever opens a dialog or a PDF viewer.
/// Asks where to save a file, given a suggested name.
pub type SavePathHook = Box<dyn FnMut(&str) -> Option<PathBuf>>;
/// Opens a file with the desktop's viewer.
pub type OpenFileHook = Box<dyn FnMut(&Path) -> Result<(), String>>;

pub struct Hooks {
    /// Where to save a file, given a suggested name (rfd's save dialog).
    pub save_path: SavePathHook,
    /// A file to attach (rfd's open dialog, PDF/JPG/PNG).
    pub pick_scan: Box<dyn FnMut() -> Option<PathBuf>>,
    /// Opens a file in the system's viewer (the PDF viewer for printing).
    pub open_file: OpenFileHook,
    /// A file to attach to a post (rfd's open dialog, any type: the store checks the bytes).
    pub pick_attachment: Box<dyn FnMut() -> Option<PathBuf>>,
    /// Where to write a backup of the database, given a suggested name.
    pub save_backup: SavePathHook,
    /// Where to save the exported 台账, given a suggested name (rfd's save dialog, xlsx).
    pub save_xlsx: SavePathHook,
    /// A spreadsheet to import (rfd's open dialog: xlsx, xls, ods, csv).
    pub pick_sheet: Box<dyn FnMut() -> Option<PathBuf>>,
    /// The folder automatic backups go to (rfd's folder dialog).
    pub pick_folder: Box<dyn FnMut() -> Option<PathBuf>>,
}

impl Default for Hooks {
    fn default() -> Self {
        Self {
            save_path: Box::new(|name| {
                rfd::FileDialog::new()
                    .set_file_name(name)
                    .add_filter("PDF", &["pdf"])
                    .save_file()
            }),
            pick_scan: Box::new(|| {
                rfd::FileDialog::new()
                    .add_filter(ui_window::SCAN_FILES, &["pdf", "jpg", "jpeg", "png"])
                    .pick_file()
            }),
            open_file: Box::new(widgets::open_in_system_viewer),
            pick_attachment: Box::new(|| rfd::FileDialog::new().pick_file()),
            save_backup: Box::new(|name| {
                rfd::FileDialog::new()
                    .set_file_name(name)
                    .add_filter(ui_window::DATABASE_FILES, &["db"])
                    .save_file()
            }),
            save_xlsx: Box::new(|name| {
                rfd::FileDialog::new()
                    .set_file_name(name)
                    .add_filter(ui_exchange::XLSX_FILES, &["xlsx"])
                    .save_file()
            }),
            pick_sheet: Box::new(|| {
                rfd::FileDialog::new()
                    .add_filter(
                        ui_exchange::SHEET_FILES,
                        &["xlsx", "xlsm", "xls", "xlsb", "ods", "csv"],
                    )
                    .pick_file()
            }),
            pick_folder: Box::new(|| rfd::FileDialog::new().pick_folder()),
        }
    }
}

/// Everything a view can ask for; applied by `Workspace::apply`, which hands each group to
/// the file of its page (`app_registry`, `app_posts`, `app_settings`, `app_people`).
#[must_use]
#[derive(Debug)]
pub enum Action {
    /// The welcome page: load the demo school.
    LoadDemo,
    /// The welcome page: start with one's own unit (created once the first account exists).
    BeginFresh(String),
    SignIn {
        login: String,
        password: Secret,
    },
    /// The first account of a new database: its system administrator.
    CreateFirstAdmin(Box<NewUser>),
    /// 备案 page: 报送 or 归档 of a filing record.
    FilingStep {
        filing_id: i64,
        version: i64,
        step: FilingStep,
    },
    /// History window: the change report was handed in.
    MarkChangeReported {
        change_id: i64,
        version: i64,
        on: NaiveDate,
    },
    ClosePlatform {
        platform_id: i64,
        closure: Closure,
    },
    ShutDownPlatform {
        platform_id: i64,
        shutdown: Shutdown,
    },
    /// 设置 › 节假日安排: a year's schedule as text (the editor), or a file to read.
    ImportCalendarText(String),
    ImportCalendarFile(PathBuf),
    /// 设置 › 审查词表.
    AddWord {
        list: WordList,
        word: String,
        severity: Severity,
        reason: String,
    },
    RemoveWord {
        list: WordList,
        word: String,
        reason: String,
    },
    ImportWords {
        list: WordList,
        path: PathBuf,
        severity: Severity,
        reason: String,
    },
    ExportWords {
        list: WordList,
        path: PathBuf,
    },
    /// The student and staff number patterns (第六条五第12项).
    SavePatterns(PersonalDataSettings),
    Navigate(Page),
    NewPlatform,
    EditPlatform(i64),
    SavePlatform(Box<PlatformForm>),
    /// Close the platform dialog and drop its autosaved draft.
    ClosePlatformDialog,
    /// Data changed elsewhere: reload lists and the registry.
    Reload,
    /// 设置 → 数据库: leave the server for this computer's default database file.
    UseDefaultFile,
    /// The status line: try the school's server again now.
    Reconnect,
    Notice(String),
    Error(String),
    /// Render and save the forms of these platforms (after the save dialog), off the UI thread.
    StartPrint {
        platform_ids: Vec<i64>,
        kind: FilingKind,
        title: String,
        file_name: String,
    },
    CancelPrint,
    AttachScan(i64),
    OpenScan(i64),
    /// The platform's history and lifecycle window.
    OpenHistory(i64),
    PrintChangeReport(i64),
    /// The closure report or shutdown notice of an ended platform.
    PrintEnding(i64),
    /// One of the user's 待我处理 queues.
    ShowQueue(Queue),
    NewPost,
    OpenPost(i64),
    /// Back from a post's page to the list.
    ClosePost,
    SavePost,
    /// The author deletes the open draft (never submitted), after confirming.
    DeleteDraft,
    /// Save, and back to the list only if the save went through.
    SaveAndClosePost,
    /// Save, then submit for review.
    SubmitPost,
    PostStep(PostAction),
    OverrideScreening(String),
    AttachToPost,
    RemoveAttachment(i64),
    OpenAttachment(i64),
    /// 信息发布审核单 of a post, as PDF.
    PrintSlip(i64),
    /// 切换用户: sign out, back to the sign-in page.
    SwitchUser,
    /// 设置 (system administrator).
    SaveSettings(Box<Settings>),
    AddPlatformKind {
        name: String,
        has_account_type: bool,
    },
    DeletePlatformKind {
        id: i64,
        name: String,
    },
    /// Copy the whole database to a file the user picks.
    BackupDatabase,
    /// 审计记录: put the audit log's append-only triggers back (system administrator).
    RepairAuditTriggers,
    /// 导出 Excel: the registry's shown rows (after the save dialog).
    ExportRegistry,
    /// 导入: pick a spreadsheet and open the mapping and preview dialog.
    OpenImport,
    /// The import dialog's 导入 N 个平台 (all or nothing).
    CommitImport,
    /// 设置 → 数据库: a backup into the backup folder now.
    BackupNow,
    /// 设置 → 数据库: choose the backup folder (`None`: back to the default).
    ChooseBackupFolder {
        reset: bool,
    },
    /// 设置 → 数据库: replace the database with this backup (after the confirmation).
    RestoreBackup(PathBuf),
    /// 单位与人员: a new or edited unit (`editing` = id and version).
    SaveUnit {
        editing: Option<(i64, i64)>,
        draft: UnitDraft,
    },
    SavePerson {
        editing: Option<(i64, i64)>,
        draft: PersonDraft,
    },
    /// 账号 (system administrator): a new account.
    AddUser(Box<NewUser>),
    SetUserActive {
        user: i64,
        active: bool,
    },
    SetPassword {
        user: i64,
        password: Secret,
        again: Secret,
    },
}

/// A password on its way from a field to the store: never shown by `Debug`.
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("***")
    }
}
