//! `mediadesk supervise|updates|notices|incidents|training …`: supervision from the command
//! line — the due list (read only), updates recorded by hand or imported (第六条四), the
//! school's notices (第六条四), security incidents (第八条一) and training (第五条).

use std::io::Write;
use std::path::PathBuf;

use chrono::{NaiveDate, NaiveDateTime};
use clap::{Subcommand, ValueEnum};

use super::{CliError, to_json};
use crate::domain::supervision::{
    IncidentDraft, IncidentKind, NoticeKind, Office, TrainingSessionDraft, UpdateDraft,
};
use crate::ops;
use crate::store::Store;
use crate::text::supervision as text;

/// A date and time as typed: 「2026-11-20 09:30」 (or with seconds, or a T between).
fn parse_moment(s: &str) -> Result<NaiveDateTime, String> {
    let s = s.trim();
    [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
    .ok_or_else(|| text::bad_moment(s))
}

#[derive(Subcommand, Debug)]
pub enum UpdatesCommand {
    /// 登记在平台自己后台发布的一条更新（本单位管理员或单位负责人，第六条四）
    Add {
        #[arg(long)]
        platform: i64,
        /// 发布日期
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: NaiveDate,
        /// 文章标题
        #[arg(long)]
        title: String,
        /// 文章链接（可省略）
        #[arg(long, default_value = "")]
        link: String,
        /// 这是党建专栏的文章（第六条二）
        #[arg(long)]
        party_building: bool,
    },
    /// 从 CSV 文件（日期,标题,链接）导入平台的发布记录：有任何问题则一条也不导入
    Import {
        #[arg(long)]
        platform: i64,
        file: PathBuf,
    },
    /// 列出平台登记的更新（最新的在前）
    List {
        #[arg(long)]
        platform: i64,
        #[arg(long)]
        json: bool,
    },
    /// 标记平台已开设（或未开设）党建专栏（第六条二）
    PartyColumn {
        #[arg(long)]
        platform: i64,
        /// 未开设
        #[arg(long)]
        none: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum NoticeArg {
    /// 整改通知书
    Rectification,
    /// 公开通报
    Public,
    /// 关停决定（同时关停平台）
    Shutdown,
}

impl From<NoticeArg> for NoticeKind {
    fn from(a: NoticeArg) -> Self {
        match a {
            NoticeArg::Rectification => NoticeKind::Rectification,
            NoticeArg::Public => NoticeKind::PublicNotice,
            NoticeArg::Shutdown => NoticeKind::ShutdownDecision,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum NoticesCommand {
    /// 登记学校发出的整改通知书、通报或关停决定（学校督查人员，第六条四）
    Issue {
        #[arg(long)]
        platform: i64,
        #[arg(long, value_enum)]
        kind: NoticeArg,
        /// 文号
        #[arg(long = "no", value_name = "DOC_NO")]
        document_no: String,
        /// 发文日期（默认今天）
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<NaiveDate>,
    },
    /// 列出平台收到的通知
    List {
        #[arg(long)]
        platform: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum IncidentArg {
    /// 账号被盗用
    AccountStolen,
    /// 非法使用
    IllegalUse,
    /// 安全漏洞
    Vulnerability,
    /// 不良信息
    BadContent,
}

impl From<IncidentArg> for IncidentKind {
    fn from(a: IncidentArg) -> Self {
        match a {
            IncidentArg::AccountStolen => IncidentKind::AccountStolen,
            IncidentArg::IllegalUse => IncidentKind::IllegalUse,
            IncidentArg::Vulnerability => IncidentKind::Vulnerability,
            IncidentArg::BadContent => IncidentKind::BadContent,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OfficeArg {
    /// 学校办公室（新闻中心）
    NewsCenter,
    /// 党委宣传部
    PropagandaDept,
    /// 信息化建设管理中心
    ItCenter,
}

impl From<OfficeArg> for Office {
    fn from(a: OfficeArg) -> Self {
        match a {
            OfficeArg::NewsCenter => Office::NewsCenter,
            OfficeArg::PropagandaDept => Office::PropagandaDept,
            OfficeArg::ItCenter => Office::ItCenter,
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum IncidentsCommand {
    /// 登记网络安全事件（本单位管理员或单位负责人，第八条一）
    Add {
        #[arg(long)]
        platform: i64,
        #[arg(long, value_enum)]
        kind: IncidentArg,
        /// 发现时间
        #[arg(long, value_name = "YYYY-MM-DD HH:MM", value_parser = parse_moment)]
        found_at: NaiveDateTime,
        /// 发现人
        #[arg(long, default_value = "")]
        found_by: String,
        /// 事件经过
        #[arg(long)]
        description: String,
        /// 报告时间
        #[arg(long, value_name = "YYYY-MM-DD HH:MM", value_parser = parse_moment)]
        reported_at: Option<NaiveDateTime>,
        /// 报告给谁（逗号分隔）
        #[arg(long, value_enum, value_delimiter = ',')]
        reported_to: Vec<OfficeArg>,
        /// 已采取的处置措施
        #[arg(long, default_value = "")]
        actions: String,
        /// 处置完毕时间
        #[arg(long, value_name = "YYYY-MM-DD HH:MM", value_parser = parse_moment)]
        closed_at: Option<NaiveDateTime>,
    },
    /// 列出平台的安全事件
    List {
        #[arg(long)]
        platform: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum TrainingCommand {
    /// 登记一次培训及参训人员（学校督查人员；或本单位管理员、单位负责人登记本单位人员参加的培训，第五条）
    Add {
        /// 培训日期
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: NaiveDate,
        #[arg(long)]
        topic: String,
        /// 组织单位
        #[arg(long)]
        organiser: String,
        /// 参训人员编号（可多次给出，或逗号分隔）
        #[arg(long = "person", value_delimiter = ',')]
        people: Vec<i64>,
    },
    /// 列出培训记录
    List {
        #[arg(long)]
        json: bool,
    },
}

impl UpdatesCommand {
    pub fn writes(&self) -> bool {
        !matches!(self, Self::List { .. })
    }
}

impl NoticesCommand {
    pub fn writes(&self) -> bool {
        matches!(self, Self::Issue { .. })
    }
}

impl IncidentsCommand {
    pub fn writes(&self) -> bool {
        matches!(self, Self::Add { .. })
    }
}

impl TrainingCommand {
    pub fn writes(&self) -> bool {
        matches!(self, Self::Add { .. })
    }
}

/// `mediadesk supervise`: every due action, most urgent first.
pub(super) fn run_supervise(
    today: Option<NaiveDate>,
    json: bool,
    store: &Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let (today, items) = ops::supervision::due_actions(store, today)?;
    if json {
        let rows: Vec<serde_json::Value> = items
            .iter()
            .map(|i| {
                serde_json::json!({
                    "unit": i.unit.name,
                    "platform_id": i.platform.as_ref().map(|p| p.id),
                    "platform": i.platform.as_ref().map(|p| &p.name),
                    "person": i.person.as_ref().map(|p| &p.name),
                    "record_id": i.record_id,
                    "kind": i.kind.code(),
                    "what": text::due_label(i),
                    "since": i.since,
                    "due_on": i.due_on,
                    "article": text::article(i.article),
                    "urgency": i.urgency,
                    "light": i.light(),
                })
            })
            .collect();
        writeln!(out, "{}", to_json(&rows)?)?;
        return Ok(());
    }
    writeln!(out, "{}", text::due_header(today, items.len()))?;
    for item in &items {
        writeln!(out, "{}", text::due_line(item, today))?;
    }
    Ok(())
}

pub(super) fn run_updates(
    command: UpdatesCommand,
    store: &mut Store,
    out: &mut dyn Write,
    today: NaiveDate,
) -> Result<(), CliError> {
    match command {
        UpdatesCommand::Add {
            platform,
            date,
            title,
            link,
            party_building,
        } => {
            let draft = UpdateDraft {
                platform_id: platform,
                on: date,
                title,
                link,
                party_building,
            };
            let id = store.add_update(&draft, today)?;
            writeln!(out, "{}", text::update_added(id))?;
        }
        UpdatesCommand::Import { platform, file } => {
            let done = ops::supervision::import_history_file(store, platform, &file, today)?;
            writeln!(
                out,
                "{}",
                text::history_imported(done.added, done.already_recorded)
            )?;
        }
        UpdatesCommand::List { platform, json } => {
            let rows = store.platform_updates(platform)?;
            if json {
                writeln!(out, "{}", to_json(&rows)?)?;
            } else {
                for r in rows {
                    writeln!(
                        out,
                        "{}",
                        text::update_line(r.on, &r.title, &r.link, r.party_building)
                    )?;
                }
            }
        }
        UpdatesCommand::PartyColumn { platform, none } => {
            store.set_party_column(platform, !none)?;
            writeln!(out, "{}", text::party_column_note(!none))?;
        }
    }
    Ok(())
}

pub(super) fn run_notices(
    command: NoticesCommand,
    store: &mut Store,
    out: &mut dyn Write,
    today: NaiveDate,
) -> Result<(), CliError> {
    match command {
        NoticesCommand::Issue {
            platform,
            kind,
            document_no,
            on,
        } => {
            let kind = NoticeKind::from(kind);
            let (_, timing) =
                store.issue_notice(platform, kind, on.unwrap_or(today), &document_no, today)?;
            writeln!(
                out,
                "{}",
                text::notice_summary(kind, document_no.trim(), timing)
            )?;
        }
        NoticesCommand::List { platform, json } => {
            let rows = store.platform_notices(platform)?;
            if json {
                writeln!(out, "{}", to_json(&rows)?)?;
            } else {
                for r in rows {
                    writeln!(
                        out,
                        "{}",
                        text::notice_line(r.id, r.kind, r.issued_on, &r.document_no, &r.issued_by)
                    )?;
                }
            }
        }
    }
    Ok(())
}

pub(super) fn run_incidents(
    command: IncidentsCommand,
    store: &mut Store,
    out: &mut dyn Write,
    today: NaiveDate,
) -> Result<(), CliError> {
    match command {
        IncidentsCommand::Add {
            platform,
            kind,
            found_at,
            found_by,
            description,
            reported_at,
            reported_to,
            actions,
            closed_at,
        } => {
            let mut offices: Vec<Office> = reported_to.into_iter().map(Office::from).collect();
            offices.sort();
            offices.dedup();
            let draft = IncidentDraft {
                platform_id: platform,
                kind: kind.into(),
                found_at,
                found_by,
                description,
                reported_at,
                reported_to: offices,
                actions_taken: actions,
                closed_at,
            };
            let id = store.add_incident(&draft, ops::supervision::moment_of(today))?;
            writeln!(out, "{}", text::incident_added(id, &draft))?;
        }
        IncidentsCommand::List { platform, json } => {
            let rows = store.platform_incidents(platform)?;
            if json {
                writeln!(out, "{}", to_json(&rows)?)?;
            } else {
                for r in rows {
                    writeln!(out, "{}", text::incident_line(r.id, &r.draft))?;
                }
            }
        }
    }
    Ok(())
}

pub(super) fn run_training(
    command: TrainingCommand,
    store: &mut Store,
    out: &mut dyn Write,
    today: NaiveDate,
) -> Result<(), CliError> {
    match command {
        TrainingCommand::Add {
            on,
            topic,
            organiser,
            people,
        } => {
            let draft = TrainingSessionDraft {
                held_on: on,
                topic,
                organiser,
            };
            let id = store.add_training(&draft, &people, today)?;
            writeln!(out, "{}", text::training_added(id, people.len()))?;
        }
        TrainingCommand::List { json } => {
            let rows = store.training_sessions()?;
            if json {
                writeln!(out, "{}", to_json(&rows)?)?;
            } else {
                for r in rows {
                    writeln!(
                        out,
                        "{}",
                        text::training_note(&r.session.draft, r.attendees.len())
                    )?;
                }
            }
        }
    }
    Ok(())
}
