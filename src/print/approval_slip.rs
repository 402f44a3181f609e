//! 信息发布审核单 (第七条三): the paper record of one post's approval, for reviewers who review
//! away from the desk. The first page holds the post's particulars and the three steps with
//! room to sign; the draft follows with every printed line numbered, so a comment can say
//! 「第12行」.

use std::collections::VecDeque;

use super::data::FormSettings;
use super::error::PrintError;
use super::fonts;
use super::form_geometry::{INNER_RULE, OUTER_RULE, PAD_X};
use super::form_paint::{Align, place};
use super::labels;
use super::layout::{EM_ASCENT, MM_PER_PT, Page, RectMm, TextRun, TextWeight};
use super::pdf::render_pages;
use super::report_geometry::{
    CELL_PAD_Y, CONTENT_BOTTOM, CONTINUATION_TOP, LABEL_MIN_PT, LEFT, PAGE_NUMBER_BASELINE, RIGHT,
    ROW, TABLE_GAP, TABLE_PT, TEXT_WIDTH, TITLE_PT, X_LABEL_END, X_LABEL2, X_VALUE2,
};
use super::report_labels;
use super::report_table::Band;
use super::slip_data::{ApprovalSlipData, SlipAttachment, SlipStep};
use super::slip_labels;
use super::text_fit::{
    Advance, Fitted, LINE_SPACING, WrappedLine, centred_run, lines_height, lines_that_fit,
    shrink_to_fit, text_width, wrap, wrap_indented,
};

/// Rounding slack when comparing heights (mm).
const EPSILON: f32 = 1e-3;

/// Top of the title: higher than a letter's, so the three steps keep room for handwriting on
/// the first page.
const SLIP_TOP: f32 = 20.0;
/// Baseline to baseline of the title's lines, as a multiple of its size.
const TITLE_SPACING: f32 = 1.4;
/// An absurd school name ends in an ellipsis after this many lines.
const MAX_TITLE_LINES: usize = 3;
/// The running header of the pages after the first: the post's title (cut to one line; the
/// full title is on the first page) and its revision, over a rule.
const HEADER_BASELINE: f32 = 18.0;
const HEADER_RULE_Y: f32 = 20.5;

// Sizes (pt): 五号 for the line under the title and the note, 小五 for headers, footers and
// line numbers, 四号 for the body's heading, 小四 for the body itself.
const META_PT: f32 = 10.5;
const NOTE_PT: f32 = 10.5;
const FOOT_PT: f32 = 9.0;
const HEADING_PT: f32 = 14.0;
const BODY_TEXT_PT: f32 = 12.0;
/// Baseline to baseline of the body, as a multiple of its size: room to mark a line by pen.
const BODY_SPACING: f32 = 1.75;
/// Line numbers end this far left of the text block.
const NUMBER_GAP: f32 = 3.0;

// The steps' table (mm).
/// 经办人's label ends here and the name begins; 日期 uses the particulars' second columns.
const X_PERSON: f32 = X_LABEL_END + 20.0;
/// An opinion cell is usually this tall: a few handwritten lines above the signature. It
/// grows to `OPINION_MOST` when the first page has room, and shrinks to `OPINION_LEAST` when
/// that keeps all three steps on it.
const OPINION_USUAL: f32 = 26.0;
const OPINION_LEAST: f32 = 20.0;
const OPINION_MOST: f32 = 40.0;
/// The strip at the bottom of an opinion cell holding 「签字：」 and the line to sign on.
const SIGN_ROW: f32 = 10.0;
const SIGN_BASELINE_ABOVE_BOTTOM: f32 = 3.5;
const SIGN_LINE_LENGTH: f32 = 40.0;
/// A name or date longer than this many lines (pasted by mistake) ends in an ellipsis: the
/// row above the opinion cannot continue on another page.
const MAX_HEAD_LINES: usize = 3;
/// The line under the title likewise.
const MAX_META_LINES: usize = 2;
/// Blank room before 年, 月 and 日 of a date to be written by hand.
const YEAR_ROOM: f32 = 12.0;
const MONTH_DAY_ROOM: f32 = 7.0;

/// The slip's pages, for a preview.
pub fn layout_approval_slip(
    data: &ApprovalSlipData,
    settings: &FormSettings,
) -> Result<Vec<Page>, PrintError> {
    let font = fonts::font_for(settings)?;
    Ok(slip_pages(data, settings, &*font))
}

/// The slip as one PDF, the font embedded once and subset.
pub fn render_approval_slip(
    data: &ApprovalSlipData,
    settings: &FormSettings,
) -> Result<Vec<u8>, PrintError> {
    let font = fonts::font_for(settings)?;
    let pages = slip_pages(data, settings, &*font);
    Ok(render_pages(
        &pages,
        &font,
        slip_labels::metadata_title(&settings.school_name, &data.title),
        slip_labels::SUBJECT,
    ))
}

pub(super) fn slip_pages(
    data: &ApprovalSlipData,
    settings: &FormSettings,
    font: &dyn Advance,
) -> Vec<Page> {
    let mut sheet = Sheet::new(font);
    sheet.title(&slip_labels::title(&settings.school_name));
    sheet.meta_line(
        &slip_labels::number_and_revision(data.post_id, data.revision),
        &slip_labels::state(&data.state),
    );
    sheet.gap(TABLE_GAP);
    sheet.table(particulars(data, font), 0.0);

    let note = wrap(
        &slip_labels::approval_note(&settings.school_name),
        TEXT_WIDTH,
        NOTE_PT,
        font,
    );
    // The note stays with the last step.
    let after_steps = TABLE_GAP + lines_height(note.len(), NOTE_PT);
    let mut steps = step_blocks(&data.steps, font);
    let room = CONTENT_BOTTOM - sheet.y - TABLE_GAP - after_steps;
    fit_opinions(&mut steps, room);
    sheet.gap(TABLE_GAP);
    sheet.table(steps, after_steps);
    sheet.gap(TABLE_GAP);
    sheet.small_lines(&note, NOTE_PT);

    sheet.body(&data.body);
    let mut pages = sheet.finish(&Furniture {
        post_title: &data.title,
        revision: data.revision,
        number: slip_labels::number_and_revision(data.post_id, data.revision),
        printed_at: slip_labels::printed_at(data.printed_at),
    });
    super::anchor::stamp_pages(&mut pages, data.audit_anchor.as_ref(), font);
    pages
}

/// The post's particulars, as the reviewer checks them against the policy.
fn particulars(data: &ApprovalSlipData, font: &dyn Advance) -> Vec<Band> {
    let mut rows = vec![
        Band::pair(
            (slip_labels::UNIT, &data.unit_name),
            (labels::PLATFORM, &data.platform_kind),
            font,
        ),
        Band::pair(
            (labels::ACCOUNT_NAME, &data.platform_name),
            (report_labels::ACCOUNT, &data.account),
            font,
        ),
        Band::label_value(slip_labels::POST_TITLE, &data.title, font),
        Band::pair(
            (slip_labels::CATEGORY, &data.category),
            (slip_labels::COLUMN, &data.column),
            font,
        ),
        Band::pair(
            (slip_labels::ORIGIN, &data.origin),
            (slip_labels::SCOPE, publication_scope(data.internal)),
            font,
        ),
    ];
    rows.extend(attribution_rows(data, font));
    // 计划发布时间 needs the wide label column; 编辑发布人 just fits the narrow one.
    rows.push(Band::pair(
        (slip_labels::PLANNED_AT, &data.planned_at),
        (slip_labels::EDITOR, &data.editor),
        font,
    ));
    rows.push(Band::label_value(
        slip_labels::ATTACHMENTS,
        &attachment_list(&data.attachments),
        font,
    ));
    if !data.published_link.trim().is_empty() {
        rows.push(Band::label_value(
            slip_labels::PUBLISHED_LINK,
            &data.published_link,
            font,
        ));
    }
    rows
}

/// 第六条三: internal information (internal notices, circulars, reports, confidential
/// material) stays on the campus intranet; the reviewer sees at a glance which this is.
fn publication_scope(internal: bool) -> &'static str {
    if internal {
        slip_labels::SCOPE_INTERNAL
    } else {
        slip_labels::SCOPE_PUBLIC
    }
}

/// 第六条四: an original names its author or the provider of its information or pictures, a
/// reprint its source (编辑发布人, which both name, is the row after these). A row the origin
/// does not call for is left out unless it holds something; an unknown origin prints both, to
/// be completed by pen.
fn attribution_rows(data: &ApprovalSlipData, font: &dyn Advance) -> Vec<Band> {
    let origin = data.origin.trim();
    let unknown = origin != slip_labels::ORIGINAL && origin != slip_labels::REPRINT;
    let filled = |s: &str| !s.trim().is_empty();
    let mut rows = Vec::new();
    if origin == slip_labels::ORIGINAL || unknown || filled(&data.author_or_provider) {
        rows.push(Band::label_value(
            slip_labels::AUTHOR,
            &data.author_or_provider,
            font,
        ));
    }
    let reprint = origin == slip_labels::REPRINT;
    if reprint || unknown || filled(&data.source_name) || filled(&data.source_link) {
        rows.push(Band::label_value(
            slip_labels::SOURCE,
            &data.source_name,
            font,
        ));
    }
    if filled(&data.source_link) {
        rows.push(Band::label_value(
            slip_labels::SOURCE_LINK,
            &data.source_link,
            font,
        ));
    }
    rows
}

/// One attachment a line, or 「无」, so an empty cell is never mistaken for one left to fill.
fn attachment_list(attachments: &[SlipAttachment]) -> String {
    if attachments.is_empty() {
        return slip_labels::NO_ATTACHMENTS.to_owned();
    }
    attachments
        .iter()
        .map(|a| slip_labels::attachment_line(&a.name, a.size, &a.sha256))
        .collect::<Vec<_>>()
        .join("\n")
}

fn fit_label(text: &str, width: f32, font: &dyn Advance) -> Fitted {
    let own_lines = lines_height(text.lines().count(), TABLE_PT);
    shrink_to_fit(text, width, own_lines, TABLE_PT, LABEL_MIN_PT, font).unwrap_or_else(|| Fitted {
        lines: wrap(text, width, LABEL_MIN_PT, font),
        size_pt: LABEL_MIN_PT,
    })
}

/// A step's name or date, in at most `MAX_HEAD_LINES` lines.
fn fit_head_value(text: &str, x0: f32, x1: f32, font: &dyn Advance) -> Fitted {
    Fitted {
        lines: capped_lines(text, x1 - x0 - 2.0 * PAD_X, TABLE_PT, MAX_HEAD_LINES, font),
        size_pt: TABLE_PT,
    }
}

/// Lines of `text` no wider than `width`; more than `max_lines` end in an ellipsis.
fn capped_lines(
    text: &str,
    width: f32,
    size_pt: f32,
    max_lines: usize,
    font: &dyn Advance,
) -> Vec<WrappedLine> {
    let mut lines = wrap(text, width, size_pt, font);
    if lines.len() > max_lines {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            let ellipsis = text_width("…", size_pt, font);
            while !last.text.is_empty() && text_width(&last.text, size_pt, font) + ellipsis > width
            {
                last.text.pop();
            }
            last.text.push('…');
            last.width = text_width(&last.text, size_pt, font);
        }
    }
    lines
}

/// A row of a table on the slip: the particulars' bands and the steps' blocks flow alike.
trait SlipRow: Sized {
    fn height(&self) -> f32;
    /// The part that fits into `room` and the rest; `None` when nothing sensible fits.
    fn split(&self, room: f32) -> Option<(Self, Self)>;
    fn paint(&self, page: &mut Page, top: f32, opens_table: bool);
}

impl SlipRow for Band {
    fn height(&self) -> f32 {
        Band::height(self)
    }
    fn split(&self, room: f32) -> Option<(Self, Self)> {
        Band::split(self, room)
    }
    fn paint(&self, page: &mut Page, top: f32, opens_table: bool) {
        Band::paint(self, page, top, opens_table);
    }
}

/// One step of 第七条三: its name and who does it on the left; 经办人 and 日期 across the top;
/// the opinion below, ending in a line to sign on.
#[derive(Clone)]
struct StepBlock {
    label: Fitted,
    /// The label of the block's continuation on the next page, marked （续）.
    continued: Fitted,
    /// 经办人 and 日期: on the block's first part only.
    head: Option<StepHead>,
    /// 「意见：」 and the comment, wrapped.
    opinion: Vec<WrappedLine>,
    /// The signature line: on the block's last part only.
    signature: bool,
    min_opinion: f32,
    /// Measured once: painting has no font at hand.
    sign_width: f32,
}

#[derive(Clone)]
struct StepHead {
    person_label: Fitted,
    person: Fitted,
    date_label: Fitted,
    /// `None`: 年 月 日 with room for the digits, to be written by hand.
    date: Option<Fitted>,
    /// Widths of 日, 月 and 年, for a blank date.
    date_widths: [f32; 3],
}

impl StepHead {
    fn height(&self) -> f32 {
        [
            &self.person_label,
            &self.person,
            &self.date_label,
            self.date.as_ref().unwrap_or(&self.date_label),
        ]
        .iter()
        .map(|f| f.height() + 2.0 * CELL_PAD_Y)
        .fold(ROW, f32::max)
    }
}

/// The three steps, in the policy's order; a step not done yet prints empty cells.
fn step_blocks(steps: &[SlipStep; 3], font: &dyn Advance) -> Vec<StepBlock> {
    let label_width = X_LABEL_END - LEFT - 2.0 * PAD_X;
    let opinion_width = RIGHT - X_LABEL_END - 2.0 * PAD_X;
    slip_labels::STEPS
        .iter()
        .zip(steps)
        .map(|((name, role), step)| {
            let at = step.at.trim();
            StepBlock {
                label: fit_label(&format!("{name}\n{role}"), label_width, font),
                continued: fit_label(
                    &format!("{name}{}\n{role}", labels::CONTINUED),
                    label_width,
                    font,
                ),
                head: Some(StepHead {
                    person_label: fit_label(slip_labels::PERSON, X_PERSON - X_LABEL_END, font),
                    person: fit_head_value(&step.person, X_PERSON, X_LABEL2, font),
                    date_label: fit_label(slip_labels::DATE, X_VALUE2 - X_LABEL2, font),
                    date: (!at.is_empty()).then(|| fit_head_value(at, X_VALUE2, RIGHT, font)),
                    date_widths: [labels::DAY, labels::MONTH, labels::YEAR]
                        .map(|t| text_width(t, TABLE_PT, font)),
                }),
                opinion: wrap(
                    &format!("{}{}", slip_labels::OPINION, step.comment.trim()),
                    opinion_width,
                    TABLE_PT,
                    font,
                ),
                signature: true,
                min_opinion: OPINION_USUAL,
                sign_width: text_width(slip_labels::SIGN, TABLE_PT, font),
            }
        })
        .collect()
}

/// Shares `room` (what is left of the first page) among the opinion cells, within
/// `OPINION_LEAST..=OPINION_MOST` each, so the three steps and the note end the first page.
/// When even the least does not fit, they keep the usual height and run onto the next page.
fn fit_opinions(steps: &mut [StepBlock], room: f32) {
    if steps.is_empty() {
        return;
    }
    let total: f32 = steps.iter().map(SlipRow::height).sum();
    let share = (room - total) / steps.len() as f32;
    if share < OPINION_LEAST - OPINION_USUAL {
        return;
    }
    for step in steps {
        step.min_opinion = OPINION_USUAL + share.min(OPINION_MOST - OPINION_USUAL);
    }
}

impl StepBlock {
    fn head_height(&self) -> f32 {
        self.head.as_ref().map_or(0.0, StepHead::height)
    }

    fn opinion_height(&self) -> f32 {
        let sign = if self.signature { SIGN_ROW } else { 0.0 };
        (2.0 * CELL_PAD_Y + lines_height(self.opinion.len(), TABLE_PT) + sign).max(self.min_opinion)
    }
}

impl SlipRow for StepBlock {
    fn height(&self) -> f32 {
        (self.head_height() + self.opinion_height()).max(self.label.height() + 2.0 * CELL_PAD_Y)
    }

    fn split(&self, room: f32) -> Option<(Self, Self)> {
        let available = room - self.head_height() - 2.0 * CELL_PAD_Y;
        if available < TABLE_PT * MM_PER_PT || room < self.label.height() + 2.0 * CELL_PAD_Y {
            return None;
        }
        let keep = lines_that_fit(available, TABLE_PT).min(self.opinion.len());
        if keep == 0 && self.head.is_none() {
            return None;
        }
        let (first, rest) = self.opinion.split_at(keep);
        let head = StepBlock {
            opinion: first.to_vec(),
            signature: false,
            min_opinion: 0.0,
            ..self.clone()
        };
        let tail = StepBlock {
            label: self.continued.clone(),
            head: None,
            opinion: rest.to_vec(),
            min_opinion: 0.0,
            ..self.clone()
        };
        Some((head, tail))
    }

    fn paint(&self, page: &mut Page, top: f32, opens_table: bool) {
        let height = SlipRow::height(self);
        let bottom = top + height;
        if !opens_table {
            page.push_line(LEFT, top, RIGHT, top, INNER_RULE);
        }
        page.push_line(X_LABEL_END, top, X_LABEL_END, bottom, INNER_RULE);
        let label_cell = RectMm::new(LEFT, top, X_LABEL_END - LEFT, height);
        place(page, &self.label, label_cell, Align::Center);

        let mut y = top;
        if let Some(head) = &self.head {
            let h = head.height();
            for x in [X_PERSON, X_LABEL2, X_VALUE2] {
                page.push_line(x, y, x, y + h, INNER_RULE);
            }
            let cell = |x0: f32, x1: f32| RectMm::new(x0, y, x1 - x0, h);
            place(
                page,
                &head.person_label,
                cell(X_LABEL_END, X_PERSON),
                Align::Center,
            );
            place(page, &head.person, cell(X_PERSON, X_LABEL2), Align::Auto);
            place(
                page,
                &head.date_label,
                cell(X_LABEL2, X_VALUE2),
                Align::Center,
            );
            match &head.date {
                Some(date) => place(page, date, cell(X_VALUE2, RIGHT), Align::Auto),
                None => blank_date(page, cell(X_VALUE2, RIGHT), head.date_widths),
            }
            y += h;
            page.push_line(X_LABEL_END, y, RIGHT, y, INNER_RULE);
        }

        let cell = RectMm::new(X_LABEL_END, y, RIGHT - X_LABEL_END, bottom - y);
        let em = TABLE_PT * MM_PER_PT;
        for (i, line) in self.opinion.iter().enumerate() {
            page.push_text(TextRun {
                text: line.text.clone(),
                x: X_LABEL_END + PAD_X,
                baseline: y + CELL_PAD_Y + EM_ASCENT * em + i as f32 * em * LINE_SPACING,
                size_pt: TABLE_PT,
                weight: TextWeight::Regular,
                width: line.width,
                cell: Some(cell),
            });
        }
        if self.signature {
            signature_line(page, cell, self.sign_width);
        }
    }
}

/// 「签字：」 and a line to sign on, at the bottom right of the opinion cell.
fn signature_line(page: &mut Page, cell: RectMm, sign_width: f32) {
    let baseline = cell.bottom() - SIGN_BASELINE_ABOVE_BOTTOM;
    let line_end = cell.right() - PAD_X - 2.0;
    let line_start = line_end - SIGN_LINE_LENGTH;
    page.push_line(
        line_start,
        baseline + 0.8,
        line_end,
        baseline + 0.8,
        INNER_RULE,
    );
    page.push_text(TextRun {
        text: slip_labels::SIGN.to_owned(),
        x: line_start - 1.0 - sign_width,
        baseline,
        size_pt: TABLE_PT,
        weight: TextWeight::Regular,
        width: sign_width,
        cell: Some(cell),
    });
}

/// 年 月 日 at the right of an empty date cell, with room before each for handwritten digits.
fn blank_date(page: &mut Page, cell: RectMm, widths: [f32; 3]) {
    let size_pt = TABLE_PT;
    let em = size_pt * MM_PER_PT;
    let baseline = cell.y + (cell.height - em) / 2.0 + EM_ASCENT * em;
    let mut x = cell.right() - PAD_X;
    let mut parts = Vec::with_capacity(3);
    for ((text, room), width) in [
        (labels::DAY, MONTH_DAY_ROOM),
        (labels::MONTH, MONTH_DAY_ROOM),
        (labels::YEAR, YEAR_ROOM),
    ]
    .into_iter()
    .zip(widths)
    {
        x -= width;
        parts.push(TextRun {
            text: text.to_owned(),
            x,
            baseline,
            size_pt,
            weight: TextWeight::Regular,
            width,
            cell: Some(cell),
        });
        x -= room;
    }
    for run in parts.into_iter().rev() {
        page.push_text(run);
    }
}

/// One line of the draft: its text and how far its paragraph's own indent moves it in.
struct BodyLine {
    indent: f32,
    line: WrappedLine,
}

/// The draft broken into printed lines, each of which gets a number: paragraphs wrap by
/// character, blank lines stay (and are counted), leading blank lines and trailing ones go.
/// A paragraph's leading spaces (often 「　　」) become its first line's indent.
fn body_lines(body: &str, font: &dyn Advance) -> Vec<BodyLine> {
    let blank = |l: &&str| l.trim().is_empty();
    let all: Vec<&str> = body.lines().collect();
    let first = all.iter().position(|l| !blank(l)).unwrap_or(all.len());
    let last = all.iter().rposition(|l| !blank(l)).map_or(first, |i| i + 1);
    let em = BODY_TEXT_PT * MM_PER_PT;
    let mut lines = Vec::new();
    for paragraph in all.get(first..last).unwrap_or_default() {
        let text = paragraph.trim();
        if text.is_empty() {
            lines.push(BodyLine {
                indent: 0.0,
                line: WrappedLine {
                    text: String::new(),
                    width: 0.0,
                    join: super::text_fit::Join::Paragraph,
                },
            });
            continue;
        }
        let leading = paragraph.trim_start();
        let lead = paragraph
            .get(..paragraph.len() - leading.len())
            .unwrap_or("");
        let indent_em: f32 = lead
            .chars()
            .map(|c| if c == '\t' { 2.0 } else { font.advance_em(c) })
            .sum();
        // The same cap as `wrap_indented`'s, so the first line never outgrows the block.
        let indent = (indent_em * em).clamp(0.0, TEXT_WIDTH / 2.0);
        for (i, line) in wrap_indented(text, TEXT_WIDTH, indent, BODY_TEXT_PT, font)
            .into_iter()
            .enumerate()
        {
            lines.push(BodyLine {
                indent: if i == 0 { indent } else { 0.0 },
                line,
            });
        }
    }
    lines
}

/// What every page carries at its head and foot.
struct Furniture<'a> {
    post_title: &'a str,
    revision: i64,
    number: String,
    printed_at: String,
}

/// The slip set top to bottom, page after page.
struct Sheet<'a> {
    font: &'a dyn Advance,
    pages: Vec<Page>,
    page: Page,
    /// Top of the free space on the current page.
    y: f32,
    /// Whether the current page holds anything yet (a fresh page is never left for another).
    page_used: bool,
}

impl<'a> Sheet<'a> {
    fn new(font: &'a dyn Advance) -> Self {
        Self {
            font,
            pages: Vec::new(),
            page: Page::a4(),
            y: SLIP_TOP,
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

    fn gap(&mut self, height: f32) {
        if self.page_used {
            self.y = (self.y + height).min(CONTENT_BOTTOM);
        }
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

    /// Centred heavier lines, as titles are set.
    fn centred_heading(&mut self, text: &str, size_pt: f32, max_lines: usize) {
        let em = size_pt * MM_PER_PT;
        let lines = capped_lines(text, TEXT_WIDTH, size_pt, max_lines, self.font);
        let mut baseline = self.y + EM_ASCENT * em;
        for line in &lines {
            let mut run = self.run(&line.text, 0.0, baseline, size_pt);
            run.x = LEFT + (TEXT_WIDTH - run.width) / 2.0;
            run.weight = TextWeight::Heavy;
            self.page.push_text(run);
            baseline += em * TITLE_SPACING;
        }
        let count = lines.len().max(1) as f32;
        self.y += em + (count - 1.0) * em * TITLE_SPACING;
        self.page_used = true;
    }

    fn title(&mut self, title: &str) {
        self.centred_heading(title, TITLE_PT, MAX_TITLE_LINES);
    }

    /// 编号 and 稿 at the left, the post's state at the right; one under the other when the
    /// line cannot hold both.
    fn meta_line(&mut self, left: &str, right: &str) {
        let em = META_PT * MM_PER_PT;
        self.gap(em);
        let pitch = em * LINE_SPACING;
        let left_width = text_width(left, META_PT, self.font);
        let right_width = text_width(right, META_PT, self.font);
        let mut lines = Vec::new();
        if left_width + 2.0 * em + right_width <= TEXT_WIDTH {
            lines.push((left.to_owned(), right.to_owned()));
        } else {
            for text in [left, right] {
                for line in capped_lines(text, TEXT_WIDTH, META_PT, MAX_META_LINES, self.font) {
                    lines.push((line.text, String::new()));
                }
            }
        }
        for (l, r) in lines {
            let baseline = self.y + EM_ASCENT * em;
            let run = self.run(&l, LEFT, baseline, META_PT);
            self.page.push_text(run);
            let mut run = self.run(&r, 0.0, baseline, META_PT);
            run.x = RIGHT - run.width;
            self.page.push_text(run);
            self.y += pitch;
        }
        self.page_used = true;
    }

    /// A ruled table. A row that does not fit moves to the next page whole, unless it is taller
    /// than a page could hold, in which case it is split; the last row keeps `keep_with_last`
    /// mm free below it for what follows.
    fn table<R: SlipRow>(&mut self, rows: Vec<R>, keep_with_last: f32) {
        let fresh_page = CONTENT_BOTTOM - CONTINUATION_TOP;
        let mut queue: VecDeque<R> = rows.into();
        let mut top: Option<f32> = None;
        while let Some(row) = queue.pop_front() {
            let keep = if queue.is_empty() {
                keep_with_last
            } else {
                0.0
            };
            let height = row.height();
            if !self.fits(height + keep) {
                if height + keep > fresh_page
                    && let Some((head, tail)) = row.split(CONTENT_BOTTOM - self.y)
                {
                    queue.push_front(tail);
                    queue.push_front(head);
                    continue;
                }
                if self.page_used {
                    self.close_frame(top.take());
                    self.next_page();
                    queue.push_front(row);
                    continue;
                }
            }
            let opens_table = top.is_none();
            if opens_table {
                top = Some(self.y);
            }
            row.paint(&mut self.page, self.y, opens_table);
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

    /// Lines of small text at the left margin (the note under the steps).
    fn small_lines(&mut self, lines: &[WrappedLine], size_pt: f32) {
        let em = size_pt * MM_PER_PT;
        for (i, line) in lines.iter().enumerate() {
            let height = if i == 0 { em } else { em * LINE_SPACING };
            if !self.fits(height) && self.page_used {
                self.next_page();
            }
            let baseline = self.y + height - em + EM_ASCENT * em;
            let run = self.run(&line.text, LEFT, baseline, size_pt);
            self.page.push_text(run);
            self.y += height;
            self.page_used = true;
        }
    }

    /// The draft from a fresh page on, every printed line numbered in the left margin.
    fn body(&mut self, body: &str) {
        if self.page_used {
            self.next_page();
        }
        self.centred_heading(slip_labels::BODY_HEADING, HEADING_PT, 1);
        let em = BODY_TEXT_PT * MM_PER_PT;
        let pitch = em * BODY_SPACING;
        self.gap(pitch / 2.0);
        let lines = body_lines(body, self.font);
        if lines.is_empty() {
            let baseline = self.y + (pitch - em) / 2.0 + EM_ASCENT * em;
            let mut run = self.run(slip_labels::EMPTY_BODY, 0.0, baseline, BODY_TEXT_PT);
            run.x = LEFT + (TEXT_WIDTH - run.width) / 2.0;
            self.page.push_text(run);
            self.y += pitch;
            return;
        }
        for (i, body_line) in lines.iter().enumerate() {
            if !self.fits(pitch) && self.page_used {
                self.next_page();
            }
            let baseline = self.y + (pitch - em) / 2.0 + EM_ASCENT * em;
            let mut number = self.run(&(i + 1).to_string(), 0.0, baseline, FOOT_PT);
            number.x = LEFT - NUMBER_GAP - number.width;
            self.page.push_text(number);
            let run = self.run(
                &body_line.line.text,
                LEFT + body_line.indent,
                baseline,
                BODY_TEXT_PT,
            );
            self.page.push_text(run);
            self.y += pitch;
            self.page_used = true;
        }
    }

    /// All pages: a running header on each after the first, and at every foot the post's
    /// number and revision, 第n页 共N页 and when it was printed, so loose sheets find their
    /// slip again.
    fn finish(mut self, furniture: &Furniture<'_>) -> Vec<Page> {
        self.pages.push(self.page);
        let font = self.font;
        let total = self.pages.len();
        let run = |text: &str, x: f32, baseline: f32| TextRun {
            text: text.to_owned(),
            x,
            baseline,
            size_pt: FOOT_PT,
            weight: TextWeight::Regular,
            width: text_width(text, FOOT_PT, font),
            cell: None,
        };
        let em = FOOT_PT * MM_PER_PT;
        let short_name = run(slip_labels::SHORT_NAME, 0.0, HEADER_BASELINE);
        // A long title is cut, never the revision after it.
        let revision_width = text_width(
            &slip_labels::running_title("", furniture.revision),
            FOOT_PT,
            font,
        );
        let title_room = TEXT_WIDTH - short_name.width - 2.0 * em - revision_width;
        let first_line = furniture
            .post_title
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty());
        let cut = capped_lines(first_line.unwrap_or_default(), title_room, FOOT_PT, 1, font)
            .into_iter()
            .next()
            .map(|l| l.text)
            .unwrap_or_default();
        let title = slip_labels::running_title(&cut, furniture.revision);
        for (i, page) in self.pages.iter_mut().enumerate() {
            if i > 0 {
                page.push_text(run(&title, LEFT, HEADER_BASELINE));
                let mut right = short_name.clone();
                right.x = RIGHT - right.width;
                page.push_text(right);
                page.push_line(LEFT, HEADER_RULE_Y, RIGHT, HEADER_RULE_Y, INNER_RULE);
            }
            page.push_text(run(&furniture.number, LEFT, PAGE_NUMBER_BASELINE));
            page.push_text(centred_run(
                labels::page_number(i + 1, total),
                (LEFT + RIGHT) / 2.0,
                PAGE_NUMBER_BASELINE,
                FOOT_PT,
                font,
            ));
            let mut printed = run(&furniture.printed_at, 0.0, PAGE_NUMBER_BASELINE);
            printed.x = RIGHT - printed.width;
            page.push_text(printed);
        }
        self.pages
    }
}
