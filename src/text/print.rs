//! Wording of what can go wrong while printing: what is wrong and what to do about it.

use std::fmt;

use crate::print::PrintError;

/// Characters of the values that the print font has no glyph for (at most eight shown, each
/// with its code point: the window's own font may lack them as well).
pub fn unprintable_chars(chars: &[char]) -> String {
    let shown: Vec<String> = chars
        .iter()
        .take(8)
        .map(|c| format!("「{c}」U+{:04X}", u32::from(*c)))
        .collect();
    let more = if chars.len() > 8 { "等" } else { "" };
    format!(
        "打印字体没有这 {} 个字：{}{more}，它们会印成空框。需要印出时，请在 设置 → 打印字体 中选用含有这些字的字体。",
        chars.len(),
        shown.join("、")
    )
}

impl fmt::Display for PrintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrintError::NotAFont => f.write_str(
                "所选文件不是可用的字体文件。请选择 .ttf、.otf 或 .ttc 格式的中文字体。",
            ),
            PrintError::FontMissingGlyphs { sample, count } => write!(
                f,
                "所选字体缺少备案表要用的 {count} 个汉字或符号（如「{sample}」），打印出来会缺字。\
                 请选择包含简体中文的字体，例如思源宋体（Noto Serif CJK SC）或宋体。"
            ),
            PrintError::BundledFontBroken => {
                f.write_str("内置的中文字体无法读取，程序文件可能已损坏。请重新安装 MediaDesk。")
            }
            PrintError::NothingToPrint => f.write_str("没有要打印的备案表。请先选择至少一个平台。"),
            PrintError::Cancelled => f.write_str("打印已取消，没有生成 PDF。"),
            PrintError::FolderMissing { folder } => write!(
                f,
                "保存位置「{folder}」不存在，可能已被移动或删除。请重新选择保存位置。"
            ),
            PrintError::NoPermission { folder } => write!(
                f,
                "没有权限在「{folder}」中保存文件。请换一个文件夹（如“文档”或桌面）后重试。"
            ),
            PrintError::DiskFull { path } => write!(
                f,
                "磁盘空间不足，无法保存「{path}」。请清理磁盘或换一个位置后重试。"
            ),
            PrintError::NotAFilePath { path } => write!(
                f,
                "「{path}」不是文件名。请在保存对话框中输入文件名，例如“备案表.pdf”。"
            ),
            PrintError::WriteFailed { path, reason } => write!(
                f,
                "无法保存「{path}」（{reason}）。请换一个位置或文件名后重试。"
            ),
        }
    }
}
