//! The font program a PDF embeds: the face cut down to the glyphs the document draws, with
//! typst's `subsetter`, before printpdf sees it. printpdf then embeds that small program as it
//! is (its own subsetting would first parse the whole 24 MB face, most of a cold print).

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

use printpdf::{FontMetrics, FontType, ParsedFont, PdfFontMetricsStub};
use subsetter::GlyphRemapper;

use super::face::{Face, Outlines};

/// One character the document draws: its glyph in the full face and that glyph's advance in
/// font units (the same advance the layout measured with).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct UsedGlyph {
    pub ch: char,
    pub id: u16,
    pub advance: u16,
}

/// What goes into the PDF for one document.
pub(crate) struct EmbeddedFont {
    pub parsed: ParsedFont,
    /// False only when subsetting failed (a custom font the subsetter cannot read although it
    /// passed the check) and the whole face went in instead, so the print still succeeds.
    pub is_subset: bool,
}

/// The face's program for exactly `used`, as a printpdf face whose character map and widths
/// are keyed by the subset's glyph ids. Characters the face lacks (glyph 0) stay unmapped and
/// print as the missing-glyph box, as the layout measured them.
pub(crate) fn embed(face: &Face, used: &[UsedGlyph]) -> EmbeddedFont {
    let mut ids: Vec<u16> = used.iter().map(|g| g.id).filter(|id| *id != 0).collect();
    ids.sort_unstable();
    ids.dedup();
    let remapper = GlyphRemapper::new_from_glyphs_sorted(&ids);
    let program = catch_unwind(AssertUnwindSafe(|| {
        subsetter::subset(face.bytes(), face.index(), &remapper)
    }));
    match program {
        Ok(Ok(program)) => {
            let name = format!("{}+{}", subset_tag(&ids), face.metrics().postscript_name);
            let parsed = parsed_font(face, program, 0, name, used, |id| remapper.get(id));
            EmbeddedFont {
                parsed,
                is_subset: true,
            }
        }
        _ => {
            // printpdf cuts a collection's face out itself when it embeds a whole font.
            let name = face.metrics().postscript_name.clone();
            let parsed = parsed_font(face, face.bytes().to_vec(), face.index(), name, used, Some);
            EmbeddedFont {
                parsed,
                is_subset: false,
            }
        }
    }
}

/// Whether the subsetter can cut this face at all: tried on the form's fixed text when a
/// custom font is chosen, so a font it cannot read is refused then, never at print time.
pub(crate) fn can_subset(face: &Face, used: &[UsedGlyph]) -> bool {
    embed(face, used).is_subset
}

/// printpdf's face description without its parser: every value comes from the face's
/// headers and the glyphs already looked up.
fn parsed_font(
    face: &Face,
    program: Vec<u8>,
    index: u32,
    name: String,
    used: &[UsedGlyph],
    new_id: impl Fn(u16) -> Option<u16>,
) -> ParsedFont {
    let m = face.metrics();
    let mut codepoint_to_glyph = BTreeMap::new();
    let mut glyph_widths = BTreeMap::new();
    for glyph in used {
        let Some(id) = new_id(glyph.id) else {
            continue;
        };
        glyph_widths.insert(id, glyph.advance);
        if glyph.id != 0 {
            codepoint_to_glyph.insert(u32::from(glyph.ch), id);
        }
    }
    ParsedFont {
        original_bytes: program,
        font_index: index,
        font_name: Some(name),
        codepoint_to_glyph,
        glyph_widths,
        units_per_em: m.units_per_em,
        font_metrics: FontMetrics {
            ascent: m.ascent,
            descent: m.descent,
        },
        font_type: match m.outlines {
            Outlines::Cff => FontType::OpenTypeCFF(()),
            Outlines::TrueType => FontType::TrueType,
        },
        pdf_font_metrics: PdfFontMetricsStub {
            units_per_em: m.units_per_em,
            x_min: m.bbox[0],
            y_min: m.bbox[1],
            x_max: m.bbox[2],
            y_max: m.bbox[3],
            caret_slope_rise: m.caret_slope_rise,
            caret_slope_run: m.caret_slope_run,
            us_weight_class: m.weight_class,
        },
    }
}

/// The six capital letters before a subset's name (ISO 32000-1, 9.6.4), derived from the
/// glyph set so the same document gets the same tag and different subsets differ.
fn subset_tag(ids: &[u16]) -> String {
    // FNV-1a: small, stable across Rust versions (std's hasher is not).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for id in ids {
        for byte in id.to_be_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6)
        .map(|i| {
            let letter = (hash >> (i * 8)) % 26;
            char::from(b'A' + u8::try_from(letter).unwrap_or(0))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subset_tag_is_six_capitals_and_follows_the_glyphs() {
        let a = subset_tag(&[1, 2, 3]);
        assert_eq!(a.len(), 6);
        assert!(a.chars().all(|c| c.is_ascii_uppercase()), "{a}");
        assert_eq!(a, subset_tag(&[1, 2, 3]));
        assert_ne!(a, subset_tag(&[1, 2, 4]));
    }
}
