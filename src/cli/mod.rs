//! The command line: the same operations as the window, for scripts, batch work and tests.
//! No subcommand opens the window.
#![allow(clippy::print_stdout)]

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;
use std::time::Instant;

use clap::{Parser, Subcommand};

mod calendar;
mod check;
pub mod clap_zh;
mod posts;
mod words;

use crate::domain::filing::{FilingKind, may_print_filing};
use crate::domain::platform::PlatformDraft;
use crate::domain::registry::registry_clock;
use crate::store::{Store, StoreError, default_db_path};

#[derive(Parser, Debug)]
#[command(name = "mediadesk", version, about = "MediaDesk 二级网络平台管理台")]
pub struct Cli {
    /// 数据库文件（默认在系统数据文件夹，或环境变量 MEDIADESK_DB）
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// 打开窗口，保存第一帧完整画面为 PNG 后退出（用于冒烟测试与截图）
    #[arg(long, value_name = "FILE.png")]
    pub screenshot: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// 载入演示数据（空数据库）；--scale N 生成 N 个平台的大型数据库用于性能测试（--posts M 再生成 M 条信息）
    Demo {
        #[arg(long)]
        scale: Option<usize>,
        #[arg(long, requires = "scale")]
        posts: Option<usize>,
    },
    /// 二级单位
    Units {
        #[command(subcommand)]
        command: UnitsCommand,
    },
    /// 平台台账
    Platforms {
        #[command(subcommand)]
        command: PlatformsCommand,
    },
    /// 工作日日历（国务院节假日安排，含调休）
    Calendar {
        #[command(subcommand)]
        command: calendar::CalendarCommand,
    },
    /// 检查稿件文字：禁止内容（第六条五）、内部信息（第六条三）、个人身份信息、外部链接；有必须处理的问题时退出码为 1
    Check {
        /// UTF-8 文本文件
        file: Option<PathBuf>,
        /// 直接给出要检查的文字
        #[arg(long, conflicts_with = "file")]
        text: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// 内容检查词表：列出、添加、删除、导入、导出（每次修改保存为新版本）
    Words {
        #[command(subcommand)]
        command: words::WordsCommand,
    },
    /// 检查附件：按内容识别类型，拒绝可执行文件、脚本、带宏文档及含有这些的压缩包，检查文档文字和照片定位信息
    CheckFile {
        path: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// 账号：添加、列出（密码取自环境变量或提示输入，不作为参数）
    Users {
        #[command(subcommand)]
        command: posts::UsersCommand,
    },
    /// 信息发布三审：新建、提交、审核通过、退回、发布、撤回、列出、查看
    Posts {
        #[command(subcommand)]
        command: posts::PostsCommand,
    },
    /// 审计记录：校验防篡改链、查看记录
    Audit {
        #[command(subcommand)]
        command: posts::AuditCommand,
    },
    /// 打印备案表（PDF，一式四份）并生成备案记录
    Print {
        #[command(subcommand)]
        command: PrintCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum PrintCommand {
    /// 打印一个平台的备案表
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
    /// 打印一个单位或全部单位的年审备案表（每个平台 4 页）
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

#[derive(Subcommand, Debug)]
pub enum UnitsCommand {
    /// 列出所有单位
    List {
        #[arg(long)]
        json: bool,
    },
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
    /// 从 JSON 文件新增平台（与窗口中的对话框同样校验）
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
}

static STARTED: OnceLock<Instant> = OnceLock::new();

/// When the process started, for the start-up time report of `--screenshot`.
pub fn started() -> Instant {
    *STARTED.get_or_init(Instant::now)
}

pub fn main() -> ExitCode {
    started();
    let cli = Cli::parse();
    let db = cli.db.clone().unwrap_or_else(default_db_path);
    match cli.command {
        None => run_window(db, cli.screenshot),
        // Screening needs no database (the shipped lists); an existing one brings its own lists.
        Some(Command::Check { file, text, json }) => finish_check(check::check_text(
            file.as_deref(),
            text,
            json,
            db.exists().then_some(db.as_path()),
            &mut std::io::stdout().lock(),
        )),
        Some(Command::CheckFile { path, json }) => finish_check(check::check_file(
            &path,
            json,
            &mut std::io::stdout().lock(),
        )),
        Some(command) => match run(command, &db) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("错误：{message}");
                ExitCode::from(1)
            }
        },
    }
}

/// Exit 1 when something blocks (as the findings say) or the check could not run.
fn finish_check(result: Result<bool, String>) -> ExitCode {
    match result {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::from(1),
        Err(message) => {
            eprintln!("错误：{message}");
            ExitCode::from(2)
        }
    }
}

fn run_window(db: PathBuf, screenshot: Option<PathBuf>) -> ExitCode {
    let store = Store::open(&db);
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title(crate::text::APP_TITLE)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0]),
        ..Default::default()
    };
    if let Err(e) = &store {
        eprintln!("错误：{e}");
    }
    let result = eframe::run_native(
        crate::text::APP_TITLE,
        options,
        Box::new(move |cc| {
            crate::ui::MediaDeskApp::setup(&cc.egui_ctx);
            let mut app = crate::ui::MediaDeskApp::new(store, crate::today());
            if let Some(path) = screenshot {
                app = app.with_screenshot(path);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("错误：无法打开窗口（{e}）。请确认在图形桌面中运行。");
            ExitCode::from(1)
        }
    }
}

/// Runs a subcommand; the error is the Chinese message for stderr.
pub fn run(command: Command, db: &std::path::Path) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    run_to(command, db, &mut out)
}

/// [`run`] writing to `out`, so tests can read what it prints.
pub fn run_to(command: Command, db: &std::path::Path, out: &mut dyn Write) -> Result<(), String> {
    let mut store = Store::open(db).map_err(|e| e.to_string())?;
    execute(command, &mut store, out).map_err(|e| e.to_string())
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Message(String),
    #[error("无法输出：{0}")]
    Io(#[from] std::io::Error),
}

fn execute(command: Command, store: &mut Store, out: &mut dyn Write) -> Result<(), CliError> {
    let today = crate::today();
    match command {
        Command::Demo { scale: None, .. } => {
            store.load_demo(today)?;
            writeln!(
                out,
                "已载入演示数据：4 个单位、14 位人员、12 个平台、6 条信息。演示账号（如 zhangzhe、liuxiaoyan、lijun、admin）的密码均为 {}。",
                crate::store::DEMO_PASSWORD
            )?;
        }
        Command::Demo {
            scale: Some(n),
            posts,
        } => {
            store.generate_large(n, today)?;
            writeln!(
                out,
                "已生成大型数据库：60 个单位、{n} 个平台、{} 位人员。",
                n * 3
            )?;
            if let Some(m) = posts {
                store.generate_posts(m, today)?;
                writeln!(
                    out,
                    "已生成 {m} 条信息；账号 bench_info、bench_head、bench_admin 的密码为 {}。",
                    crate::store::DEMO_PASSWORD
                )?;
            }
        }
        Command::Units {
            command: UnitsCommand::List { json },
        } => {
            let units = store.units()?;
            if json {
                writeln!(out, "{}", to_json(&units)?)?;
            } else {
                for u in units {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t负责人 {}\t书记 {}",
                        u.id, u.name, u.party_branch, u.head, u.secretary
                    )?;
                }
            }
        }
        Command::Platforms {
            command: PlatformsCommand::List { json },
        } => {
            if json {
                writeln!(out, "{}", to_json(&store.platforms()?)?)?;
            } else {
                let calendar = store.work_calendar()?;
                let rows = store.registry_rows(|s, c| registry_clock(&calendar, s, c, today))?;
                for r in rows {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        r.id,
                        r.unit_name,
                        r.kind_name,
                        r.name,
                        r.account,
                        r.status.label()
                    )?;
                }
            }
        }
        Command::Platforms {
            command: PlatformsCommand::Show { id, json },
        } => {
            let p = store.platform(id)?;
            if json {
                writeln!(out, "{}", to_json(&p)?)?;
            } else {
                let units = store.units()?;
                let kinds = store.platform_kinds()?;
                let unit = units
                    .iter()
                    .find(|u| u.id == p.draft.unit_id)
                    .map_or("", |u| u.name.as_str());
                let kind = kinds
                    .iter()
                    .find(|k| k.id == p.draft.kind_id)
                    .map_or("", |k| k.name.as_str());
                let d = &p.draft;
                let lines = [
                    ("编号", p.id.to_string()),
                    ("创建单位", unit.to_owned()),
                    ("媒体平台", kind.to_owned()),
                    ("账号名称", d.name.clone()),
                    ("账号/网址", d.account.clone()),
                    (
                        "账号类型",
                        d.account_type
                            .map(|t| t.label().to_owned())
                            .unwrap_or_default(),
                    ),
                    ("是否认证", if d.verified { "是" } else { "否" }.to_owned()),
                    ("内容范围", d.content_scope.clone()),
                    ("创建时间", d.created_on.to_string()),
                    ("状态", p.status.label().to_owned()),
                    (
                        "负责人",
                        format!("{} {}", d.responsible_person, d.contact_mobile),
                    ),
                    (
                        "管理员",
                        d.administrators
                            .iter()
                            .map(|a| format!("{} {}", a.name, a.mobile))
                            .collect::<Vec<_>>()
                            .join("；"),
                    ),
                    ("维护方式", d.maintenance.label()),
                    ("批准文号", d.approval_ref.clone()),
                    ("备注", d.notes.clone()),
                ];
                for (k, v) in lines {
                    writeln!(out, "{k}：{v}")?;
                }
            }
        }
        Command::Platforms {
            command: PlatformsCommand::Add { json },
        } => {
            let text = std::fs::read_to_string(&json)
                .map_err(|e| CliError::Message(format!("无法读取 {}：{e}", json.display())))?;
            let draft: PlatformDraft = serde_json::from_str(&text).map_err(|e| {
                CliError::Message(format!(
                    "{} 的内容不是有效的平台 JSON（第 {} 行第 {} 列：{e}）。格式见 README.md。",
                    json.display(),
                    e.line(),
                    e.column()
                ))
            })?;
            let id = store.add_platform(&draft, today)?;
            writeln!(out, "已新增平台「{}」，编号 {id}", draft.name.trim())?;
        }
        Command::Calendar { command } => calendar::run(command, store, out)?,
        Command::Users { command } => posts::run_users(command, store, out)?,
        Command::Posts { command } => posts::run_posts(command, store, out)?,
        Command::Audit { command } => posts::run_audit(command, store, out)?,
        Command::Check { file, text, json } => {
            check::check_text(file.as_deref(), text, json, None, out).map_err(CliError::Message)?;
        }
        Command::Words { command } => {
            words::run(command, store, out).map_err(CliError::Message)?;
        }
        Command::CheckFile { path, json } => {
            check::check_file(&path, json, out).map_err(CliError::Message)?;
        }
        Command::Platforms {
            command: PlatformsCommand::History { id, json },
        } => {
            let events = store.platform_history(id)?;
            let changes = store.platform_changes(id)?;
            if json {
                let value = serde_json::json!({ "events": events, "changes": changes });
                writeln!(out, "{}", to_json(&value)?)?;
            } else {
                for e in events {
                    let who = if e.actor.is_empty() {
                        String::new()
                    } else {
                        format!("（{}）", e.actor)
                    };
                    writeln!(
                        out,
                        "{}\t{}\t{}{who}",
                        e.occurred_on,
                        e.kind.label(),
                        e.summary
                    )?;
                }
                for c in changes {
                    writeln!(
                        out,
                        "变更记录 {}：{} {}，{}",
                        c.id,
                        c.changed_on,
                        c.state.label(),
                        c.fields
                            .iter()
                            .map(|f| f.field.as_str())
                            .collect::<Vec<_>>()
                            .join("、")
                    )?;
                }
            }
        }
        Command::Print {
            command: PrintCommand::ChangeReport { change, out: path },
        } => {
            let data = crate::print::change_report_for(store, change)?;
            let settings =
                crate::print::form_settings(&store.settings()?).map_err(CliError::Message)?;
            let bytes = crate::print::render_change_report(&data, &settings)
                .map_err(|e| CliError::Message(e.to_string()))?;
            crate::print::write_pdf_atomically(&path, &bytes)
                .map_err(|e| CliError::Message(e.to_string()))?;
            writeln!(
                out,
                "已生成信息变更报告 {}，请单位负责人签字盖章后报送。",
                path.display()
            )?;
        }
        Command::Print {
            command: PrintCommand::ApprovalSlip { post, out: path },
        } => {
            let data = crate::print::approval_slip_for(store, post)?;
            let settings =
                crate::print::form_settings(&store.settings()?).map_err(CliError::Message)?;
            let bytes = crate::print::render_approval_slip(&data, &settings)
                .map_err(|e| CliError::Message(e.to_string()))?;
            crate::print::write_pdf_atomically(&path, &bytes)
                .map_err(|e| CliError::Message(e.to_string()))?;
            writeln!(
                out,
                "已生成信息发布审核单 {}（信息 {post}，第 {} 稿）。",
                path.display(),
                data.revision
            )?;
        }
        Command::Print {
            command:
                PrintCommand::EndingReport {
                    platform,
                    out: path,
                },
        } => {
            let settings =
                crate::print::form_settings(&store.settings()?).map_err(CliError::Message)?;
            let (bytes, what) = match crate::print::ending_document_for(store, platform)? {
                crate::print::EndingDocument::Closure(d) => (
                    crate::print::render_closure_report(&d, &settings),
                    "停止运营报告",
                ),
                crate::print::EndingDocument::Shutdown(d) => (
                    crate::print::render_shutdown_notice(&d, &settings),
                    "关停通知",
                ),
            };
            let bytes = bytes.map_err(|e| CliError::Message(e.to_string()))?;
            crate::print::write_pdf_atomically(&path, &bytes)
                .map_err(|e| CliError::Message(e.to_string()))?;
            writeln!(out, "已生成{what} {}。", path.display())?;
        }
        Command::Print { command } => {
            let (ids, kind, path) = match command {
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
                PrintCommand::ChangeReport { .. }
                | PrintCommand::EndingReport { .. }
                | PrintCommand::ApprovalSlip { .. } => {
                    return Err(CliError::Message("内部错误：打印命令分派有误".to_owned()));
                }
                PrintCommand::AnnualReview {
                    unit,
                    all: _,
                    out: path,
                } => {
                    store.unit_exists_or_err(unit)?;
                    let ids = store.active_platform_ids(unit)?;
                    if ids.is_empty() {
                        return Err(CliError::Message(
                            "没有可打印的平台（停止运营和关停的平台不再年审）。".to_owned(),
                        ));
                    }
                    (ids, FilingKind::Annual, path)
                }
            };
            print_forms(store, &ids, kind, &path, today, &mut std::io::stderr())?;
            writeln!(
                out,
                "已生成 {}：{} 个平台、{} 页，已记录为「{}」（待签章）。",
                path.display(),
                ids.len(),
                ids.len() * store.settings()?.copy_marks.len(),
                kind.label()
            )?;
        }
    }
    Ok(())
}

/// Renders, writes atomically, and records the filings; a failed record removes the PDF,
/// so no file exists without its filing record.
fn print_forms(
    store: &mut Store,
    ids: &[i64],
    kind: FilingKind,
    out: &std::path::Path,
    today: chrono::NaiveDate,
    warnings: &mut dyn Write,
) -> Result<(), CliError> {
    for id in ids {
        let status = store.platform(*id)?.status;
        may_print_filing(status).map_err(|e| CliError::Message(format!("平台 {id}：{e}")))?;
    }
    let forms = crate::print::forms_for(store, ids)?;
    for f in &forms {
        let missing = crate::print::missing_fields(f);
        if !missing.is_empty() {
            writeln!(
                warnings,
                "提示：「{}」缺少 {}，将打印为空白，请手工填写。",
                f.account_name.lines().next().unwrap_or(""),
                missing.join("、")
            )?;
        }
    }
    let settings = crate::print::form_settings(&store.settings()?).map_err(CliError::Message)?;
    let bytes = crate::print::render_filing_forms(&forms, &settings, &mut |_, _| true)
        .map_err(|e| CliError::Message(e.to_string()))?;
    crate::print::write_pdf_atomically(out, &bytes)
        .map_err(|e| CliError::Message(e.to_string()))?;
    if let Err(e) = store.record_filings(ids, kind, today) {
        let _ = std::fs::remove_file(out);
        return Err(e.into());
    }
    Ok(())
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    serde_json::to_string_pretty(value).map_err(|e| CliError::Message(e.to_string()))
}
