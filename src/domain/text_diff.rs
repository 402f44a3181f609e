//! What changed between two revisions of a post, character by character (Chinese has no spaces
//! to split words on), for the reviewer's view of an edit and for the audit trail.
//!
//! The diff is Myers' algorithm from the `similar` crate: minimal for the edits people make,
//! with bounded work on pathological input. Above `CHAR_DIFF_LIMIT` characters on either side
//! the comparison is by line instead, so a whole-article rewrite of a very long text still
//! answers at once; the UI can say so with `compares_by_line`.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, ChangeTag, TextDiff};

/// Above this many characters in either text, `char_diff` compares lines instead: a character
/// diff of two unrelated 20,000-character texts is already the slowest case worth waiting for.
pub const CHAR_DIFF_LIMIT: usize = 20_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// In both texts.
    Equal,
    /// Only in the new text.
    Insert,
    /// Only in the old text.
    Delete,
}

/// A run of text of one kind. Consecutive spans never share a kind, and none is empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffSpan {
    pub kind: DiffKind,
    pub text: String,
}

/// Whether `char_diff` falls back to whole lines for these texts (see `CHAR_DIFF_LIMIT`).
pub fn compares_by_line(old: &str, new: &str) -> bool {
    exceeds(old, CHAR_DIFF_LIMIT) || exceeds(new, CHAR_DIFF_LIMIT)
}

fn exceeds(text: &str, limit: usize) -> bool {
    // Counting stops at the limit, so a huge text costs no more than a small one here.
    text.len() > limit && text.chars().nth(limit).is_some()
}

/// The spans that turn `old` into `new`: the `Equal` and `Delete` spans spell `old`, the
/// `Equal` and `Insert` spans spell `new`; within a replaced stretch the deletion comes first.
pub fn char_diff(old: &str, new: &str) -> Vec<DiffSpan> {
    let mut config = TextDiff::configure();
    config.algorithm(Algorithm::Myers);
    let diff = if compares_by_line(old, new) {
        config.diff_lines(old, new)
    } else {
        config.diff_chars(old, new)
    };
    let mut spans: Vec<DiffSpan> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => DiffKind::Equal,
            ChangeTag::Insert => DiffKind::Insert,
            ChangeTag::Delete => DiffKind::Delete,
        };
        let text = change.value();
        if text.is_empty() {
            continue;
        }
        match spans.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => spans.push(DiffSpan {
                kind,
                text: text.to_owned(),
            }),
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use DiffKind::*;

    fn span(kind: DiffKind, text: &str) -> DiffSpan {
        DiffSpan {
            kind,
            text: text.into(),
        }
    }

    /// The texts the spans spell, and how many characters were inserted or deleted.
    fn replay(spans: &[DiffSpan]) -> (String, String, usize) {
        let (mut old, mut new, mut edits) = (String::new(), String::new(), 0);
        for s in spans {
            assert!(!s.text.is_empty(), "no empty spans");
            match s.kind {
                Equal => {
                    old.push_str(&s.text);
                    new.push_str(&s.text);
                }
                Delete => {
                    old.push_str(&s.text);
                    edits += s.text.chars().count();
                }
                Insert => {
                    new.push_str(&s.text);
                    edits += s.text.chars().count();
                }
            }
        }
        for pair in spans.windows(2) {
            assert_ne!(pair[0].kind, pair[1].kind, "runs are merged");
        }
        (old, new, edits)
    }

    #[test]
    fn chinese_edits() {
        let cases: Vec<(&str, &str, Vec<DiffSpan>)> = vec![
            (
                "学院召开2026年教学工作会议",
                "学院召开2026年本科教学工作会议",
                vec![
                    span(Equal, "学院召开2026年"),
                    span(Insert, "本科"),
                    span(Equal, "教学工作会议"),
                ],
            ),
            (
                "党委书记张明出席会议并讲话。",
                "党委副书记李华出席会议。",
                vec![
                    span(Equal, "党委"),
                    span(Insert, "副"),
                    span(Equal, "书记"),
                    span(Delete, "张明"),
                    span(Insert, "李华"),
                    span(Equal, "出席会议"),
                    span(Delete, "并讲话"),
                    span(Equal, "。"),
                ],
            ),
            (
                "报名截止时间：5月20日。",
                "报名截止时间：5月25日。",
                vec![
                    span(Equal, "报名截止时间：5月2"),
                    span(Delete, "0"),
                    span(Insert, "5"),
                    span(Equal, "日。"),
                ],
            ),
            ("", "新稿", vec![span(Insert, "新稿")]),
            ("旧稿", "", vec![span(Delete, "旧稿")]),
            ("未改动", "未改动", vec![span(Equal, "未改动")]),
            ("", "", vec![]),
            (
                "第一段\n第二段",
                "第一段\n\n第二段🎉",
                vec![
                    span(Equal, "第一段\n"),
                    span(Insert, "\n"),
                    span(Equal, "第二段"),
                    span(Insert, "🎉"),
                ],
            ),
        ];
        for (old, new, want) in cases {
            let got = char_diff(old, new);
            assert_eq!(got, want, "{old:?} → {new:?}");
            let (o, n, _) = replay(&got);
            assert_eq!((o.as_str(), n.as_str()), (old, new));
        }
    }

    /// Length of the longest common subsequence, by the textbook table.
    fn lcs(a: &[char], b: &[char]) -> usize {
        let mut row = vec![0usize; b.len() + 1];
        for x in a {
            let mut diag = 0;
            for (j, y) in b.iter().enumerate() {
                let up = row[j + 1];
                row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
                diag = up;
            }
        }
        row[b.len()]
    }

    #[test]
    fn diff_is_minimal() {
        // Small texts over a few characters, so that many alignments compete.
        let alphabet: Vec<char> = "党建新闻通知公告，。".chars().collect();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..500 {
            let a: String = (0..next(40))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let b: String = (0..next(40))
                .map(|_| alphabet[next(alphabet.len())])
                .collect();
            let (o, n, edits) = replay(&char_diff(&a, &b));
            assert_eq!((o.as_str(), n.as_str()), (a.as_str(), b.as_str()));
            let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            assert_eq!(edits, ac.len() + bc.len() - 2 * lcs(&ac, &bc), "{a} → {b}");
        }
    }

    #[test]
    fn very_long_texts_are_compared_by_line() {
        let paragraph = "学院召开本科教学工作会议，部署新学期教学工作。";
        let long: String = (0..1_000).map(|i| format!("{i}{paragraph}\n")).collect();
        assert!(long.chars().count() > CHAR_DIFF_LIMIT);
        let edited = long.replace("999学院召开", "999学院隆重召开");
        assert!(compares_by_line(&long, &edited));
        let spans = char_diff(&long, &edited);
        let (o, n, _) = replay(&spans);
        assert_eq!((o, n), (long.clone(), edited.clone()));
        let changed: Vec<_> = spans.iter().filter(|s| s.kind != Equal).collect();
        assert_eq!(
            changed,
            vec![
                &span(Delete, &format!("999{paragraph}\n")),
                &span(
                    Insert,
                    "999学院隆重召开本科教学工作会议，部署新学期教学工作。\n"
                ),
            ]
        );
        // At the limit itself the diff is still by character.
        let at_limit = "字".repeat(CHAR_DIFF_LIMIT);
        assert!(!compares_by_line(&at_limit, "字"));
        assert!(compares_by_line(&format!("{at_limit}字"), ""));
        assert!(!compares_by_line(&"a".repeat(CHAR_DIFF_LIMIT), ""));
    }

    #[test]
    fn a_full_rewrite_at_the_limit_still_spells_both_texts() {
        // The slow case for Myers: unrelated texts sharing a few characters (about 0.1 s in
        // release for 20,000 characters each).
        let old: String = "甲乙丙丁的".chars().cycle().take(CHAR_DIFF_LIMIT).collect();
        let new: String = "子丑的寅卯辰"
            .chars()
            .cycle()
            .take(CHAR_DIFF_LIMIT)
            .collect();
        let (o, n, edits) = replay(&char_diff(&old, &new));
        assert_eq!((o, n), (old, new));
        assert!(edits < 2 * CHAR_DIFF_LIMIT, "the shared 的 are kept");
    }
}
