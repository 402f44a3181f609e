//! `mediadesk words (list|add|remove|import|export)`: the screening word lists in the database.
//! `--category` takes a category code (e.g. `internal_information`), its item number in
//! 第六条五 (1–12), or `allow` for the allow list.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;

use crate::domain::screening::{Category, Severity};
use crate::store::{ALLOW_LIST, Store, StoreError};

#[derive(Subcommand, Debug)]
pub enum WordsCommand {
    /// 列出词表（不指定类别时列出全部）
    List {
        #[arg(long)]
        category: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// 添加一个词
    Add {
        word: String,
        #[arg(long)]
        category: String,
        /// block（拦截）或 warn（提醒）
        #[arg(long, default_value = "warn")]
        severity: String,
    },
    /// 删除一个词
    Remove {
        word: String,
        #[arg(long)]
        category: String,
    },
    /// 从文本文件导入，每行一个词（# 开头为注释）
    Import {
        file: PathBuf,
        #[arg(long)]
        category: String,
        #[arg(long, default_value = "warn")]
        severity: String,
    },
    /// 导出为文本（可再导入）
    Export {
        #[arg(long)]
        category: String,
    },
}

enum Target {
    Category(Category),
    Allow,
}

fn target(text: &str) -> Result<Target, String> {
    let t = text.trim();
    if t == ALLOW_LIST || t == "允许" {
        return Ok(Target::Allow);
    }
    let found = Category::from_code(t)
        .or_else(|| t.parse::<u8>().ok().and_then(Category::from_item))
        .filter(|c| Category::WITH_WORD_LIST.contains(c));
    found.map(Target::Category).ok_or_else(|| {
        let codes: Vec<String> = Category::WITH_WORD_LIST
            .iter()
            .map(|c| format!("{}（{}）", c.code(), c.label()))
            .collect();
        format!(
            "没有「{t}」这个词表。可用：1–12、{}、allow（允许词）",
            codes.join("、")
        )
    })
}

fn severity(text: &str) -> Result<Severity, String> {
    Severity::parse(text)
        .ok_or_else(|| format!("严重程度「{text}」无效，请用 block（拦截）或 warn（提醒）"))
}

fn store_err(e: StoreError) -> String {
    e.to_string()
}

pub fn run(command: WordsCommand, store: &mut Store, out: &mut dyn Write) -> Result<(), String> {
    let w = |e: std::io::Error| e.to_string();
    match command {
        WordsCommand::List { category, json } => {
            let lists = match category.as_deref().map(target).transpose()? {
                Some(Target::Allow) => {
                    let (allow, _) = store.allow_list().map_err(store_err)?;
                    if json {
                        writeln!(
                            out,
                            "{}",
                            serde_json::to_string_pretty(&allow).map_err(|e| e.to_string())?
                        )
                        .map_err(w)?;
                    } else {
                        for word in allow.words {
                            writeln!(out, "{word}").map_err(w)?;
                        }
                    }
                    return Ok(());
                }
                Some(Target::Category(c)) => vec![store.word_list(c).map_err(store_err)?],
                None => Category::WITH_WORD_LIST
                    .into_iter()
                    .map(|c| store.word_list(c))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(store_err)?,
            };
            if json {
                let value: Vec<_> = lists
                    .iter()
                    .map(|(l, v)| serde_json::json!({ "category": l.category, "version": v, "entries": l.entries }))
                    .collect();
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?
                )
                .map_err(w)?;
            } else {
                for (list, version) in lists {
                    writeln!(
                        out,
                        "# {}（{}，第 {version} 版，{} 个词）",
                        list.category.label(),
                        list.category.code(),
                        list.entries.len()
                    )
                    .map_err(w)?;
                    for e in &list.entries {
                        writeln!(out, "{}\t{}", e.word, e.severity.label()).map_err(w)?;
                    }
                }
            }
        }
        WordsCommand::Add {
            word,
            category,
            severity: s,
        } => {
            let added = match target(&category)? {
                Target::Allow => store
                    .edit_allow_list(&format!("添加「{}」", word.trim()), |l| {
                        l.add(&word).map_err(|e| StoreError::InUse(e.to_string()))
                    })
                    .map_err(store_err)?,
                Target::Category(c) => {
                    let sev = severity(&s)?;
                    store
                        .edit_word_list(c, &format!("添加「{}」", word.trim()), |l| {
                            l.add(&word, sev)
                                .map_err(|e| StoreError::InUse(e.to_string()))
                        })
                        .map_err(store_err)?
                }
            };
            writeln!(
                out,
                "{}",
                if added {
                    format!("已添加「{}」", word.trim())
                } else {
                    format!("「{}」已在词表中", word.trim())
                }
            )
            .map_err(w)?;
        }
        WordsCommand::Remove { word, category } => {
            let removed = match target(&category)? {
                Target::Allow => store
                    .edit_allow_list(&format!("删除「{}」", word.trim()), |l| {
                        Ok(l.remove(&word))
                    }),
                Target::Category(c) => {
                    store.edit_word_list(c, &format!("删除「{}」", word.trim()), |l| {
                        Ok(l.remove(&word))
                    })
                }
            }
            .map_err(store_err)?;
            if !removed {
                return Err(format!("词表中没有「{}」，未作改动", word.trim()));
            }
            writeln!(out, "已删除「{}」", word.trim()).map_err(w)?;
        }
        WordsCommand::Import {
            file,
            category,
            severity: s,
        } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| format!("无法读取 {}（须为 UTF-8 文本）：{e}", file.display()))?;
            let name = file.display().to_string();
            let report = match target(&category)? {
                Target::Allow => {
                    store.edit_allow_list(&format!("导入 {name}"), |l| Ok(l.import(&text)))
                }
                Target::Category(c) => {
                    let sev = severity(&s)?;
                    store.edit_word_list(c, &format!("导入 {name}"), |l| Ok(l.import(&text, sev)))
                }
            }
            .map_err(store_err)?;
            writeln!(
                out,
                "已导入 {} 个词，{} 个已存在。",
                report.added, report.duplicates
            )
            .map_err(w)?;
            for p in &report.problems {
                writeln!(out, "未导入：{}", p.message()).map_err(w)?;
            }
        }
        WordsCommand::Export { category } => {
            let text = match target(&category)? {
                Target::Allow => store.allow_list().map_err(store_err)?.0.export(),
                Target::Category(c) => store.word_list(c).map_err(store_err)?.0.export(),
            };
            write!(out, "{text}").map_err(w)?;
        }
    }
    Ok(())
}
