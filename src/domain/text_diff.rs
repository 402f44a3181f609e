//! What changed between two revisions of a post, for the reviewer's view of an edit and for
//! the audit trail: by word (the default) or by line.
//!
//! By word: Chinese has no spaces to split words on, so each Chinese character is a word of
//! its own, while a run of digits or Latin letters (an ID number, a date's digits, a name in
//! Latin letters) is one word: a replaced number reads as one deletion then one insertion
//! (「410105… → 202201001」), never as interleaved digits. Within a changed stretch all that
//! was deleted comes first, as one run, then all that was inserted.
//!
//! The diff is Myers' algorithm from the `similar` crate: minimal for the edits people make,
//! with bounded work on pathological input. Above `CHAR_DIFF_LIMIT` characters on either side
//! the comparison is by line instead, so a whole-article rewrite of a very long text still
//! answers at once; the UI can say so with `compares_by_line`.

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffTag, capture_diff_slices};

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

/// How a diff is cut: by word (each Chinese character, each run of digits or Latin letters)
/// or by whole line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffMode {
    #[default]
    ByWord,
    ByLine,
}

/// Whether `char_diff` falls back to whole lines for these texts (see `CHAR_DIFF_LIMIT`).
pub fn compares_by_line(old: &str, new: &str) -> bool {
    exceeds(old, CHAR_DIFF_LIMIT) || exceeds(new, CHAR_DIFF_LIMIT)
}

fn exceeds(text: &str, limit: usize) -> bool {
    // Counting stops at the limit, so a huge text costs no more than a small one here.
    text.len() > limit && text.chars().nth(limit).is_some()
}

/// The spans that turn `old` into `new`, by word: the `Equal` and `Delete` spans spell `old`,
/// the `Equal` and `Insert` spans spell `new`; within a changed stretch the deletion comes
/// first. Very long texts are compared by line (see `compares_by_line`).
pub fn char_diff(old: &str, new: &str) -> Vec<DiffSpan> {
    let mode = if compares_by_line(old, new) {
        DiffMode::ByLine
    } else {
        DiffMode::ByWord
    };
    diff(old, new, mode)
}

/// The spans that turn `old` into `new`, whole lines at a time (the post page's 按行 view).
pub fn line_diff(old: &str, new: &str) -> Vec<DiffSpan> {
    diff(old, new, DiffMode::ByLine)
}

/// The diff in the given mode (by word falls back to lines above `CHAR_DIFF_LIMIT`).
pub fn diff_by(old: &str, new: &str, mode: DiffMode) -> Vec<DiffSpan> {
    match mode {
        DiffMode::ByWord => char_diff(old, new),
        DiffMode::ByLine => line_diff(old, new),
    }
}

fn diff(old: &str, new: &str, mode: DiffMode) -> Vec<DiffSpan> {
    let (a, b) = (tokens(old, mode), tokens(new, mode));
    let mut spans: Vec<DiffSpan> = Vec::new();
    // The changed stretch being gathered: all its deletions, then all its insertions.
    let (mut deleted, mut inserted) = (String::new(), String::new());
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                flush(&mut spans, &mut deleted, &mut inserted);
                push(&mut spans, DiffKind::Equal, &a[old_range].concat());
            }
            DiffTag::Delete => deleted.push_str(&a[old_range].concat()),
            DiffTag::Insert => inserted.push_str(&b[new_range].concat()),
            DiffTag::Replace => {
                deleted.push_str(&a[old_range].concat());
                inserted.push_str(&b[new_range].concat());
            }
        }
    }
    flush(&mut spans, &mut deleted, &mut inserted);
    spans
}

fn flush(spans: &mut Vec<DiffSpan>, deleted: &mut String, inserted: &mut String) {
    push(spans, DiffKind::Delete, &std::mem::take(deleted));
    push(spans, DiffKind::Insert, &std::mem::take(inserted));
}

fn push(spans: &mut Vec<DiffSpan>, kind: DiffKind, text: &str) {
    if text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => spans.push(DiffSpan {
            kind,
            text: text.to_owned(),
        }),
    }
}

/// A character that joins its neighbours into one word: digits and Latin letters (ASCII and
/// full-width), and letters with accents; never a Chinese character or punctuation.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || ('０'..='９').contains(&c)
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
        || (c.is_alphabetic() && u32::from(c) < 0x2E80)
}

/// The text cut into the units the diff compares; they concatenate back to `text`.
fn tokens(text: &str, mode: DiffMode) -> Vec<&str> {
    if mode == DiffMode::ByLine {
        return text.split_inclusive('\n').collect();
    }
    let mut out = Vec::new();
    let mut word_start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            out.push(&text[start..i]);
        }
        out.push(&text[i..i + c.len_utf8()]);
    }
    if let Some(start) = word_start {
        out.push(&text[start..]);
    }
    out
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
                    span(Equal, "报名截止时间：5月"),
                    span(Delete, "20"),
                    span(Insert, "25"),
                    span(Equal, "日。"),
                ],
            ),
            (
                "今天下午召开",
                "明天上午召开",
                vec![
                    span(Delete, "今"),
                    span(Insert, "明"),
                    span(Equal, "天"),
                    span(Delete, "下"),
                    span(Insert, "上"),
                    span(Equal, "午召开"),
                ],
            ),
            (
                "请全体师生参加",
                "请全院教职工参加",
                vec![
                    span(Equal, "请全"),
                    span(Delete, "体师生"),
                    span(Insert, "院教职工"),
                    span(Equal, "参加"),
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

    /// The case: a replaced number reads as one deletion then one insertion, not as
    /// interleaved digits that happen to match.
    #[test]
    fn numbers_and_latin_words_change_as_a_whole() {
        let cases: Vec<(&str, &str, Vec<DiffSpan>)> = vec![
            (
                "学号 410105199001011234 的同学",
                "学号 202201001 的同学",
                vec![
                    span(Equal, "学号 "),
                    span(Delete, "410105199001011234"),
                    span(Insert, "202201001"),
                    span(Equal, " 的同学"),
                ],
            ),
            (
                "身份证号41010519900101123X，",
                "学号202201001，",
                vec![
                    span(Delete, "身份证"),
                    span(Insert, "学"),
                    span(Equal, "号"),
                    span(Delete, "41010519900101123X"),
                    span(Insert, "202201001"),
                    span(Equal, "，"),
                ],
            ),
            (
                "王同学，电话13812345678，邮箱wang@sias.edu.cn",
                "王同学，电话13900001111，邮箱li@sias.edu.cn",
                vec![
                    span(Equal, "王同学，电话"),
                    span(Delete, "13812345678"),
                    span(Insert, "13900001111"),
                    span(Equal, "，邮箱"),
                    span(Delete, "wang"),
                    span(Insert, "li"),
                    span(Equal, "@sias.edu.cn"),
                ],
            ),
            (
                "2026年11月20日",
                "2027年１２月20日",
                vec![
                    span(Delete, "2026"),
                    span(Insert, "2027"),
                    span(Equal, "年"),
                    span(Delete, "11"),
                    span(Insert, "１２"),
                    span(Equal, "月20日"),
                ],
            ),
        ];
        for (old, new, want) in cases {
            let got = char_diff(old, new);
            assert_eq!(got, want, "{old:?} → {new:?}");
            let (o, n, _) = replay(&got);
            assert_eq!((o.as_str(), n.as_str()), (old, new));
            // No deletion ever follows an insertion directly: each stretch reads old → new.
            for pair in got.windows(2) {
                assert!(
                    !(pair[0].kind == Insert && pair[1].kind == Delete),
                    "{got:?}"
                );
            }
        }
    }

    #[test]
    fn by_line_shows_whole_lines() {
        let cases: Vec<(&str, &str, Vec<DiffSpan>)> = vec![
            (
                "第一行\n第二行\n第三行",
                "第一行\n第二行改\n第三行",
                vec![
                    span(Equal, "第一行\n"),
                    span(Delete, "第二行\n"),
                    span(Insert, "第二行改\n"),
                    span(Equal, "第三行"),
                ],
            ),
            (
                "甲\n乙",
                "甲\n乙\n丙",
                vec![
                    span(Equal, "甲\n"),
                    span(Delete, "乙"),
                    span(Insert, "乙\n丙"),
                ],
            ),
            ("", "", vec![]),
        ];
        for (old, new, want) in cases {
            let got = diff_by(old, new, DiffMode::ByLine);
            assert_eq!(got, want, "{old:?} → {new:?}");
            assert_eq!(line_diff(old, new), got);
        }
        assert_eq!(
            diff_by("5月20日", "5月25日", DiffMode::ByWord),
            char_diff("5月20日", "5月25日")
        );
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
