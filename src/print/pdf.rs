//! Turns page descriptions (the filing form, reports, notices) into one PDF through printpdf: the
//! font added once per document and subset to the glyphs used, real metadata instead of
//! printpdf's 1970 defaults.

use std::collections::BTreeSet;

use chrono::{Datelike, Local, Offset as _, Timelike};
use printpdf::{
    Color, FontId, Greyscale, Line as PdfLine, LineCapStyle, LineJoinStyle, LinePoint, Mm, Op,
    PaintMode, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon,
    PolygonRing, Pt, TextItem, TextMatrix, TextRenderingMode, WindingOrder,
};

use super::data::{FilingFormData, FormSettings};
use super::error::PrintError;
use super::filing_form::layout_copies;
use super::fonts::{self, FormFont};
use super::labels::{self, FILING_FORM_SUBJECT};
use super::layout::{Element, PT_PER_MM, Page, PointMm, TextWeight};

/// Outline width of heavy text, as a share of its size: enough to darken the title the way a
/// bold face would without embedding a second 24 MB font.
const HEAVY_STROKE_EM: f32 = 0.03;

const PRODUCER: &str = "MediaDesk";

/// All copies of one platform's form in one PDF.
pub fn render_filing_form(
    data: &FilingFormData,
    settings: &FormSettings,
) -> Result<Vec<u8>, PrintError> {
    render_filing_forms(std::slice::from_ref(data), settings, &mut |_, _| true)
}

/// The forms of many platforms (e.g. the annual review) in one PDF, all copies of each in turn.
/// `progress(done, total)` is called before the first form and after each one; returning
/// `false` cancels with [`PrintError::Cancelled`]. Writing the file happens after the last call.
///
/// Each form is laid out, turned into compact PDF operations (one text string per run) and
/// dropped before the next: only the PDF pages themselves accumulate.
pub fn render_filing_forms(
    forms: &[FilingFormData],
    settings: &FormSettings,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Vec<u8>, PrintError> {
    if forms.is_empty() {
        return Err(PrintError::NothingToPrint);
    }
    let total = forms.len();
    let font = fonts::font_for(settings)?;
    if !progress(0, total) {
        return Err(PrintError::Cancelled);
    }
    let mut writer = PdfWriter::new(&font, total * settings.copy_marks.len().max(1));
    for (i, form) in forms.iter().enumerate() {
        for page in layout_copies(form, settings, &*font) {
            writer.push(&page);
        }
        if !progress(i + 1, total) {
            return Err(PrintError::Cancelled);
        }
    }
    Ok(writer.finish(document_title(forms, settings), FILING_FORM_SUBJECT))
}

/// Any laid-out pages (a report, a notice) as one PDF: the font subset and embedded once,
/// `title` and `subject` in the metadata beside the creation date.
pub(crate) fn render_pages(
    pages: &[Page],
    font: &FormFont,
    title: String,
    subject: &str,
) -> Vec<u8> {
    let mut writer = PdfWriter::new(font, pages.len());
    for page in pages {
        writer.push(page);
    }
    writer.finish(title, subject)
}

/// Collects PDF pages and the characters they draw; the font is subset to exactly those
/// characters when the document is finished, so printpdf only ever sees the small subset.
struct PdfWriter<'a> {
    font: &'a FormFont,
    font_id: FontId,
    pages: Vec<PdfPage>,
    chars: BTreeSet<char>,
}

impl<'a> PdfWriter<'a> {
    fn new(font: &'a FormFont, expected_pages: usize) -> Self {
        Self {
            font,
            font_id: FontId("CJK".to_owned()),
            pages: Vec::with_capacity(expected_pages),
            chars: BTreeSet::new(),
        }
    }

    fn push(&mut self, page: &Page) {
        for text in page.texts() {
            self.chars.extend(text.text.chars());
        }
        self.pages.push(to_pdf_page(page, self.font, &self.font_id));
    }

    fn finish(self, title: String, subject: &str) -> Vec<u8> {
        let chars: Vec<char> = self.chars.into_iter().collect();
        let embedded = self.font.embedded(&chars);
        let program = embedded.parsed.original_bytes.clone();
        let mut doc = PdfDocument::new(&title);
        doc.resources
            .fonts
            .map
            .insert(self.font_id, PdfFont::new(embedded.parsed));
        doc.with_pages(self.pages);
        set_metadata(&mut doc, title, subject);
        // The font is already a subset: printpdf embeds it as it is. printpdf would compress
        // every stream at zlib's best level, which cost a cold print more than a millisecond
        // for a few per cent of size: the streams are compressed here instead (see `compress`).
        let options = PdfSaveOptions {
            subset_fonts: false,
            optimize: false,
            ..PdfSaveOptions::default()
        };
        let mut warnings = Vec::new();
        // The font program, the one large stream, is deflated on a second thread while
        // printpdf turns the pages into PDF objects (about half a millisecond each on one
        // filing form); without a thread it is deflated with the rest.
        let mut pdf = std::thread::scope(|scope| {
            let font = std::thread::Builder::new().spawn_scoped(scope, || {
                // What printpdf puts in the stream: a CID-keyed CFF face's bare table.
                let embedded = printpdf::font::extract_cid_keyed_cff(&program, 0)
                    .unwrap_or_else(|| program.clone());
                deflate(&embedded, FONT_PROGRAM_LEVEL).map(|deflated| (embedded, deflated))
            });
            let mut pdf = doc.to_lopdf_document(&options, &mut warnings);
            if let Some((embedded, deflated)) = font.ok().and_then(|f| f.join().ok().flatten()) {
                use_deflated(&mut pdf, &embedded, deflated);
            }
            pdf
        });
        // The pages' operators are in the lopdf objects now: for a batch of 2,000 pages they
        // need not stay beside them while the streams are deflated and written out.
        drop(doc);
        compress(&mut pdf);
        let mut bytes = Vec::new();
        // Writing into a Vec cannot fail; an empty result would be refused by the caller's
        // parse-back checks rather than saved.
        let _ = pdf.save_to(&mut bytes);
        bytes
    }
}

/// The font program's level: compact CFF or glyf data that deflate shrinks by about a sixth
/// whatever the level. Measured with the zlib-rs backend on one filing form's 40 KB program:
/// level 9 gives 33.6 KB in 0.86 ms, level 2 34.2 KB in 0.49 ms, level 1 only 38.6 KB.
const FONT_PROGRAM_LEVEL: u32 = 2;

/// Page contents (text operators, very repetitive): the default level compresses them as
/// well as the best one in two thirds of the time.
const CONTENT_LEVEL: u32 = 6;

/// `bytes` deflated, when that makes them smaller.
fn deflate(bytes: &[u8], level: u32) -> Option<Vec<u8>> {
    use std::io::Write as _;

    use flate2::{Compression, write::ZlibEncoder};

    let mut encoder =
        ZlibEncoder::new(Vec::with_capacity(bytes.len() / 2), Compression::new(level));
    let deflated = encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .ok()?;
    (deflated.len() < bytes.len()).then_some(deflated)
}

/// Puts the already deflated `program` in place of the stream that holds it as it is.
fn use_deflated(pdf: &mut lopdf::Document, program: &[u8], deflated: Vec<u8>) {
    let stream = pdf.objects.values_mut().find_map(|object| match object {
        lopdf::Object::Stream(s) if !s.dict.has(b"Filter") && s.content == program => Some(s),
        _ => None,
    });
    if let Some(stream) = stream {
        stream.dict.set("Filter", "FlateDecode");
        stream.set_content(deflated);
    }
}

/// Deflates every stream not yet filtered: the font program (when its thread could not) at
/// [`FONT_PROGRAM_LEVEL`], everything else at [`CONTENT_LEVEL`].
fn compress(pdf: &mut lopdf::Document) {
    for object in pdf.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.has(b"Filter") {
            continue;
        }
        let is_font_program = stream.dict.has(b"Length1")
            || stream
                .dict
                .get(b"Subtype")
                .and_then(lopdf::Object::as_name)
                .is_ok_and(|name| name.starts_with(b"CIDFontType0C") || name == b"OpenType");
        let level = if is_font_program {
            FONT_PROGRAM_LEVEL
        } else {
            CONTENT_LEVEL
        };
        if let Some(deflated) = deflate(&stream.content, level) {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(deflated);
        }
    }
}

fn document_title(forms: &[FilingFormData], settings: &FormSettings) -> String {
    match forms {
        [one] if !one.account_name.trim().is_empty() => {
            let account = one.account_name.lines().next().unwrap_or_default().trim();
            labels::titled(&settings.title(), account)
        }
        _ => labels::copies_title(&settings.title(), forms.len()),
    }
}

fn set_metadata(doc: &mut PdfDocument, title: String, subject: &str) {
    let now = now();
    let info = &mut doc.metadata.info;
    info.document_title = title;
    info.subject = subject.to_owned();
    info.creator = PRODUCER.to_owned();
    info.producer = PRODUCER.to_owned();
    info.creation_date = now;
    info.modification_date = now;
    info.metadata_date = now;
}

/// Local time with its UTC offset, as the PDF's creation date.
fn now() -> printpdf::DateTime {
    let now = Local::now();
    let offset_minutes = now.offset().fix().local_minus_utc() / 60;
    let small = |v: u32| u8::try_from(v).unwrap_or(0);
    printpdf::DateTime {
        date: printpdf::Date {
            year: now.year(),
            month: small(now.month()),
            day: small(now.day()),
        },
        time: printpdf::Time {
            hour: small(now.hour()),
            minute: small(now.minute()),
            second: small(now.second().min(59)),
            millisecond: 0,
        },
        offset: printpdf::Offset {
            hours: i8::try_from(offset_minutes / 60).unwrap_or(0),
            minutes: i8::try_from(offset_minutes % 60).unwrap_or(0),
            seconds: 0,
            milliseconds: 0,
        },
    }
}

fn pt(mm: f32) -> Pt {
    Pt(mm * PT_PER_MM)
}

/// PDF space has its origin at the bottom left.
fn point(page: &Page, p: PointMm) -> Point {
    Point {
        x: pt(p.x),
        y: pt(page.height - p.y),
    }
}

fn path(page: &Page, points: &[PointMm], closed: bool) -> Op {
    Op::DrawLine {
        line: PdfLine {
            points: points
                .iter()
                .map(|p| LinePoint {
                    p: point(page, *p),
                    bezier: false,
                })
                .collect(),
            is_closed: closed,
        },
    }
}

/// How far a PDF viewer moves for `text` at `size_pt`: the sum of the widths the font's /W
/// array declares (see [`FormFont::pdf_width`]).
fn pt_width(font: &FormFont, text: &str, size_pt: f32) -> f32 {
    let thousandths: i64 = text.chars().map(|c| font.pdf_width(c)).sum();
    thousandths as f32 * size_pt / 1000.0
}

/// Rules of one width as one path of open subpaths (`m l m l … S`): one op instead of one per
/// rule, which is most of what a 2,000-page batch holds until printpdf writes it. printpdf ends
/// a polygon with `h`, closing its last subpath; a final single-point subpath takes that close,
/// and a degenerate subpath is not painted unless caps are round (ISO 32000-1, 8.5.3.2; ours
/// are square), so every rule keeps its square caps.
fn rules_op(page: &Page, rules: &[[PointMm; 2]]) -> Op {
    let ring = |points: &[PointMm]| PolygonRing {
        points: points
            .iter()
            .map(|p| LinePoint {
                p: point(page, *p),
                bezier: false,
            })
            .collect(),
    };
    match rules {
        [only] => path(page, only, false),
        _ => {
            let mut rings: Vec<PolygonRing> = rules.iter().map(|r| ring(r)).collect();
            if let Some([_, end]) = rules.last() {
                rings.push(ring(&[*end]));
            }
            Op::DrawPolygon {
                polygon: Polygon {
                    rings,
                    mode: PaintMode::Stroke,
                    winding_order: WindingOrder::NonZero,
                },
            }
        }
    }
}

/// Shapes first, then all text in one text object per weight change.
fn to_pdf_page(page: &Page, font: &FormFont, font_id: &FontId) -> PdfPage {
    let mut ops = vec![
        Op::SetOutlineColor {
            col: Color::Greyscale(Greyscale::new(0.0, None)),
        },
        Op::SetFillColor {
            col: Color::Greyscale(Greyscale::new(0.0, None)),
        },
        // Square caps close the corners where a horizontal and a vertical rule meet.
        Op::SetLineCapStyle {
            cap: LineCapStyle::ProjectingSquare,
        },
        Op::SetLineJoinStyle {
            join: LineJoinStyle::Round,
        },
    ];
    let mut stroke_width = None;
    let mut set_width = |ops: &mut Vec<Op>, width: f32| {
        if stroke_width != Some(width) {
            ops.push(Op::SetOutlineThickness { pt: pt(width) });
            stroke_width = Some(width);
        }
    };
    // Consecutive rules of one width become one path (see `rules_op`).
    let mut rules: Vec<[PointMm; 2]> = Vec::new();
    let mut rules_width = 0.0;
    for element in &page.elements {
        if !matches!(element, Element::Line(_) | Element::Text(_)) && !rules.is_empty() {
            ops.push(rules_op(page, &rules));
            rules.clear();
        }
        match element {
            Element::Line(l) => {
                if rules_width != l.width && !rules.is_empty() {
                    ops.push(rules_op(page, &rules));
                    rules.clear();
                }
                set_width(&mut ops, l.width);
                rules_width = l.width;
                rules.push([l.from, l.to]);
            }
            Element::Box(b) => {
                set_width(&mut ops, b.width);
                let r = b.rect;
                let corners = [
                    PointMm { x: r.x, y: r.y },
                    PointMm {
                        x: r.right(),
                        y: r.y,
                    },
                    PointMm {
                        x: r.right(),
                        y: r.bottom(),
                    },
                    PointMm {
                        x: r.x,
                        y: r.bottom(),
                    },
                ];
                ops.push(path(page, &corners, true));
            }
            Element::Polyline(p) => {
                set_width(&mut ops, p.width);
                ops.push(path(page, &p.points, false));
            }
            Element::Text(_) => {}
        }
    }
    if !rules.is_empty() {
        ops.push(rules_op(page, &rules));
    }

    let mut in_text = false;
    let mut size = None;
    let mut weight = TextWeight::Regular;
    // Baseline and where the last run ended, in points.
    let mut line_end: Option<(f32, f32)> = None;
    for text in page.texts() {
        if !in_text || text.weight != weight {
            if in_text {
                ops.push(Op::EndTextSection);
            }
            if text.weight == TextWeight::Heavy {
                ops.push(Op::SetOutlineThickness {
                    pt: Pt(text.size_pt * HEAVY_STROKE_EM),
                });
            }
            ops.push(Op::StartTextSection);
            ops.push(Op::SetTextRenderingMode {
                mode: match text.weight {
                    TextWeight::Regular => TextRenderingMode::Fill,
                    TextWeight::Heavy => TextRenderingMode::FillStroke,
                },
            });
            in_text = true;
            weight = text.weight;
            size = None;
        }
        if size != Some(text.size_pt) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id.clone()),
                size: Pt(text.size_pt),
            });
            size = Some(text.size_pt);
        }
        let origin = point(
            page,
            PointMm {
                x: text.x,
                y: text.baseline,
            },
        );
        // Text, not glyph ids: one string per run instead of one allocation per glyph; the
        // subset face maps each character to its glyph when the document is written.
        let run = TextItem::Text(text.text.clone());
        let width = pt_width(font, &text.text, text.size_pt);
        match (ops.last_mut(), line_end) {
            // Same line, size and weight: the run joins the previous one's TJ, the gap between
            // them as a TJ offset (thousandths of the size, negative moves right), measured
            // with the very widths the PDF declares, so it lands where the layout put it.
            (Some(Op::ShowText { items }), Some((baseline, end))) if baseline == origin.y.0 => {
                items.push(TextItem::Offset((end - origin.x.0) * 1000.0 / text.size_pt));
                items.push(run);
            }
            _ => {
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(origin.x, origin.y),
                });
                ops.push(Op::ShowText { items: vec![run] });
            }
        }
        line_end = Some((origin.y.0, origin.x.0 + width));
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    // An op is 128 bytes and a page ~170 of them; a batch holds every page until printpdf
    // writes the file, so the vector's spare growth room (up to half) is given back.
    ops.shrink_to_fit();
    PdfPage::new(Mm(page.width), Mm(page.height), ops)
}

#[cfg(test)]
mod tests {
    use super::use_deflated;

    #[test]
    fn a_deflated_program_replaces_only_the_stream_that_holds_it() {
        let mut pdf = lopdf::Document::with_version("1.3");
        let program = b"font program ".repeat(20);
        let font = pdf.add_object(lopdf::Stream::new(
            lopdf::Dictionary::new(),
            program.clone(),
        ));
        let page = pdf.add_object(lopdf::Stream::new(
            lopdf::Dictionary::new(),
            b"BT ET".to_vec(),
        ));
        use_deflated(&mut pdf, &program, vec![0x78, 0x9c, 1]);
        let stream = |id| pdf.get_object(id).and_then(lopdf::Object::as_stream).ok();
        let font = stream(font).expect("font stream");
        assert_eq!(font.content, vec![0x78, 0x9c, 1]);
        assert!(font.dict.has(b"Filter"));
        let page = stream(page).expect("page stream");
        assert_eq!(page.content, b"BT ET");
        assert!(!page.dict.has(b"Filter"));
    }
}
