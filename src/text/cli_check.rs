//! Wording of the command line's word lists (`mediadesk words …`) and of `mediadesk check`.

use std::path::Path;

use crate::domain::screening::FileKind;
use crate::domain::screening::WordList as ScreeningWordList;

/// The allow list's Chinese name on the command line.
pub const ALLOW_LIST_NAME: &str = "允许";

pub fn unknown_word_list(name: &str) -> String {
    use crate::domain::screening::Category;
    let codes: Vec<String> = Category::WITH_WORD_LIST
        .iter()
        .map(|c| format!("{}（{}）", c.code(), c.label()))
        .collect();
    format!(
        "没有「{name}」这个词表。可用：1–12、{}、allow（允许词）",
        codes.join("、")
    )
}

pub fn unknown_severity(name: &str) -> String {
    format!("严重程度「{name}」无效，请用 block（拦截）或 warn（提醒）")
}

pub fn word_list_heading(list: &ScreeningWordList, version: i64) -> String {
    format!(
        "# {}（{}，第 {version} 版，{} 个词）",
        list.category.label(),
        list.category.code(),
        list.entries.len()
    )
}

pub fn word_added(word: &str, added: bool) -> String {
    if added {
        format!("已添加「{word}」")
    } else {
        format!("「{word}」已在词表中")
    }
}

pub fn word_removed(word: &str) -> String {
    format!("已删除「{word}」")
}

pub fn words_imported(added: usize, duplicates: usize) -> String {
    format!("已导入 {added} 个词，{duplicates} 个已存在。")
}

pub fn word_not_imported(why: &str) -> String {
    format!("未导入：{why}")
}

/// One field of `platforms show`: 「账号名称：商学院」.
pub fn field_line(label: &str, value: &str) -> String {
    format!("{label}：{value}")
}

// ---------------------------------------------------------------------------------------------
// mediadesk check / check-file (cli/check.rs)
// ---------------------------------------------------------------------------------------------

pub const CHECK_NOTHING_GIVEN: &str = "请给出要检查的文件，或用 --text 直接给出文字。";
pub const CHECK_EMPTY: &str = "没有要检查的文字（内容为空）。";
pub const CHECK_CLEAN: &str = "未发现问题。";
pub const CHECK_TRUNCATED: &str = "（问题过多，只列出前面的部分）";

/// An attachment over the size limit: reading stopped there.
pub fn check_file_too_large(path: &Path, limit_megabytes: f64) -> String {
    format!(
        "「{}」超过附件大小上限（{limit_megabytes:.0} MB），不能上传。请压缩或拆分后再试。",
        path.display()
    )
}

/// A text over 16 MB: not an article.
pub fn check_text_too_large(path: &Path) -> String {
    format!(
        "「{}」超过 16 MB，不像一篇稿件。请只检查稿件正文（不超过 16 MB），附件请用 check-file。",
        path.display()
    )
}

pub fn check_not_utf8(path: &Path) -> String {
    format!(
        "「{}」不是 UTF-8 编码的文字（可能是二进制文件或 GBK 编码）。请另存为 UTF-8 文本，附件请用 check-file 检查。",
        path.display()
    )
}

/// What the attachment is by its content: 「「a.docx」：按内容识别为 Word 文档（.docx），1024 字节」.
pub fn check_file_detected(name: &str, detected: FileKind, size: u64) -> String {
    format!("「{name}」：按内容识别为 {}，{size} 字节", detected.label())
}

/// One finding, tab-separated: where (counted from 1), severity, category, what, rule.
pub fn check_finding(
    start: usize,
    end: usize,
    severity: &str,
    category: &str,
    matched: &str,
    rule: &str,
) -> String {
    format!(
        "第 {}–{end} 字\t[{severity}]\t{category}\t「{matched}」\t{rule}",
        start + 1
    )
}

pub fn check_blocking(total: usize, blocking: usize) -> String {
    format!("共 {total} 处，其中 {blocking} 处必须处理后才能提交审核。")
}
