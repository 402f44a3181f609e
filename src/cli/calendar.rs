//! `mediadesk calendar`: the working-day calendar from the command line.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;

use super::{CliError, to_json};
use crate::store::Store;
use crate::text::cli as text;

#[derive(Subcommand, Debug)]
pub enum CalendarCommand {
    /// 列出每一天的类型：工作日、周末、法定节假日、调休上班
    Days {
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: NaiveDate,
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: NaiveDate,
        #[arg(long)]
        json: bool,
    },
    /// 计算从某日起第 N 个工作日（默认 5，即第四条一的备案期限）
    Deadline {
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: NaiveDate,
        #[arg(long, default_value_t = 5)]
        days: u32,
    },
    /// 导入某年的节假日安排（本程序格式或 holiday-cn 格式的 JSON；系统管理员）
    Import { file: PathBuf },
}

impl CalendarCommand {
    pub fn writes(&self) -> bool {
        matches!(self, Self::Import { .. })
    }
}

pub(super) fn run(
    command: CalendarCommand,
    store: &mut Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    use crate::domain::calendar::{DayKind, deadline_after};
    let calendar = store.work_calendar()?;
    match command {
        CalendarCommand::Days { from, to, json } => {
            if to < from {
                return Err(CliError::Message(text::range_reversed(from, to)));
            }
            if (to - from).num_days() > 3660 {
                return Err(CliError::Message(text::RANGE_TOO_LONG.to_owned()));
            }
            let mut missing = std::collections::BTreeSet::new();
            let mut days = Vec::new();
            for date in from.iter_days().take_while(|d| *d <= to) {
                let weekday = crate::text::weekday(date);
                let kind = calendar.day_kind(date);
                let label = text::day_kind(&kind);
                let (code, name) = match kind {
                    Ok(DayKind::Workday) => ("workday", None),
                    Ok(DayKind::Weekend) => ("weekend", None),
                    Ok(DayKind::Holiday { name }) => ("holiday", Some(name)),
                    Ok(DayKind::MakeupWorkday { name }) => ("makeup_workday", Some(name)),
                    Err(unknown) => {
                        missing.insert(unknown.0);
                        ("unknown", None)
                    }
                };
                if json {
                    days.push(serde_json::json!({ "date": date, "weekday": weekday, "kind": code, "name": name }));
                } else {
                    writeln!(out, "{date}\t{weekday}\t{label}")?;
                }
            }
            if json {
                writeln!(out, "{}", to_json(&days)?)?;
            }
            if !missing.is_empty() {
                return Err(CliError::Message(text::calendar_years_missing(&missing)));
            }
        }
        CalendarCommand::Deadline { from, days } => {
            let deadline = deadline_after(&calendar, from, days)
                .map_err(|e| CliError::Message(e.to_string()))?;
            writeln!(out, "{}", text::deadline_line(deadline, from, days))?;
        }
        CalendarCommand::Import { file } => {
            let years = crate::ops::imports::import_calendar_file(store, &file)?;
            writeln!(out, "{}", text::calendar_imported(&years))?;
        }
    }
    Ok(())
}
