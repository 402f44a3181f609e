//! Errors of content screening: what went wrong, as data. The sentences that tell a secretary
//! what to fix are in `text::screening`.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::words::{LineReason, WordProblem};

/// What can go wrong while setting up screening. Screening itself never fails: bad text or a bad
/// file becomes a finding, not an error.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScreeningError {
    /// A student or staff number pattern in the settings does not compile.
    InvalidPattern {
        kind: PatternKind,
        pattern: String,
        reason: PatternFault,
    },
    /// A pattern that matches empty text would flag every position of every text.
    EmptyMatchPattern { kind: PatternKind, pattern: String },
    /// A word that cannot be matched (only punctuation, too long, …).
    InvalidWord { word: String, reason: WordProblem },
    /// A seed list shipped in `assets/words/` is malformed: a bug of the release, not of the user.
    SeedList {
        file: &'static str,
        line: usize,
        reason: LineReason,
    },
    /// The automaton could not be built: the word list is beyond its capacity.
    Build(BuildFailure),
}

/// Which of the school's number patterns (第六条五第12项) a pattern error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternKind {
    /// 学号.
    StudentNumber,
    /// 工号.
    StaffNumber,
}

/// Why a number pattern does not compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatternFault {
    /// Not a regular expression (unbalanced brackets, a stray backslash…).
    Syntax,
    /// Compiles beyond the size limit.
    TooComplex,
    /// Any other refusal of the regex engine.
    Other,
}

/// Which part of the screener could not be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuildFailure {
    /// The built-in e-mail pattern.
    EmailPattern,
    /// The built-in link pattern.
    LinkPattern,
    /// The word automaton: too many or too long words.
    TooManyWords,
    /// A thread compiling a shard of the word lists panicked.
    ThreadPanicked,
}
