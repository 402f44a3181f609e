//! The font forms are printed in: the bundled Noto Serif CJK SC, parsed once per process, or a
//! user's own font after checking that it has every character the form's fixed text needs.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use printpdf::ParsedFont;

use super::data::{FilingFormData, FormSettings};
use super::error::PrintError;
use super::labels;
use super::text_fit::Advance;

/// 24 MB, single face, full CJK coverage: parsing it costs ~50 ms, so it happens once.
const BUNDLED_FONT: &[u8] = include_bytes!("../../fonts/NotoSerifCJKsc-Regular.otf");

/// How many faces of a collection (.ttc) are looked at for one that covers the form.
const MAX_COLLECTION_FACES: usize = 32;

/// A parsed face plus what layout needs to measure text with it.
pub(crate) struct FormFont {
    parsed: ParsedFont,
    units_per_em: f32,
    /// Glyph id and advance per character already looked up. The face's own cmap lookup scans
    /// its ~44,000 format-12 groups one by one (tens of µs per ideograph), which made layout
    /// and PDF writing of a 2,000-page batch take seconds; each character now pays it once.
    glyphs: Mutex<HashMap<char, Glyph>>,
}

#[derive(Clone, Copy)]
pub(crate) struct Glyph {
    pub id: u16,
    pub advance_em: f32,
}

impl std::fmt::Debug for FormFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormFont")
            .field("name", &self.parsed.font_name)
            .field("units_per_em", &self.units_per_em)
            .finish()
    }
}

impl FormFont {
    pub(crate) fn parsed(&self) -> &ParsedFont {
        &self.parsed
    }

    /// Whether the face draws `c` with a real glyph rather than the missing-glyph box.
    pub(crate) fn has_char(&self, c: char) -> bool {
        self.glyph(c).id != 0
    }

    /// A character the face lacks is glyph 0 (the missing-glyph box), measured as such.
    pub(crate) fn glyph(&self, c: char) -> Glyph {
        let mut cache = self.glyphs.lock().unwrap_or_else(PoisonError::into_inner);
        *cache.entry(c).or_insert_with(|| {
            let id = self.parsed.lookup_glyph_index(u32::from(c)).unwrap_or(0);
            Glyph {
                id,
                advance_em: f32::from(self.parsed.get_horizontal_advance(id)) / self.units_per_em,
            }
        })
    }
}

impl Advance for FormFont {
    fn advance_em(&self, c: char) -> f32 {
        self.glyph(c).advance_em
    }
}

/// The bundled face, parsed on first use and shared by every document afterwards.
pub(crate) fn bundled_font() -> Result<Arc<FormFont>, PrintError> {
    static FONT: OnceLock<Option<Arc<FormFont>>> = OnceLock::new();
    FONT.get_or_init(|| parse_face(BUNDLED_FONT, 0).map(Arc::new))
        .clone()
        .ok_or(PrintError::BundledFontBroken)
}

/// The face the settings ask for. A custom font is parsed again only when its bytes differ
/// from the last one's (settings are often rebuilt from the same file, so bytes are compared,
/// not buffers).
pub(crate) fn font_for(settings: &FormSettings) -> Result<Arc<FormFont>, PrintError> {
    match &settings.custom_font {
        None => bundled_font(),
        Some(bytes) => custom_font(bytes),
    }
}

fn custom_font(bytes: &[u8]) -> Result<Arc<FormFont>, PrintError> {
    static LAST_CUSTOM: Mutex<Option<Arc<FormFont>>> = Mutex::new(None);
    let mut slot = LAST_CUSTOM.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(font) = slot.as_ref()
        && font
            .parsed
            .source_bytes()
            .is_some_and(|source| source.as_slice() == bytes)
    {
        return Ok(Arc::clone(font));
    }
    let font = Arc::new(load_checked(bytes)?);
    *slot = Some(Arc::clone(&font));
    Ok(font)
}

/// Refuses a file that is not a font, or a font missing any character of the form's fixed
/// text (labels, notes, default copy marks, digits), so a chosen font never prints holes.
pub fn check_font_file(bytes: &[u8]) -> Result<(), PrintError> {
    // Through the cache: a font that passes is usually printed with right after.
    custom_font(bytes).map(|_| ())
}

/// Characters of this form's values that the chosen font cannot draw (they would print as
/// empty boxes), for a warning before printing; whitespace is ignored.
pub fn unprintable_chars(
    data: &FilingFormData,
    settings: &FormSettings,
) -> Result<Vec<char>, PrintError> {
    let mut texts: Vec<&str> = vec![
        &data.unit_name,
        &data.platform_kind,
        &data.account_name,
        &data.content_scope,
        &data.responsible_person,
        &data.responsible_mobile,
    ];
    for (name, mobile) in &data.administrators {
        texts.push(name);
        texts.push(mobile);
    }
    for mark in &settings.copy_marks {
        texts.push(mark);
    }
    unprintable_chars_of(&texts, settings)
}

/// [`unprintable_chars`] for any document's values (e.g. a report's `printed_values()`); the
/// school's name is always checked too, since every document prints it.
pub fn unprintable_chars_of(
    values: &[&str],
    settings: &FormSettings,
) -> Result<Vec<char>, PrintError> {
    let font = font_for(settings)?;
    let mut missing: Vec<char> = values
        .iter()
        .chain([&settings.school_name.as_str()])
        .flat_map(|t| t.chars())
        .filter(|c| !c.is_whitespace() && !font.has_char(*c))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    Ok(missing)
}

/// Picks the first face (of a collection, or the only one) that covers the fixed text.
fn load_checked(bytes: &[u8]) -> Result<FormFont, PrintError> {
    let mut required: Vec<char> = labels::all_fixed_text()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    required.sort_unstable();
    required.dedup();

    let mut fewest_missing: Option<Vec<char>> = None;
    for index in 0..face_count(bytes) {
        let Some(font) = parse_face(bytes, index) else {
            continue;
        };
        let missing: Vec<char> = required
            .iter()
            .copied()
            .filter(|c| !font.has_char(*c))
            .collect();
        if missing.is_empty() {
            return Ok(font);
        }
        if fewest_missing
            .as_ref()
            .is_none_or(|best| missing.len() < best.len())
        {
            fewest_missing = Some(missing);
        }
    }
    match fewest_missing {
        None => Err(PrintError::NotAFont),
        Some(missing) => Err(PrintError::FontMissingGlyphs {
            sample: missing.iter().take(8).collect(),
            count: missing.len(),
        }),
    }
}

/// Faces in a TrueType/OpenType collection (`ttcf` header), else 1.
fn face_count(bytes: &[u8]) -> usize {
    match (bytes.get(..4), bytes.get(8..12)) {
        (Some(b"ttcf"), Some(&[a, b, c, d])) => {
            let n = u32::from_be_bytes([a, b, c, d]);
            usize::try_from(n)
                .unwrap_or(1)
                .clamp(1, MAX_COLLECTION_FACES)
        }
        _ => 1,
    }
}

/// Parses one face; `None` for anything unusable. The parser is third-party code fed a
/// user's file, so a panic inside it is caught and treated as "not a font".
fn parse_face(bytes: &[u8], index: usize) -> Option<FormFont> {
    let parsed = catch_unwind(AssertUnwindSafe(|| {
        let mut warnings = Vec::new();
        ParsedFont::from_bytes(bytes, index, &mut warnings)
    }))
    .ok()
    .flatten()?;
    let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em);
    if units_per_em < 16.0 || parsed.cmap_subtable.is_none() {
        return None;
    }
    Some(FormFont {
        parsed,
        units_per_em,
        glyphs: Mutex::new(HashMap::new()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_font_covers_the_form_and_measures_cjk_as_one_em() {
        let font = bundled_font().expect("bundled font parses");
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
        assert_eq!(check_font_file(BUNDLED_FONT), Ok(()));
    }

    #[test]
    fn a_custom_font_is_parsed_once_for_the_same_bytes() {
        let settings = |bytes: &[u8]| FormSettings {
            custom_font: Some(Arc::from(bytes)),
            ..FormSettings::default()
        };
        let first = font_for(&settings(BUNDLED_FONT)).expect("custom font");
        let again = font_for(&settings(BUNDLED_FONT)).expect("custom font");
        assert!(
            Arc::ptr_eq(&first, &again),
            "same bytes in a new buffer: no second parse"
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
    fn a_font_without_chinese_is_refused_with_the_missing_characters() {
        // A real OpenType font holding only Latin letters and digits: the bundled face
        // subset to those glyphs.
        let full = bundled_font().expect("bundled");
        let mut glyphs = std::collections::BTreeMap::new();
        for c in "ABCabc0123456789.".chars() {
            if let Some(gid) = full.parsed().lookup_glyph_index(u32::from(c)) {
                glyphs.insert(gid, c.to_string());
            }
        }
        let latin = printpdf::subset_font(full.parsed(), &glyphs).expect("subset");
        let err = check_font_file(&latin.bytes).expect_err("refused");
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
    fn unprintable_chars_lists_only_what_the_font_lacks() {
        let data = FilingFormData {
            unit_name: "外国语学院 \u{2611}".into(),
            ..Default::default()
        };
        let missing = unprintable_chars(&data, &FormSettings::default()).expect("font");
        assert_eq!(missing, vec!['\u{2611}']);
    }
}
