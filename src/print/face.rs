//! One face of a font file, read lazily: the table directory and a few header fields when it
//! is opened, then only the cmap and hmtx entries of the characters a document uses. The
//! outlines are never parsed here (the subsetter copies the few it needs), so a cold process
//! pays microseconds for the 24 MB bundled face instead of the ~45 ms a whole parse cost.

use std::sync::Arc;

use skrifa::raw::{TableProvider, types::Tag};
use skrifa::string::StringId;
use skrifa::{FontRef, GlyphId, MetadataProvider};

/// The bytes of a font file (a collection's whole file, not one face's slice): the bundled
/// face compiled into the program, or a file the user chose.
#[derive(Clone)]
pub(crate) enum FaceBytes {
    Static(&'static [u8]),
    Shared(Arc<[u8]>),
}

impl FaceBytes {
    pub(crate) fn as_slice(&self) -> &[u8] {
        match self {
            Self::Static(bytes) => bytes,
            Self::Shared(bytes) => bytes,
        }
    }
}

/// How the face draws its glyphs; both are embedded as a CID font, with different programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outlines {
    /// PostScript outlines in a `CFF ` table (Noto CJK, Source Han, most .otf).
    Cff,
    /// TrueType outlines in `glyf`/`loca` (most .ttf and Windows' .ttc).
    TrueType,
}

/// What the PDF's font descriptor says about the face, read once when it is opened.
#[derive(Debug, Clone)]
pub(crate) struct FaceMetrics {
    pub units_per_em: u16,
    pub ascent: i16,
    pub descent: i16,
    /// Bounding box of all glyphs (head), in font units.
    pub bbox: [i16; 4],
    pub caret_slope_rise: i16,
    pub caret_slope_run: i16,
    /// OS/2 usWeightClass, 0 when the face has no OS/2 table.
    pub weight_class: u16,
    pub outlines: Outlines,
    /// The PostScript name (e.g. `NotoSerifCJKsc-Regular`), the PDF's /BaseFont.
    pub postscript_name: String,
}

/// A face that opened: its table directory lies inside the file and the tables a print needs
/// are there.
#[derive(Clone)]
pub(crate) struct Face {
    bytes: FaceBytes,
    index: u32,
    metrics: FaceMetrics,
}

/// Tables every printable face needs besides its outlines.
const REQUIRED_TABLES: [&[u8; 4]; 5] = [b"head", b"hhea", b"hmtx", b"maxp", b"cmap"];

impl Face {
    /// Opens face `index` of `bytes`; `None` for anything that cannot print: not a font, a
    /// table missing, or any table reaching past the end of the file (a truncated download
    /// or copy), so such a file is refused when it is chosen rather than when it prints.
    pub(crate) fn open(bytes: FaceBytes, index: u32) -> Option<Self> {
        let metrics = read_metrics(bytes.as_slice(), index)?;
        Some(Self {
            bytes,
            index,
            metrics,
        })
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        self.bytes.as_slice()
    }

    /// The face's index in its collection, 0 for a single-face file.
    pub(crate) fn index(&self) -> u32 {
        self.index
    }

    pub(crate) fn metrics(&self) -> &FaceMetrics {
        &self.metrics
    }

    /// Glyph id and advance (font units) of each character; glyph 0 (the missing-glyph box)
    /// for a character the face lacks. One pass over the cmap's binary search per call.
    pub(crate) fn glyphs(&self, chars: &[char]) -> Vec<(u16, u16)> {
        let Ok(font) = FontRef::from_index(self.bytes(), self.index) else {
            return vec![(0, 0); chars.len()];
        };
        let charmap = font.charmap();
        let hmtx = font.hmtx().ok();
        let advance = |gid: u16| {
            hmtx.as_ref()
                .and_then(|h| h.advance(GlyphId::new(u32::from(gid))))
                .unwrap_or(0)
        };
        chars
            .iter()
            .map(|c| {
                let gid = charmap
                    .map(*c)
                    .and_then(|g| u16::try_from(g.to_u32()).ok())
                    .unwrap_or(0);
                (gid, advance(gid))
            })
            .collect()
    }
}

/// Faces in a TrueType/OpenType collection (`ttcf`), 1 for a single face, 0 for neither.
pub(crate) fn face_count(bytes: &[u8]) -> u32 {
    match skrifa::raw::FileRef::new(bytes) {
        Ok(skrifa::raw::FileRef::Collection(c)) => c.len(),
        Ok(skrifa::raw::FileRef::Font(_)) => 1,
        Err(_) => 0,
    }
}

fn read_metrics(bytes: &[u8], index: u32) -> Option<FaceMetrics> {
    let font = FontRef::from_index(bytes, index).ok()?;
    let file_len = bytes.len();
    let records = font.table_directory().table_records();
    let inside = records.iter().all(|r| {
        usize::try_from(r.offset())
            .ok()
            .zip(usize::try_from(r.length()).ok())
            .and_then(|(offset, length)| offset.checked_add(length))
            .is_some_and(|end| end <= file_len)
    });
    if !inside
        || REQUIRED_TABLES
            .iter()
            .any(|tag| font.table_data(Tag::new(tag)).is_none())
    {
        return None;
    }
    let outlines = if font.table_data(Tag::new(b"CFF ")).is_some() {
        Outlines::Cff
    } else if font.table_data(Tag::new(b"glyf")).is_some()
        && font.table_data(Tag::new(b"loca")).is_some()
    {
        Outlines::TrueType
    } else {
        // CFF2 (variable .otf) and bitmap-only faces: the subsetter cannot embed them.
        return None;
    };
    let head = font.head().ok()?;
    let hhea = font.hhea().ok()?;
    font.hmtx().ok()?;
    if !font.charmap().has_map() || head.units_per_em() < 16 {
        return None;
    }
    let postscript_name = font
        .localized_strings(StringId::POSTSCRIPT_NAME)
        .english_or_first()
        .map(|s| {
            s.chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
                .collect::<String>()
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "CJKFont".to_owned());
    Some(FaceMetrics {
        units_per_em: head.units_per_em(),
        ascent: hhea.ascender().to_i16(),
        descent: hhea.descender().to_i16(),
        bbox: [head.x_min(), head.y_min(), head.x_max(), head.y_max()],
        caret_slope_rise: hhea.caret_slope_rise(),
        caret_slope_run: hhea.caret_slope_run(),
        weight_class: font.os2().map(|os2| os2.us_weight_class()).unwrap_or(0),
        outlines,
        postscript_name,
    })
}
