//! `mediadesk posts …` and `mediadesk audit …`: the three-step approval (第七条三) and the
//! audit chain without a window. Every step signs in with the global `--as USER`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::{CliError, to_json};
use crate::domain::audit_trust::Anchor;
use crate::domain::post::PostDraft;
use crate::domain::workflow::{PostAction, PostState};
use crate::ops;
use crate::store::{AnchorCheck, AuditFilter, PostFilter, Store, VerifyOptions};
use crate::text::cli as text;
use crate::text::cli_audit;

#[derive(Subcommand, Debug)]
pub enum PostsCommand {
    /// 从 JSON 文件新建信息（草稿）
    New {
        #[arg(long, value_name = "FILE")]
        json: PathBuf,
    },
    /// 提交审核（信息员，已完成编辑初审）
    Submit { id: i64 },
    /// 审核通过（审核人或单位负责人）
    Approve {
        id: i64,
        #[arg(long)]
        comment: Option<String>,
    },
    /// 退回（审核人，或发布前的管理员），须写明意见
    Reject {
        id: i64,
        #[arg(long)]
        comment: Option<String>,
    },
    /// 确认发布（管理员），须给出发布链接
    Publish {
        id: i64,
        #[arg(long)]
        link: Option<String>,
        /// 发布时间（默认为现在），如 2026-11-26T09:30:00
        #[arg(long)]
        at: Option<String>,
    },
    /// 撤回（撰稿人，审核前）
    Withdraw { id: i64 },
    /// 删除从未提交过的草稿（撰稿人；删除记入审计记录）
    Delete { id: i64 },
    /// 审核人放行内容审查的拦截结果（须写明理由，记入审计记录）
    Override {
        id: i64,
        #[arg(long)]
        reason: String,
    },
    /// 添加附件（按内容检查类型和安全性）
    Attach { id: i64, file: PathBuf },
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

impl PostsCommand {
    pub fn writes(&self) -> bool {
        !matches!(self, Self::List { .. } | Self::Show { .. })
    }
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// 校验整个审计记录链，指出第一条被改动或删除的记录（退出码 1）
    Verify {
        #[arg(long)]
        json: bool,
        /// 只校验哈希与签名归属，不逐条验证签名（快，但不能证明是谁写的）
        #[arg(long)]
        hashes_only: bool,
        /// 打印在表单页脚上的审计锚点「序号:哈希」，核对记录链至今仍含这一条
        #[arg(long, value_name = "N:HASH")]
        anchor: Option<String>,
    },
    /// 恢复审计记录的防改保护（数据库触发器被删除时；系统管理员，记入审计记录）
    Repair,
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

fn parse_state(text: &str) -> Result<PostState, CliError> {
    PostState::from_code(text.trim())
        .or_else(|| {
            PostState::ALL
                .into_iter()
                .find(|s| s.label() == text.trim())
        })
        .ok_or_else(|| CliError::Message(text::unknown_post_state(text)))
}

fn read_draft(path: &Path) -> Result<PostDraft, CliError> {
    let body = ops::files::read_text(path)?;
    serde_json::from_str(&body)
        .map_err(|e| CliError::Message(text::bad_json(path, text::JsonKind::Post, &e)))
}

fn step(
    store: &mut Store,
    id: i64,
    action: PostAction,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let version = store.post(id)?.version;
    let done = store.post_step(id, version, &action)?;
    writeln!(out, "{}", text::step_done(id, &action, &done))?;
    Ok(())
}

pub(super) fn run_posts(
    command: PostsCommand,
    store: &mut Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        PostsCommand::New { json } => {
            let draft = read_draft(&json)?;
            let id = store.create_post(&draft)?;
            writeln!(out, "{}", text::post_created(draft.title.trim(), id))?;
        }
        PostsCommand::Submit { id } => step(store, id, PostAction::Submit, out)?,
        PostsCommand::Approve { id, comment } => {
            let comment = comment.unwrap_or_default();
            step(store, id, PostAction::Approve { comment }, out)?;
        }
        PostsCommand::Reject { id, comment } => {
            let comment = comment.unwrap_or_default();
            step(store, id, PostAction::Reject { comment }, out)?;
        }
        PostsCommand::Publish { id, link, at } => {
            let at = match at {
                None => chrono::Local::now().naive_local(),
                Some(t) => parse_time(&t)?,
            };
            let link = link.unwrap_or_default();
            step(store, id, PostAction::Publish { link, at }, out)?;
        }
        PostsCommand::Withdraw { id } => step(store, id, PostAction::Withdraw, out)?,
        PostsCommand::Delete { id } => {
            let version = store.post(id)?.version;
            store.delete_draft(id, version)?;
            writeln!(out, "{}", text::draft_deleted(id))?;
        }
        PostsCommand::Override { id, reason } => {
            let version = store.post(id)?.version;
            store.override_screening(id, version, &reason)?;
            writeln!(out, "{}", text::overridden(id))?;
        }
        PostsCommand::Attach { id, file } => {
            let version = store.post(id)?.version;
            let att = ops::files::attach_to_post(store, id, version, &file)?;
            if let Some(meta) = store.attachments(id)?.into_iter().find(|a| a.id == att) {
                writeln!(out, "{}", text::attachment_added(&meta))?;
            }
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
                    writeln!(out, "{}", text::post_line(&r))?;
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
                for line in text::post_lines(&post, &history) {
                    writeln!(out, "{line}")?;
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
    .ok_or_else(|| CliError::Message(text::bad_publish_time(t)))
}

/// `audit verify` fails (exit 1) when the chain is broken.
pub(super) fn run_audit(
    command: AuditCommand,
    store: &mut Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        AuditCommand::Verify {
            json,
            hashes_only,
            anchor,
        } => {
            let anchor = anchor
                .map(|a| {
                    Anchor::parse(&a).ok_or_else(|| CliError::Message(cli_audit::bad_anchor(&a)))
                })
                .transpose()?;
            let total = store.audit_len()?;
            let shown = std::sync::atomic::AtomicU64::new(0);
            // Progress on stderr, a line per tenth, for chains long enough to wait for.
            let progress = |done: u64| {
                let step = (total / 10).max(1);
                let last = shown.load(std::sync::atomic::Ordering::Relaxed);
                if total >= 100_000 && done >= last + step {
                    shown.store(done, std::sync::atomic::Ordering::Relaxed);
                    eprintln!("{}", cli_audit::audit_progress(done, total));
                }
            };
            let options = VerifyOptions {
                hashes_only,
                anchor,
            };
            let check = store.verify_audit_with(&options, &progress)?;
            if json {
                writeln!(out, "{}", to_json(&check)?)?;
            } else if check.broken.is_none() {
                writeln!(out, "{}", cli_audit::audit_intact(&check))?;
            }
            if let Some(problem) = check.problem {
                return Err(CliError::Message(problem));
            }
            match (&options.anchor, &check.anchor) {
                (Some(a), Some(AnchorCheck::Holds)) if !json => {
                    writeln!(out, "{}", cli_audit::anchor_holds(a))?;
                }
                (Some(a), Some(found)) if *found != AnchorCheck::Holds => {
                    return Err(CliError::Message(cli_audit::anchor_fails(a, found)));
                }
                _ => {}
            }
            let missing = store.missing_audit_triggers()?;
            if !missing.is_empty() {
                return Err(CliError::Message(cli_audit::audit_triggers_missing(
                    &missing,
                )));
            }
        }
        AuditCommand::Repair => {
            let restored = store.restore_audit_triggers()?;
            writeln!(out, "{}", cli_audit::audit_triggers_restored(&restored))?;
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
                    writeln!(out, "{}", cli_audit::audit_line(&e))?;
                }
            }
        }
    }
    Ok(())
}
