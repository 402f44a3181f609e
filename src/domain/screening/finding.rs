//! One thing the screener found in a text: what, how serious, which rule, and exactly where, so
//! the window can highlight it and the CLI can print it as JSON.

use serde::{Deserialize, Serialize};

use super::category::Category;

/// How serious a finding is. `Block` stops publishing until the text is fixed (or the word is
/// put on the allow list); `Warn` asks the reviewer to look; `Info` only lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warn,
    Block,
}

/// What a word list may write for `Block` (lower case): data read from users' files, not
/// wording, so it stays here rather than in `text`.
const ACCEPTED_BLOCK_WORDS: &[&str] = &["block", "拦截", "禁止"];
/// What a word list may write for `Warn` (lower case).
const ACCEPTED_WARN_WORDS: &[&str] = &["warn", "warning", "提醒", "警告"];

impl Severity {
    /// Parses the severity written in a word list: English code or Chinese label.
    pub fn parse(text: &str) -> Option<Severity> {
        let text = text.trim().to_ascii_lowercase();
        if ACCEPTED_BLOCK_WORDS.contains(&text.as_str()) {
            Some(Self::Block)
        } else if ACCEPTED_WARN_WORDS.contains(&text.as_str()) {
            Some(Self::Warn)
        } else {
            None
        }
    }

    /// The code written back into exported word lists.
    pub fn code(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Warn => "warn",
            Self::Block => "block",
        }
    }
}

/// Which rule produced a finding: a word of a list, or one of the detectors.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A word list entry, as written in the list.
    Word(String),
    /// An 18-digit resident ID number with a valid check digit, date and province.
    ResidentId,
    /// An old 15-digit resident ID number.
    ResidentId15,
    /// 18 characters shaped like a resident ID (province, real birth date) whose check
    /// character is wrong: a typo in a real ID, or a number that only looks like one.
    NearResidentId,
    /// A mainland mobile number.
    Mobile,
    /// A bank card number that passes the Luhn check.
    BankCard,
    /// An e-mail address.
    Email,
    /// A student number, by one of the configured patterns.
    StudentNumber,
    /// A staff number, by one of the configured patterns.
    StaffNumber,
    /// A link over unencrypted http.
    PlainHttp,
    /// A link through a URL shortener, which hides where it leads.
    LinkShortener,
}

impl Rule {
    /// Whether this rule found personal data that `mask_personal_data` can hide.
    pub fn is_personal_data(&self) -> bool {
        matches!(
            self,
            Self::ResidentId
                | Self::ResidentId15
                | Self::NearResidentId
                | Self::Mobile
                | Self::BankCard
                | Self::Email
                | Self::StudentNumber
                | Self::StaffNumber
        )
    }
}

/// One finding. `start`/`end` count characters (what a person sees), `byte_start`/`byte_end`
/// count UTF-8 bytes (what Rust strings and egui's text layout index by); both are half-open
/// ranges into the ORIGINAL text, and `matched` is exactly that slice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub category: Category,
    pub severity: Severity,
    pub rule: Rule,
    pub matched: String,
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Finding {
    /// The finding for the first occurrence of `matched` in `text`, with its character and
    /// byte offsets (for tests and for findings made outside the screener).
    pub fn locate(
        text: &str,
        matched: &str,
        category: Category,
        severity: Severity,
        rule: Rule,
    ) -> Option<Finding> {
        let byte_start = text.find(matched)?;
        let start = text[..byte_start].chars().count();
        Some(Finding {
            category,
            severity,
            rule,
            matched: matched.to_owned(),
            start,
            end: start + matched.chars().count(),
            byte_start,
            byte_end: byte_start + matched.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_parses_codes_and_labels() {
        let cases = [
            ("block", Some(Severity::Block)),
            (" BLOCK ", Some(Severity::Block)),
            ("拦截", Some(Severity::Block)),
            ("warn", Some(Severity::Warn)),
            ("提醒", Some(Severity::Warn)),
            ("info", None),
            ("", None),
            ("blocker", None),
        ];
        for (text, expected) in cases {
            assert_eq!(Severity::parse(text), expected, "{text:?}");
        }
        assert!(Severity::Block > Severity::Warn && Severity::Warn > Severity::Info);
    }

    #[test]
    fn finding_serialises_with_the_fields_the_cli_prints() {
        let finding = Finding {
            category: Category::ObscenityGamblingViolence,
            severity: Severity::Block,
            rule: Rule::Word("赌博".into()),
            matched: "赌 博".into(),
            start: 2,
            end: 5,
            byte_start: 6,
            byte_end: 13,
        };
        let json = serde_json::to_value(&finding).unwrap();
        assert_eq!(json["category"], "obscenity_gambling_violence");
        assert_eq!(json["severity"], "block");
        assert_eq!(json["rule"]["word"], "赌博");
        assert_eq!(json["matched"], "赌 博");
        assert_eq!(json["start"], 2);
        assert_eq!(json["end"], 5);
        let mobile = serde_json::to_value(Rule::Mobile).unwrap();
        assert_eq!(mobile, "mobile");
        assert!(
            finding
                .summary()
                .starts_with("拦截 第六条五第7项 词表：赌博")
        );
    }
}
