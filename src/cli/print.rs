//! `mediadesk print …`: the filing form (recorded as 待签章), the annual review, and the
//! one-copy documents, through the same `ops` functions as the window.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Subcommand;

use super::CliError;
use crate::domain::filing::FilingKind;
use crate::ops;
use crate::ops::filing::PrintWarning;
use crate::store::Store;
use crate::text::cli_print;

#[derive(Subcommand, Debug)]
pub enum PrintCommand {
    /// 打印一个平台的备案表（一式四份），记录为待签章
    FilingForm {
        #[arg(long, value_name = "ID")]
        platform: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// 年审（默认为初次备案）
        #[arg(long)]
        annual: bool,
    },
    /// 打印信息变更报告（第四条二）
    ChangeReport {
        #[arg(long, value_name = "ID")]
        change: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// 打印停止运营报告或关停通知（按平台的结束方式）
    EndingReport {
        #[arg(long, value_name = "ID")]
        platform: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// 打印信息发布审核单（含带行号的稿件正文，供纸面审阅）
    ApprovalSlip {
        #[arg(long, value_name = "ID")]
        post: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// 打印已登记的督查通知：整改通知书、通报或关停决定（第六条四；编号见 notices list）
    Notice {
        #[arg(long, value_name = "ID")]
        notice: i64,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// 打印安全事件报告（第八条一；编号见 incidents list）
    Incident {
        #[arg(long, value_name = "ID")]
        incident: i64,
        /// 本单位的发文编号（可不填）
        #[arg(long = "no", value_name = "NO", default_value = "")]
        document_no: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// 打印一个单位或全部单位的年审备案表（每个平台 4 页），记录为待签章
    #[command(group(clap::ArgGroup::new("scope").required(true).args(["unit", "all"])))]
    AnnualReview {
        #[arg(long, value_name = "ID")]
        unit: Option<i64>,
        #[arg(long)]
        all: bool,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

impl PrintCommand {
    /// Filing forms are recorded (a write); the one-copy documents are only read.
    pub fn writes(&self) -> bool {
        matches!(self, Self::FilingForm { .. } | Self::AnnualReview { .. })
    }
}

/// Saves `document` at `path`, first warning (on stderr) of characters it prints as boxes.
fn save(document: &ops::reports::Document, path: &Path) -> Result<PathBuf, CliError> {
    if !document.unprintable.is_empty() {
        let line = cli_print::unprintable_chars(&document.unprintable);
        // A warning that cannot be shown is no reason to stop the print.
        if writeln!(std::io::stderr(), "{line}").is_err() {
            tracing::info!("could not show a print warning");
        }
    }
    Ok(document.save(path)?)
}

pub(super) fn run(
    command: PrintCommand,
    store: &mut Store,
    out: &mut dyn Write,
    today: NaiveDate,
) -> Result<(), CliError> {
    let (ids, kind, path) = match command {
        PrintCommand::ChangeReport { change, out: path } => {
            let saved = save(&ops::reports::change_report(store, change)?, &path)?;
            writeln!(out, "{}", cli_print::change_report_printed(&saved))?;
            return Ok(());
        }
        PrintCommand::EndingReport {
            platform,
            out: path,
        } => {
            let document = ops::reports::ending_document(store, platform)?;
            let saved = save(&document, &path)?;
            writeln!(out, "{}", cli_print::ending_printed(document.kind, &saved))?;
            return Ok(());
        }
        PrintCommand::Notice { notice, out: path } => {
            let document = ops::notices::notice_document(store, notice)?;
            let saved = save(&document, &path)?;
            writeln!(
                out,
                "{}",
                cli_print::document_printed(document.kind, &saved)
            )?;
            return Ok(());
        }
        PrintCommand::Incident {
            incident,
            document_no,
            out: path,
        } => {
            let document = ops::notices::incident_document(store, incident, &document_no)?;
            let saved = save(&document, &path)?;
            writeln!(
                out,
                "{}",
                cli_print::document_printed(document.kind, &saved)
            )?;
            return Ok(());
        }
        PrintCommand::ApprovalSlip { post, out: path } => {
            let document = ops::reports::approval_slip(store, post)?;
            let saved = save(&document, &path)?;
            writeln!(
                out,
                "{}",
                cli_print::slip_printed(&saved, post, document.revision.unwrap_or(0))
            )?;
            return Ok(());
        }
        PrintCommand::FilingForm {
            platform,
            out: path,
            annual,
        } => (
            vec![platform],
            if annual {
                FilingKind::Annual
            } else {
                FilingKind::Initial
            },
            path,
        ),
        PrintCommand::AnnualReview {
            unit,
            all: _,
            out: path,
        } => (
            ops::filing::annual_review_ids(store, unit)?,
            FilingKind::Annual,
            path,
        ),
    };
    let mut stderr = std::io::stderr();
    let printed =
        ops::filing::print_filing_forms(store, &ids, kind, &path, today, &mut |warning| {
            let line = match warning {
                PrintWarning::Blanks { account, fields } => cli_print::blank_cells(account, fields),
                PrintWarning::Unprintable(chars) => cli_print::unprintable_chars(chars),
            };
            // A warning that cannot be shown is no reason to stop the print.
            if writeln!(stderr, "{line}").is_err() {
                tracing::info!("could not show a print warning");
            }
        })?;
    writeln!(out, "{}", cli_print::forms_printed(&printed, kind))?;
    Ok(())
}
