//! A backend-neutral description of printed pages, in millimetres from the page's top-left
//! corner (y grows downwards), so the PDF writer and the window's preview paint the same thing.

/// A4 portrait.
pub const A4_WIDTH_MM: f32 = 210.0;
pub const A4_HEIGHT_MM: f32 = 297.0;

/// Points per millimetre (1 pt = 1/72 in).
pub const PT_PER_MM: f32 = 72.0 / 25.4;
/// Millimetres per point.
pub const MM_PER_PT: f32 = 25.4 / 72.0;

/// How far a CJK glyph's em box reaches above the baseline, in em. Chinese fonts draw every
/// ideograph inside an em box sitting 0.88 em above and 0.12 em below the baseline (Noto/Source
/// CJK's ideographic metrics), which is the box text must keep inside its cell.
pub const EM_ASCENT: f32 = 0.88;
/// How far the em box reaches below the baseline, in em.
pub const EM_DESCENT: f32 = 0.12;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PointMm {
    pub x: f32,
    pub y: f32,
}

/// An axis-aligned rectangle; `y` is its top edge.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RectMm {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl RectMm {
    pub fn new(x: f32, y: f32, width: f32, height: f32) -> Self {
        Self {
            x,
            y,
            width,
            height,
        }
    }

    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }

    /// Whether `inner` lies inside, allowing `tolerance` mm for rounding.
    pub fn contains(&self, inner: &RectMm, tolerance: f32) -> bool {
        inner.x >= self.x - tolerance
            && inner.y >= self.y - tolerance
            && inner.right() <= self.right() + tolerance
            && inner.bottom() <= self.bottom() + tolerance
    }

    /// The rectangle shrunk by `dx` left and right and `dy` top and bottom.
    pub fn inset(&self, dx: f32, dy: f32) -> RectMm {
        RectMm::new(
            self.x + dx,
            self.y + dy,
            (self.width - 2.0 * dx).max(0.0),
            (self.height - 2.0 * dy).max(0.0),
        )
    }
}

/// Regular body text, or the title's heavier face (the PDF fills and strokes the outline rather
/// than bundling a second 24 MB bold font; a preview may draw it twice, slightly offset).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextWeight {
    #[default]
    Regular,
    Heavy,
}

/// One line of text, already measured with the font's advance widths.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub text: String,
    /// Left end of the baseline.
    pub x: f32,
    pub baseline: f32,
    pub size_pt: f32,
    pub weight: TextWeight,
    /// Advance width of `text` at `size_pt`.
    pub width: f32,
    /// The table cell the text belongs to, if any: the text's [`TextRun::bounds`] stays inside it.
    pub cell: Option<RectMm>,
}

impl TextRun {
    pub fn size_mm(&self) -> f32 {
        self.size_pt * MM_PER_PT
    }

    /// The em boxes of the line's glyphs, i.e. the ink area for CJK text.
    pub fn bounds(&self) -> RectMm {
        let em = self.size_mm();
        RectMm::new(
            self.x,
            self.baseline - EM_ASCENT * em,
            self.width,
            (EM_ASCENT + EM_DESCENT) * em,
        )
    }
}

/// A straight rule (table line).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Line {
    pub from: PointMm,
    pub to: PointMm,
    /// Stroke width in mm.
    pub width: f32,
}

/// A stroked, unfilled rectangle (a check box).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StrokedRect {
    pub rect: RectMm,
    pub width: f32,
}

/// An open stroked path (the tick in a check box: the bundled font has no ☑ glyph).
#[derive(Debug, Clone, PartialEq)]
pub struct Polyline {
    pub points: Vec<PointMm>,
    pub width: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    Text(TextRun),
    Line(Line),
    Box(StrokedRect),
    Polyline(Polyline),
}

/// One printed page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub elements: Vec<Element>,
}

impl Page {
    pub fn a4() -> Self {
        Self {
            width: A4_WIDTH_MM,
            height: A4_HEIGHT_MM,
            elements: Vec::new(),
        }
    }

    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.elements.iter().filter_map(|e| match e {
            Element::Text(t) => Some(t),
            _ => None,
        })
    }

    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        self.elements.iter().filter_map(|e| match e {
            Element::Line(l) => Some(l),
            _ => None,
        })
    }

    /// All text in drawing order, one run per line of the result (for search and tests).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for t in self.texts() {
            out.push_str(&t.text);
            out.push('\n');
        }
        out
    }

    pub(crate) fn push_text(&mut self, run: TextRun) {
        if !run.text.is_empty() {
            self.elements.push(Element::Text(run));
        }
    }

    /// The four rules of a rectangle from (`left`, `top`) to (`right`, `bottom`): the heavier
    /// outer frame of a table's part on a page.
    pub(crate) fn push_frame(&mut self, left: f32, top: f32, right: f32, bottom: f32, width: f32) {
        for (x1, y1, x2, y2) in [
            (left, top, right, top),
            (left, bottom, right, bottom),
            (left, top, left, bottom),
            (right, top, right, bottom),
        ] {
            self.push_line(x1, y1, x2, y2, width);
        }
    }

    pub(crate) fn push_line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        self.elements.push(Element::Line(Line {
            from: PointMm { x: x1, y: y1 },
            to: PointMm { x: x2, y: y2 },
            width,
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containment_respects_every_edge() {
        let cell = RectMm::new(10.0, 10.0, 20.0, 10.0);
        let cases = [
            (RectMm::new(11.0, 11.0, 5.0, 5.0), true),
            (RectMm::new(9.0, 11.0, 5.0, 5.0), false),
            (RectMm::new(11.0, 9.0, 5.0, 5.0), false),
            (RectMm::new(26.0, 11.0, 5.0, 5.0), false),
            (RectMm::new(11.0, 16.0, 5.0, 5.0), false),
        ];
        for (inner, inside) in cases {
            assert_eq!(cell.contains(&inner, 0.0), inside, "{inner:?}");
        }
    }

    #[test]
    fn text_bounds_are_the_em_box() {
        let run = TextRun {
            text: "字".into(),
            x: 5.0,
            baseline: 20.0,
            size_pt: 72.0,
            weight: TextWeight::Regular,
            width: 25.4,
            cell: None,
        };
        let b = run.bounds();
        assert!((b.height - 25.4).abs() < 1e-4);
        assert!((b.bottom() - (20.0 + 0.12 * 25.4)).abs() < 1e-4);
    }
}
