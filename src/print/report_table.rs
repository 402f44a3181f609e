//! The ruled tables of the written reports: full-width bands of cells, each cell's text already
//! wrapped, so a band knows its height, grows with long values and can be split at a page
//! break without losing a line. Cells are drawn with the filing form's `place`, padding and
//! rules, so both documents look alike.

use super::form_geometry::{INNER_RULE, PAD_X};
use super::form_paint::{Align, place};
use super::labels;
use super::layout::{Element, Page, RectMm, TextWeight};
use super::report_geometry::*;
use super::report_labels;
use super::text_fit::{Advance, Fitted, lines_height, lines_that_fit, shrink_to_fit, wrap};

/// Rounding slack when comparing heights (mm).
const EPSILON: f32 = 1e-3;

#[derive(Clone)]
pub(super) struct Cell {
    x0: f32,
    x1: f32,
    text: Fitted,
    align: Align,
    /// What the cell shows on the band's continuation once its own lines are used up: a
    /// label or a row's 变更事项 again, marked （续）, so the reader knows which row goes on.
    continued: Option<Fitted>,
    /// A label keeps its lines together; a value may be split between pages line by line.
    whole: bool,
}

impl Cell {
    /// A fixed label, centred, keeping its own line breaks if a slight shrink allows it.
    pub(super) fn label(text: &str, x0: f32, x1: f32, font: &dyn Advance) -> Cell {
        let width = x1 - x0 - 2.0 * PAD_X;
        Cell {
            x0,
            x1,
            text: fit_label(text, width, font),
            align: Align::Center,
            continued: Some(fit_label(&continued(text), width, font)),
            whole: true,
        }
    }

    /// A value wrapped at the table's size; the row grows to hold it.
    pub(super) fn value(text: &str, x0: f32, x1: f32, font: &dyn Advance) -> Cell {
        Cell {
            x0,
            x1,
            text: Fitted {
                lines: wrap(text, x1 - x0 - 2.0 * PAD_X, TABLE_PT, font),
                size_pt: TABLE_PT,
            },
            align: Align::Auto,
            continued: None,
            whole: false,
        }
    }

    /// A value that names its row (a 变更事项): centred like a label and repeated, marked
    /// （续）, on the row's continuation.
    pub(super) fn row_name(text: &str, x0: f32, x1: f32, font: &dyn Advance) -> Cell {
        let mut cell = Cell::value(text, x0, x1, font);
        cell.align = Align::Center;
        if !text.trim().is_empty() {
            cell.continued = Some(Fitted {
                lines: wrap(
                    &continued(text.trim()),
                    x1 - x0 - 2.0 * PAD_X,
                    TABLE_PT,
                    font,
                ),
                size_pt: TABLE_PT,
            });
        }
        cell
    }

    fn with_lines(&self, text: Fitted) -> Cell {
        Cell {
            text,
            ..self.clone()
        }
    }
}

fn continued(text: &str) -> String {
    format!("{}{}", text, labels::CONTINUED)
}

fn fit_label(text: &str, width: f32, font: &dyn Advance) -> Fitted {
    let own_lines = lines_height(text.lines().count(), TABLE_PT);
    shrink_to_fit(text, width, own_lines, TABLE_PT, LABEL_MIN_PT, font).unwrap_or_else(|| Fitted {
        lines: wrap(text, width, LABEL_MIN_PT, font),
        size_pt: LABEL_MIN_PT,
    })
}

/// One row of a table, the table's full width.
#[derive(Clone)]
pub(super) struct Band {
    cells: Vec<Cell>,
    heavy: bool,
}

impl Band {
    fn new(cells: Vec<Cell>) -> Band {
        Band {
            cells,
            heavy: false,
        }
    }

    /// label | value across the table (变更原因, 停止运营日期 …).
    pub(super) fn label_value(label: &str, value: &str, font: &dyn Advance) -> Band {
        Band::new(vec![
            Cell::label(label, LEFT, X_LABEL_END, font),
            Cell::value(value, X_LABEL_END, RIGHT, font),
        ])
    }

    /// label | value | label | value, like the filing form's first rows.
    pub(super) fn pair(left: (&str, &str), right: (&str, &str), font: &dyn Advance) -> Band {
        Band::new(vec![
            Cell::label(left.0, LEFT, X_LABEL_END, font),
            Cell::value(left.1, X_LABEL_END, X_LABEL2, font),
            Cell::label(right.0, X_LABEL2, X_VALUE2, font),
            Cell::value(right.1, X_VALUE2, RIGHT, font),
        ])
    }

    /// 变更事项 | 变更前 | 变更后, printed heavier and repeated on every page the table runs to.
    pub(super) fn change_header(font: &dyn Advance) -> Band {
        let mut band = Band::new(vec![
            Cell::label(report_labels::CHANGE_ITEM, LEFT, X_LABEL_END, font),
            Cell::label(
                report_labels::CHANGE_BEFORE,
                X_LABEL_END,
                X_CHANGE_AFTER,
                font,
            ),
            Cell::label(report_labels::CHANGE_AFTER, X_CHANGE_AFTER, RIGHT, font),
        ]);
        band.heavy = true;
        band
    }

    /// One change: what changed, from what, to what.
    pub(super) fn change(field: &str, old: &str, new: &str, font: &dyn Advance) -> Band {
        Band::new(vec![
            Cell::row_name(field, LEFT, X_LABEL_END, font),
            Cell::value(old, X_LABEL_END, X_CHANGE_AFTER, font),
            Cell::value(new, X_CHANGE_AFTER, RIGHT, font),
        ])
    }

    pub(super) fn height(&self) -> f32 {
        self.cells
            .iter()
            .map(|c| c.text.height() + 2.0 * CELL_PAD_Y)
            .fold(ROW, f32::max)
    }

    /// The first part of the band that fits into `room` and the rest, every cell's lines
    /// divided at the same height; `None` when the whole band fits or not even one line does.
    pub(super) fn split(&self, room: f32) -> Option<(Band, Band)> {
        if room < ROW {
            return None;
        }
        let available = room - 2.0 * CELL_PAD_Y;
        let mut head = Vec::with_capacity(self.cells.len());
        let mut tail = Vec::with_capacity(self.cells.len());
        let mut anything_left = false;
        for cell in &self.cells {
            let Fitted { lines, size_pt } = &cell.text;
            let keep = if cell.whole {
                lines.len()
            } else {
                lines_that_fit(available, *size_pt).min(lines.len())
            };
            if lines_height(keep, *size_pt) > available + EPSILON {
                return None;
            }
            let rest = &lines[keep..];
            anything_left |= !rest.is_empty();
            head.push(cell.with_lines(Fitted {
                lines: lines[..keep].to_vec(),
                size_pt: *size_pt,
            }));
            let shown_below = if rest.is_empty() {
                cell.continued.clone().unwrap_or(Fitted {
                    lines: Vec::new(),
                    size_pt: *size_pt,
                })
            } else {
                Fitted {
                    lines: rest.to_vec(),
                    size_pt: *size_pt,
                }
            };
            tail.push(cell.with_lines(shown_below));
        }
        if !anything_left {
            return None;
        }
        let head = Band {
            cells: head,
            heavy: self.heavy,
        };
        let tail = Band {
            cells: tail,
            heavy: self.heavy,
        };
        Some((head, tail))
    }

    /// Draws the band with its top at `top`; the rule above it unless it opens the table (the
    /// frame draws that one).
    pub(super) fn paint(&self, page: &mut Page, top: f32, opens_table: bool) {
        let height = self.height();
        if !opens_table {
            page.push_line(LEFT, top, RIGHT, top, INNER_RULE);
        }
        let first_text = page.elements.len();
        for (i, cell) in self.cells.iter().enumerate() {
            if i > 0 {
                page.push_line(cell.x0, top, cell.x0, top + height, INNER_RULE);
            }
            let rect = RectMm::new(cell.x0, top, cell.x1 - cell.x0, height);
            place(page, &cell.text, rect, cell.align);
        }
        if self.heavy {
            for element in &mut page.elements[first_text..] {
                if let Element::Text(run) = element {
                    run.weight = TextWeight::Heavy;
                }
            }
        }
    }
}

/// A ruled table: its rows, and a header repeated at the top of every page it runs to.
#[derive(Clone, Default)]
pub(super) struct Table {
    pub(super) header: Option<Band>,
    pub(super) rows: Vec<Band>,
}

#[cfg(test)]
mod tests {
    use super::super::text_fit::tests::FakeFont;
    use super::*;

    fn texts(band: &Band) -> Vec<String> {
        band.cells
            .iter()
            .map(|c| {
                c.text
                    .lines
                    .iter()
                    .map(|l| l.text.as_str())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn a_long_value_grows_its_row_and_keeps_inside_its_column() {
        let short = Band::change("账号名称", "外院", "外国语学院", &FakeFont);
        assert!((short.height() - ROW).abs() < 1e-3);
        let long = Band::change("内容范围", &"很长的内容".repeat(20), "短", &FakeFont);
        assert!(long.height() > 3.0 * ROW);
        let old = &long.cells[1];
        assert!(old.text.lines.len() > 5);
        assert!(old.text.widest() <= old.x1 - old.x0 - 2.0 * PAD_X + 1e-3);
    }

    #[test]
    fn splitting_keeps_every_line_and_names_the_row_again() {
        let old: String = (0..400)
            .map(|i| char::from_u32(0xAC00 + i).unwrap_or('가'))
            .collect();
        let band = Band::change("管理员", &old, "新的管理员", &FakeFont);
        let (head, tail) = band.split(40.0).expect("splits");
        assert!(head.height() <= 40.0 + 1e-3);
        let (h, t) = (texts(&head), texts(&tail));
        assert_eq!(format!("{}{}", h[1], t[1]), old);
        assert_eq!(h[0], "管理员");
        assert_eq!(t[0], "管理员（续）");
        assert_eq!(h[2], "新的管理员");
        assert_eq!(t[2], "");
        assert!(band.split(band.height() + 1.0).is_none(), "fits whole");
        assert!(band.split(ROW - 0.5).is_none(), "no room for a line");
    }

    #[test]
    fn labels_keep_their_own_lines() {
        let band = Band::label_value(report_labels::CONTENT_DISPOSITION, "全部删除", &FakeFont);
        assert_eq!(band.cells[0].text.lines.len(), 2);
        assert_eq!(band.cells[0].text.size_pt, TABLE_PT);
    }
}
