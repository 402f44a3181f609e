//! The font forms are printed in: the bundled Noto Serif CJK SC, opened lazily once per process
//! (only the cmap and metrics of the characters used are read), or a user's own font after
//! checking, when it is chosen, that it has every character the form's fixed text needs and
//! that its glyphs can be cut out for embedding.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::data::{FilingFormData, FormSettings};
use super::error::PrintError;
use super::face::{Face, FaceBytes, face_count};
use super::labels;
use super::subset::{self, EmbeddedFont, UsedGlyph};
use super::text_fit::Advance;

/// 16 MB, single face, every character of Noto Serif CJK SC (its glyphs reached only through
/// layout substitutions, which nothing here applies, are cut: fonts/extract_fonts.py; the
/// program was 24 MB of face before). Compiled in uncompressed: the program maps it and
/// touches only the pages of the glyphs a document uses. The window draws with it too. A
/// `static`, not a `const`: a const is copied into every codegen unit that uses it, and the
/// release program carried the 24 MB twice.
static BUNDLED_FONT: &[u8] = include_bytes!("../../fonts/NotoSerifCJKsc-Regular.otf");

/// How many faces of a collection (.ttc) are looked at for one that covers the form.
const MAX_COLLECTION_FACES: u32 = 32;

/// The bundled face's file, for the window to draw with the same face the forms print in.
pub fn bundled_font_bytes() -> &'static [u8] {
    BUNDLED_FONT
}

/// A face plus what layout needs to measure text with it.
pub(crate) struct FormFont {
    face: Face,
    /// Glyph id and advance per character already looked up: layout asks for the same few
    /// hundred characters over and over, each cmap search happens once.
    glyphs: Mutex<HashMap<char, Glyph>>,
}

/// A character's glyph in the full face and its advance in font units.
#[derive(Clone, Copy)]
pub(crate) struct Glyph {
    pub id: u16,
    pub advance: u16,
}

impl std::fmt::Debug for FormFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FormFont")
            .field("name", &self.face.metrics().postscript_name)
            .field("index", &self.face.index())
            .finish()
    }
}

impl FormFont {
    fn new(face: Face) -> Self {
        Self {
            face,
            glyphs: Mutex::new(HashMap::new()),
        }
    }

    /// A face used as it is, without the custom-font check (tests of faces that would fail it).
    #[cfg(test)]
    pub(crate) fn unchecked(face: Face) -> Self {
        Self::new(face)
    }

    /// Whether the face draws `c` with a real glyph rather than the missing-glyph box.
    #[cfg(test)]
    pub(crate) fn has_char(&self, c: char) -> bool {
        self.glyph(c).id != 0
    }

    /// A character the face lacks is glyph 0 (the missing-glyph box), measured as such.
    pub(crate) fn glyph(&self, c: char) -> Glyph {
        self.glyphs_of(&[c])[0]
    }

    /// The glyphs of `chars` in order, looking up those not seen before in one pass.
    fn glyphs_of(&self, chars: &[char]) -> Vec<Glyph> {
        let mut cache = self.glyphs.lock().unwrap_or_else(PoisonError::into_inner);
        let mut unseen: Vec<char> = chars
            .iter()
            .copied()
            .filter(|c| !cache.contains_key(c))
            .collect();
        if !unseen.is_empty() {
            unseen.sort_unstable();
            unseen.dedup();
            for (c, (id, advance)) in unseen.iter().zip(self.face.glyphs(&unseen)) {
                cache.insert(*c, Glyph { id, advance });
            }
        }
        chars
            .iter()
            .map(|c| cache.get(c).copied().unwrap_or(Glyph { id: 0, advance: 0 }))
            .collect()
    }

    /// The width a PDF viewer advances for `c`, in thousandths of an em: the /W entry printpdf
    /// writes (the advance scaled and truncated as it does it), or the default 1000 for a
    /// character the face lacks, which has no entry.
    pub(crate) fn pdf_width(&self, c: char) -> i64 {
        let g = self.glyph(c);
        if g.id == 0 {
            return 1000;
        }
        let units_per_em = f32::from(self.face.metrics().units_per_em);
        (f32::from(g.advance) * 1000.0 / units_per_em) as i64
    }

    /// The font program and face description a PDF drawing `chars` embeds: the face subset
    /// to exactly their glyphs, with the advances the layout measured them with.
    pub(crate) fn embedded(&self, chars: &[char]) -> EmbeddedFont {
        subset::embed(&self.face, &self.used(chars))
    }

    fn used(&self, chars: &[char]) -> Vec<UsedGlyph> {
        chars
            .iter()
            .zip(self.glyphs_of(chars))
            .map(|(ch, g)| UsedGlyph {
                ch: *ch,
                id: g.id,
                advance: g.advance,
            })
            .collect()
    }
}

impl Advance for FormFont {
    fn advance_em(&self, c: char) -> f32 {
        f32::from(self.glyph(c).advance) / f32::from(self.face.metrics().units_per_em)
    }
}

/// The bundled face, opened on first use and shared by every document afterwards.
pub(crate) fn bundled_font() -> Result<Arc<FormFont>, PrintError> {
    static FONT: OnceLock<Option<Arc<FormFont>>> = OnceLock::new();
    FONT.get_or_init(|| {
        Face::open(FaceBytes::Static(BUNDLED_FONT), 0).map(|face| Arc::new(FormFont::new(face)))
    })
    .clone()
    .ok_or(PrintError::BundledFontBroken)
}

/// The face the settings ask for. A custom font is checked again only when its bytes differ
/// from the recent ones' (settings are often rebuilt from the same file, so bytes are compared,
/// not buffers).
pub(crate) fn font_for(settings: &FormSettings) -> Result<Arc<FormFont>, PrintError> {
    match &settings.custom_font {
        None => bundled_font(),
        Some(bytes) => custom_font(bytes, || Arc::clone(bytes)),
    }
}

/// How many recently checked custom fonts stay open: the one in the settings and one or two
/// being tried in the settings dialog (or used by tests running side by side).
const RECENT_CUSTOM_FONTS: usize = 3;

fn custom_font(
    bytes: &[u8],
    owned: impl FnOnce() -> Arc<[u8]>,
) -> Result<Arc<FormFont>, PrintError> {
    static RECENT: Mutex<Vec<Arc<FormFont>>> = Mutex::new(Vec::new());
    let mut recent = RECENT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(at) = recent.iter().position(|font| font.face.bytes() == bytes) {
        let font = recent.remove(at);
        recent.insert(0, Arc::clone(&font));
        return Ok(font);
    }
    let font = Arc::new(load_checked(FaceBytes::Shared(owned()))?);
    recent.insert(0, Arc::clone(&font));
    recent.truncate(RECENT_CUSTOM_FONTS);
    Ok(font)
}

/// Refuses, when a font is chosen, what would fail or print holes later: a file that is not
/// a font or is cut short, a collection with no face that covers the form, a font missing any
/// character of the form's fixed text (labels, notes, default copy marks, digits), or one
/// whose glyphs cannot be cut out for embedding.
pub fn check_font_file(bytes: &[u8]) -> Result<(), PrintError> {
    // Through the cache: a font that passes is usually printed with right after.
    custom_font(bytes, || Arc::from(bytes)).map(|_| ())
}

/// Characters of these forms' values that the chosen font cannot draw (they would print as
/// empty boxes), each once, for a warning before printing; whitespace is ignored. All forms
/// at once: a custom font is found by comparing its bytes, once per call.
pub fn unprintable_chars(
    forms: &[FilingFormData],
    settings: &FormSettings,
) -> Result<Vec<char>, PrintError> {
    let mut texts: Vec<&str> = settings.copy_marks.iter().map(String::as_str).collect();
    for data in forms {
        texts.extend([
            data.unit_name.as_str(),
            &data.platform_kind,
            &data.account_name,
            &data.content_scope,
            &data.responsible_person,
            &data.responsible_mobile,
        ]);
        for (name, mobile) in &data.administrators {
            texts.push(name);
            texts.push(mobile);
        }
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
    let mut chars: Vec<char> = values
        .iter()
        .chain([&settings.school_name.as_str()])
        .flat_map(|t| t.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    chars.sort_unstable();
    chars.dedup();
    let glyphs = font.glyphs_of(&chars);
    Ok(chars
        .into_iter()
        .zip(glyphs)
        .filter(|(_, g)| g.id == 0)
        .map(|(c, _)| c)
        .collect())
}

/// Picks the first face (of a collection, or the only one) that covers the fixed text and
/// whose glyphs the subsetter can cut out.
fn load_checked(bytes: FaceBytes) -> Result<FormFont, PrintError> {
    let mut required: Vec<char> = labels::all_fixed_text()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    required.sort_unstable();
    required.dedup();

    let mut fewest_missing: Option<Vec<char>> = None;
    let mut covered_but_unembeddable = false;
    for index in 0..face_count(bytes.as_slice()).min(MAX_COLLECTION_FACES) {
        let Some(face) = Face::open(bytes.clone(), index) else {
            continue;
        };
        let font = FormFont::new(face);
        let missing: Vec<char> = required
            .iter()
            .zip(font.glyphs_of(&required))
            .filter(|(_, g)| g.id == 0)
            .map(|(c, _)| *c)
            .collect();
        if missing.is_empty() {
            if subset::can_subset(&font.face, &font.used(&required)) {
                return Ok(font);
            }
            covered_but_unembeddable = true;
            continue;
        }
        if fewest_missing
            .as_ref()
            .is_none_or(|best| missing.len() < best.len())
        {
            fewest_missing = Some(missing);
        }
    }
    match fewest_missing {
        Some(missing) if !covered_but_unembeddable => Err(PrintError::FontMissingGlyphs {
            sample: missing.iter().take(8).collect(),
            count: missing.len(),
        }),
        _ => Err(PrintError::NotAFont),
    }
}
