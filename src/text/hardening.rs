//! Wording for issue 15's hardening: characters refused in text fields, files that are not
//! read, and the command line's argument errors (clap's English replaced).

use std::fmt;
use std::io::ErrorKind;

use crate::domain::identity::{code_point, terminal_safe_line};
use crate::files::{NotAFile, ReadError};

// ---------------------------------------------------------------------------------------------
// 文本字段中的控制字符与不可见字符（domain/identity.rs）
// ---------------------------------------------------------------------------------------------

/// What a person may call a character that cannot be seen.
pub fn character_name(c: char) -> &'static str {
    match c {
        '\0' => "空字符",
        '\u{1B}' => "转义符",
        '\r' => "单独的回车符",
        '\u{7F}' => "删除符",
        '\u{202E}' => "从右向左强制符",
        '\u{202D}' => "从左向右强制符",
        '\u{202A}' | '\u{202B}' => "文字方向嵌入符",
        '\u{202C}' => "文字方向结束符",
        '\u{2066}'..='\u{2069}' => "文字方向隔离符",
        '\u{200E}' | '\u{200F}' | '\u{061C}' => "文字方向标记",
        '\u{200B}' => "零宽空格",
        '\u{200C}' => "零宽不连字",
        '\u{200D}' => "零宽连字",
        '\u{00AD}' => "软连字符",
        '\u{FEFF}' => "零宽不换行空格（字节顺序标记）",
        '\u{2060}' => "词连接符",
        '\u{FE00}'..='\u{FE0F}' => "变体选择符",
        c if c.is_control() => "控制字符",
        _ => "不可见字符",
    }
}

/// A text field holds a control or direction character (identity::check_text_field).
pub fn refused_character(c: char, position: usize) -> String {
    format!(
        "第 {} 个字是看不见的{}（{}），它会搅乱文字的显示或处理，多半是从别处复制时带进来的。请删除它后重新输入。",
        position + 1,
        character_name(c),
        code_point(c),
    )
}

/// An account ID holds a zero-width or other invisible character.
pub fn invisible_in_account(c: char, position: usize) -> String {
    format!(
        "第 {} 个字是看不见的{}（{}）。账号/网址中不应有这样的字符，多半是复制时带进来的，请删除后重新输入。",
        position + 1,
        character_name(c),
        code_point(c),
    )
}

// ---------------------------------------------------------------------------------------------
// 读取文件（files.rs）
// ---------------------------------------------------------------------------------------------

/// A size for people: 「8 MB」, 「512 KB」, 「100 字节」.
pub fn byte_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MB", bytes / MIB)
    } else if bytes >= MIB {
        format!("{:.1} MB", bytes as f64 / MIB as f64)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KB", bytes / KIB)
    } else {
        format!("{bytes} 字节")
    }
}

fn not_a_file(kind: NotAFile) -> &'static str {
    match kind {
        NotAFile::Directory => "是一个文件夹，不是文件。请选择文件夹里的文件",
        NotAFile::Fifo => {
            "是一个命名管道（FIFO），不是普通文件：读取它会一直等待别的程序写入。请先把内容保存为文件，再选择该文件"
        }
        NotAFile::CharDevice | NotAFile::BlockDevice => {
            "是一个设备（如 /dev/zero），不是普通文件：读取它可能永远读不完。请选择普通文件"
        }
        NotAFile::Socket => "是一个套接字，不是普通文件。请选择普通文件",
        NotAFile::Other => "不是普通文件。请选择普通文件",
    }
}

/// An io error in words, without the system's English.
pub fn io_problem(kind: ErrorKind, code: Option<i32>) -> String {
    let what = match kind {
        ErrorKind::PermissionDenied => "没有读取权限，请检查文件的权限或换一个位置的副本",
        ErrorKind::NotFound => "文件不存在",
        ErrorKind::IsADirectory => "这是一个文件夹，不是文件",
        ErrorKind::NotADirectory => "路径中的某一级不是文件夹",
        ErrorKind::Interrupted | ErrorKind::TimedOut | ErrorKind::WouldBlock => {
            "读取被中断，请重试"
        }
        ErrorKind::InvalidFilename => "文件名无效或过长",
        ErrorKind::ResourceBusy => "文件正被其他程序占用，请关闭该程序后重试",
        ErrorKind::OutOfMemory => "内存不足",
        _ => "系统读取失败，请确认文件没有损坏、所在的磁盘或 U 盘仍然连接",
    };
    match code {
        Some(code) => format!("{what}（系统错误代码 {code}）"),
        None => what.to_owned(),
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A file name may hold anything a file system allows, escape sequences included.
        let path = terminal_safe_line(&self.path().display().to_string()).into_owned();
        match self {
            Self::NotFound { .. } => write!(f, "文件「{path}」不存在，请检查路径和文件名。"),
            Self::DanglingLink { .. } => write!(
                f,
                "「{path}」是一个快捷方式（符号链接），它指向的文件不存在。请选择实际的文件。"
            ),
            Self::NotAFile { kind, .. } => write!(f, "「{path}」{}。", not_a_file(*kind)),
            Self::TooLarge { limit, .. } => write!(
                f,
                "文件「{path}」超过了 {} 的上限，没有读取。请确认选对了文件，或把内容拆成几个较小的文件。",
                byte_size(*limit)
            ),
            Self::NotUtf8 { line, .. } => write!(
                f,
                "文件「{path}」第 {line} 行不是 UTF-8 编码的文字（可能是 GBK 编码或不是文本文件）。请用记事本等编辑器“另存为” UTF-8 编码后再试。"
            ),
            Self::Io { kind, code, .. } => {
                write!(f, "无法读取文件「{path}」：{}。", io_problem(*kind, *code))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 命令行参数错误（cli/clap_zh.rs）
// ---------------------------------------------------------------------------------------------

pub const CLI_ERROR_PREFIX: &str = "错误：";
pub const CLI_USAGE: &str = "用法：";
pub const CLI_MORE_HELP: &str = "加 --help 可查看这条命令的全部参数和说明。";
pub const CLI_BAD_ARGUMENTS: &str = "命令行参数有误。";
pub const CLI_NOT_UTF8: &str =
    "参数中有无法识别的字符（不是 UTF-8 编码），请检查输入法或终端的编码设置。";

pub fn cli_unknown_argument(arg: &str) -> String {
    format!("不认识参数「{arg}」。")
}

pub fn cli_unknown_subcommand(name: &str) -> String {
    format!("没有「{name}」这个命令。")
}

pub fn cli_missing_arguments(args: &[String]) -> String {
    format!("缺少必填的参数：{}。", quoted(args))
}

pub fn cli_missing_subcommand(command: &str, valid: &[String]) -> String {
    if valid.is_empty() {
        format!("「{command}」后面还需要一个子命令。")
    } else {
        format!(
            "「{command}」后面还需要一个子命令，可用的有：{}。",
            quoted(valid)
        )
    }
}

pub fn cli_missing_value(arg: &str) -> String {
    format!("参数「{arg}」需要一个值，但没有给出。")
}

pub fn cli_invalid_value(arg: &str, value: &str) -> String {
    format!("参数「{arg}」的值「{value}」不正确。")
}

pub fn cli_possible_values(values: &[String]) -> String {
    format!("可以填写：{}。", quoted(values))
}

pub fn cli_conflict(arg: &str, other: Option<&str>) -> String {
    match other {
        Some(other) if other == arg => format!("参数「{arg}」只能给一次。"),
        Some(other) => format!("参数「{arg}」不能和「{other}」同时使用。"),
        None => format!("参数「{arg}」不能和已给出的其他参数同时使用。"),
    }
}

pub fn cli_too_many_values(arg: &str, value: &str) -> String {
    format!("参数「{arg}」多给了一个值「{value}」。")
}

pub fn cli_wrong_number_of_values(arg: &str, expected: isize, actual: isize) -> String {
    format!("参数「{arg}」需要 {expected} 个值，实际给了 {actual} 个。")
}

pub fn cli_too_few_values(arg: &str, minimum: isize, actual: isize) -> String {
    format!("参数「{arg}」至少需要 {minimum} 个值，实际给了 {actual} 个。")
}

pub fn cli_needs_equals(arg: &str) -> String {
    format!("参数「{arg}」的值要用等号连写，例如 {arg}=值。")
}

pub fn cli_did_you_mean(suggestion: &str) -> String {
    format!("您是不是想输入「{suggestion}」？")
}

pub fn cli_value_after_double_dash(value: &str) -> String {
    format!("如果「{value}」本身就是要填的值，请在它前面加上 -- 。")
}

/// Why a value could not be read, for the value parsers clap uses here.
pub const CLI_EXPECTED_INTEGER: &str = "这里应填写一个整数，例如 100。";
pub const CLI_EXPECTED_NUMBER: &str = "这里应填写一个数字。";
pub const CLI_EXPECTED_DATE: &str =
    "日期或时间的写法不对，日期应写成 2026-11-26，时间写成 2026-11-26 09:30。";
pub const CLI_EXPECTED_BOOL: &str = "这里应填写 true 或 false。";

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|item| format!("「{item}」"))
        .collect::<Vec<_>>()
        .join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        let cases = [
            (100, "100 字节"),
            (1024, "1 KB"),
            (1536, "1536 字节"),
            (8 * 1024 * 1024, "8 MB"),
            (1024 * 1024 + 1024 * 512, "1.5 MB"),
        ];
        for (bytes, words) in cases {
            assert_eq!(byte_size(bytes), words, "{bytes}");
        }
    }

    #[test]
    fn io_problems_carry_no_english() {
        for kind in [
            ErrorKind::PermissionDenied,
            ErrorKind::Other,
            ErrorKind::UnexpectedEof,
            ErrorKind::IsADirectory,
        ] {
            let words = io_problem(kind, Some(13));
            let english = words
                .as_bytes()
                .windows(2)
                .any(|w| w.iter().all(u8::is_ascii_alphabetic));
            assert!(!english, "{words}");
            assert!(words.contains("13"), "{words}");
        }
    }
}
