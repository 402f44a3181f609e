//! Word lists: one per category of 第六条五 plus internal-information markers (第六条三), and an
//! allow list for false positives. Lists are plain data the user can import, edit and export;
//! the store keeps them (versioned) and hands the matcher a `Vec<WordEntry>` and an `AllowList`.
//!
//! Text format (the seed files in `assets/words/` and user imports alike):
//!
//! ```text
//! # 第六条五第7项 淫秽、色情、赌博、暴力、恐怖或教唆犯罪   ← any line starting with # is a comment
//! # severity: block                                     ← default for the lines below (block | warn)
//! 赌博                                                  ← one word per line
//! 博彩 | warn                                           ← per-word severity after a |
//! ```
//!
//! Blank lines are ignored. Spaces and punctuation inside a word are ignored when matching, so
//! 「赌 博」 and 「赌博」 are the same entry.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::category::Category;
use super::error::ScreeningError;
use super::finding::Severity;
use super::normalize::normalize_word;

/// Longest word accepted, in characters: longer "words" are sentences and never match evasions.
pub const MAX_WORD_CHARS: usize = 50;

/// One word of a list with its category and severity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WordEntry {
    pub word: String,
    pub category: Category,
    pub severity: Severity,
}

/// A line of an import that was not taken, and why (its sentence is `LineProblem::message`,
/// in `text::screening`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineProblem {
    /// 1-based line number in the imported text.
    pub line: usize,
    pub text: String,
    pub reason: LineReason,
}

/// Why a line of a list file was not taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineReason {
    /// The word itself cannot be matched.
    Word(WordProblem),
    /// `word | warn | block`: a line holds one word and at most one severity.
    MoreThanOneBar,
    /// A severity that is neither block nor warn (as written, trimmed).
    UnknownSeverity(String),
    /// A `# severity:` line in the allow list, which has no severities.
    SeverityDirectiveInAllowList,
    /// `word | warn` in the allow list.
    SeverityInAllowList,
}

/// Why a word cannot go on a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WordProblem {
    /// Longer than [`MAX_WORD_CHARS`].
    TooLong,
    /// Nothing is left once spaces, punctuation and symbols are ignored.
    NothingToMatch,
    /// A single letter or digit would match almost everywhere.
    SingleLetter,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub added: usize,
    /// Words already in the list (their severity is updated to the imported one).
    pub duplicates: usize,
    pub problems: Vec<LineProblem>,
}

/// The word list of one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordList {
    pub category: Category,
    pub entries: Vec<WordEntry>,
}

/// Checks that a word can be matched, returning its compact form or the reason why not.
pub fn validate_word(word: &str) -> Result<String, WordProblem> {
    let word = word.trim();
    if word.chars().count() > MAX_WORD_CHARS {
        return Err(WordProblem::TooLong);
    }
    let compact = normalize_word(word);
    let mut chars = compact.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Err(WordProblem::NothingToMatch),
        (Some(c), None) if c.is_ascii() => Err(WordProblem::SingleLetter),
        _ => Ok(compact),
    }
}

/// One accepted line of a list file.
struct ParsedLine {
    word: String,
    severity: Severity,
}

/// Parses the list format above. `allow_severity` is false for the allow list, where a `|`
/// suffix is a mistake.
fn parse_lines(
    text: &str,
    mut default: Severity,
    allow_severity: bool,
) -> (Vec<ParsedLine>, Vec<LineProblem>) {
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let problem = |reason: LineReason| LineProblem {
            line: index + 1,
            text: line.to_owned(),
            reason,
        };
        if line.is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(value) = severity_directive(comment) {
                match Severity::parse(value) {
                    Some(severity) if allow_severity => default = severity,
                    Some(_) => problems.push(problem(LineReason::SeverityDirectiveInAllowList)),
                    None => problems.push(problem(unknown_severity(value))),
                }
            }
            continue;
        }
        let mut parts = line.split('|');
        let word = parts.next().unwrap_or_default().trim();
        let severity_text = parts.next();
        if parts.next().is_some() {
            problems.push(problem(LineReason::MoreThanOneBar));
            continue;
        }
        let severity = match severity_text {
            None => default,
            Some(_) if !allow_severity => {
                problems.push(problem(LineReason::SeverityInAllowList));
                continue;
            }
            Some(value) => match Severity::parse(value) {
                Some(severity) => severity,
                None => {
                    problems.push(problem(unknown_severity(value)));
                    continue;
                }
            },
        };
        match validate_word(word) {
            Ok(_) => lines.push(ParsedLine {
                word: word.to_owned(),
                severity,
            }),
            Err(reason) => problems.push(problem(LineReason::Word(reason))),
        }
    }
    (lines, problems)
}

/// The keys of a severity comment line, with ASCII or full-width colon: data read from users'
/// files, not wording, so it stays here rather than in `text`.
const ACCEPTED_SEVERITY_DIRECTIVES: &[&str] = &["severity:", "severity：", "级别:", "级别："];

/// The value of a `# severity: …` (or `# 级别：…`) comment line.
fn severity_directive(comment: &str) -> Option<&str> {
    let comment = comment.trim();
    ACCEPTED_SEVERITY_DIRECTIVES
        .iter()
        .find_map(|key| comment.strip_prefix(key))
}

fn unknown_severity(value: &str) -> LineReason {
    LineReason::UnknownSeverity(value.trim().to_owned())
}

impl WordList {
    pub fn new(category: Category) -> Self {
        Self {
            category,
            entries: Vec::new(),
        }
    }

    /// The seed list shipped in `assets/words/` for this category (empty for links).
    pub fn seed(category: Category) -> Result<Self, ScreeningError> {
        let mut list = Self::new(category);
        let (Some(file), Some(text)) = (category.seed_file(), seed_text(category)) else {
            return Ok(list);
        };
        let report = list.import(text, Severity::Block);
        if let Some(problem) = report.problems.into_iter().next() {
            return Err(ScreeningError::SeedList {
                file,
                line: problem.line,
                reason: problem.reason,
            });
        }
        Ok(list)
    }

    fn position(&self, compact: &str) -> Option<usize> {
        self.entries
            .iter()
            .position(|e| normalize_word(&e.word) == compact)
    }

    /// Whether the list holds this word (ignoring spaces, punctuation, width and case).
    pub fn contains(&self, word: &str) -> bool {
        self.position(&normalize_word(word)).is_some()
    }

    /// Adds a word. Returns `Ok(false)` when it was already there; its severity is then updated.
    pub fn add(&mut self, word: &str, severity: Severity) -> Result<bool, ScreeningError> {
        let compact = validate_word(word).map_err(|reason| ScreeningError::InvalidWord {
            word: word.trim().to_owned(),
            reason,
        })?;
        match self.position(&compact) {
            Some(i) => {
                self.entries[i].severity = severity;
                Ok(false)
            }
            None => {
                self.push(word.trim(), severity);
                Ok(true)
            }
        }
    }

    fn push(&mut self, word: &str, severity: Severity) {
        self.entries.push(WordEntry {
            word: word.to_owned(),
            category: self.category,
            severity,
        });
    }

    /// Removes a word; returns whether it was there.
    pub fn remove(&mut self, word: &str) -> bool {
        match self.position(&normalize_word(word)) {
            Some(i) => {
                self.entries.remove(i);
                true
            }
            None => false,
        }
    }

    /// Imports a user's file: one word per line, blank lines and `#` comments ignored, bad lines
    /// reported with their line numbers and skipped.
    pub fn import(&mut self, text: &str, default: Severity) -> ImportReport {
        let (lines, problems) = parse_lines(text, default, true);
        let mut report = ImportReport {
            problems,
            ..ImportReport::default()
        };
        // An index of the compact forms, so that importing 50,000 words is not quadratic.
        let mut known: HashMap<String, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (normalize_word(&e.word), i))
            .collect();
        for line in lines {
            match known.entry(normalize_word(&line.word)) {
                Entry::Occupied(at) => {
                    self.entries[*at.get()].severity = line.severity;
                    report.duplicates += 1;
                }
                Entry::Vacant(slot) => {
                    slot.insert(self.entries.len());
                    self.push(&line.word, line.severity);
                    report.added += 1;
                }
            }
        }
        report
    }

    /// The list in the import format under a `# heading` comment line; importing the export
    /// gives the same list back. `WordList::export` (in `text::screening`) supplies the heading.
    pub fn export_with_heading(&self, heading: &str) -> String {
        let mut out = format!("# {heading}\n# severity: block\n");
        for entry in &self.entries {
            match entry.severity {
                Severity::Block => out.push_str(&entry.word),
                other => {
                    out.push_str(&entry.word);
                    out.push_str(" | ");
                    out.push_str(other.code());
                }
            }
            out.push('\n');
        }
        out
    }
}

/// Phrases that are fine even though they contain a listed word (反邪教 contains 邪教). A hit
/// of an allowed phrase suppresses every finding lying inside it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowList {
    pub words: Vec<String>,
}

impl AllowList {
    /// The seed allow list shipped in `assets/words/allow.txt`.
    pub fn seed() -> Result<Self, ScreeningError> {
        let mut list = Self::default();
        let report = list.import(include_str!("../../../assets/words/allow.txt"));
        if let Some(problem) = report.problems.into_iter().next() {
            return Err(ScreeningError::SeedList {
                file: "allow.txt",
                line: problem.line,
                reason: problem.reason,
            });
        }
        Ok(list)
    }

    fn position(&self, compact: &str) -> Option<usize> {
        self.words.iter().position(|w| normalize_word(w) == compact)
    }

    /// Adds a phrase. Returns `Ok(false)` when it was already there.
    pub fn add(&mut self, word: &str) -> Result<bool, ScreeningError> {
        let compact = validate_word(word).map_err(|reason| ScreeningError::InvalidWord {
            word: word.trim().to_owned(),
            reason,
        })?;
        if self.position(&compact).is_some() {
            return Ok(false);
        }
        self.words.push(word.trim().to_owned());
        Ok(true)
    }

    /// Removes a phrase; returns whether it was there.
    pub fn remove(&mut self, word: &str) -> bool {
        match self.position(&normalize_word(word)) {
            Some(i) => {
                self.words.remove(i);
                true
            }
            None => false,
        }
    }

    /// Imports one phrase per line, like a word list but without severities.
    pub fn import(&mut self, text: &str) -> ImportReport {
        let (lines, problems) = parse_lines(text, Severity::Warn, false);
        let mut report = ImportReport {
            problems,
            ..ImportReport::default()
        };
        let mut known: HashSet<String> = self.words.iter().map(|w| normalize_word(w)).collect();
        for line in lines {
            if known.insert(normalize_word(&line.word)) {
                self.words.push(line.word);
                report.added += 1;
            } else {
                report.duplicates += 1;
            }
        }
        report
    }

    /// The list in the import format under a `# heading` comment line. `AllowList::export` (in
    /// `text::screening`) supplies the heading.
    pub fn export_with_heading(&self, heading: &str) -> String {
        let mut out = format!("# {heading}\n");
        for word in &self.words {
            out.push_str(word);
            out.push('\n');
        }
        out
    }
}

/// Text of the seed file of a category, embedded at build time.
fn seed_text(category: Category) -> Option<&'static str> {
    let text = match category {
        Category::IllegalHarmingNation => {
            include_str!("../../../assets/words/01-illegal-harming-nation.txt")
        }
        Category::EndangeringSecurity => {
            include_str!("../../../assets/words/02-endangering-security.txt")
        }
        Category::EthnicHatredCult => {
            include_str!("../../../assets/words/03-ethnic-hatred-cult.txt")
        }
        Category::Rumour => include_str!("../../../assets/words/04-rumour.txt"),
        Category::IllegalPreaching => {
            include_str!("../../../assets/words/05-illegal-preaching.txt")
        }
        Category::IllegalAssembly => include_str!("../../../assets/words/06-illegal-assembly.txt"),
        Category::ObscenityGamblingViolence => {
            include_str!("../../../assets/words/07-obscenity-gambling-violence.txt")
        }
        Category::InsultDefamation => {
            include_str!("../../../assets/words/08-insult-defamation.txt")
        }
        Category::IllegalOrganisation => {
            include_str!("../../../assets/words/09-illegal-organisation.txt")
        }
        Category::SensitiveTopic => include_str!("../../../assets/words/10-sensitive-topic.txt"),
        Category::ExpresslyProhibited => {
            include_str!("../../../assets/words/11-expressly-prohibited.txt")
        }
        Category::PersonalData => include_str!("../../../assets/words/12-personal-data.txt"),
        Category::InternalInformation => {
            include_str!("../../../assets/words/internal-information.txt")
        }
        Category::ExternalLink => return None,
    };
    Some(text)
}

/// The seed lists of all categories that have one, in policy order.
pub fn seed_word_lists() -> Result<Vec<WordList>, ScreeningError> {
    Category::WITH_WORD_LIST
        .into_iter()
        .map(WordList::seed)
        .collect()
}

/// All entries of several lists, the shape `Screener::new` takes.
pub fn entries_of(lists: &[WordList]) -> Vec<WordEntry> {
    lists
        .iter()
        .flat_map(|l| l.entries.iter().cloned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_list_parses_cleanly_and_is_not_empty() {
        let lists = seed_word_lists().unwrap();
        assert_eq!(lists.len(), 13);
        for list in &lists {
            assert!(list.entries.len() >= 5, "{:?} too small", list.category);
            assert!(list.entries.iter().all(|e| e.category == list.category));
        }
        let internal = &lists[12];
        for marker in [
            "内部资料",
            "内部通知",
            "内部文件",
            "秘密",
            "机密",
            "绝密",
            "不宜公开",
            "仅供内部",
            "内部传达",
            "请勿外传",
        ] {
            assert!(internal.contains(marker), "{marker}");
        }
        assert!(!AllowList::seed().unwrap().words.is_empty());
    }

    #[test]
    fn import_reports_bad_lines_with_numbers() {
        let text = "\u{FEFF}# 测试\n赌博\n\n博彩 | warn\n ★★ \n赌 博\n彩票 | maybe\na\n甲|乙|丙\n# severity: warn\n黄赌毒\n# severity: 很严重\n";
        let mut list = WordList::new(Category::ObscenityGamblingViolence);
        let report = list.import(text, Severity::Block);
        assert_eq!(report.added, 3);
        assert_eq!(report.duplicates, 1, "赌 博 is the same word as 赌博");
        let lines: Vec<usize> = report.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![5, 7, 8, 9, 12]);
        assert_eq!(
            report.problems[1].reason,
            LineReason::UnknownSeverity("maybe".into())
        );
        assert!(report.problems[1].message().contains("无法识别的级别"));
        assert!(report.problems[0].message().starts_with("第 5 行"));
        let severities: Vec<(&str, Severity)> = list
            .entries
            .iter()
            .map(|e| (e.word.as_str(), e.severity))
            .collect();
        assert_eq!(
            severities,
            vec![
                ("赌博", Severity::Block),
                ("博彩", Severity::Warn),
                ("黄赌毒", Severity::Warn),
            ]
        );
    }

    #[test]
    fn add_remove_and_export_round_trip() {
        let mut list = WordList::new(Category::Rumour);
        assert!(list.add("网传", Severity::Warn).unwrap());
        assert!(list.add("速转", Severity::Block).unwrap());
        assert!(!list.add("网 传", Severity::Block).unwrap(), "same word");
        assert_eq!(
            list.entries[0].severity,
            Severity::Block,
            "severity updated"
        );
        assert!(matches!(
            list.add("，。", Severity::Warn),
            Err(ScreeningError::InvalidWord { .. })
        ));
        let long = "长".repeat(MAX_WORD_CHARS + 1);
        assert!(list.add(&long, Severity::Warn).is_err());
        list.add("紧急扩散", Severity::Warn).unwrap();
        let mut again = WordList::new(Category::Rumour);
        let report = again.import(&list.export(), Severity::Block);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(again, list);
        assert!(list.remove("速 转"));
        assert!(!list.remove("速转"));
        assert!(!list.contains("速转"));
        let json = serde_json::to_string(&list).unwrap();
        assert_eq!(serde_json::from_str::<WordList>(&json).unwrap(), list);
    }

    #[test]
    fn importing_a_large_list_is_not_quadratic() {
        let text: String = (0..50_000u32)
            .map(|i| {
                let c = |n: u32| char::from_u32(0x4E00 + n % 1000).unwrap();
                format!("{}{}{}\n", c(i), c(i / 1000), c(7))
            })
            .collect();
        let mut list = WordList::new(Category::SensitiveTopic);
        let started = std::time::Instant::now();
        let report = list.import(&text, Severity::Warn);
        assert_eq!((report.added, report.duplicates), (50_000, 0));
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        let again = list.import(&text[..text.len() / 2], Severity::Block);
        assert_eq!(again.added, 0);
        assert_eq!(list.entries[0].severity, Severity::Block);
    }

    #[test]
    fn allow_list_round_trips_and_refuses_severities() {
        let mut allow = AllowList::default();
        assert!(allow.add("反邪教").unwrap());
        assert!(!allow.add("反 邪教").unwrap());
        let report = allow.import("远离赌博\n抵制色情 | warn\n");
        assert_eq!(report.added, 1);
        assert_eq!(report.problems.len(), 1);
        assert_eq!(report.problems[0].line, 2);
        let mut again = AllowList::default();
        again.import(&allow.export());
        assert_eq!(again, allow);
        assert!(allow.remove("反邪教"));
    }
}
