//! What views ask of the application: the pages, the [`Action`]s a view returns for
//! `app.rs` to apply once per frame, and the [`Hooks`] through which the window reaches the
//! desktop (dialogs, the system viewer), replaced in tests.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::file_chooser::{self, FileFor};
use super::native_dialog::{self, Dialog, Filter};
use super::platform_form::PlatformForm;
use super::{saved_file, widgets};
use crate::domain::filing::{FilingKind, FilingStep};
use crate::domain::lifecycle::{Closure, Shutdown};
use crate::domain::post::Queue;
use crate::domain::screening::{PersonalDataSettings, Severity};
use crate::domain::unit::{PersonDraft, UnitDraft};
use crate::domain::workflow::PostAction;
use crate::ops::imports::WordList;
use crate::store::{NewUser, Settings};

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

/// What the window asks of the desktop: native dialogs, the system's viewer, file manager
/// and printing. Tests replace them, so no test ever opens a dialog, a PDF viewer or a
/// printer. A dialog hook returning `None` is a Cancel, unless `dialog_failed` then says
/// the dialog could not open: the window then says so and opens its own chooser.
/// Asks where to save a file, given a suggested name.
pub type SavePathHook = Box<dyn FnMut(&str) -> Option<PathBuf>>;
/// Asks for a file or folder with the desktop's dialog.
pub type ChooseFileHook = Box<dyn FnMut(&Dialog) -> Option<PathBuf>>;
pub use super::saved_file::OpenFileHook;

pub struct Hooks {
    /// Where to save a PDF, given a suggested name (the desktop's save dialog).
    pub save_path: SavePathHook,
    /// A file to attach (the desktop's open dialog, PDF/JPG/PNG).
    pub pick_scan: Box<dyn FnMut() -> Option<PathBuf>>,
    /// Opens a file in the system's viewer (the PDF viewer for printing).
    pub open_file: OpenFileHook,
    /// A file to attach to a post (the desktop's open dialog, any type: the store checks
    /// the bytes).
    pub pick_attachment: Box<dyn FnMut() -> Option<PathBuf>>,
    /// Where to write a backup of the database, given a suggested name.
    pub save_backup: SavePathHook,
    /// Where to save the exported 台账, given a suggested name (xlsx).
    pub save_xlsx: SavePathHook,
    /// A spreadsheet to import (xlsx, xls, ods, csv).
    pub pick_sheet: Box<dyn FnMut() -> Option<PathBuf>>,
    /// The folder automatic backups go to.
    pub pick_folder: Box<dyn FnMut() -> Option<PathBuf>>,
    /// Any other file dialog (font, calendar, word list, server certificate).
    pub choose_file: ChooseFileHook,
    /// Asked after a dialog hook returned `None`: true when the dialog could not open
    /// (rather than being cancelled).
    pub dialog_failed: Box<dyn FnMut() -> bool>,
    /// Where the in-window chooser starts.
    pub chooser_folder: PathBuf,
    /// Opens a folder in the system's file manager (打开所在文件夹).
    pub open_folder: OpenFileHook,
    /// Hands a PDF to the system's printing (打印); `None` where there is none.
    pub print_file: Option<OpenFileHook>,
}

impl Default for Hooks {
    fn default() -> Self {
        let save = |name: &str, filter: Filter| Dialog::Save {
            name: name.to_owned(),
            filter,
        };
        Self {
            save_path: Box::new(move |name| {
                native_dialog::run(&save(
                    name,
                    Filter {
                        name: "PDF",
                        extensions: &["pdf"],
                    },
                ))
            }),
            pick_scan: Box::new(|| native_dialog::run(&FileFor::Scan(0).dialog())),
            open_file: Box::new(widgets::open_in_system_viewer),
            pick_attachment: Box::new(|| native_dialog::run(&FileFor::Attachment.dialog())),
            save_backup: Box::new(|name| {
                native_dialog::run(&FileFor::Backup(name.to_owned()).dialog())
            }),
            save_xlsx: Box::new(|name| {
                native_dialog::run(&FileFor::Export(name.to_owned()).dialog())
            }),
            pick_sheet: Box::new(|| native_dialog::run(&FileFor::Sheet.dialog())),
            pick_folder: Box::new(|| native_dialog::run(&Dialog::Folder)),
            choose_file: Box::new(native_dialog::run),
            dialog_failed: Box::new(native_dialog::take_failure),
            chooser_folder: file_chooser::start_folder(),
            open_folder: Box::new(saved_file::open_folder),
            print_file: saved_file::system_printer(),
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
    /// 设置 › 节假日安排: a year's schedule built in the month grids, or a file to read.
    SaveCalendarYear(crate::domain::calendar::YearSchedule),
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
    /// 待办's filing item: the 备案 page with the platform chosen for printing.
    OpenFilings {
        platform: Option<i64>,
        annual: bool,
    },
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
    /// A view needs a file: ask the desktop's dialog (or the in-window chooser) and go on
    /// with the flow of `FileFor` once it is chosen.
    ChooseFile(FileFor),
    /// 打印 in the form's preview: render to a temporary file, record it as printed, and
    /// hand it to the system's printing.
    PrintForms {
        platform_ids: Vec<i64>,
        kind: FilingKind,
        title: String,
        file_name: String,
    },
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
    /// 修改我的密码 (also the form after signing in with a reset password).
    ChangeOwnPassword {
        current: Secret,
        password: Secret,
        again: Secret,
    },
    /// 账号 (system administrator): a temporary password for someone who forgot theirs.
    ResetPassword {
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
