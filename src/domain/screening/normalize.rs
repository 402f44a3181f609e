//! Text normalisation for matching. People dodge word filters with full-width letters, upper
//! case, and spaces, punctuation, symbols or zero-width characters between the characters of a
//! word (赌 博, 赌*博, ｄｕｂｏ). Matching therefore runs on a folded copy of the text, and every
//! byte of that copy remembers which character of the ORIGINAL text it came from, so findings
//! can point at what the author actually wrote.

/// How many filler characters may sit between two characters of one word and still count as
/// an evasion. More than this and the two characters most likely belong to different phrases.
pub(crate) const MAX_GAP: usize = 3;

/// Blocks of East Asian characters that have no case and need no folding: CJK radicals,
/// symbols and punctuation, kana, bopomofo, hangul jamo, enclosed and compatibility forms,
/// ideographs (with extension A). Checked first because they are most of a Chinese text.
fn is_caseless_cjk(c: char) -> bool {
    matches!(c, '\u{3001}'..='\u{9FFF}')
}

/// CJK unified ideographs (with extension A): always word characters.
fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Folds one character: full-width ASCII forms to half-width, the ideographic space to a space,
/// letters to lower case (only where lower case is a single character, so positions stay 1:1).
pub(crate) fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if is_caseless_cjk(c) {
        return c;
    }
    match c {
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(u32::from(c) - 0xFEE0).map_or(c, |h| h.to_ascii_lowercase())
        }
        '\u{3000}' => ' ',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// Characters that carry meaning for word matching: letters (including CJK ideographs) and
/// digits. Everything else — spaces, punctuation, symbols, emoji, zero-width and other format
/// characters — is filler that an evader can insert, so it is skipped.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_ideograph(c) || c.is_alphanumeric()
    }
}

/// The compact form of a word list entry: folded, filler removed. Two entries with the same
/// compact form are the same word.
pub fn normalize_word(word: &str) -> String {
    word.chars()
        .map(fold_char)
        .filter(|&c| is_word_char(c))
        .collect()
}

/// A folded copy of a text with, for each of its bytes, the index of the original character.
#[derive(Debug, Clone)]
pub(crate) struct Normalized {
    pub(crate) text: String,
    origin: Vec<u32>,
}

impl Normalized {
    fn with_capacity(bytes: usize) -> Self {
        Self {
            text: String::with_capacity(bytes),
            origin: Vec::with_capacity(bytes),
        }
    }

    fn push(&mut self, c: char, index: u32) {
        self.text.push(c);
        self.origin.extend(std::iter::repeat_n(index, c.len_utf8()));
    }

    /// Both forms of a text in one pass: `folded` (width and case folded, every character kept,
    /// one per original character; for the detectors, which need separators) and `compact`
    /// (folded, filler removed; for word matching).
    pub(crate) fn both(original: &str) -> (Self, Self) {
        let mut folded = Self::with_capacity(original.len());
        let mut compact = Self::with_capacity(original.len());
        for (index, c) in original.chars().enumerate() {
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            let c = fold_char(c);
            folded.push(c, index);
            if is_word_char(c) {
                compact.push(c, index);
            }
        }
        (folded, compact)
    }

    /// Only the folded form (see [`Normalized::both`]).
    #[cfg(test)]
    pub(crate) fn folded(original: &str) -> Self {
        Self::both(original).0
    }

    /// Only the compact form (see [`Normalized::both`]).
    #[cfg(test)]
    pub(crate) fn compact(original: &str) -> Self {
        Self::both(original).1
    }

    /// Original character index of the folded byte `byte`.
    pub(crate) fn origin_char(&self, byte: usize) -> usize {
        self.origin.get(byte).map_or(0, |&i| i as usize)
    }

    /// The half-open range of ORIGINAL characters covered by the folded bytes `start..end`.
    pub(crate) fn original_chars(&self, start: usize, end: usize) -> (usize, usize) {
        if end <= start {
            let at = self.origin_char(start);
            return (at, at);
        }
        (self.origin_char(start), self.origin_char(end - 1) + 1)
    }

    /// Whether no more than [`MAX_GAP`] filler characters separate consecutive characters of
    /// the folded range `start..end` in the original text.
    pub(crate) fn gaps_within_limit(&self, start: usize, end: usize) -> bool {
        let Some(slice) = self.text.get(start..end) else {
            return false;
        };
        let mut previous: Option<usize> = None;
        for (offset, _) in slice.char_indices() {
            let at = self.origin_char(start + offset);
            if let Some(before) = previous
                && at > before + 1 + MAX_GAP
            {
                return false;
            }
            previous = Some(at);
        }
        true
    }
}

/// Byte offset of every character of the original text, to turn character ranges into byte
/// ranges and slices.
#[derive(Debug, Clone)]
pub(crate) struct CharIndex {
    starts: Vec<usize>,
    len: usize,
}

impl CharIndex {
    pub(crate) fn new(text: &str) -> Self {
        Self {
            starts: text.char_indices().map(|(b, _)| b).collect(),
            len: text.len(),
        }
    }

    /// Byte offset where character `index` starts (the text length for one past the end).
    pub(crate) fn byte(&self, index: usize) -> usize {
        self.starts.get(index).copied().unwrap_or(self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_handles_width_and_case() {
        let cases = [
            ('Ａ', 'a'),
            ('ｚ', 'z'),
            ('１', '1'),
            ('＠', '@'),
            ('\u{3000}', ' '),
            ('B', 'b'),
            ('Ä', 'ä'),
            ('赌', '赌'),
            ('İ', 'İ'), // lower case is two characters: kept as is
        ];
        for (input, expected) in cases {
            assert_eq!(fold_char(input), expected, "{input:?}");
        }
    }

    #[test]
    fn words_drop_filler() {
        let cases = [
            ("赌博", "赌博"),
            ("赌 博", "赌博"),
            ("赌*博", "赌博"),
            ("赌\u{200B}博", "赌博"),
            ("赌、博！", "赌博"),
            ("ＶＰＮ 翻墙", "vpn翻墙"),
            ("★☆", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_word(input), expected, "{input:?}");
        }
    }

    #[test]
    fn compact_text_maps_back_to_original_characters() {
        let original = "a赌 *博b";
        let compact = Normalized::compact(original);
        assert_eq!(compact.text, "a赌博b");
        let start = compact.text.find('赌').unwrap();
        let end = compact.text.find('b').unwrap();
        assert_eq!(compact.original_chars(start, end), (1, 5));
        assert!(compact.gaps_within_limit(start, end));
    }

    #[test]
    fn long_gaps_are_not_evasions() {
        let original = "赌……，，博";
        let compact = Normalized::compact(original);
        assert!(!compact.gaps_within_limit(0, compact.text.len()));
        let near = Normalized::compact("赌 , 博");
        assert!(near.gaps_within_limit(0, near.text.len()));
    }

    #[test]
    fn char_index_gives_byte_offsets() {
        let index = CharIndex::new("a中b");
        assert_eq!(
            (index.byte(0), index.byte(1), index.byte(2), index.byte(3)),
            (0, 1, 4, 5)
        );
    }
}
