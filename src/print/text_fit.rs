//! Fitting a value into its table cell: line breaking that suits Chinese (a break may fall
//! between any two ideographs, ASCII words and addresses stay whole where they can, closing
//! punctuation never starts a line) and shrinking the size within limits.

use super::layout::MM_PER_PT;

/// Advance widths, in em, of the font the text will be printed in.
pub(crate) trait Advance {
    fn advance_em(&self, c: char) -> f32;
}

/// Baseline-to-baseline distance as a multiple of the font size.
pub(crate) const LINE_SPACING: f32 = 1.3;

/// Rounding slack when comparing measured widths with a cell (mm).
const EPSILON: f32 = 1e-3;

/// Full-width punctuation that Chinese typesetting never puts at the start of a line.
const NO_LINE_START: &str = "，。、；：？！）》」』】〉〕］｝”’…%,.;:?!)]}";
/// Opening punctuation that never ends a line.
const NO_LINE_END: &str = "（《「『【〈〔［｛“‘([{";

pub(crate) fn text_width(text: &str, size_pt: f32, font: &dyn Advance) -> f32 {
    text.chars().map(|c| font.advance_em(c)).sum::<f32>() * size_pt * MM_PER_PT
}

/// What separated a line from the next one in the source text, so that lines moved to a
/// continuation cell can be joined back and wrapped again at another width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    Nothing,
    Space,
    Paragraph,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WrappedLine {
    pub text: String,
    pub width: f32,
    pub join: Join,
}

/// The source text of `lines`, as it was before wrapping (collapsed whitespace aside).
pub(crate) fn rejoin(lines: &[WrappedLine]) -> String {
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        out.push_str(&line.text);
        if i + 1 < lines.len() {
            match line.join {
                Join::Nothing => {}
                Join::Space => out.push(' '),
                Join::Paragraph => out.push('\n'),
            }
        }
    }
    out
}

/// Text wrapped at a size, ready to be placed in a cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Fitted {
    pub lines: Vec<WrappedLine>,
    pub size_pt: f32,
}

impl Fitted {
    pub(crate) fn size_mm(&self) -> f32 {
        self.size_pt * MM_PER_PT
    }

    pub(crate) fn pitch(&self) -> f32 {
        self.size_mm() * LINE_SPACING
    }

    /// From the first line's em-box top to the last line's em-box bottom.
    pub(crate) fn height(&self) -> f32 {
        lines_height(self.lines.len(), self.size_pt)
    }

    pub(crate) fn widest(&self) -> f32 {
        self.lines.iter().map(|l| l.width).fold(0.0, f32::max)
    }

    fn fits(&self, width: f32, height: f32) -> bool {
        self.height() <= height + EPSILON && self.widest() <= width + EPSILON
    }
}

/// Height of `n` lines at `size_pt` (em boxes plus the gaps between lines).
pub(crate) fn lines_height(n: usize, size_pt: f32) -> f32 {
    if n == 0 {
        return 0.0;
    }
    let em = size_pt * MM_PER_PT;
    (n - 1) as f32 * em * LINE_SPACING + em
}

/// How many lines at `size_pt` fit into `height` (at least one, so text always progresses).
pub(crate) fn lines_that_fit(height: f32, size_pt: f32) -> usize {
    let em = size_pt * MM_PER_PT;
    if height < em {
        return 1;
    }
    ((height - em) / (em * LINE_SPACING) + EPSILON).floor() as usize + 1
}

/// The largest size from `max_pt` down to `min_pt` (half-point steps) at which `text` fits
/// into `width` × `height`; when none does, `None`.
pub(crate) fn shrink_to_fit(
    text: &str,
    width: f32,
    height: f32,
    max_pt: f32,
    min_pt: f32,
    font: &dyn Advance,
) -> Option<Fitted> {
    let mut size = max_pt;
    loop {
        let fitted = Fitted {
            lines: wrap(text, width, size, font),
            size_pt: size,
        };
        if fitted.fits(width, height) {
            return Some(fitted);
        }
        if size <= min_pt {
            return None;
        }
        size = (size - 0.5).max(min_pt);
    }
}

/// Shrinks within limits; text too long even at `min_pt` is wrapped at `grow_pt` instead and
/// the caller makes the cell taller, so nothing is ever cut.
pub(crate) fn fit_or_grow(
    text: &str,
    width: f32,
    height: f32,
    max_pt: f32,
    min_pt: f32,
    grow_pt: f32,
    font: &dyn Advance,
) -> Fitted {
    shrink_to_fit(text, width, height, max_pt, min_pt, font).unwrap_or_else(|| Fitted {
        lines: wrap(text, width, grow_pt, font),
        size_pt: grow_pt,
    })
}

enum Token<'a> {
    Space,
    /// A run of Latin letters, digits and ASCII punctuation (a word, number or address).
    Word(&'a str),
    /// One ideograph or full-width punctuation mark.
    Char(&'a str),
}

fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && c < '\u{2000}'
}

/// A piece made only of marks that may not start a line.
fn is_closing(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| NO_LINE_START.contains(c))
}

fn tokenize(paragraph: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = paragraph.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            while chars.next_if(|(_, n)| n.is_whitespace()).is_some() {}
            tokens.push(Token::Space);
        } else if is_word_char(c) {
            let mut end = start + c.len_utf8();
            while let Some((i, n)) = chars.next_if(|(_, n)| is_word_char(*n)) {
                end = i + n.len_utf8();
            }
            tokens.push(Token::Word(&paragraph[start..end]));
        } else {
            tokens.push(Token::Char(&paragraph[start..start + c.len_utf8()]));
        }
    }
    tokens
}

struct Piece {
    text: String,
    width: f32,
    is_space: bool,
}

struct LineBuilder<'f> {
    max_width: f32,
    /// Taken off the first line of each paragraph (a letter's two-character indent).
    first_indent: f32,
    at_paragraph_start: bool,
    size_pt: f32,
    font: &'f dyn Advance,
    current: Vec<Piece>,
    current_width: f32,
    lines: Vec<WrappedLine>,
}

impl LineBuilder<'_> {
    fn width_of(&self, s: &str) -> f32 {
        text_width(s, self.size_pt, self.font)
    }

    fn limit(&self) -> f32 {
        if self.at_paragraph_start {
            self.max_width - self.first_indent
        } else {
            self.max_width
        }
    }

    fn fits(&self, width: f32) -> bool {
        self.current_width + width <= self.limit() + EPSILON
    }

    fn push(&mut self, text: &str, width: f32, is_space: bool) {
        self.current.push(Piece {
            text: text.to_owned(),
            width,
            is_space,
        });
        self.current_width += width;
    }

    /// Ends the current line; trailing spaces become the join.
    fn break_line(&mut self, paragraph_end: bool) {
        let mut join = Join::Nothing;
        while self.current.last().is_some_and(|p| p.is_space) {
            self.current.pop();
            join = Join::Space;
        }
        if paragraph_end {
            join = Join::Paragraph;
        }
        let text: String = self.current.iter().map(|p| p.text.as_str()).collect();
        let width = self.current.iter().map(|p| p.width).sum();
        self.lines.push(WrappedLine { text, width, join });
        self.current.clear();
        self.current_width = 0.0;
        self.at_paragraph_start = false;
    }

    /// Starts a new line, taking along a last piece that may not end a line or that a
    /// closing mark must not be separated from.
    ///
    /// Closing marks in a row (「）、」) go along together with the character before them, so
    /// the next line never starts with one of them.
    fn break_line_carrying(&mut self, carry_last: bool) {
        let mut carried: Vec<Piece> = Vec::new();
        if carry_last {
            while self.current.last().is_some_and(|p| p.is_space) {
                self.current.pop();
            }
            let solid = self.current.iter().filter(|p| !p.is_space).count();
            // Take the last piece, and while what was taken is a closing mark, the one
            // before it too — leaving at least one piece on the line.
            while carried.len() + 1 < solid {
                let Some(p) = self.current.pop() else { break };
                let closing = is_closing(&p.text);
                carried.push(p);
                if !closing {
                    break;
                }
            }
        }
        if !carried.is_empty() {
            self.current_width = self.current.iter().map(|p| p.width).sum();
        }
        self.break_line(false);
        for p in carried.into_iter().rev() {
            self.push(&p.text, p.width, false);
        }
    }

    fn ends_with_opening_mark(&self) -> bool {
        // (see also `is_closing` for the marks that may not start a line)
        self.current
            .last()
            .is_some_and(|p| !p.is_space && p.text.chars().all(|c| NO_LINE_END.contains(c)))
    }

    fn place_char(&mut self, s: &str) {
        let w = self.width_of(s);
        if self.fits(w) || self.current.is_empty() {
            self.push(s, w, false);
            return;
        }
        let closing = is_closing(s);
        self.break_line_carrying(closing || self.ends_with_opening_mark());
        self.push(s, w, false);
    }

    fn place_word(&mut self, word: &str) {
        let w = self.width_of(word);
        if self.fits(w) {
            self.push(word, w, false);
            return;
        }
        // (An indented first line may be too short for a word the next line can take.)
        if w <= self.max_width + EPSILON && !self.current.is_empty() {
            self.break_line_carrying(self.ends_with_opening_mark());
            self.push(word, w, false);
            return;
        }
        // Longer than a whole line (a long address): it has to be broken somewhere.
        for c in word.chars() {
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            let cw = self.width_of(s);
            if !self.fits(cw) && !self.current.is_empty() {
                self.break_line(false);
            }
            self.push(s, cw, false);
        }
    }

    fn place_space(&mut self) {
        if self.current.is_empty() {
            return;
        }
        let w = self.width_of(" ");
        let fits = self.fits(w);
        self.push(" ", w, true);
        if !fits {
            // The space is dropped by the break but remembered as the join.
            self.break_line(false);
        }
    }
}

/// Breaks `text` into lines no wider than `max_width` mm at `size_pt`; `\n` starts a new line.
pub(crate) fn wrap(
    text: &str,
    max_width: f32,
    size_pt: f32,
    font: &dyn Advance,
) -> Vec<WrappedLine> {
    wrap_indented(text, max_width, 0.0, size_pt, font)
}

/// [`wrap`] with the first line of every paragraph `first_indent` mm shorter, for body text
/// whose paragraphs start two characters in, as Chinese letters do. A paragraph's first line
/// is the first line overall or one following a line that ends in [`Join::Paragraph`].
pub(crate) fn wrap_indented(
    text: &str,
    max_width: f32,
    first_indent: f32,
    size_pt: f32,
    font: &dyn Advance,
) -> Vec<WrappedLine> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let mut builder = LineBuilder {
        max_width,
        first_indent: first_indent.min(max_width / 2.0).max(0.0),
        at_paragraph_start: true,
        size_pt,
        font,
        current: Vec::new(),
        current_width: 0.0,
        lines: Vec::new(),
    };
    let paragraphs: Vec<&str> = text.split('\n').map(str::trim).collect();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        builder.at_paragraph_start = true;
        for token in tokenize(paragraph) {
            match token {
                Token::Space => builder.place_space(),
                Token::Word(w) => builder.place_word(w),
                Token::Char(c) => builder.place_char(c),
            }
        }
        builder.break_line(i + 1 < paragraphs.len());
    }
    builder.lines
}

/// One regular line of text centred on `centre_x` (page numbers under the form and the letters).
pub(crate) fn centred_run(
    text: String,
    centre_x: f32,
    baseline: f32,
    size_pt: f32,
    font: &dyn Advance,
) -> super::layout::TextRun {
    let width = text_width(&text, size_pt, font);
    super::layout::TextRun {
        x: centre_x - width / 2.0,
        baseline,
        size_pt,
        weight: super::layout::TextWeight::Regular,
        width,
        cell: None,
        text,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Ideographs and full-width marks 1 em, everything else 0.5 em: close to the real font.
    pub(crate) struct FakeFont;

    impl Advance for FakeFont {
        fn advance_em(&self, c: char) -> f32 {
            if c < '\u{2000}' { 0.5 } else { 1.0 }
        }
    }

    /// Width in mm of `n` ideographs at `size_pt`.
    fn ems(n: f32, size_pt: f32) -> f32 {
        n * size_pt * MM_PER_PT
    }

    fn texts(lines: &[WrappedLine]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn wrapping_cases() {
        // (text, width in ideographs at 10 pt, expected lines)
        let cases: &[(&str, f32, &[&str])] = &[
            ("外国语学院", 10.0, &["外国语学院"]),
            (
                "马克思主义学院思政部",
                4.0,
                &["马克思主", "义学院思", "政部"],
            ),
            // ASCII words stay whole and move to the next line.
            ("西亚斯 news center", 5.0, &["西亚斯", "news", "center"]),
            // A word longer than a line is broken where the line ends.
            ("官网www.sias.edu.cn", 6.0, &["官网www.sias", ".edu.cn"]),
            // Closing punctuation never starts a line: the ideograph before it comes along.
            ("学院新闻，通知", 4.0, &["学院新", "闻，通知"]),
            // Two closing marks in a row go along together, with the ideograph before them.
            (
                "办公室（新闻中心）、宣传部",
                7.0,
                &["办公室（新闻中", "心）、宣传部"],
            ),
            // Opening punctuation never ends a line.
            ("新闻中心（办公室）", 5.0, &["新闻中心", "（办公室）"]),
            ("第一行\n第二行", 10.0, &["第一行", "第二行"]),
            ("   ", 10.0, &[]),
        ];
        for (text, width, expected) in cases {
            let lines = wrap(text, ems(*width, 10.0), 10.0, &FakeFont);
            assert_eq!(texts(&lines), *expected, "{text:?} at width {width}");
            for line in &lines {
                assert!(line.width <= ems(*width, 10.0) + 1e-3, "{line:?}");
            }
        }
    }

    #[test]
    fn overlong_word_is_broken_rather_than_crossing_the_rule() {
        let url = "https://very-long-subdomain.example.edu.cn/path/to/page";
        let width = ems(8.0, 10.0);
        let lines = wrap(url, width, 10.0, &FakeFont);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width <= width + 1e-3));
        assert_eq!(rejoin(&lines), url);
    }

    #[test]
    fn rejoin_restores_spaces_and_paragraphs() {
        let text = "学院 news and notices\n第二段内容比较长需要换行";
        let lines = wrap(text, ems(4.0, 12.0), 12.0, &FakeFont);
        assert_eq!(rejoin(&lines), text);
    }

    #[test]
    fn shrinks_before_growing_and_never_below_the_limit() {
        let width = ems(10.0, 12.0);
        let height = 10.0;
        let short = shrink_to_fit("外国语学院", width, height, 12.0, 8.0, &FakeFont).expect("fits");
        assert_eq!(short.size_pt, 12.0);
        let long = "马克思主义学院（思想政治理论课教学研究部）";
        let shrunk = shrink_to_fit(long, width, height, 12.0, 8.0, &FakeFont).expect("fits");
        assert!(shrunk.size_pt < 12.0 && shrunk.size_pt >= 8.0);
        assert!(shrunk.height() <= height + 1e-3);
        let huge = "很长的内容".repeat(40);
        assert!(shrink_to_fit(&huge, width, height, 12.0, 8.0, &FakeFont).is_none());
        let grown = fit_or_grow(&huge, width, height, 12.0, 8.0, 10.0, &FakeFont);
        assert_eq!(grown.size_pt, 10.0);
        assert!(grown.height() > height);
        assert_eq!(rejoin(&grown.lines), huge);
    }

    #[test]
    fn first_lines_of_paragraphs_leave_room_for_the_indent() {
        let width = ems(6.0, 10.0);
        let indent = ems(2.0, 10.0);
        let text = "一二三四五六七八九十\n甲乙丙丁戊己庚辛";
        let lines = wrap_indented(text, width, indent, 10.0, &FakeFont);
        assert_eq!(
            texts(&lines),
            ["一二三四", "五六七八九十", "甲乙丙丁", "戊己庚辛"]
        );
        assert_eq!(rejoin(&lines), text);
        // A word too long for the indented line but not for a full one is broken, not lost.
        let lines = wrap_indented(
            "abcdefghij",
            ems(5.0, 10.0),
            ems(2.0, 10.0),
            10.0,
            &FakeFont,
        );
        assert_eq!(rejoin(&lines), "abcdefghij");
        assert!(lines[0].width <= ems(3.0, 10.0) + 1e-3);
    }

    #[test]
    fn line_counting_matches_heights() {
        for n in 1..20 {
            let h = lines_height(n, 10.0);
            assert_eq!(lines_that_fit(h, 10.0), n);
            assert_eq!(lines_that_fit(h - 0.1, 10.0), (n - 1).max(1));
        }
    }
}
