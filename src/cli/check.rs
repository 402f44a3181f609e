//! `mediadesk check` and `mediadesk check-file`: the content screening (第六条三, 第六条五,
//! 第八条二) from the command line, with the shipped word lists. Exit 1 when anything blocks.
#![allow(clippy::print_stdout)]

use std::io::Write;
use std::path::Path;

use crate::domain::screening::{
    AttachmentPolicy, PersonalDataSettings, Screener, ScreeningReport, Severity,
};
use crate::files::ReadError;
use crate::text::cli_check;

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
        (None, None) => return Err(cli_check::CHECK_NOTHING_GIVEN.to_owned()),
    };
    if text.trim().is_empty() {
        writeln!(out, "{}", cli_check::CHECK_EMPTY).map_err(|e| e.to_string())?;
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
    // Never read more than anything accepted: a 4 GB upload stops at the limit, and a pipe or
    // a device is refused before it is opened.
    let limit = policy.max_bytes.max(policy.max_video_bytes);
    let bytes = crate::files::read_bytes(path, limit).map_err(|e| match e {
        ReadError::TooLarge { .. } => {
            cli_check::check_file_too_large(path, limit as f64 / 1_048_576.0)
        }
        other => other.to_string(),
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let report = screener()?.check_attachment(&name, &bytes, &policy);
    let w = |e: std::io::Error| e.to_string();
    if json {
        // The typed report, with each issue's sentence beside it for people reading the JSON.
        let mut value = serde_json::to_value(&report).map_err(|e| e.to_string())?;
        if let Some(issues) = value.get_mut("issues").and_then(|v| v.as_array_mut()) {
            for (json, issue) in issues.iter_mut().zip(&report.issues) {
                if let Some(fields) = json.as_object_mut() {
                    fields.insert("message".to_owned(), issue.message().into());
                }
            }
        }
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?
        )
        .map_err(w)?;
    } else {
        writeln!(
            out,
            "{}",
            cli_check::check_file_detected(&name, report.detected, report.size)
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
            writeln!(out, "{}", cli_check::CHECK_CLEAN).map_err(w)?;
        }
    }
    Ok(report.blocks())
}

fn screener() -> Result<Screener, String> {
    Screener::seeded(&PersonalDataSettings::default()).map_err(|e| e.to_string())
}

fn read_text(path: &Path) -> Result<String, String> {
    crate::files::read_text(path, MAX_TEXT_BYTES).map_err(|e| match e {
        ReadError::TooLarge { .. } => cli_check::check_text_too_large(path),
        ReadError::NotUtf8 { .. } => cli_check::check_not_utf8(path),
        other => other.to_string(),
    })
}

fn print_report(report: &ScreeningReport, out: &mut dyn Write) -> std::io::Result<()> {
    if report.findings.is_empty() {
        writeln!(out, "{}", cli_check::CHECK_CLEAN)?;
    }
    for f in &report.findings {
        writeln!(
            out,
            "{}",
            cli_check::check_finding(
                f.start,
                f.end,
                f.severity.label(),
                f.category.label(),
                &f.matched,
                &f.rule.label(),
            )
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
            "{}",
            cli_check::check_blocking(report.findings.len(), blocking)
        )?;
    }
    if report.truncated {
        writeln!(out, "{}", cli_check::CHECK_TRUNCATED)?;
    }
    Ok(())
}
