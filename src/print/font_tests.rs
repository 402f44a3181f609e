//! The print font: the bundled face read lazily, a custom font checked when it is chosen
//! (collections, missing characters, files cut short), and the subset cut from either.
// Test-only file: its parent declares it under #[cfg(test)], so the unwraps below never ship.

use std::sync::Arc;

use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::prelude::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, MetadataProvider};

use super::face::{Face, FaceBytes};
use super::fonts::{FormFont, bundled_font, font_for};
use super::subset::{UsedGlyph, embed};
use super::text_fit::Advance;
use super::*;

fn bundled() -> &'static [u8] {
    bundled_font_bytes()
}

fn custom(bytes: &[u8]) -> FormSettings {
    FormSettings {
        custom_font: Some(Arc::from(bytes)),
        ..FormSettings::default()
    }
}

/// A TrueType collection of `faces`, each face's tables copied after the header with their
/// offsets moved to count from the start of the file, as a .ttc has them.
pub(super) fn collection(faces: &[&[u8]]) -> Vec<u8> {
    let align = |n: usize| n.div_ceil(4) * 4;
    let header_len = 12 + 4 * faces.len();
    let mut out = Vec::new();
    out.extend_from_slice(b"ttcf");
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&u32::try_from(faces.len()).unwrap().to_be_bytes());
    let mut starts = Vec::new();
    let mut at = align(header_len);
    for face in faces {
        starts.push(at);
        at = align(at + face.len());
    }
    for start in &starts {
        out.extend_from_slice(&u32::try_from(*start).unwrap().to_be_bytes());
    }
    for (face, start) in faces.iter().zip(&starts) {
        out.resize(*start, 0);
        let mut copy = face.to_vec();
        let tables = usize::from(u16::from_be_bytes([copy[4], copy[5]]));
        for t in 0..tables {
            let field = 12 + 16 * t + 8;
            let offset = u32::from_be_bytes(copy[field..field + 4].try_into().unwrap());
            let moved = offset + u32::try_from(*start).unwrap();
            copy[field..field + 4].copy_from_slice(&moved.to_be_bytes());
        }
        out.extend_from_slice(&copy);
    }
    out
}

/// Pen commands of a glyph's outline, rounded, to compare a subset's glyph with the original.
#[derive(Default)]
struct Commands(Vec<(char, i32, i32)>);

impl OutlinePen for Commands {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.push(('M', x.round() as i32, y.round() as i32));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.push(('L', x.round() as i32, y.round() as i32));
    }
    fn quad_to(&mut self, _: f32, _: f32, x: f32, y: f32) {
        self.0.push(('Q', x.round() as i32, y.round() as i32));
    }
    fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, x: f32, y: f32) {
        self.0.push(('C', x.round() as i32, y.round() as i32));
    }
    fn close(&mut self) {
        self.0.push(('Z', 0, 0));
    }
}

pub(super) fn outline(font: &FontRef, gid: u16) -> Vec<(char, i32, i32)> {
    let glyph = font
        .outline_glyphs()
        .get(GlyphId::new(u32::from(gid)))
        .expect("glyph in the font");
    let mut pen = Commands::default();
    glyph
        .draw(
            DrawSettings::unhinted(Size::unscaled(), LocationRef::default()),
            &mut pen,
        )
        .expect("draws");
    pen.0
}

fn used(font: &FormFont, text: &str) -> Vec<UsedGlyph> {
    let mut chars: Vec<char> = text.chars().collect();
    chars.sort_unstable();
    chars.dedup();
    chars
        .into_iter()
        .map(|ch| {
            let g = font.glyph(ch);
            UsedGlyph {
                ch,
                id: g.id,
                advance: g.advance,
            }
        })
        .collect()
}

#[test]
fn bundled_font_covers_the_form_and_measures_cjk_as_one_em() {
    let font = bundled_font().expect("bundled font opens");
    assert!(
        labels::all_fixed_text()
            .chars()
            .all(|c| c.is_whitespace() || font.has_char(c))
    );
    assert!((font.advance_em('备') - 1.0).abs() < 1e-3);
    let digit = font.advance_em('8');
    assert!(digit > 0.3 && digit < 0.8, "digit advance {digit}");
    assert!(
        !font.has_char('\u{2611}'),
        "no ☑ in Noto CJK: ticks are drawn as lines"
    );
}

#[test]
fn bundled_font_passes_its_own_check() {
    assert_eq!(check_font_file(bundled()), Ok(()));
}

#[test]
fn a_custom_font_is_checked_once_for_the_same_bytes() {
    let first = font_for(&custom(bundled())).expect("custom font");
    let again = font_for(&custom(bundled())).expect("custom font");
    assert!(
        Arc::ptr_eq(&first, &again),
        "same bytes in a new buffer: no second check"
    );
    assert!(first.has_char('备'));
}

#[test]
fn files_that_are_not_fonts_are_refused() {
    let cases: [&[u8]; 5] = [
        b"",
        b"%PDF-1.7 not a font",
        b"ttcf\x00\x01\x00\x00\x00\x00\x00\x05garbage",
        b"OTTO\x00\x0a\x00\x80\x00\x03\x00\x20",
        &[0u8; 4096],
    ];
    for bytes in cases {
        let err = check_font_file(bytes).expect_err("refused");
        assert_eq!(err, PrintError::NotAFont);
        assert!(err.to_string().contains("不是可用的字体文件"));
    }
}

#[test]
fn a_font_cut_short_is_refused_when_chosen() {
    let full = bundled();
    for len in [full.len() / 2, full.len() - 4096, 300] {
        let err = check_font_file(&full[..len]).expect_err("truncated");
        assert_eq!(err, PrintError::NotAFont, "cut at {len}");
        assert!(err.to_string().contains("不是可用的字体文件"));
    }
}

#[test]
fn a_font_without_chinese_is_refused_with_the_missing_characters() {
    // Hack: a real TrueType face with Latin letters and digits only.
    let err = check_font_file(epaint_default_fonts::HACK_REGULAR).expect_err("refused");
    match &err {
        PrintError::FontMissingGlyphs { sample, count } => {
            assert!(*count > 50, "{count}");
            assert!(!sample.is_empty());
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(err.to_string().contains("缺少备案表要用的"));
}

#[test]
fn a_collection_prints_with_its_face_that_covers_the_form() {
    let ttc = collection(&[epaint_default_fonts::HACK_REGULAR, bundled()]);
    assert_eq!(check_font_file(&ttc), Ok(()));
    let font = font_for(&custom(&ttc)).expect("checked");
    assert!(font.has_char('喆'));
    assert!(format!("{font:?}").contains("index: 1"), "{font:?}");

    let latin_only = collection(&[epaint_default_fonts::HACK_REGULAR]);
    let err = check_font_file(&latin_only).expect_err("no face covers the form");
    assert!(
        matches!(err, PrintError::FontMissingGlyphs { .. }),
        "{err:?}"
    );

    // The Chinese face cut short inside the collection: only the Latin face opens.
    let cut = &ttc[..ttc.len() - 100_000];
    let err = check_font_file(cut).expect_err("truncated");
    assert!(
        matches!(err, PrintError::FontMissingGlyphs { .. }),
        "{err:?}"
    );
}

#[test]
fn unprintable_chars_lists_only_what_the_font_lacks() {
    let data = FilingFormData {
        unit_name: "外国语学院 \u{2611}".into(),
        ..Default::default()
    };
    let missing = unprintable_chars(&[data], &FormSettings::default()).expect("font");
    assert_eq!(missing, vec!['\u{2611}']);
}

#[test]
fn the_subset_keeps_the_outlines_of_names_outside_gb2312() {
    let font = bundled_font().expect("bundled");
    let original = FontRef::new(bundled()).expect("face");
    let glyphs = used(&font, "张喆珺堃备案表 0123");
    let embedded = embed(
        &Face::open(FaceBytes::Static(bundled()), 0).expect("face"),
        &glyphs,
    );
    assert!(embedded.is_subset);
    let program = &embedded.parsed.original_bytes;
    assert!(program.starts_with(b"OTTO"));
    assert!(
        program.len() < 40_000,
        "subset of 12 glyphs: {} bytes",
        program.len()
    );
    let subset = FontRef::new(program).expect("the subset is a font");
    assert_eq!(
        subset.maxp().expect("maxp").num_glyphs(),
        13,
        ".notdef + 12"
    );
    for name in ['张', '喆', '珺', '堃'] {
        let old = font.glyph(name).id;
        let new = embedded.parsed.codepoint_to_glyph[&u32::from(name)];
        let drawn = outline(&subset, new);
        assert!(drawn.len() > 10, "{name}: {} commands", drawn.len());
        assert_eq!(
            drawn,
            outline(&original, old),
            "{name} drawn as in the face"
        );
        assert_eq!(
            embedded.parsed.glyph_widths[&new],
            font.glyph(name).advance,
            "{name}: the PDF width is the advance the layout measured"
        );
    }
    let name = embedded.parsed.font_name.as_deref().expect("name");
    assert!(name.ends_with("+NotoSerifCJKsc-Regular"), "{name}");
}

#[test]
fn a_truetype_face_is_subset_too() {
    let face = Face::open(FaceBytes::Static(epaint_default_fonts::HACK_REGULAR), 0).expect("face");
    let font = FormFont::unchecked(face.clone());
    let embedded = embed(&face, &used(&font, "Hack 0123"));
    assert!(embedded.is_subset);
    let program = &embedded.parsed.original_bytes;
    assert!(program.starts_with(&[0, 1, 0, 0]), "a TrueType program");
    // Hinting programs (fpgm, prep, cvt) are kept whole.
    assert!(program.len() < 30_000, "{} bytes", program.len());
    let original = FontRef::new(epaint_default_fonts::HACK_REGULAR).expect("face");
    let subset = FontRef::new(program).expect("subset");
    let new = embedded.parsed.codepoint_to_glyph[&u32::from('k')];
    assert_eq!(
        outline(&subset, new),
        outline(&original, font.glyph('k').id)
    );
}
