//! Wording of files in the window (`ui/file_chooser.rs`, `ui/saved_file.rs`, `ui/app_files.rs`):
//! the desktop's dialog that could not open, the in-window file chooser, where a saved file
//! went, and handing a PDF to the system's printing.

use std::fmt::Display;
use std::path::Path;

/// The desktop's file dialog could not open; the in-window chooser is shown instead.
pub const NATIVE_UNAVAILABLE: &str =
    "系统的文件对话框打不开，已改用 MediaDesk 自带的文件选择窗口。";

/// The chooser's titles, by what it is asked for.
pub const TITLE_SAVE: &str = "保存到…";
pub const TITLE_OPEN: &str = "选择文件";
pub const TITLE_FOLDER: &str = "选择文件夹";

/// The chooser's buttons and labels.
pub const OPEN: &str = "打开";
pub const SAVE: &str = "保存";
pub const CANCEL: &str = "取消";
pub const CHOOSE_FOLDER: &str = "选择此文件夹";
pub const NEW_FOLDER: &str = "新建文件夹";
pub const NEW_FOLDER_NAME: &str = "新建文件夹";
pub const RENAME: &str = "重命名";
pub const REFRESH: &str = "刷新";
pub const PARENT_FOLDER: &str = "上一级文件夹";
pub const FILE_LABEL: &str = "文件名：";
pub const FOLDER_LABEL: &str = "文件夹：";
pub const SHOW_HIDDEN: &str = "显示隐藏文件";

/// The saved-file bar's buttons.
pub const OPEN_FILE: &str = "打开文件";
pub const OPEN_FOLDER: &str = "打开所在文件夹";
pub const PRINT: &str = "打印";
pub const DISMISS: &str = "关闭";

/// Where a file went (the saved-file bar).
pub fn saved_to(path: &Path) -> String {
    format!("文件已保存到：{}", path.display())
}

/// The file could not be opened with the system's program.
pub fn file_unopenable(path: &Path, error: impl Display) -> String {
    format!(
        "无法打开「{}」：{error}。请在文件管理器中找到该文件后手动打开。",
        path.display()
    )
}

/// The folder could not be opened with the system's file manager.
pub fn folder_unopenable(path: &Path, error: impl Display) -> String {
    format!(
        "无法打开文件夹「{}」：{error}。请在文件管理器中手动打开。",
        path.display()
    )
}

/// The PDF was handed to the system's printing.
pub fn sent_to_printer(path: &Path) -> String {
    format!("已将「{}」交给系统打印，请到打印机取件。", path.display())
}

/// The system's printing refused the file.
pub fn print_failed(path: &Path, error: impl Display) -> String {
    format!(
        "打印「{}」没有成功：{error}。请检查打印机是否已连接并设为默认打印机，或点「打开文件」后从阅读器中打印。",
        path.display()
    )
}

/// `lp` (or PowerShell) ran but said no, with its own message.
pub fn printer_said(status: impl Display, message: &str) -> String {
    let message = message.trim();
    if message.is_empty() {
        format!("打印程序返回 {status}")
    } else {
        format!("打印程序返回 {status}：{message}")
    }
}

/// The printing program could not be started at all.
pub fn printer_not_started(program: &str, error: impl Display) -> String {
    format!("无法启动打印程序 {program}（{error}）")
}

/// Where a form being printed is written first (a temporary copy).
pub const PRINT_FOLDER: &str = "mediadesk-打印";
