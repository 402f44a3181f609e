//! The screener: word lists compiled once into Aho–Corasick automata over normalised text,
//! plus the personal data and link detectors, run together over a text to produce one report
//! whose positions point into the text exactly as written.

use std::cmp::Reverse;
use std::collections::HashMap;

use chrono::{Local, NaiveDate};

use super::category::Category;
use super::error::ScreeningError;
use super::finding::{Finding, Rule, Severity};
use super::links::{ExternalLink, LinkDetector, LinkScheme, is_link_shortener};
use super::normalize::{CharIndex, Normalized, fold_char};
use super::personal_data::{PersonalDataDetector, PersonalDataSettings, personal_data_severity};
use super::report::{MAX_FINDINGS, ScreeningReport};
use super::shards::{Shard, build_shards, find_all};
use super::words::{AllowList, WordEntry, entries_of, seed_word_lists, validate_word};

/// Word hits collected before nesting and the allow list are applied; beyond this the text is
/// pathological (one word repeated endlessly) and the report is marked truncated.
const MAX_RAW_WORD_HITS: usize = 10 * MAX_FINDINGS;

/// What a pattern of the automaton stands for: word list entries, an allowed phrase, or both.
#[derive(Debug, Clone, Default)]
struct Target {
    /// The first entry with this compact form, and any further ones (rare: the same word in
    /// two categories), kept apart so that 50,000 words do not cost 50,000 allocations.
    first: Option<usize>,
    more: Vec<usize>,
    allow: bool,
}

impl Target {
    fn add_entry(&mut self, entry: usize) {
        if self.first.is_none() {
            self.first = Some(entry);
        } else {
            self.more.push(entry);
        }
    }

    fn entries(&self) -> impl Iterator<Item = usize> + '_ {
        self.first.into_iter().chain(self.more.iter().copied())
    }
}

/// A finding before its text is sliced out: a range of original characters.
#[derive(Debug, Clone)]
struct Hit {
    start: usize,
    end: usize,
    category: Category,
    severity: Severity,
    rule: Rule,
}

/// Screens texts against word lists, the allow list and the detectors. Build it once (building
/// compiles every word) and share it; it is `Send + Sync`, so a background thread can use it.
#[derive(Debug, Clone)]
pub struct Screener {
    shards: Vec<Shard>,
    targets: Vec<Target>,
    entries: Vec<WordEntry>,
    allowed_phrases: usize,
    personal: PersonalDataDetector,
    links: LinkDetector,
}

impl Screener {
    /// Compiles the word entries (as stored by the user), the allow list and the school's
    /// personal data settings. Fails, in Chinese, on a word that cannot be matched or a bad
    /// student/staff number pattern.
    pub fn new(
        entries: Vec<WordEntry>,
        allow: &AllowList,
        settings: &PersonalDataSettings,
    ) -> Result<Self, ScreeningError> {
        let invalid = |word: &str, reason| ScreeningError::InvalidWord {
            word: word.trim().to_owned(),
            reason,
        };
        // Compact forms of every entry, then of every allowed phrase.
        let mut compacts = Vec::with_capacity(entries.len() + allow.words.len());
        for word in entries
            .iter()
            .map(|e| e.word.as_str())
            .chain(allow.words.iter().map(String::as_str))
        {
            compacts.push(validate_word(word).map_err(|r| invalid(word, r))?);
        }
        // One pattern per distinct compact form; entries sharing it are chained.
        let mut ids: HashMap<&str, usize> = HashMap::with_capacity(compacts.len());
        let mut patterns: Vec<&str> = Vec::with_capacity(compacts.len());
        let mut targets: Vec<Target> = Vec::with_capacity(compacts.len());
        for (i, compact) in compacts.iter().enumerate() {
            let id = *ids.entry(compact.as_str()).or_insert_with(|| {
                patterns.push(compact);
                targets.push(Target::default());
                patterns.len() - 1
            });
            match i.checked_sub(entries.len()) {
                None => targets[id].add_entry(i),
                Some(_) => targets[id].allow = true,
            }
        }
        Ok(Self {
            shards: build_shards(&patterns)?,
            targets,
            entries,
            allowed_phrases: allow.words.len(),
            personal: PersonalDataDetector::new(settings)?,
            links: LinkDetector::new()?,
        })
    }

    /// A screener with the seed lists shipped in `assets/words/`, for first start and the CLI.
    pub fn seeded(settings: &PersonalDataSettings) -> Result<Self, ScreeningError> {
        let lists = seed_word_lists()?;
        Self::new(entries_of(&lists), &AllowList::seed()?, settings)
    }

    /// Number of word entries compiled in.
    pub fn word_count(&self) -> usize {
        self.entries.len()
    }

    /// Number of allowed phrases compiled in.
    pub fn allowed_count(&self) -> usize {
        self.allowed_phrases
    }

    /// Screens a text as of today (birth dates after today are not ID numbers).
    pub fn screen(&self, text: &str) -> ScreeningReport {
        self.screen_on(text, Local::now().date_naive())
    }

    /// Screens a text as of `today`; the deterministic form, for tests and replays.
    pub fn screen_on(&self, text: &str, today: NaiveDate) -> ScreeningReport {
        let index = CharIndex::new(text);
        let (folded, compact) = Normalized::both(text);
        let (word_hits, allowed, mut truncated) = self.word_hits(text, &index, &compact);
        let mut hits = collapse_nested(word_hits);

        for hit in self.personal.detect(&folded.text, today) {
            let (start, end) = folded.original_chars(hit.start, hit.end);
            hits.push(Hit {
                start,
                end,
                category: Category::PersonalData,
                severity: personal_data_severity(&hit.rule),
                rule: hit.rule,
            });
        }
        let mut links = Vec::new();
        for hit in self.links.find(&folded) {
            let (start, end) = folded.original_chars(hit.start, hit.end);
            let (byte_start, byte_end) = (index.byte(start), index.byte(end));
            let shortener = is_link_shortener(&hit.domain);
            let mut warn = |rule| {
                hits.push(Hit {
                    start,
                    end,
                    category: Category::ExternalLink,
                    severity: Severity::Warn,
                    rule,
                });
            };
            if hit.scheme == LinkScheme::Http {
                warn(Rule::PlainHttp);
            }
            if shortener {
                warn(Rule::LinkShortener);
            }
            links.push(ExternalLink {
                url: text
                    .get(byte_start..byte_end)
                    .unwrap_or_default()
                    .to_owned(),
                domain: hit.domain,
                scheme: hit.scheme,
                shortener,
                start,
                end,
                byte_start,
                byte_end,
            });
        }

        suppress_allowed(&mut hits, allowed);
        hits.sort_by(|a, b| {
            (a.start, a.end, Reverse(a.severity), a.category).cmp(&(
                b.start,
                b.end,
                Reverse(b.severity),
                b.category,
            ))
        });
        if hits.len() > MAX_FINDINGS {
            hits.truncate(MAX_FINDINGS);
            truncated = true;
        }
        let findings = hits
            .into_iter()
            .map(|hit| {
                let (byte_start, byte_end) = (index.byte(hit.start), index.byte(hit.end));
                Finding {
                    category: hit.category,
                    severity: hit.severity,
                    rule: hit.rule,
                    matched: text
                        .get(byte_start..byte_end)
                        .unwrap_or_default()
                        .to_owned(),
                    start: hit.start,
                    end: hit.end,
                    byte_start,
                    byte_end,
                }
            })
            .collect();
        ScreeningReport {
            findings,
            links,
            truncated,
        }
    }

    /// Word list hits and allowed-phrase spans, as original character ranges.
    fn word_hits(
        &self,
        text: &str,
        index: &CharIndex,
        compact: &Normalized,
    ) -> (Vec<Hit>, Vec<(usize, usize)>, bool) {
        let mut hits = Vec::new();
        let mut allowed = Vec::new();
        for (pattern, m_start, m_end) in find_all(&self.shards, &compact.text) {
            if !compact.gaps_within_limit(m_start, m_end) {
                continue;
            }
            let (start, end) = compact.original_chars(m_start, m_end);
            let Some(target) = self.targets.get(pattern) else {
                continue;
            };
            if target.allow {
                allowed.push((start, end));
            }
            if target.first.is_none() || !ascii_word_boundaries(text, index, start, end) {
                continue;
            }
            for entry in target.entries().filter_map(|i| self.entries.get(i)) {
                hits.push(Hit {
                    start,
                    end,
                    category: entry.category,
                    severity: entry.severity,
                    rule: Rule::Word(entry.word.clone()),
                });
            }
            if hits.len() >= MAX_RAW_WORD_HITS {
                return (hits, allowed, true);
            }
        }
        (hits, allowed, false)
    }
}

/// A word written in Latin letters only counts as a whole word: 「sex」 is not in 「Sussex」.
/// Chinese has no spaces between words, so CJK matches need no boundary.
fn ascii_word_boundaries(text: &str, index: &CharIndex, start: usize, end: usize) -> bool {
    let is_ascii_alnum =
        |c: Option<char>| c.map(fold_char).is_some_and(|c| c.is_ascii_alphanumeric());
    let (byte_start, byte_end) = (index.byte(start), index.byte(end));
    let first = text.get(byte_start..).and_then(|t| t.chars().next());
    let last = text.get(..byte_end).and_then(|t| t.chars().next_back());
    let before = text.get(..byte_start).and_then(|t| t.chars().next_back());
    let after = text.get(byte_end..).and_then(|t| t.chars().next());
    !(is_ascii_alnum(first) && is_ascii_alnum(before)
        || is_ascii_alnum(last) && is_ascii_alnum(after))
}

/// When one listed word contains another (网络赌博 ⊃ 赌博), only the longer one is reported,
/// unless the shorter one is more serious.
fn collapse_nested(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| {
        (a.start, Reverse(a.end), Reverse(a.severity), a.category).cmp(&(
            b.start,
            Reverse(b.end),
            Reverse(b.severity),
            b.category,
        ))
    });
    // Furthest end reached by a kept hit of each severity (Info, Warn, Block).
    let mut reach: [Option<usize>; 3] = [None; 3];
    let rank = |s: Severity| match s {
        Severity::Info => 0,
        Severity::Warn => 1,
        Severity::Block => 2,
    };
    hits.retain(|hit| {
        let covered = reach[rank(hit.severity)..]
            .iter()
            .any(|r| r.is_some_and(|end| end >= hit.end));
        if !covered {
            let slot = &mut reach[rank(hit.severity)];
            *slot = Some(slot.map_or(hit.end, |e| e.max(hit.end)));
        }
        !covered
    });
    hits
}

/// Drops every finding that lies inside an allowed phrase.
fn suppress_allowed(hits: &mut Vec<Hit>, mut allowed: Vec<(usize, usize)>) {
    if allowed.is_empty() {
        return;
    }
    allowed.sort_unstable();
    // Furthest end of the allowed spans starting at or before each one.
    let reach: Vec<usize> = allowed
        .iter()
        .scan(0, |max, &(_, end)| {
            *max = end.max(*max);
            Some(*max)
        })
        .collect();
    hits.retain(|hit| {
        let starting_before = allowed.partition_point(|&(start, _)| start <= hit.start);
        starting_before == 0 || reach[starting_before - 1] < hit.end
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(word: &str, category: Category, severity: Severity) -> WordEntry {
        WordEntry {
            word: word.into(),
            category,
            severity,
        }
    }

    fn screener(allow: &[&str]) -> Screener {
        let entries = vec![
            entry("赌博", Category::ObscenityGamblingViolence, Severity::Block),
            entry(
                "网络赌博",
                Category::ObscenityGamblingViolence,
                Severity::Block,
            ),
            entry("邪教", Category::EthnicHatredCult, Severity::Warn),
            entry("内部资料", Category::InternalInformation, Severity::Block),
            entry("VPN翻墙", Category::ExpresslyProhibited, Severity::Warn),
            entry("sex", Category::ObscenityGamblingViolence, Severity::Warn),
        ];
        let allow = AllowList {
            words: allow.iter().map(|w| (*w).to_owned()).collect(),
        };
        Screener::new(entries, &allow, &PersonalDataSettings::default()).unwrap()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
    }

    /// (matched, rule label) of every finding.
    fn found(screener: &Screener, text: &str) -> Vec<(String, String)> {
        screener
            .screen_on(text, today())
            .findings
            .into_iter()
            .map(|f| (f.matched, f.rule.label()))
            .collect()
    }

    #[test]
    fn evasions_are_caught_and_mapped_to_what_was_written() {
        let s = screener(&[]);
        let cases = [
            ("参与赌博", vec![("赌博", "词表：赌博")]),
            ("参与赌 博", vec![("赌 博", "词表：赌博")]),
            ("参与赌*博。", vec![("赌*博", "词表：赌博")]),
            ("参与赌\u{200B}博", vec![("赌\u{200B}博", "词表：赌博")]),
            ("参与赌、。博", vec![("赌、。博", "词表：赌博")]),
            ("参与赌……，，博", vec![]),
            ("请用ＶＰＮ　翻墙", vec![("ＶＰＮ　翻墙", "词表：VPN翻墙")]),
            ("v-p-n翻墙", vec![("v-p-n翻墙", "词表：VPN翻墙")]),
            ("严禁网络赌博", vec![("网络赌博", "词表：网络赌博")]),
            ("Sussex University", vec![]),
            ("no sex here", vec![("sex", "词表：sex")]),
            ("no SEX.", vec![("SEX", "词表：sex")]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, String)> = expected
                .into_iter()
                .map(|(m, r)| (m.to_owned(), r.to_owned()))
                .collect();
            assert_eq!(found(&s, text), expected, "{text}");
        }
    }

    #[test]
    fn offsets_are_characters_and_bytes_of_the_original() {
        let s = screener(&[]);
        let text = "Hi，2024年 内部 资料 for 张三: 13812345678 见 http://t.cn/AbC。";
        let report = s.screen_on(text, today());
        let rows: Vec<(String, usize, usize, usize, usize)> = report
            .findings
            .iter()
            .map(|f| (f.matched.clone(), f.start, f.end, f.byte_start, f.byte_end))
            .collect();
        let expected = vec![
            ("内部 资料".to_owned(), 9, 14, 13, 26),
            ("13812345678".to_owned(), 23, 34, 39, 50),
            ("http://t.cn/AbC".to_owned(), 37, 52, 55, 70),
            ("http://t.cn/AbC".to_owned(), 37, 52, 55, 70),
        ];
        assert_eq!(rows, expected);
        let chars: Vec<char> = text.chars().collect();
        for f in &report.findings {
            assert_eq!(&text[f.byte_start..f.byte_end], f.matched);
            assert_eq!(chars[f.start..f.end].iter().collect::<String>(), f.matched);
        }
        assert_eq!(report.findings[0].severity, Severity::Block);
        assert!(report.blocks());
        let link = &report.links[0];
        assert_eq!((link.domain.as_str(), link.shortener), ("t.cn", true));
        assert_eq!(&text[link.byte_start..link.byte_end], "http://t.cn/AbC");
    }

    #[test]
    fn allow_list_suppresses_what_it_covers() {
        let plain = screener(&[]);
        let allowing = screener(&["反邪教", "远离赌博", "13812345678"]);
        let cases = [
            ("开展反邪教教育", 1, 0),
            ("开展反 邪 教教育", 1, 0),
            ("反邪教，但邪教仍在", 2, 1),
            ("远离赌博，拒绝网络赌博", 2, 1),
            ("热线13812345678", 1, 0),
            ("热线13912345678", 1, 1),
        ];
        for (text, without, with) in cases {
            assert_eq!(
                plain.screen_on(text, today()).findings.len(),
                without,
                "{text}"
            );
            assert_eq!(
                allowing.screen_on(text, today()).findings.len(),
                with,
                "{text}"
            );
        }
    }

    #[test]
    fn nested_words_report_the_longest_unless_the_inner_is_worse() {
        let entries = vec![
            entry(
                "网络赌博",
                Category::ObscenityGamblingViolence,
                Severity::Warn,
            ),
            entry("赌博", Category::ObscenityGamblingViolence, Severity::Block),
            entry(
                "赌博网站",
                Category::ObscenityGamblingViolence,
                Severity::Block,
            ),
        ];
        let s = Screener::new(
            entries,
            &AllowList::default(),
            &PersonalDataSettings::default(),
        )
        .unwrap();
        let found: Vec<String> = s
            .screen_on("网络赌博网站", today())
            .findings
            .into_iter()
            .map(|f| f.matched)
            .collect();
        assert_eq!(found, vec!["网络赌博", "赌博网站"]);
    }

    #[test]
    fn building_refuses_unmatchable_words_and_accepts_nothing() {
        let bad = Screener::new(
            vec![entry("，，", Category::Rumour, Severity::Warn)],
            &AllowList::default(),
            &PersonalDataSettings::default(),
        );
        assert!(matches!(bad, Err(ScreeningError::InvalidWord { .. })));
        let empty = Screener::new(
            Vec::new(),
            &AllowList::default(),
            &PersonalDataSettings::default(),
        )
        .unwrap();
        assert!(empty.screen_on("任何内容", today()).findings.is_empty());
        assert!(empty.screen_on("", today()).findings.is_empty());
    }

    #[test]
    fn seeded_screener_builds_and_is_shareable() {
        fn shareable<T: Send + Sync>(_: &T) {}
        let s = Screener::seeded(&PersonalDataSettings::default()).unwrap();
        shareable(&s);
        assert!(s.word_count() > 100);
        assert!(s.allowed_count() > 5);
        let report = s.screen_on("本文为内部资料，请勿外传。", today());
        assert!(report.blocks());
        assert!(report.in_category(Category::InternalInformation).count() >= 2);
    }

    #[test]
    fn large_lists_are_sharded_without_mixing_up_words() {
        // Distinct 3-character words from a block of ideographs, each with its own category.
        let words: Vec<String> = (0..super::super::shards::SHARD_THRESHOLD as u32 + 5)
            .map(|i| {
                let c = |n: u32| char::from_u32(0x4E00 + n % 400).unwrap();
                [c(i), c(i / 400), c(i / 400 / 400 + 7)].iter().collect()
            })
            .collect();
        let category = |i: usize| Category::WITH_WORD_LIST[i % Category::WITH_WORD_LIST.len()];
        let entries: Vec<WordEntry> = words
            .iter()
            .enumerate()
            .map(|(i, w)| entry(w, category(i), Severity::Warn))
            .collect();
        let s = Screener::new(
            entries,
            &AllowList::default(),
            &PersonalDataSettings::default(),
        )
        .unwrap();
        for i in [0, 1, words.len() / 2, words.len() - 1] {
            let text = format!("，{}，", words[i]);
            let report = s.screen_on(&text, today());
            let found: Vec<(String, Category)> = report
                .findings
                .into_iter()
                .map(|f| (f.matched, f.category))
                .collect();
            assert_eq!(found, vec![(words[i].clone(), category(i))], "word {i}");
        }
    }

    #[test]
    fn pathological_input_is_truncated_not_endless() {
        let s = screener(&[]);
        let text = "赌博".repeat(60_000);
        let report = s.screen_on(&text, today());
        assert!(report.truncated);
        assert_eq!(report.findings.len(), MAX_FINDINGS);
    }
}
