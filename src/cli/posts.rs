//! `mediadesk users …`, `mediadesk posts …` and `mediadesk audit …`: accounts, the three-step
//! approval and the audit chain without a window. Passwords come from an environment variable
//! or a prompt, never from an argument (arguments end up in shell history and process lists).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::{CliError, to_json};
use crate::domain::post::PostDraft;
use crate::domain::workflow::{PostAction, PostState};
use crate::store::{
    AuditFilter, NEW_PASSWORD_ENV_VAR, NewUser, PASSWORD_ENV_VAR, PostFilter, Store,
};

#[derive(Subcommand, Debug)]
pub enum UsersCommand {
    /// 添加账号（第一个账号须为系统管理员；之后须由系统管理员 --as 添加）。新密码取自环境变量 MEDIADESK_NEW_PASSWORD 或提示输入
    Add {
        #[arg(long)]
        login: String,
        /// 对应人员编号（信息员、审核人、管理员按其单位和角色办理）
        #[arg(long, value_name = "ID")]
        person: Option<i64>,
        /// 显示名称（默认取人员姓名）
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        system_admin: bool,
        /// 以哪个系统管理员身份添加（密码取自环境变量 MEDIADESK_PASSWORD 或提示输入）
        #[arg(long = "as", value_name = "USER")]
        as_user: Option<String>,
    },
    /// 列出账号
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum PostsCommand {
    /// 从 JSON 文件新建信息（草稿）
    New {
        #[arg(long, value_name = "FILE")]
        json: PathBuf,
        #[arg(long = "as", value_name = "USER")]
        as_user: String,
    },
    /// 提交审核（信息员，已完成编辑初审）
    Submit {
        id: i64,
        #[arg(long = "as", value_name = "USER")]
        as_user: String,
    },
    /// 审核通过（审核人或单位负责人）
    Approve {
        id: i64,
        #[arg(long = "as", value_name = "USER")]
        as_user: String,
        #[arg(long)]
        comment: Option<String>,
    },
    /// 退回（审核人，或发布前的管理员），须写明意见
    Reject {
        id: i64,
        #[arg(long = "as", value_name = "USER")]
        as_user: String,
        #[arg(long)]
        comment: Option<String>,
    },
    /// 确认发布（管理员），须给出发布链接
    Publish {
        id: i64,
        #[arg(long = "as", value_name = "USER")]
        as_user: String,
        #[arg(long)]
        link: Option<String>,
        /// 发布时间（默认为现在），如 2026-11-26T09:30:00
        #[arg(long)]
        at: Option<String>,
    },
    /// 撤回（撰稿人，审核前）
    Withdraw {
        id: i64,
        #[arg(long = "as", value_name = "USER")]
        as_user: String,
    },
    /// 审核人放行内容审查的拦截结果（须写明理由，记入审计记录）
    Override {
        id: i64,
        #[arg(long = "as", value_name = "USER")]
        as_user: String,
        #[arg(long)]
        reason: String,
    },
    /// 添加附件（按内容检查类型和安全性）
    Attach {
        id: i64,
        file: PathBuf,
        #[arg(long = "as", value_name = "USER")]
        as_user: String,
    },
    /// 列出信息
    List {
        /// draft / submitted / approved / published / returned / withdrawn，或中文状态名
        #[arg(long)]
        state: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// 显示一条信息、它的修订稿和全部经过
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// 校验整个审计记录链，指出第一条被改动或删除的记录（退出码 1）
    Verify {
        #[arg(long)]
        json: bool,
    },
    /// 列出最近的审计记录
    Log {
        /// 只看某个对象，如 post:12、platform:3、user:
        #[arg(long)]
        object: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
}

/// A password from `var`, or typed at a prompt that does not echo.
fn password_from(var: &str, prompt: &str) -> Result<String, CliError> {
    if let Ok(p) = std::env::var(var) {
        return Ok(p);
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError::Message(format!(
            "需要密码：请设置环境变量 {var}，或在终端中运行本命令以输入密码。"
        )));
    }
    rpassword::prompt_password(prompt).map_err(|e| CliError::Message(format!("无法读取密码：{e}")))
}

/// Signs in as `login` for one command.
pub(super) fn sign_in_as(store: &mut Store, login: &str) -> Result<(), CliError> {
    let password = password_from(PASSWORD_ENV_VAR, &format!("请输入 {login} 的密码："))?;
    store.sign_in(login, &password)?;
    Ok(())
}

pub(super) fn run_users(
    command: UsersCommand,
    store: &mut Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        UsersCommand::Add {
            login,
            person,
            name,
            system_admin,
            as_user,
        } => {
            if let Some(admin) = as_user {
                sign_in_as(store, &admin)?;
            }
            let password = password_from(NEW_PASSWORD_ENV_VAR, "请输入新账号的密码：")?;
            let again = if std::env::var(NEW_PASSWORD_ENV_VAR).is_ok() {
                password.clone()
            } else {
                password_from(NEW_PASSWORD_ENV_VAR, "请再输入一次：")?
            };
            let id = store.add_user(&NewUser {
                login: login.clone(),
                display_name: name.unwrap_or_default(),
                person_id: person,
                is_system_admin: system_admin,
                password,
                password_again: again,
            })?;
            writeln!(out, "已添加账号「{}」，编号 {id}", login.trim())?;
        }
        UsersCommand::List { json } => {
            let users = store.users()?;
            if json {
                writeln!(out, "{}", to_json(&users)?)?;
            } else {
                for u in users {
                    let mut roles: Vec<&str> = u.roles.iter().map(|r| r.label()).collect();
                    if u.is_system_admin {
                        roles.push("系统管理员");
                    }
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}{}",
                        u.id,
                        u.login,
                        u.display_name,
                        u.unit_name,
                        roles.join("、"),
                        if u.active { "" } else { "\t（已停用）" }
                    )?;
                }
            }
        }
    }
    Ok(())
}

fn parse_state(text: &str) -> Result<PostState, CliError> {
    PostState::from_code(text.trim())
        .or_else(|| {
            PostState::ALL
                .into_iter()
                .find(|s| s.label() == text.trim())
        })
        .ok_or_else(|| {
            CliError::Message(format!(
                "未知状态「{text}」，可用：{}",
                PostState::ALL
                    .iter()
                    .map(|s| format!("{}（{}）", s.code(), s.label()))
                    .collect::<Vec<_>>()
                    .join("、")
            ))
        })
}

fn read_draft(path: &Path) -> Result<PostDraft, CliError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| CliError::Message(format!("无法读取 {}：{e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        CliError::Message(format!(
            "{} 的内容不是有效的信息 JSON（第 {} 行第 {} 列：{e}）。格式见 README.md。",
            path.display(),
            e.line(),
            e.column()
        ))
    })
}

fn step(
    store: &mut Store,
    id: i64,
    as_user: &str,
    action: PostAction,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    sign_in_as(store, as_user)?;
    let version = store.post(id)?.version;
    let done = store.post_step(id, version, &action)?;
    writeln!(
        out,
        "信息 {id}：{}，「{}」→「{}」",
        action.label(),
        done.from.label(),
        done.to.label()
    )?;
    Ok(())
}

pub(super) fn run_posts(
    command: PostsCommand,
    store: &mut Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        PostsCommand::New { json, as_user } => {
            let draft = read_draft(&json)?;
            sign_in_as(store, &as_user)?;
            let id = store.create_post(&draft)?;
            writeln!(
                out,
                "已新建信息「{}」，编号 {id}（草稿）",
                draft.title.trim()
            )?;
        }
        PostsCommand::Submit { id, as_user } => {
            step(store, id, &as_user, PostAction::Submit, out)?;
        }
        PostsCommand::Approve {
            id,
            as_user,
            comment,
        } => {
            let comment = comment.unwrap_or_default();
            step(store, id, &as_user, PostAction::Approve { comment }, out)?;
        }
        PostsCommand::Reject {
            id,
            as_user,
            comment,
        } => {
            let comment = comment.unwrap_or_default();
            step(store, id, &as_user, PostAction::Reject { comment }, out)?;
        }
        PostsCommand::Publish {
            id,
            as_user,
            link,
            at,
        } => {
            let at = match at {
                None => chrono::Local::now().naive_local(),
                Some(text) => parse_time(&text)?,
            };
            let link = link.unwrap_or_default();
            step(store, id, &as_user, PostAction::Publish { link, at }, out)?;
        }
        PostsCommand::Withdraw { id, as_user } => {
            step(store, id, &as_user, PostAction::Withdraw, out)?;
        }
        PostsCommand::Override {
            id,
            as_user,
            reason,
        } => {
            sign_in_as(store, &as_user)?;
            let version = store.post(id)?.version;
            store.override_screening(id, version, &reason)?;
            writeln!(out, "信息 {id}：已放行审查结果，理由已记入审计记录。")?;
        }
        PostsCommand::Attach { id, file, as_user } => {
            sign_in_as(store, &as_user)?;
            let version = store.post(id)?.version;
            let att = store.attach_file(id, version, &file)?;
            let meta = store
                .attachments(id)?
                .into_iter()
                .find(|a| a.id == att)
                .ok_or(crate::store::StoreError::NotFound {
                    what: "附件",
                    id: att,
                })?;
            writeln!(
                out,
                "已添加附件「{}」（{} 字节，SHA-256 {}）",
                meta.name, meta.size, meta.sha256
            )?;
        }
        PostsCommand::List { state, json } => {
            let state = state.as_deref().map(parse_state).transpose()?;
            let rows = store.posts(&PostFilter {
                state,
                ..Default::default()
            })?;
            if json {
                writeln!(out, "{}", to_json(&rows)?)?;
            } else {
                for r in rows {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        r.id,
                        r.state.label(),
                        r.category.label(),
                        r.unit_name,
                        r.platform_name,
                        r.title,
                        r.author_name
                    )?;
                }
            }
        }
        PostsCommand::Show { id, json } => {
            let post = store.post(id)?;
            let revisions = store.revisions(id)?;
            let attachments = store.attachments(id)?;
            let history = store.post_history(id)?;
            if json {
                let value = serde_json::json!({
                    "post": post,
                    "revisions": revisions,
                    "attachments": attachments,
                    "history": history,
                });
                writeln!(out, "{}", to_json(&value)?)?;
            } else {
                let d = &post.draft;
                writeln!(out, "编号：{}", post.id)?;
                writeln!(out, "标题：{}", d.title)?;
                writeln!(
                    out,
                    "平台：{} {}（{}）",
                    post.unit_name, post.platform_name, post.platform_kind
                )?;
                writeln!(
                    out,
                    "状态：{}（第 {} 稿）",
                    post.state.label(),
                    post.revision
                )?;
                writeln!(out, "类别：{}　栏目：{}", d.category.label(), d.column)?;
                writeln!(out, "来源：{}", d.attribution.origin.label())?;
                writeln!(out, "撰稿：{}", post.author_name)?;
                if let Some(r) = &post.reviewer_name {
                    writeln!(out, "审核：{r}")?;
                }
                if let Some(p) = &post.publisher_name {
                    writeln!(out, "发布：{p}")?;
                }
                if let Some(link) = &post.published_link {
                    writeln!(out, "发布链接：{link}")?;
                }
                for e in history {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}",
                        e.at.format("%Y-%m-%d %H:%M"),
                        e.actor,
                        e.action,
                        e.comment
                    )?;
                }
            }
        }
    }
    Ok(())
}

fn parse_time(text: &str) -> Result<chrono::NaiveDateTime, CliError> {
    let t = text.trim();
    [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| chrono::NaiveDateTime::parse_from_str(t, f).ok())
    .ok_or_else(|| {
        CliError::Message(format!(
            "发布时间「{t}」格式不对，请写成 2026-11-26T09:30:00 或 2026-11-26 09:30。"
        ))
    })
}

/// `audit verify` fails (exit 1) when the chain is broken.
pub(super) fn run_audit(
    command: AuditCommand,
    store: &mut Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        AuditCommand::Verify { json } => {
            let check = store.verify_audit()?;
            if json {
                writeln!(out, "{}", to_json(&check)?)?;
            } else if check.broken.is_none() {
                writeln!(
                    out,
                    "审计记录完整：共 {} 条，链尾哈希 {}",
                    check.verified,
                    check.head.as_deref().unwrap_or("（无记录）")
                )?;
            }
            if let Some(problem) = check.problem {
                return Err(CliError::Message(problem));
            }
        }
        AuditCommand::Log {
            object,
            limit,
            json,
        } => {
            let entries = store.audit_entries(&AuditFilter {
                object_prefix: object,
                limit,
                ..Default::default()
            })?;
            if json {
                writeln!(out, "{}", to_json(&entries)?)?;
            } else {
                for e in entries {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        e.seq,
                        e.at.format("%Y-%m-%d %H:%M:%S"),
                        e.actor,
                        e.action,
                        e.object,
                        e.comment
                    )?;
                }
            }
        }
    }
    Ok(())
}
