//! The command line: the same operations as the window (through `ops` and the store), for
//! scripts, batch work and tests. Every command that writes signs in first with `--as USER`
//! (第八条一: every write is someone's); the store checks the permission again inside the
//! write. The launcher (`main.rs`) opens the window when no subcommand is given.
#![allow(clippy::print_stdout)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

mod calendar;
mod check;
pub mod clap_zh;
mod db;
mod exchange;
mod posts;
mod print;
mod registry;
mod session_file;
mod sessions;
mod supervise;
mod todo;
mod users;
mod words;

use crate::ops::OpsError;
use crate::store::{Location, Store, StoreError, default_db_path};
use crate::text::cli as text;

#[derive(Parser, Debug)]
#[command(name = "mediadesk", version, about = crate::text::APP_TITLE)]
pub struct Cli {
    /// 数据库文件，或学校服务器地址 postgres://用户@主机:端口/库名（默认在系统数据文件夹，或环境变量 MEDIADESK_DB）
    #[arg(long, global = true, value_name = "PATH|URL")]
    pub db: Option<PathBuf>,

    /// 以哪个账号办理（修改数据的命令必填；密码取自环境变量 MEDIADESK_PASSWORD 或提示输入，绝不作为参数）
    #[arg(long = "as", global = true, value_name = "USER")]
    pub as_user: Option<String>,

    /// 打开窗口，保存第一帧完整画面为 PNG 后退出（用于冒烟测试与截图）
    #[arg(long, value_name = "FILE.png")]
    pub screenshot: Option<PathBuf>,

    /// 窗口打开后直接进入的页面：待办、督查、平台台账、备案、信息发布、新建信息、单位与人员、审计记录、账号、设置
    #[arg(long, value_name = "PAGE")]
    pub page: Option<String>,

    /// 窗口大小，例如 1024x640（与 --screenshot 一起用来截取小屏幕下的画面）
    #[arg(long, value_name = "WxH")]
    pub window_size: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The database this invocation uses: `--db`, else `MEDIADESK_DB`, else the data folder.
    pub fn db_path(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(default_db_path)
    }
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
        command: registry::UnitsCommand,
    },
    /// 平台台账：列出、查看、新增、历史、停止运营、关停
    Platforms {
        #[command(subcommand)]
        command: registry::PlatformsCommand,
    },
    /// 备案记录：列出、标记已报送、归档为已备案、附加签章扫描件
    Filings {
        #[command(subcommand)]
        command: registry::FilingsCommand,
    },
    /// 信息变更记录：标记变更报告已报送（第四条二）
    Changes {
        #[command(subcommand)]
        command: registry::ChangesCommand,
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
        command: users::UsersCommand,
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
    /// 打印备案表、年审、信息变更报告、停止运营报告或关停通知、信息发布审核单（PDF）
    Print {
        #[command(subcommand)]
        command: print::PrintCommand,
    },
    /// 谁可以办理什么：每项修改的权限规则（与 README 中的表相同）
    Permissions,
    /// 数据库：在本机文件与学校服务器之间复制，查看位置和行数
    Db {
        #[command(subcommand)]
        command: db::DbCommand,
    },
    /// 督查：列出今天的全部待办（应发整改通知、通报、关停，逾期备案、变更报告，安全事件，培训，党建专栏，年审，认证），按紧急程度排列
    Supervise {
        /// 按哪一天计算（默认今天）
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// 我的待办：按登录人的单位和角色列出要办的事和期限（备案、报送、变更报告、被退回和待审核、待发布的稿件），逾期的在前
    Todo {
        /// 按哪一天计算（默认今天）
        #[arg(long, value_name = "YYYY-MM-DD")]
        today: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// 平台更新：登记在平台后台发布的文章、从 CSV 导入发布记录、列出、标记党建专栏（第六条二、四）
    Updates {
        #[command(subcommand)]
        command: supervise::UpdatesCommand,
    },
    /// 督查通知：登记整改通知书、通报、关停决定（学校督查人员，第六条四），列出
    Notices {
        #[command(subcommand)]
        command: supervise::NoticesCommand,
    },
    /// 网络安全事件：登记、列出（第八条一）
    Incidents {
        #[command(subcommand)]
        command: supervise::IncidentsCommand,
    },
    /// 培训：登记培训及参训人员、列出（第五条）
    Training {
        #[command(subcommand)]
        command: supervise::TrainingCommand,
    },
    /// 导出 Excel：平台台账、备案记录、变更与停运、整改与通报
    Export {
        #[command(subcommand)]
        command: exchange::ExportCommand,
    },
    /// 从 Excel/WPS 表格或 CSV 导入平台：逐行检查，全部无误才一次写入
    Import {
        #[command(subcommand)]
        command: exchange::ImportCommand,
    },
    /// 备份数据库（系统管理员）：默认存入数据库旁的 backups 文件夹，保留最近 30 份
    Backup {
        /// 备份到这个文件（例如 U 盘或同步文件夹中）
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// 备份：列出备份及其内容
    Backups {
        #[command(subcommand)]
        command: exchange::BackupsCommand,
    },
    /// 从备份恢复数据库（系统管理员）：先检查备份的完整性和审计链，并先备份当前数据库
    Restore { file: PathBuf },
    /// 命令行登录：用 --as 指明账号，核对一次密码；此后 8 小时内在本数据库上的命令不必再输入密码（凭据只保存在本机、仅本人可读）
    SignIn,
    /// 退出命令行登录：结束数据库中的登录并删除本机保存的凭据（本机只有一个登录时可省略 --as）
    SignOut,
}

impl Command {
    /// Whether the command writes to the database, so it needs `--as`. `demo` writes too, but
    /// only into an empty database, where nobody exists yet to sign in as.
    pub fn writes(&self) -> bool {
        match self {
            Command::Demo { .. }
            | Command::Check { .. }
            | Command::CheckFile { .. }
            | Command::Permissions
            | Command::Db { .. }
            | Command::Supervise { .. }
            | Command::Export { .. }
            | Command::Backups { .. }
            // They sign in and out themselves.
            | Command::SignIn
            | Command::SignOut => false,
            Command::Import { .. } | Command::Backup { .. } | Command::Restore { .. } => true,
            Command::Units { command } => command.writes(),
            Command::Platforms { command } => command.writes(),
            Command::Filings { command } => command.writes(),
            Command::Changes { .. } => true,
            // It only reads; `run_to` signs in for it (the list is the signed-in person's).
            Command::Todo { .. } => false,
            Command::Calendar { command } => command.writes(),
            Command::Words { command } => command.writes(),
            Command::Users { command } => command.writes(),
            Command::Posts { command } => command.writes(),
            Command::Audit { command } => matches!(command, posts::AuditCommand::Repair),
            // Printing a filing form records it; the one-copy documents only read.
            Command::Print { command } => command.writes(),
            Command::Updates { command } => command.writes(),
            Command::Notices { command } => command.writes(),
            Command::Incidents { command } => command.writes(),
            Command::Training { command } => command.writes(),
        }
    }
}

/// Runs a subcommand, printing to stdout; a message on stderr and exit 1 when it fails
/// (exit 2 when a check could not run).
pub fn run(cli: Cli) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let db = cli.db_path();
    let Some(command) = cli.command else {
        return ExitCode::SUCCESS;
    };
    let result = match command {
        // Screening needs no database (the shipped lists); an existing one brings its own.
        Command::Check { file, text, json } => {
            return finish_check(check::check_text(
                file.as_deref(),
                text,
                json,
                db.exists().then_some(db.as_path()),
                &mut out,
            ));
        }
        Command::CheckFile { path, json } => {
            return finish_check(check::check_file(&path, json, &mut out));
        }
        // The table is the rule itself: no database needed.
        Command::Permissions => {
            write!(out, "{}", crate::text::permissions::permission_table()).map_err(CliError::from)
        }
        // Two databases, each opened here.
        Command::Db { command } => db::run(command, cli.as_user.as_deref(), &db, &mut out),
        // The list needs no database (a desk whose file is gone still sees its backups).
        Command::Backups { command } => exchange::run_backups(command, &db, &mut out),
        command => run_to(command, cli.as_user.as_deref(), &db, &mut out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_closed_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            tracing::warn!("command refused: {e}");
            eprintln!("{}", text::error_line(&e.to_string()));
            ExitCode::from(1)
        }
    }
}

/// Exit 1 when something blocks (as the findings say) or 2 when the check could not run.
fn finish_check(result: Result<bool, String>) -> ExitCode {
    match result {
        Ok(false) => ExitCode::SUCCESS,
        Ok(true) => ExitCode::from(1),
        Err(message) => {
            eprintln!("{}", text::error_line(&message));
            ExitCode::from(2)
        }
    }
}

/// Opens the database, signs in as `as_user` when given (required for a command that
/// writes), and runs `command`, writing what it prints to `out`.
pub fn run_to(
    command: Command,
    as_user: Option<&str>,
    db: &Path,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    // Only `demo` and the first `users add` create a database, and only where asked: a
    // mistyped --db (or a link to nowhere) is said, not answered with an empty registry.
    let creates = matches!(command, Command::Demo { .. }) || is_first_account(&command);
    let location = Location::parse(db)?;
    if !creates && !location.exists() {
        return Err(CliError::Message(text::database_missing(db)));
    }
    let needs_actor = command.writes() && as_user.is_none() && !is_bootstrap(&command, &location);
    // The current database is closed again before a restore replaces it.
    if let Command::Restore { file } = &command {
        if needs_actor {
            return Err(CliError::Message(text::needs_sign_in()));
        }
        return exchange::run_restore(file, as_user, db, out);
    }
    let mut store = open_location(&location)?;
    // One command, one process: its commits reach the disk together at its end, and what
    // it says it did is said only then (store/durability.rs).
    store.sync_when_done()?;
    let mut said = Vec::new();
    let result = run_signed_in(command, as_user, needs_actor, &mut store, &mut said);
    store.make_durable()?;
    out.write_all(&said)?;
    result
}

/// Signs in as the command needs and runs it on the open store.
fn run_signed_in(
    command: Command,
    as_user: Option<&str>,
    needs_actor: bool,
    store: &mut Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match (&command, as_user) {
        (Command::SignIn, _) => return sessions::sign_in(as_user, store, out),
        (Command::SignOut, _) => return sessions::sign_out(as_user, store, out),
        (_, Some(login)) => sign_in_as(store, login)?,
        // Without --as, the one command-line session this computer has for the database.
        (_, None) if needs_actor => sessions::sign_in_by_the_only_session(store)?,
        // 待办 is the signed-in person's: the session too, refused in its own words.
        (Command::Todo { .. }, None) => match sessions::sign_in_by_the_only_session(store) {
            Err(CliError::Message(m)) if m == text::needs_sign_in() => {
                return Err(CliError::Message(crate::text::ui_todo::needs_sign_in()));
            }
            other => other?,
        },
        (_, None) => {}
    }
    let changing = matches!(
        command,
        Command::Users {
            command: users::UsersCommand::Password
        }
    );
    users::refuse_until_changed(store, changing)?;
    execute(command, store, out)
}

fn is_first_account(command: &Command) -> bool {
    matches!(
        command,
        Command::Users {
            command: users::UsersCommand::Add { .. }
        }
    )
}

/// The first account of a new database is created without signing in: there is nobody yet.
fn is_bootstrap(command: &Command, db: &Location) -> bool {
    is_first_account(command)
        && open_location(db)
            .and_then(|s| Ok(s.has_users()?))
            .is_ok_and(|has| !has)
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Ops(#[from] OpsError),
    /// A message already in words (from `text::cli`).
    #[error("{0}")]
    Message(String),
    #[error("{}", crate::text::io_error(.0))]
    Io(#[from] std::io::Error),
}

impl CliError {
    /// Output went to a pipe that closed (`mediadesk words list | head -1`): not an error.
    fn is_closed_pipe(&self) -> bool {
        matches!(self, CliError::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

fn execute(command: Command, store: &mut Store, out: &mut dyn Write) -> Result<(), CliError> {
    let today = crate::today();
    match command {
        Command::Demo { scale: None, .. } => {
            store.load_demo(today)?;
            let all_posts = crate::store::PostFilter {
                limit: i64::MAX as usize,
                ..Default::default()
            };
            writeln!(
                out,
                "{}",
                text::demo_loaded(
                    store.units()?.len(),
                    store.people()?.len(),
                    store.platforms()?.len(),
                    store.posts(&all_posts)?.len(),
                )
            )?;
        }
        Command::Demo {
            scale: Some(n),
            posts,
        } => {
            store.generate_large(n, posts, today)?;
            writeln!(out, "{}", text::large_generated(n, posts))?;
        }
        Command::Units { command } => registry::run_units(command, store, out)?,
        Command::Platforms { command } => registry::run_platforms(command, store, out, today)?,
        Command::Filings { command } => registry::run_filings(command, store, out, today)?,
        Command::Changes { command } => registry::run_changes(command, store, out, today)?,
        Command::Calendar { command } => calendar::run(command, store, out)?,
        Command::Users { command } => users::run(command, store, out)?,
        Command::Posts { command } => posts::run_posts(command, store, out)?,
        Command::Audit { command } => posts::run_audit(command, store, out)?,
        Command::Words { command } => words::run(command, store, out)?,
        Command::Print { command } => print::run(command, store, out, today)?,
        Command::Permissions => {
            write!(out, "{}", crate::text::permissions::permission_table())?;
        }
        Command::Db { command } => db::run(command, None, Path::new(""), out)?,
        Command::Supervise { today, json } => supervise::run_supervise(today, json, store, out)?,
        Command::Todo { today, json } => todo::run_todo(today, json, store, out)?,
        Command::Updates { command } => supervise::run_updates(command, store, out, today)?,
        Command::Notices { command } => supervise::run_notices(command, store, out, today)?,
        Command::Incidents { command } => supervise::run_incidents(command, store, out, today)?,
        Command::Training { command } => supervise::run_training(command, store, out, today)?,
        Command::Export { command } => exchange::run_export(command, store, out, today)?,
        Command::Import { command } => exchange::run_import(command, store, out, today)?,
        Command::Backup { out: path } => exchange::run_backup(path, store, out)?,
        Command::Backups { command } => {
            exchange::run_backups(command, store.place().as_path(), out)?
        }
        Command::Restore { file } => {
            let db = store.place();
            exchange::run_restore(&file, None, &db, out)?;
        }
        // Handled in `run_to`, where `--as` is known.
        Command::SignIn | Command::SignOut => {}
        Command::Check { file, text, json } => {
            check::check_text(file.as_deref(), text, json, None, out).map_err(CliError::Message)?;
        }
        Command::CheckFile { path, json } => {
            check::check_file(&path, json, out).map_err(CliError::Message)?;
        }
    }
    Ok(())
}

/// A password from `var`, or typed at a prompt that does not echo.
pub(crate) fn password_from(var: &str, prompt: &str) -> Result<String, CliError> {
    use std::io::IsTerminal;
    if let Ok(p) = std::env::var(var) {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError::Message(text::password_needed(var)));
    }
    rpassword::prompt_password(prompt)
        .map_err(|e| CliError::Message(text::password_unreadable(&crate::text::io_error(&e))))
}

/// Opens `location`; a server that wants a password nobody gave (address, `PGPASSWORD`,
/// `.pgpass`) gets one typed at a prompt that does not echo, once.
pub(crate) fn open_location(location: &Location) -> Result<Store, CliError> {
    match location.open(None) {
        Err(e)
            if Location::needs_password(&e)
                && std::io::IsTerminal::is_terminal(&std::io::stdin()) =>
        {
            let password =
                rpassword::prompt_password(text::server_password_prompt(&location.shown()))
                    .map_err(|e| {
                        CliError::Message(text::password_unreadable(&crate::text::io_error(&e)))
                    })?;
            Ok(location.open(Some(&password))?)
        }
        other => Ok(other?),
    }
}

/// Signs in as `login` for this one command: its live command-line session on this
/// computer, else the password.
fn sign_in_as(store: &mut Store, login: &str) -> Result<(), CliError> {
    sessions::sign_in_as(store, login)
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    serde_json::to_string_pretty(value).map_err(|e| CliError::Message(e.to_string()))
}
