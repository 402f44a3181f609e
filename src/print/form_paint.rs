//! Drawing one band of the filing form's table into the page description: labels, values,
//! inner rules, the 账号类型 check boxes and the opinion cells' signature lines.

use super::data::ACCOUNT_TYPES;
use super::form_blocks::Block;
use super::form_geometry::*;
use super::labels;
use super::layout::{
    EM_ASCENT, Element, MM_PER_PT, Page, PointMm, Polyline, RectMm, StrokedRect, TextRun,
    TextWeight,
};
use super::text_fit::{Advance, Fitted, fit_or_grow, lines_height, shrink_to_fit, text_width};

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Align {
    Center,
    /// Centred when it fits on one line, else a left-aligned block.
    Auto,
}

/// Places fitted text centred vertically in `cell`.
pub(super) fn place(page: &mut Page, fitted: &Fitted, cell: RectMm, align: Align) {
    let top = cell.y + (cell.height - fitted.height()) / 2.0;
    let first_baseline = top + EM_ASCENT * fitted.size_mm();
    let centred = align == Align::Center || fitted.lines.len() == 1;
    for (i, line) in fitted.lines.iter().enumerate() {
        let x = if centred {
            cell.x + (cell.width - line.width) / 2.0
        } else {
            cell.x + PAD_X
        };
        page.push_text(TextRun {
            text: line.text.clone(),
            x,
            baseline: first_baseline + i as f32 * fitted.pitch(),
            size_pt: fitted.size_pt,
            weight: TextWeight::Regular,
            width: line.width,
            cell: Some(cell),
        });
    }
}

/// A fixed label, centred, keeping its own line breaks if a slight shrink allows it.
pub(super) fn place_label(page: &mut Page, label: &str, cell: RectMm, font: &dyn Advance) {
    let inner = cell.inset(PAD_X, PAD_Y);
    let own_lines = lines_height(label.lines().count(), BODY_PT);
    let fitted = shrink_to_fit(
        label,
        inner.width,
        own_lines,
        BODY_PT,
        LABEL_NO_WRAP_MIN_PT,
        font,
    )
    .unwrap_or_else(|| {
        fit_or_grow(
            label,
            inner.width,
            inner.height,
            BODY_PT,
            MIN_PT,
            MIN_PT,
            font,
        )
    });
    place(page, &fitted, cell, Align::Center);
}

pub(super) fn cell(x0: f32, x1: f32, top: f32, height: f32) -> RectMm {
    RectMm::new(x0, top, x1 - x0, height)
}

pub(super) fn vertical(page: &mut Page, x: f32, top: f32, height: f32) {
    page.push_line(x, top, x, top + height, INNER_RULE);
}

pub(super) fn paint_block(page: &mut Page, block: &Block, top: f32, font: &dyn Advance) {
    let h = block.height();
    match block {
        Block::Pair { left, right, .. } => {
            for x in [X_VALUE1, X_LABEL2, X_VALUE2] {
                vertical(page, x, top, h);
            }
            place_label(page, left.0, cell(LEFT, X_VALUE1, top, h), font);
            place(page, &left.1, cell(X_VALUE1, X_LABEL2, top, h), Align::Auto);
            place_label(page, right.0, cell(X_LABEL2, X_VALUE2, top, h), font);
            place(page, &right.1, cell(X_VALUE2, RIGHT, top, h), Align::Auto);
        }
        Block::Scope {
            scope,
            created,
            ticked,
            ..
        } => {
            for x in [X_VALUE1, X_LABEL2, X_VALUE2] {
                vertical(page, x, top, h);
            }
            let half = h / 2.0;
            page.push_line(X_LABEL2, top + half, RIGHT, top + half, INNER_RULE);
            place_label(
                page,
                labels::CONTENT_SCOPE,
                cell(LEFT, X_VALUE1, top, h),
                font,
            );
            place(page, scope, cell(X_VALUE1, X_LABEL2, top, h), Align::Auto);
            place_label(
                page,
                labels::CREATED_ON,
                cell(X_LABEL2, X_VALUE2, top, half),
                font,
            );
            place(page, created, cell(X_VALUE2, RIGHT, top, half), Align::Auto);
            place_label(
                page,
                labels::ACCOUNT_TYPE,
                cell(X_LABEL2, X_VALUE2, top + half, half),
                font,
            );
            paint_check_boxes(page, *ticked, cell(X_VALUE2, RIGHT, top + half, half), font);
        }
        Block::Team {
            role,
            name,
            mobile,
            mobile_label,
            ..
        } => {
            for x in [X_VALUE1, X_ROLE_END, X_LABEL2] {
                vertical(page, x, top, h);
            }
            place_label(page, role, cell(X_VALUE1, X_ROLE_END, top, h), font);
            place(page, name, cell(X_ROLE_END, X_LABEL2, top, h), Align::Auto);
            if *mobile_label {
                place_label(page, labels::MOBILE, cell(X_LABEL2, X_VALUE2, top, h), font);
            }
            place(page, mobile, cell(X_VALUE2, RIGHT, top, h), Align::Auto);
        }
        Block::Opinion { label, stamp, .. } => {
            vertical(page, X_VALUE1, top, h);
            place_label(page, label, cell(LEFT, X_VALUE1, top, h), font);
            paint_opinion_body(page, *stamp, cell(X_VALUE1, RIGHT, top, h), font);
        }
        Block::Overflow {
            label,
            lines,
            size_pt,
        } => {
            vertical(page, X_VALUE1, top, h);
            place_label(page, label, cell(LEFT, X_VALUE1, top, h), font);
            let fitted = Fitted {
                lines: lines.clone(),
                size_pt: *size_pt,
            };
            place(page, &fitted, cell(X_VALUE1, RIGHT, top, h), Align::Auto);
        }
    }
}

/// ☐订阅号 ☐服务号 ☐企业号, the platform's type ticked. The boxes and the tick are drawn
/// as lines because CJK fonts such as Noto lack ☑ and ☐.
pub(super) fn paint_check_boxes(
    page: &mut Page,
    ticked: Option<usize>,
    cell: RectMm,
    font: &dyn Advance,
) {
    let inner_width = cell.width - 2.0 * PAD_X;
    let total = |size: f32| {
        ACCOUNT_TYPES
            .iter()
            .map(|t| CHECK_BOX + CHECK_GAP + text_width(t, size, font))
            .sum::<f32>()
            + CHECK_ITEM_GAP * (ACCOUNT_TYPES.len() - 1) as f32
    };
    let mut size = BODY_PT;
    while size > MIN_PT && total(size) > inner_width {
        size -= 0.5;
    }
    let em = size * pt_to_mm(1.0);
    let centre_y = cell.y + cell.height / 2.0;
    let baseline = centre_y + (EM_ASCENT - 0.5) * em;
    let mut x = cell.x + ((cell.width - total(size)) / 2.0).max(PAD_X);
    for (i, label) in ACCOUNT_TYPES.iter().enumerate() {
        let square = RectMm::new(x, centre_y - CHECK_BOX / 2.0, CHECK_BOX, CHECK_BOX);
        page.elements.push(Element::Box(StrokedRect {
            rect: square,
            width: BOX_RULE,
        }));
        if ticked == Some(i) {
            let p = |dx: f32, dy: f32| PointMm {
                x: square.x + dx * CHECK_BOX,
                y: square.y + dy * CHECK_BOX,
            };
            page.elements.push(Element::Polyline(Polyline {
                points: vec![p(0.18, 0.52), p(0.42, 0.8), p(0.85, 0.18)],
                width: TICK_RULE,
            }));
        }
        x += CHECK_BOX + CHECK_GAP;
        let width = text_width(label, size, font);
        page.push_text(TextRun {
            text: (*label).to_owned(),
            x,
            baseline,
            size_pt: size,
            weight: TextWeight::Regular,
            width,
            cell: Some(cell),
        });
        x += width + CHECK_ITEM_GAP;
    }
}

pub(super) fn pt_to_mm(pt: f32) -> f32 {
    pt * MM_PER_PT
}

/// Blank room for the handwritten opinion, then 单位负责人签字： with room to sign,
/// （加盖单位公章） where a seal is required, and 年 月 日 with room for the digits.
pub(super) fn paint_opinion_body(page: &mut Page, stamp: bool, cell: RectMm, font: &dyn Advance) {
    let bottom = cell.bottom();
    let sign_x = cell.x + cell.width * 0.42;
    let mut lines = vec![(labels::SIGNATURE, if stamp { 20.0 } else { 14.0 })];
    if stamp {
        lines.push((labels::STAMP, 13.0));
    }
    for (text, above_bottom) in lines {
        page.push_text(TextRun {
            text: text.to_owned(),
            x: sign_x,
            baseline: bottom - above_bottom,
            size_pt: BODY_PT,
            weight: TextWeight::Regular,
            width: text_width(text, BODY_PT, font),
            cell: Some(cell),
        });
    }
    let mut x = cell.right() - 8.0;
    for text in [labels::DAY, labels::MONTH, labels::YEAR] {
        let width = text_width(text, BODY_PT, font);
        x -= width;
        page.push_text(TextRun {
            text: text.to_owned(),
            x,
            baseline: bottom - 5.0,
            size_pt: BODY_PT,
            weight: TextWeight::Regular,
            width,
            cell: Some(cell),
        });
        x -= 11.0;
    }
}
