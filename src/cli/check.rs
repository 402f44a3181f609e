//! `mediadesk check` and `mediadesk check-file`: the content screening (第六条三, 第六条五,
//! 第八条二) from the command line, with the shipped word lists. Exit 1 when anything blocks.
#![allow(clippy::print_stdout)]

use std::io::Write;
use std::path::Path;

use crate::domain::screening::{
    AttachmentPolicy, PersonalDataSettings, Screener, ScreeningReport, Severity,
};

/// Texts longer than this are refused: an article is tens of thousands of characters.
const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;

/// Whether what was checked blocks publishing, after printing the findings. With an existing
/// database its (user-edited) word lists and student/staff number patterns are used; otherwise
/// the shipped lists and no patterns.
pub fn check_text(
    source: Option<&Path>,
    text: Option<String>,
    json: bool,
    db: Option<&Path>,
    out: &mut dyn Write,
) -> Result<bool, String> {
    let text = match (source, text) {
        (_, Some(t)) => t,
        (Some(path), None) => read_text(path)?,
        (None, None) => return Err("请给出要检查的文件，或用 --text 直接给出文字。".to_owned()),
    };
    if text.trim().is_empty() {
        writeln!(out, "没有要检查的文字（内容为空）。").map_err(|e| e.to_string())?;
        return Ok(false);
    }
    let screener = match db {
        Some(path) => crate::store::Store::open(path)
            .and_then(|store| store.configured_screener())
            .map_err(|e| e.to_string())?,
        None => screener()?,
    };
    let report = screener.screen(&text);
    if json {
        let value = serde_json::json!({ "blocks": report.blocks(), "findings": report.findings, "links": report.links, "truncated": report.truncated });
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?
        )
        .map_err(|e| e.to_string())?;
    } else {
        print_report(&report, out).map_err(|e| e.to_string())?;
    }
    Ok(report.blocks())
}

/// Checks an attachment by its bytes (type, macros, archives, size, GPS) and screens its text.
pub fn check_file(path: &Path, json: bool, out: &mut dyn Write) -> Result<bool, String> {
    let policy = AttachmentPolicy::default();
    let size = std::fs::metadata(path)
        .map_err(|e| format!("无法读取「{}」：{e}", path.display()))?
        .len();
    // Never read a file larger than anything accepted: a 4 GB upload is refused by its size.
    if size > policy.max_bytes.max(policy.max_video_bytes) {
        return Err(format!(
            "「{}」有 {:.0} MB，超过附件大小上限，不能上传。请压缩或拆分后再试。",
            path.display(),
            size as f64 / 1_048_576.0
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("无法读取「{}」：{e}", path.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let report = screener()?.check_attachment(&name, &bytes, &policy);
    let w = |e: std::io::Error| e.to_string();
    if json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        )
        .map_err(w)?;
    } else {
        writeln!(
            out,
            "「{name}」：按内容识别为 {:?}，{} 字节",
            report.detected, report.size
        )
        .map_err(w)?;
        for issue in &report.issues {
            writeln!(out, "[{}] {}", issue.severity.label(), issue.message()).map_err(w)?;
        }
        if let Some(text) = &report.text_report {
            print_report(text, out).map_err(w)?;
        }
        if report.issues.is_empty()
            && report
                .text_report
                .as_ref()
                .is_none_or(|t| t.findings.is_empty())
        {
            writeln!(out, "未发现问题。").map_err(w)?;
        }
    }
    Ok(report.blocks())
}

fn screener() -> Result<Screener, String> {
    Screener::seeded(&PersonalDataSettings::default()).map_err(|e| e.to_string())
}

fn read_text(path: &Path) -> Result<String, String> {
    let meta =
        std::fs::metadata(path).map_err(|e| format!("无法读取「{}」：{e}", path.display()))?;
    if meta.len() > MAX_TEXT_BYTES {
        return Err(format!(
            "「{}」有 {:.0} MB，不像一篇稿件。请只检查稿件正文（不超过 16 MB），附件请用 check-file。",
            path.display(),
            meta.len() as f64 / 1_048_576.0
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("无法读取「{}」：{e}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| {
        format!(
            "「{}」不是 UTF-8 编码的文字（可能是二进制文件或 GBK 编码）。请另存为 UTF-8 文本，附件请用 check-file 检查。",
            path.display()
        )
    })
}

fn print_report(report: &ScreeningReport, out: &mut dyn Write) -> std::io::Result<()> {
    if report.findings.is_empty() {
        writeln!(out, "未发现问题。")?;
    }
    for f in &report.findings {
        writeln!(
            out,
            "第 {}–{} 字\t[{}]\t{}\t「{}」\t{}",
            f.start + 1,
            f.end,
            f.severity.label(),
            f.category.label(),
            f.matched,
            f.rule.label()
        )?;
    }
    let blocking = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Block)
        .count();
    if blocking > 0 {
        writeln!(
            out,
            "共 {} 处，其中 {blocking} 处必须处理后才能提交审核。",
            report.findings.len()
        )?;
    }
    if report.truncated {
        writeln!(out, "（问题过多，只列出前面的部分）")?;
    }
    Ok(())
}
