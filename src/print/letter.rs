//! Setting a Chinese letter (报告, 通知) top to bottom, page after page: the centred title,
//! paragraphs indented two characters, ruled tables whose header repeats on every page they
//! run to, and a signature block that never stands alone on a page.

use std::collections::VecDeque;

use super::form_geometry::OUTER_RULE;
use super::labels;
use super::layout::{EM_ASCENT, Page, TextRun, TextWeight};
use super::report_geometry::*;
use super::report_labels;
use super::report_table::{Band, Table};
use super::text_fit::{Advance, Join, WrappedLine, centred_run, text_width, wrap, wrap_indented};

/// Rounding slack when comparing heights (mm).
const EPSILON: f32 = 1e-3;
/// Baseline to baseline of a title's lines, as a multiple of its size.
const TITLE_SPACING: f32 = 1.4;
/// A title longer than this many lines (an absurd school name) ends in an ellipsis.
const MAX_TITLE_LINES: usize = 4;
/// Widest extra space justification may put between two characters, in em; a line that would
/// need more (a long word moved to the next line) stays ragged rather than gappy.
const MAX_JUSTIFY_GAP_EM: f32 = 0.5;

/// Text placed together at the end of a letter, positioned from its own top.
pub(super) struct Closing {
    runs: Vec<TextRun>,
    height: f32,
}

impl Closing {
    pub(super) fn height(&self) -> f32 {
        self.height
    }
}

pub(super) struct Letter<'a> {
    font: &'a dyn Advance,
    pages: Vec<Page>,
    page: Page,
    /// Top of the free space on the current page.
    y: f32,
    /// Whether the current page holds anything yet (a fresh page is never left for another).
    page_used: bool,
}

impl<'a> Letter<'a> {
    pub(super) fn new(font: &'a dyn Advance) -> Self {
        Self {
            font,
            pages: Vec::new(),
            page: Page::a4(),
            y: TITLE_TOP,
            page_used: false,
        }
    }

    fn fits(&self, height: f32) -> bool {
        self.y + height <= CONTENT_BOTTOM + EPSILON
    }

    fn next_page(&mut self) {
        self.pages
            .push(std::mem::replace(&mut self.page, Page::a4()));
        self.y = CONTINUATION_TOP;
        self.page_used = false;
    }

    fn run(&self, text: &str, x: f32, baseline: f32, size_pt: f32) -> TextRun {
        TextRun {
            text: text.to_owned(),
            x,
            baseline,
            size_pt,
            weight: TextWeight::Regular,
            width: text_width(text, size_pt, self.font),
            cell: None,
        }
    }

    /// The title, centred and heavier, in lines of even length as titles are set.
    pub(super) fn title(&mut self, title: &str) {
        let em = TITLE_PT * super::layout::MM_PER_PT;
        let mut lines = balanced_wrap(title, TEXT_WIDTH, TITLE_PT, self.font);
        if lines.len() > MAX_TITLE_LINES {
            lines.truncate(MAX_TITLE_LINES);
            if let Some(last) = lines.last_mut() {
                while !last.text.is_empty()
                    && text_width(&last.text, TITLE_PT, self.font)
                        + text_width("…", TITLE_PT, self.font)
                        > TEXT_WIDTH
                {
                    last.text.pop();
                }
                last.text.push('…');
                last.width = text_width(&last.text, TITLE_PT, self.font);
            }
        }
        let mut baseline = self.y + EM_ASCENT * em;
        for line in &lines {
            let mut run = self.run(&line.text, 0.0, baseline, TITLE_PT);
            run.x = LEFT + (TEXT_WIDTH - run.width) / 2.0;
            run.weight = TextWeight::Heavy;
            self.page.push_text(run);
            baseline += em * TITLE_SPACING;
        }
        let count = lines.len().max(1) as f32;
        self.y += em + (count - 1.0) * em * TITLE_SPACING;
        self.page_used = true;
    }

    /// One centred line of body text (a 发文字号 under the title).
    pub(super) fn centred_line(&mut self, text: &str) {
        for line in wrap(text, TEXT_WIDTH, BODY_PT, self.font) {
            if !self.fits(BODY_PITCH) {
                self.next_page();
            }
            let x = LEFT + (TEXT_WIDTH - line.width) / 2.0;
            let run = self.run(&line.text, x, self.baseline(), BODY_PT);
            self.page.push_text(run);
            self.y += BODY_PITCH;
        }
    }

    /// Baseline of a body line whose line box starts at `self.y`: the em box centred in it.
    fn baseline(&self) -> f32 {
        self.y + (BODY_PITCH - BODY_EM) / 2.0 + EM_ASCENT * BODY_EM
    }

    /// Vertical space, dropped at the top of a page.
    pub(super) fn gap(&mut self, height: f32) {
        if self.page_used {
            self.y = (self.y + height).min(CONTENT_BOTTOM);
        }
    }

    /// Body text; each paragraph (`\n`) starts two characters in when `indent` is set. The last
    /// line goes to the next page with whatever must follow it (`keep_with_next` mm).
    pub(super) fn paragraph(&mut self, text: &str, indent: bool, keep_with_next: f32) {
        let first_indent = if indent { INDENT } else { 0.0 };
        let lines = wrap_indented(text, TEXT_WIDTH, first_indent, BODY_PT, self.font);
        let last = lines.len().saturating_sub(1);
        let mut starts_paragraph = true;
        for (i, line) in lines.iter().enumerate() {
            let keep = if i == last { keep_with_next } else { 0.0 };
            if !self.fits(BODY_PITCH + keep) && self.page_used {
                self.next_page();
            }
            let indent = if starts_paragraph { first_indent } else { 0.0 };
            // Lines end flush with the margin, as Chinese letters are set, except a
            // paragraph's last.
            let justify = i != last && line.join != Join::Paragraph;
            self.push_body_line(line, LEFT + indent, TEXT_WIDTH - indent, justify);
            self.y += BODY_PITCH;
            self.page_used = true;
            starts_paragraph = line.join == Join::Paragraph;
        }
    }

    /// One line of body text at `x`; justified to `measure` mm by spacing its characters
    /// evenly (Latin words and numbers stay whole) when that takes little space.
    fn push_body_line(&mut self, line: &WrappedLine, x: f32, measure: f32, justify: bool) {
        let baseline = self.baseline();
        let slack = measure - line.width;
        let atoms = if justify && slack > EPSILON {
            justification_atoms(&line.text)
        } else {
            Vec::new()
        };
        let gaps = atoms.len().saturating_sub(1);
        if gaps == 0 || slack / gaps as f32 > MAX_JUSTIFY_GAP_EM * BODY_EM {
            let run = self.run(&line.text, x, baseline, BODY_PT);
            self.page.push_text(run);
            return;
        }
        let extra = slack / gaps as f32;
        let mut x = x;
        for atom in atoms {
            let run = self.run(atom, x, baseline, BODY_PT);
            x += run.width + extra;
            self.page.push_text(run);
        }
    }

    /// A ruled table. A row that does not fit moves to the next page whole, unless it is taller
    /// than a page could hold, in which case it is split line by line; the header repeats on
    /// every page, and the last row keeps `keep_with_last` mm free below it for what follows.
    pub(super) fn table(&mut self, table: Table, keep_with_last: f32) {
        let header_height = table.header.as_ref().map_or(0.0, Band::height);
        let fresh_page = CONTENT_BOTTOM - CONTINUATION_TOP - header_height;
        let mut queue: VecDeque<Band> = table.rows.into();
        let mut top: Option<f32> = None;
        while let Some(band) = queue.pop_front() {
            let header = if top.is_none() { header_height } else { 0.0 };
            let keep = if queue.is_empty() {
                keep_with_last
            } else {
                0.0
            };
            let height = band.height();
            if !self.fits(header + height + keep) {
                let room = CONTENT_BOTTOM - self.y - header;
                if height + keep > fresh_page
                    && let Some((head, tail)) = band.split(room)
                {
                    queue.push_front(tail);
                    queue.push_front(head);
                    continue;
                }
                if self.page_used {
                    self.close_frame(top.take());
                    self.next_page();
                    queue.push_front(band);
                    continue;
                }
            }
            let opens_table = top.is_none();
            if opens_table {
                top = Some(self.y);
                if let Some(header) = &table.header {
                    header.paint(&mut self.page, self.y, true);
                    self.y += header_height;
                }
            }
            band.paint(
                &mut self.page,
                self.y,
                opens_table && table.header.is_none(),
            );
            self.y += height;
            self.page_used = true;
        }
        self.close_frame(top);
    }

    /// The heavier outer rules of the table's part on this page.
    fn close_frame(&mut self, top: Option<f32>) {
        let Some(top) = top else { return };
        let bottom = self.y;
        self.page.push_frame(LEFT, top, RIGHT, bottom, OUTER_RULE);
    }

    /// The signature block, on this page if it fits, else on the next (the caller has kept
    /// the closing sentence with it).
    pub(super) fn closing(&mut self, closing: Closing) {
        if !self.fits(closing.height) && self.page_used {
            self.next_page();
        }
        for mut run in closing.runs {
            run.baseline += self.y;
            self.page.push_text(run);
        }
        self.y += closing.height;
        self.page_used = true;
    }

    /// All pages, numbered 「— n —」 at the foot when there is more than one.
    pub(super) fn finish(mut self) -> Vec<Page> {
        self.pages.push(self.page);
        if self.pages.len() > 1 {
            for (i, page) in self.pages.iter_mut().enumerate() {
                page.push_text(centred_run(
                    report_labels::letter_page_number(i + 1),
                    (LEFT + RIGHT) / 2.0,
                    PAGE_NUMBER_BASELINE,
                    PAGE_NUMBER_PT,
                    self.font,
                ));
            }
        }
        self.pages
    }
}

/// The pieces a justified line is spaced between: each ideograph or full-width mark, and each
/// run of Latin letters, digits and ASCII punctuation, which is never spaced inside.
fn justification_atoms(text: &str) -> Vec<&str> {
    let narrow = |c: char| c < '\u{2000}';
    let mut atoms = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if narrow(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            atoms.push(&text[s..i]);
        }
        atoms.push(&text[i..i + c.len_utf8()]);
    }
    if let Some(s) = start {
        atoms.push(&text[s..]);
    }
    atoms
}

/// Wraps like [`wrap`], then narrows the measure as far as the line count allows, so a
/// two-line title does not end in a stub.
fn balanced_wrap(text: &str, width: f32, size_pt: f32, font: &dyn Advance) -> Vec<WrappedLine> {
    let lines = wrap(text, width, size_pt, font);
    if lines.len() < 2 {
        return lines;
    }
    let em = size_pt * super::layout::MM_PER_PT;
    let mut best = lines;
    let mut narrower = width - em;
    while narrower > em {
        let candidate = wrap(text, narrower, size_pt, font);
        if candidate.len() > best.len() {
            break;
        }
        best = candidate;
        narrower -= em;
    }
    best
}

/// A line of the signature block: where it goes relative to the block's top.
fn line_baseline(line: f32) -> f32 {
    line * BODY_PITCH + (BODY_PITCH - BODY_EM) / 2.0 + EM_ASCENT * BODY_EM
}

/// Lines centred on `axis`, kept inside the right margin; more than `max_lines` end in an
/// ellipsis. Returns the line after the last.
fn centred_on(
    runs: &mut Vec<TextRun>,
    text: &str,
    axis: f32,
    first_line: f32,
    max_lines: usize,
    font: &dyn Advance,
) -> f32 {
    let width = 2.0 * (RIGHT - axis);
    let mut lines = wrap(text, width, BODY_PT, font);
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let ellipsis = text_width("…", BODY_PT, font);
            while !last.text.is_empty() && text_width(&last.text, BODY_PT, font) + ellipsis > width
            {
                last.text.pop();
            }
            last.text.push('…');
            last.width = text_width(&last.text, BODY_PT, font);
        }
    }
    let mut line = first_line;
    for wrapped in lines {
        let x = (axis - wrapped.width / 2.0)
            .min(RIGHT - wrapped.width)
            .max(LEFT);
        runs.push(TextRun {
            text: wrapped.text,
            x,
            baseline: line_baseline(line),
            size_pt: BODY_PT,
            weight: TextWeight::Regular,
            width: wrapped.width,
            cell: None,
        });
        line += 1.0;
    }
    line
}

/// A report's end: 「单位负责人签字：」 with room to sign, the unit's name and
/// 「（加盖单位公章）」 where the seal goes, and 「年 月 日」 with room for the digits.
pub(super) fn unit_signature(unit_name: &str, font: &dyn Advance) -> Closing {
    let mut runs = Vec::new();
    let em = BODY_EM;
    let date_width = YEAR_ROOM + em + 2.0 * (MONTH_DAY_ROOM + em);
    let axis = DATE_RIGHT - date_width / 2.0;

    let mut line = LINES_BEFORE_SIGNATURE;
    let signature = labels::SIGNATURE;
    let width = text_width(signature, BODY_PT, font);
    runs.push(TextRun {
        text: signature.to_owned(),
        x: RIGHT - SIGNATURE_ROOM - width,
        baseline: line_baseline(line),
        size_pt: BODY_PT,
        weight: TextWeight::Regular,
        width,
        cell: None,
    });
    line += 1.0 + LINES_ABOVE_SEAL;
    if !unit_name.trim().is_empty() {
        // The full name is in the table; under the seal two lines are plenty.
        line = centred_on(&mut runs, unit_name.trim(), axis, line, 2, font);
    }
    line = centred_on(&mut runs, labels::STAMP, axis, line, 1, font);

    // 年, 月 and 日 are measured from the right, then added in reading order.
    let mut x = DATE_RIGHT;
    let mut parts = Vec::with_capacity(3);
    for (text, room) in [
        (labels::DAY, MONTH_DAY_ROOM),
        (labels::MONTH, MONTH_DAY_ROOM),
        (labels::YEAR, YEAR_ROOM),
    ] {
        let width = text_width(text, BODY_PT, font);
        x -= width;
        parts.push(TextRun {
            text: text.to_owned(),
            x,
            baseline: line_baseline(line),
            size_pt: BODY_PT,
            weight: TextWeight::Regular,
            width,
            cell: None,
        });
        x -= room;
    }
    runs.extend(parts.into_iter().rev());
    Closing {
        runs,
        height: (line + 1.0) * BODY_PITCH,
    }
}

/// A notice's end: the issuing offices one under the other, centred on the date, which ends
/// four characters from the right margin; their seals go over names and date.
pub(super) fn issuers_signature(issuers: &[&str], date: &str, font: &dyn Advance) -> Closing {
    let mut runs = Vec::new();
    let date_width = text_width(date, BODY_PT, font);
    let axis = DATE_RIGHT - date_width / 2.0;
    let mut line = LINES_ABOVE_SEAL;
    for issuer in issuers {
        line = centred_on(&mut runs, issuer, axis, line, 2, font);
    }
    runs.push(TextRun {
        text: date.to_owned(),
        x: DATE_RIGHT - date_width,
        baseline: line_baseline(line),
        size_pt: BODY_PT,
        weight: TextWeight::Regular,
        width: date_width,
        cell: None,
    });
    Closing {
        runs,
        height: (line + 1.0) * BODY_PITCH,
    }
}

#[cfg(test)]
mod tests {
    use super::super::text_fit::tests::FakeFont;
    use super::*;

    #[test]
    fn justification_keeps_latin_words_whole() {
        assert_eq!(
            justification_atoms("网址：sias_business），因2026年"),
            [
                "网",
                "址",
                "：",
                "sias_business",
                "）",
                "，",
                "因",
                "2026",
                "年"
            ]
        );
        assert!(justification_atoms("").is_empty());
    }

    #[test]
    fn paragraph_lines_end_flush_except_the_last() {
        let mut letter = Letter::new(&FakeFont);
        // Latin words make the lines' natural widths uneven.
        let text = "本单位 abc 开办的平台 2026 年起由 xyz 维护，".repeat(6);
        letter.paragraph(&text, true, 0.0);
        let pages = letter.finish();
        let mut line_ends: Vec<(f32, f32)> = Vec::new();
        for run in pages[0].texts() {
            match line_ends.last_mut() {
                Some((baseline, end)) if (*baseline - run.baseline).abs() < 1e-3 => {
                    *end = end.max(run.x + run.width);
                }
                _ => line_ends.push((run.baseline, run.x + run.width)),
            }
        }
        assert!(line_ends.len() > 2);
        let (last, full) = line_ends.split_last().expect("lines");
        for (_, end) in full {
            assert!((end - RIGHT).abs() < 1e-3, "{end} vs {RIGHT}");
        }
        assert!(last.1 <= RIGHT + 1e-3);
    }
}
