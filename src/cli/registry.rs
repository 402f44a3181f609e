//! `mediadesk units|platforms|filings|changes …`: the registry, its filing records and its
//! lifecycle (第四条) from the command line.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Subcommand;

use super::{CliError, to_json};
use crate::domain::filing::FilingStep;
use crate::domain::lifecycle::{Closure, Shutdown, ShutdownReason};
use crate::domain::platform::PlatformDraft;
use crate::domain::registry::registry_clock;
use crate::ops;
use crate::store::Store;
use crate::text::cli as text;
use crate::text::cli_check;

#[derive(Subcommand, Debug)]
pub enum UnitsCommand {
    /// 列出所有单位
    List {
        #[arg(long)]
        json: bool,
    },
}

impl UnitsCommand {
    pub fn writes(&self) -> bool {
        false
    }
}

#[derive(Subcommand, Debug)]
pub enum PlatformsCommand {
    /// 列出所有平台
    List {
        #[arg(long)]
        json: bool,
    },
    /// 显示一个平台的全部信息
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// 从 JSON 文件新增平台（与窗口中的对话框同样校验；本单位管理员或单位负责人）
    Add {
        #[arg(long, value_name = "FILE")]
        json: PathBuf,
    },
    /// 平台的全部历史：登记、备案、变更、报送、停止运营、关停
    History {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// 停止运营（本单位管理员或单位负责人，第四条二）
    Close {
        id: i64,
        /// 停止运营日期
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: NaiveDate,
        /// 原因
        #[arg(long)]
        reason: String,
        /// 已发布内容的处理方式
        #[arg(long)]
        content: String,
    },
    /// 关停（学校督查人员，第四条三、第六条四、第八条二）
    ShutDown {
        id: i64,
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: NaiveDate,
        /// violation / policy_change / unit_change / long_silence / unhandled_bad_content
        #[arg(long)]
        reason: String,
        /// 具体情况
        #[arg(long, default_value = "")]
        details: String,
        /// 关停文号
        #[arg(long)]
        document_no: String,
    },
}

impl PlatformsCommand {
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Self::Add { .. } | Self::Close { .. } | Self::ShutDown { .. }
        )
    }
}

#[derive(Subcommand, Debug)]
pub enum FilingsCommand {
    /// 列出备案记录（最新的在前）
    List {
        #[arg(long)]
        json: bool,
    },
    /// 标记已报送（本单位管理员或单位负责人）
    Report {
        id: i64,
        /// 报送日期（默认今天）
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<NaiveDate>,
    },
    /// 归档为已备案（学校督查人员：学校办公室（新闻中心）/党委宣传部）
    Archive {
        id: i64,
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<NaiveDate>,
        /// 备案编号
        #[arg(long)]
        number: String,
    },
    /// 附加签章后的扫描件（PDF、JPG 或 PNG）
    Scan { id: i64, file: PathBuf },
}

impl FilingsCommand {
    pub fn writes(&self) -> bool {
        !matches!(self, Self::List { .. })
    }
}

#[derive(Subcommand, Debug)]
pub enum ChangesCommand {
    /// 标记信息变更报告已报送
    Report {
        id: i64,
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<NaiveDate>,
    },
}

pub(super) fn run_units(
    command: UnitsCommand,
    store: &mut Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        UnitsCommand::List { json } => {
            let units = store.units()?;
            if json {
                writeln!(out, "{}", to_json(&units)?)?;
            } else {
                for u in units {
                    writeln!(out, "{}", text::unit_line(&u))?;
                }
            }
        }
    }
    Ok(())
}

pub(super) fn run_platforms(
    command: PlatformsCommand,
    store: &mut Store,
    out: &mut dyn Write,
    today: NaiveDate,
) -> Result<(), CliError> {
    match command {
        PlatformsCommand::List { json } => {
            if json {
                writeln!(out, "{}", to_json(&store.platforms()?)?)?;
            } else {
                let calendar = store.work_calendar()?;
                let rows = store.registry_rows(|s, c| registry_clock(&calendar, s, c, today))?;
                for r in rows {
                    writeln!(out, "{}", text::registry_line(&r))?;
                }
            }
        }
        PlatformsCommand::Show { id, json } => {
            let p = store.platform(id)?;
            if json {
                writeln!(out, "{}", to_json(&p)?)?;
            } else {
                let unit = store.unit(p.draft.unit_id)?.name;
                let kind = store
                    .platform_kinds()?
                    .into_iter()
                    .find(|k| k.id == p.draft.kind_id)
                    .map(|k| k.name)
                    .unwrap_or_default();
                for (label, value) in text::platform_lines(&p, &unit, &kind) {
                    writeln!(out, "{}", cli_check::field_line(label, &value))?;
                }
            }
        }
        PlatformsCommand::Add { json } => {
            let body = ops::files::read_text(&json)?;
            let draft: PlatformDraft = serde_json::from_str(&body).map_err(|e| {
                CliError::Message(text::bad_json(&json, text::JsonKind::Platform, &e))
            })?;
            let id = store.add_platform(&draft, today)?;
            writeln!(out, "{}", text::platform_added(draft.name.trim(), id))?;
        }
        PlatformsCommand::History { id, json } => {
            let events = store.platform_history(id)?;
            let changes = store.platform_changes(id)?;
            if json {
                let value = serde_json::json!({ "events": events, "changes": changes });
                writeln!(out, "{}", to_json(&value)?)?;
            } else {
                for e in events {
                    writeln!(out, "{}", text::event_line(&e))?;
                }
                for c in changes {
                    writeln!(out, "{}", text::change_line(&c))?;
                }
            }
        }
        PlatformsCommand::Close {
            id,
            on,
            reason,
            content,
        } => {
            store.close_platform(
                id,
                &Closure {
                    on,
                    reason,
                    content_disposition: content,
                },
                today,
            )?;
            writeln!(out, "{}", text::platform_closed(id))?;
        }
        PlatformsCommand::ShutDown {
            id,
            on,
            reason,
            details,
            document_no,
        } => {
            let reason = ShutdownReason::from_code(reason.trim())
                .ok_or_else(|| CliError::Message(text::unknown_shutdown_reason(&reason)))?;
            store.shut_down_platform(
                id,
                &Shutdown {
                    on,
                    reason,
                    details,
                    document_no,
                },
                today,
            )?;
            writeln!(out, "{}", text::platform_shut_down(id))?;
        }
    }
    Ok(())
}

pub(super) fn run_filings(
    command: FilingsCommand,
    store: &mut Store,
    out: &mut dyn Write,
    today: NaiveDate,
) -> Result<(), CliError> {
    match command {
        FilingsCommand::List { json } => {
            let rows = store.filings()?;
            if json {
                writeln!(out, "{}", to_json(&rows)?)?;
            } else {
                for r in rows {
                    writeln!(out, "{}", text::filing_line(&r))?;
                }
            }
        }
        FilingsCommand::Report { id, on } => {
            let version = store.filing(id)?.filing.version;
            let step = FilingStep::Submit {
                on: on.unwrap_or(today),
            };
            ops::filing::apply_step(store, id, version, &step, today)?;
            writeln!(out, "{}", text::filing_reported(id))?;
        }
        FilingsCommand::Archive { id, on, number } => {
            let version = store.filing(id)?.filing.version;
            let step = FilingStep::Archive {
                on: on.unwrap_or(today),
                archive_no: number,
            };
            ops::filing::apply_step(store, id, version, &step, today)?;
            writeln!(out, "{}", text::filing_archived(id))?;
        }
        FilingsCommand::Scan { id, file } => {
            let name = ops::files::attach_scan(store, id, &file)?;
            writeln!(out, "{}", text::scan_attached(id, &name))?;
        }
    }
    Ok(())
}

pub(super) fn run_changes(
    command: ChangesCommand,
    store: &mut Store,
    out: &mut dyn Write,
    today: NaiveDate,
) -> Result<(), CliError> {
    match command {
        ChangesCommand::Report { id, on } => {
            let version = store.change(id)?.version;
            store.mark_change_reported(id, version, on.unwrap_or(today), today)?;
            writeln!(out, "{}", text::change_reported(id))?;
        }
    }
    Ok(())
}
