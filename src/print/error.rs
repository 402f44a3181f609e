//! What can go wrong while printing, worded for the person at the desk.

use thiserror::Error;

/// Each message says what is wrong and what to do, so the window can show it as it is.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum PrintError {
    #[error("所选文件不是可用的字体文件。请选择 .ttf、.otf 或 .ttc 格式的中文字体。")]
    NotAFont,
    #[error(
        "所选字体缺少备案表要用的 {count} 个汉字或符号（如「{sample}」），打印出来会缺字。\
         请选择包含简体中文的字体，例如思源宋体（Noto Serif CJK SC）或宋体。"
    )]
    FontMissingGlyphs { sample: String, count: usize },
    #[error("内置的中文字体无法读取，程序文件可能已损坏。请重新安装 MediaDesk。")]
    BundledFontBroken,
    #[error("没有要打印的备案表。请先选择至少一个平台。")]
    NothingToPrint,
    #[error("打印已取消，没有生成 PDF。")]
    Cancelled,
    #[error("保存位置「{folder}」不存在，可能已被移动或删除。请重新选择保存位置。")]
    FolderMissing { folder: String },
    #[error("没有权限在「{folder}」中保存文件。请换一个文件夹（如“文档”或桌面）后重试。")]
    NoPermission { folder: String },
    #[error("磁盘空间不足，无法保存「{path}」。请清理磁盘或换一个位置后重试。")]
    DiskFull { path: String },
    #[error("「{path}」不是文件名。请在保存对话框中输入文件名，例如“备案表.pdf”。")]
    NotAFilePath { path: String },
    #[error("无法保存「{path}」（{reason}）。请换一个位置或文件名后重试。")]
    WriteFailed { path: String, reason: String },
}
