//! `mediadesk calendar`: the working-day calendar from the command line.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;

use super::{CliError, to_json};
use crate::store::Store;

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
    /// 导入某年的节假日安排（本程序格式或 holiday-cn 格式的 JSON）
    Import { file: PathBuf },
}

pub(super) fn run(
    command: CalendarCommand,
    store: &mut Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    use crate::domain::calendar::{DayKind, deadline_after, parse_year_file};
    let calendar = store.work_calendar()?;
    match command {
        CalendarCommand::Days { from, to, json } => {
            if to < from {
                return Err(CliError::Message(format!(
                    "结束日期 {to} 早于开始日期 {from}"
                )));
            }
            if (to - from).num_days() > 3660 {
                return Err(CliError::Message("一次最多列出十年的日期".to_owned()));
            }
            let mut missing = std::collections::BTreeSet::new();
            let mut days = Vec::new();
            for date in from.iter_days().take_while(|d| *d <= to) {
                let weekday = crate::text::weekday(date);
                let (code, label, name) = match calendar.day_kind(date) {
                    Ok(DayKind::Workday) => ("workday", "工作日".to_owned(), None),
                    Ok(DayKind::Weekend) => ("weekend", "周末".to_owned(), None),
                    Ok(DayKind::Holiday { name }) => {
                        ("holiday", format!("法定节假日（{name}）"), Some(name))
                    }
                    Ok(DayKind::MakeupWorkday { name }) => {
                        ("makeup_workday", format!("调休上班（{name}）"), Some(name))
                    }
                    Err(unknown) => {
                        missing.insert(unknown.0);
                        ("unknown", "未知（缺少该年节假日安排）".to_owned(), None)
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
            if let Some(year) = missing.first() {
                return Err(CliError::Message(format!(
                    "缺少 {} 年的节假日安排，无法判断这些日期是否为工作日。请用 mediadesk calendar import FILE 导入 {year} 年的国务院节假日通知数据。",
                    missing
                        .iter()
                        .map(i32::to_string)
                        .collect::<Vec<_>>()
                        .join("、")
                )));
            }
        }
        CalendarCommand::Deadline { from, days } => {
            let deadline = deadline_after(&calendar, from, days)
                .map_err(|e| CliError::Message(e.to_string()))?;
            writeln!(
                out,
                "{deadline}\t{}\t（{from} 之后第 {days} 个工作日）",
                crate::text::weekday(deadline)
            )?;
        }
        CalendarCommand::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| CliError::Message(format!("无法读取 {}：{e}", file.display())))?;
            let years = parse_year_file(&text).map_err(|e| CliError::Message(e.to_string()))?;
            store.import_calendar_years(&years)?;
            let list: Vec<String> = years.iter().map(|y| y.year.to_string()).collect();
            writeln!(out, "已导入 {} 年的节假日安排。", list.join("、"))?;
        }
    }
    Ok(())
}
