//! Errors of content screening, each a Chinese sentence saying what is wrong and how to fix it.

use thiserror::Error;

/// What can go wrong while setting up screening. Screening itself never fails: bad text or a bad
/// file becomes a finding, not an error.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScreeningError {
    /// A student or staff number pattern in the settings does not compile.
    #[error(
        "{kind}规则「{pattern}」不是有效的正则表达式（{reason}）。请检查括号、方括号和反斜杠的写法后重新保存。"
    )]
    InvalidPattern {
        kind: &'static str,
        pattern: String,
        reason: String,
    },
    /// A pattern that matches empty text would flag every position of every text.
    #[error(
        "{kind}规则「{pattern}」可以匹配空文本，会把每一处都当成命中。请写出至少一个必须出现的数字或字母，例如 20\\d{{8}}。"
    )]
    EmptyMatchPattern { kind: &'static str, pattern: String },
    /// A word that cannot be matched (only punctuation, too long, …).
    #[error("词条「{word}」无效：{reason}。请修改后重新添加。")]
    InvalidWord { word: String, reason: String },
    /// A seed list shipped in `assets/words/` is malformed: a bug of the release, not of the user.
    #[error("内置词表 {file} 第 {line} 行有误：{reason}。请联系维护人员修正该文件。")]
    SeedList {
        file: &'static str,
        line: usize,
        reason: String,
    },
    /// The automaton could not be built: the word list is beyond its capacity.
    #[error("无法建立敏感词匹配器（{0}）。请减少词条数量或删除过长的词条后重试。")]
    Build(String),
}
