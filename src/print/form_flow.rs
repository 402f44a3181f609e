//! Placing the filing form's bands top to bottom, page after page: the title, the table's
//! frame, the 管理队伍 label spanning its rows, continuation pages, the notes, page numbers.

use std::collections::VecDeque;

use super::data::FilingFormData;
use super::form_blocks::{Block, build_blocks};
use super::form_geometry::*;
use super::form_paint::{cell, paint_block, place_label, pt_to_mm};
use super::labels;
use super::layout::{EM_ASCENT, Page, TextRun, TextWeight};
use super::text_fit::{
    self, Advance, Fitted, centred_run, lines_height, shrink_to_fit, text_width, wrap,
};

/// One copy without its mark.
pub(super) fn layout_one_copy(data: &FilingFormData, title: &str, font: &dyn Advance) -> Vec<Page> {
    let mut flow = Flow::new(title, font);
    let notes_height = paint_notes(&mut Page::a4(), 0.0, font);
    let mut blocks = build_blocks(data, font);
    let others: f32 = blocks.iter().map(Block::height).sum();
    let first_height = opinion_height(flow.table_top + others, notes_height);
    for (label, stamp) in [
        (labels::UNIT_OPINION, true),
        (labels::NEWS_CENTER_OPINION, false),
        (labels::PROPAGANDA_OPINION, true),
    ] {
        blocks.push(Block::Opinion {
            label,
            stamp,
            height: first_height,
        });
    }

    let mut queue: VecDeque<Block> = blocks.into();
    while let Some(block) = queue.pop_front() {
        let mut height = block.height();
        // The three opinions and the notes stay together: signatures belong on one sheet.
        if block.is_opinion() && !flow.previous_was_opinion {
            height += queue
                .iter()
                .filter(|b| b.is_opinion())
                .map(Block::height)
                .sum::<f32>()
                + NOTES_GAP
                + notes_height;
        }
        if flow.y + height > CONTENT_BOTTOM {
            let room = CONTENT_BOTTOM - flow.y;
            if let Some((head, tail)) = block.split(room) {
                queue.push_front(tail);
                queue.push_front(head);
                continue;
            }
            if flow.previous.is_some() {
                flow.next_page();
                queue.push_front(block);
                if !flow.previous_was_opinion && queue.front().is_some_and(Block::is_opinion) {
                    // Alone on a fresh page, the opinions may take their full height again.
                    let h = opinion_height(flow.table_top, notes_height);
                    for b in queue.iter_mut() {
                        if let Block::Opinion { height, .. } = b {
                            *height = h;
                        }
                    }
                }
                continue;
            }
        }
        flow.place(&block);
    }
    flow.finish_table();
    flow.place_notes();
    flow.finish()
}

/// Each opinion row's share of what is left of the page below `used_to` (notes kept clear).
fn opinion_height(used_to: f32, notes_height: f32) -> f32 {
    let spare = CONTENT_BOTTOM - NOTES_GAP - notes_height - used_to;
    (spare / 3.0).clamp(OPINION_MIN, OPINION_MAX)
}

/// Places blocks top to bottom, page after page.
struct Flow<'a> {
    title: &'a str,
    font: &'a dyn Advance,
    pages: Vec<Page>,
    page: Page,
    table_top: f32,
    y: f32,
    previous: Option<bool>,
    previous_was_opinion: bool,
    team_top: Option<f32>,
}

impl<'a> Flow<'a> {
    fn new(title: &'a str, font: &'a dyn Advance) -> Self {
        let mut page = Page::a4();
        let table_top = paint_title(&mut page, title, font);
        Self {
            title,
            font,
            pages: Vec::new(),
            page,
            table_top,
            y: table_top,
            previous: None,
            previous_was_opinion: false,
            team_top: None,
        }
    }

    fn place(&mut self, block: &Block) {
        // Rows of 管理队伍 are separated only right of the spanning 管理队伍 cell.
        if let Some(previous_is_team) = self.previous {
            let from = if previous_is_team && block.is_team() {
                X_VALUE1
            } else {
                LEFT
            };
            self.page.push_line(from, self.y, RIGHT, self.y, INNER_RULE);
        }
        if block.is_team() {
            self.team_top.get_or_insert(self.y);
        } else {
            self.close_team_label();
        }
        paint_block(&mut self.page, block, self.y, self.font);
        self.y += block.height();
        self.previous = Some(block.is_team());
        self.previous_was_opinion = block.is_opinion();
    }

    fn close_team_label(&mut self) {
        if let Some(top) = self.team_top.take() {
            place_label(
                &mut self.page,
                labels::TEAM,
                cell(LEFT, X_VALUE1, top, self.y - top),
                self.font,
            );
        }
    }

    /// The outer frame of the table on the current page.
    fn finish_table(&mut self) {
        self.close_team_label();
        if self.previous.is_none() {
            return;
        }
        let (top, bottom) = (self.table_top, self.y);
        self.page.push_frame(LEFT, top, RIGHT, bottom, OUTER_RULE);
    }

    fn next_page(&mut self) {
        self.finish_table();
        let mut page = Page::a4();
        let continued = format!("{}{}", self.title, labels::CONTINUED);
        self.table_top = paint_title(&mut page, &continued, self.font);
        self.y = self.table_top;
        self.previous = None;
        self.previous_was_opinion = false;
        self.pages.push(std::mem::replace(&mut self.page, page));
    }

    fn place_notes(&mut self) {
        let mut notes = Page::a4();
        let bottom = paint_notes(&mut notes, 0.0, self.font);
        let mut top = self.y + NOTES_GAP;
        if top + bottom > CONTENT_BOTTOM {
            self.next_page();
            top = self.y;
        }
        paint_notes(&mut self.page, top, self.font);
    }

    fn finish(mut self) -> Vec<Page> {
        self.pages.push(self.page);
        let total = self.pages.len();
        if total > 1 {
            for (i, page) in self.pages.iter_mut().enumerate() {
                page.push_text(centred_run(
                    labels::page_number(i + 1, total),
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

/// The title, centred and heavier; returns where the table starts.
pub(super) fn paint_title(page: &mut Page, title: &str, font: &dyn Advance) -> f32 {
    let width = RIGHT - LEFT;
    let mut fitted = shrink_to_fit(
        title,
        width,
        lines_height(1, TITLE_PT),
        TITLE_PT,
        TITLE_MIN_PT,
        font,
    )
    .unwrap_or_else(|| Fitted {
        lines: wrap(title, width, TITLE_MIN_PT, font),
        size_pt: TITLE_MIN_PT,
    });
    // An absurdly long school name must not push the table off the page.
    if fitted.lines.len() > MAX_TITLE_LINES {
        fitted.lines.truncate(MAX_TITLE_LINES);
        if let Some(last) = fitted.lines.last_mut() {
            last.text.pop();
            last.text.push('…');
            last.width = text_width(&last.text, fitted.size_pt, font);
        }
    }
    for (i, line) in fitted.lines.iter().enumerate() {
        page.push_text(TextRun {
            text: line.text.clone(),
            x: (LEFT + RIGHT - line.width) / 2.0,
            baseline: TITLE_BASELINE + i as f32 * fitted.pitch(),
            size_pt: fitted.size_pt,
            weight: TextWeight::Heavy,
            width: line.width,
            cell: None,
        });
    }
    let extra_lines = fitted.lines.len().saturating_sub(1) as f32;
    TITLE_BASELINE + extra_lines * fitted.pitch() + TITLE_TO_TABLE
}

/// 注：1. … 2. … under the table, numbers hanging; returns the bottom of the last line.
pub(super) fn paint_notes(page: &mut Page, top: f32, font: &dyn Advance) -> f32 {
    let run = |text: &str, x: f32, baseline: f32| TextRun {
        text: text.to_owned(),
        x,
        baseline,
        size_pt: NOTE_PT,
        weight: TextWeight::Regular,
        width: text_width(text, NOTE_PT, font),
        cell: None,
    };
    let number_x = LEFT + text_width(labels::NOTES_PREFIX, NOTE_PT, font);
    let number_width = [labels::NOTE_1_NUMBER, labels::NOTE_2_NUMBER]
        .iter()
        .map(|n| text_width(n, NOTE_PT, font))
        .fold(0.0, f32::max);
    let body_x = number_x + number_width + text_width(" ", NOTE_PT, font);
    let em = pt_to_mm(NOTE_PT);
    let pitch = em * text_fit::LINE_SPACING;
    let mut baseline = top + EM_ASCENT * em;
    page.push_text(run(labels::NOTES_PREFIX, LEFT, baseline));
    for (number, note) in [
        (labels::NOTE_1_NUMBER, labels::NOTE_1),
        (labels::NOTE_2_NUMBER, labels::NOTE_2),
    ] {
        page.push_text(run(number, number_x, baseline));
        for line in wrap(note, RIGHT - body_x, NOTE_PT, font) {
            page.push_text(run(&line.text, body_x, baseline));
            baseline += pitch;
        }
    }
    baseline - pitch + (1.0 - EM_ASCENT) * em
}
