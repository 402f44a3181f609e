//! `mediadesk words (list|add|remove|import|export)`: the screening word lists in the database.
//! `--category` takes a category code (e.g. `internal_information`), its item number in
//! 第六条五 (1–12), or `allow` for the allow list. Edits belong to the system administrator.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;

use super::{CliError, to_json};
use crate::domain::screening::{Category, Severity};
use crate::ops::imports::{self, WordList};
use crate::store::{ALLOW_LIST, Store};
use crate::text::cli_check;

#[derive(Subcommand, Debug)]
pub enum WordsCommand {
    /// 列出词表（不指定类别时列出全部）
    List {
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// 添加一个词（系统管理员）
    Add {
        word: String,
        #[arg(long)]
        category: String,
        /// block（拦截）或 warn（提醒）
        #[arg(long, default_value = "warn")]
        severity: String,
        /// 修改原因（记入词表版本和审计记录）
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// 删除一个词（系统管理员）
    Remove {
        word: String,
        #[arg(long)]
        category: String,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// 从文本文件导入，每行一个词（# 开头为注释；系统管理员）
    Import {
        file: PathBuf,
        #[arg(long)]
        category: String,
        #[arg(long, default_value = "warn")]
        severity: String,
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// 导出为文本（可再导入）
    Export {
        #[arg(long)]
        category: String,
    },
}

impl WordsCommand {
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Self::Add { .. } | Self::Remove { .. } | Self::Import { .. }
        )
    }
}

fn list_named(name: &str) -> Result<WordList, CliError> {
    let t = name.trim();
    if t == ALLOW_LIST || t == cli_check::ALLOW_LIST_NAME {
        return Ok(WordList::Allow);
    }
    Category::from_code(t)
        .or_else(|| t.parse::<u8>().ok().and_then(Category::from_item))
        .filter(|c| Category::WITH_WORD_LIST.contains(c))
        .map(WordList::Category)
        .ok_or_else(|| CliError::Message(cli_check::unknown_word_list(t)))
}

fn severity(name: &str) -> Result<Severity, CliError> {
    Severity::parse(name).ok_or_else(|| CliError::Message(cli_check::unknown_severity(name)))
}

pub fn run(command: WordsCommand, store: &mut Store, out: &mut dyn Write) -> Result<(), CliError> {
    match command {
        WordsCommand::List { category, json } => {
            let lists = match category.as_deref().map(list_named).transpose()? {
                Some(WordList::Allow) => {
                    let (allow, _) = store.allow_list()?;
                    if json {
                        writeln!(out, "{}", to_json(&allow)?)?;
                    } else {
                        for word in allow.words {
                            writeln!(out, "{word}")?;
                        }
                    }
                    return Ok(());
                }
                Some(WordList::Category(c)) => vec![store.word_list(c)?],
                None => Category::WITH_WORD_LIST
                    .into_iter()
                    .map(|c| store.word_list(c))
                    .collect::<Result<Vec<_>, _>>()?,
            };
            if json {
                let value: Vec<_> = lists
                    .iter()
                    .map(|(l, v)| serde_json::json!({ "category": l.category, "version": v, "entries": l.entries }))
                    .collect();
                writeln!(out, "{}", to_json(&value)?)?;
            } else {
                for (list, version) in lists {
                    writeln!(out, "{}", cli_check::word_list_heading(&list, version))?;
                    for e in &list.entries {
                        writeln!(out, "{}\t{}", e.word, e.severity.label())?;
                    }
                }
            }
        }
        WordsCommand::Add {
            word,
            category,
            severity: s,
            reason,
        } => {
            let list = list_named(&category)?;
            let added = imports::add_word(store, list, &word, severity(&s)?, &reason)?;
            writeln!(out, "{}", cli_check::word_added(word.trim(), added))?;
        }
        WordsCommand::Remove {
            word,
            category,
            reason,
        } => {
            imports::remove_word(store, list_named(&category)?, &word, &reason)?;
            writeln!(out, "{}", cli_check::word_removed(word.trim()))?;
        }
        WordsCommand::Import {
            file,
            category,
            severity: s,
            reason,
        } => {
            let list = list_named(&category)?;
            let report = imports::import_words_file(store, list, &file, severity(&s)?, &reason)?;
            writeln!(
                out,
                "{}",
                cli_check::words_imported(report.added, report.duplicates)
            )?;
            for p in &report.problems {
                writeln!(out, "{}", cli_check::word_not_imported(&p.message()))?;
            }
        }
        WordsCommand::Export { category } => {
            let body = imports::export_words(store, list_named(&category)?)?;
            write!(out, "{body}")?;
        }
    }
    Ok(())
}
