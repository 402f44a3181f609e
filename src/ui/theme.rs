//! Fonts, colours and spacing in one place.
//!
//! The window draws Chinese with the face the forms print in (Noto Serif CJK SC): the program
//! carries that one 16 MB face for both, not a second 16 MB sans face beside it, and the print
//! preview shows the very glyphs that print. Where the operating system already has a Chinese
//! face (微软雅黑/宋体, 苹方/宋体-简, Noto CJK), [`system_chinese_faces`] finds it and
//! [`install_with`] draws the window with it; the bundled face stays behind it for any
//! character the system face lacks, so names such as 喆 堃 珺 never show as boxes.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui::{self, Color32, FontData, FontDefinitions, FontFamily};
use skrifa::{FontRef, MetadataProvider};

use crate::text::footprint as words;

pub const OK: Color32 = Color32::from_rgb(0x1e, 0x8e, 0x3e);
pub const WARN: Color32 = Color32::from_rgb(0xc2, 0x7c, 0x0e);
pub const DANGER: Color32 = Color32::from_rgb(0xc6, 0x28, 0x28);
pub const MUTED: Color32 = Color32::from_rgb(0x6b, 0x72, 0x80);
pub const ACCENT: Color32 = Color32::from_rgb(0x1a, 0x5f, 0xb4);

/// A family holding only the print face, for painting a page exactly as it prints.
pub const PRINT_FAMILY: &str = "print";

const BUNDLED_KEY: &str = "noto_serif_cjk_sc";
const SYSTEM_KEY: &str = "system_cjk";

/// Where the window's Chinese glyphs come from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum WindowFont {
    /// The print face compiled into the program: always there, costs no extra memory.
    #[default]
    Bundled,
    /// A face of the operating system's own fonts.
    System(SystemFace),
}

/// A Chinese face found among the operating system's fonts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemFace {
    /// How the face is called in the settings, e.g. 「微软雅黑」.
    pub name: &'static str,
    pub path: PathBuf,
    /// The face within a collection (.ttc); 0 for a single-face file.
    pub index: u32,
}

/// Where the common systems keep their Chinese faces, sans faces (better for a window) first.
const SYSTEM_FACES: [(&str, &str); 10] = [
    (words::FACE_YAHEI, r"C:\Windows\Fonts\msyh.ttc"),
    (words::FACE_SIMSUN, r"C:\Windows\Fonts\simsun.ttc"),
    (words::FACE_PINGFANG, "/System/Library/Fonts/PingFang.ttc"),
    (
        words::FACE_SONGTI,
        "/System/Library/Fonts/Supplemental/Songti.ttc",
    ),
    (
        words::FACE_NOTO_SANS,
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ),
    (
        words::FACE_NOTO_SANS,
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    ),
    (
        words::FACE_NOTO_SANS,
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    ),
    (
        words::FACE_WQY,
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    ),
    (
        words::FACE_NOTO_SERIF,
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    ),
    (
        words::FACE_NOTO_SERIF,
        "/usr/share/fonts/google-noto-cjk/NotoSerifCJK-Regular.ttc",
    ),
];

/// The Chinese faces this computer has at the usual places, best for a window first. Only
/// the file's table directory and cmap are read, and only to pick the Simplified Chinese
/// face of a collection; nothing is kept.
pub fn system_chinese_faces() -> Vec<SystemFace> {
    SYSTEM_FACES
        .iter()
        .filter_map(|&(name, path)| {
            let path = Path::new(path);
            let bytes = std::fs::read(path).ok()?;
            Some(SystemFace {
                name,
                path: path.to_path_buf(),
                index: simplified_chinese_face(&bytes)?,
            })
        })
        .collect()
}

/// The window font the settings name: the system face at `path` when it still draws Chinese,
/// else the bundled face (no choice made, or the file was removed since).
pub fn window_font_at(path: Option<&Path>) -> WindowFont {
    let Some(path) = path else {
        return WindowFont::Bundled;
    };
    let name = SYSTEM_FACES
        .iter()
        .find(|(_, p)| Path::new(p) == path)
        .map_or(words::FACE_OTHER, |(name, _)| *name);
    let index = std::fs::read(path)
        .ok()
        .and_then(|bytes| simplified_chinese_face(&bytes));
    match index {
        Some(index) => WindowFont::System(SystemFace {
            name,
            path: path.to_path_buf(),
            index,
        }),
        None => WindowFont::Bundled,
    }
}

/// The face of a font file that draws Simplified Chinese: in a collection the regular "SC"
/// face (Noto CJK and 苹方 put JP, KR, SC, TC, HK faces in one file), else the first face that
/// has the characters; `None` when no face draws Chinese.
fn simplified_chinese_face(bytes: &[u8]) -> Option<u32> {
    let count = match skrifa::raw::FileRef::new(bytes).ok()? {
        skrifa::raw::FileRef::Collection(c) => c.len(),
        skrifa::raw::FileRef::Font(_) => 1,
    };
    let mut first_chinese = None;
    let mut first_sc = None;
    for index in 0..count.min(64) {
        let Ok(font) = FontRef::from_index(bytes, index) else {
            continue;
        };
        let charmap = font.charmap();
        if !words::FACE_PROBE.chars().all(|c| charmap.map(c).is_some()) {
            continue;
        }
        first_chinese.get_or_insert(index);
        let family = font
            .localized_strings(skrifa::string::StringId::FAMILY_NAME)
            .english_or_first()
            .map(|s| s.to_string())
            .unwrap_or_default();
        if family.split_whitespace().any(|w| w == "SC") {
            if font.attributes().weight == skrifa::attribute::Weight::NORMAL {
                return Some(index);
            }
            first_sc.get_or_insert(index);
        }
    }
    first_sc.or(first_chinese)
}

/// Installs the bundled Chinese face after egui's Latin fonts and sets the house style.
pub fn install(ctx: &egui::Context) {
    install_with(ctx, &WindowFont::Bundled);
}

/// Installs the chosen Chinese face after egui's Latin fonts in every family, so Chinese
/// never shows as tofu anywhere (tables, dialogs, tooltips), with the bundled face behind it;
/// a system face that can no longer be read falls back to the bundled one.
pub fn install_with(ctx: &egui::Context, font: &WindowFont) {
    ctx.set_fonts(font_definitions(font));
    ctx.set_theme(egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(10.0, 4.0);
        style.spacing.interact_size.y = 26.0;
        for (text_style, size) in [
            (egui::TextStyle::Body, 15.0),
            (egui::TextStyle::Button, 15.0),
            (egui::TextStyle::Small, 12.5),
            (egui::TextStyle::Monospace, 14.0),
            (egui::TextStyle::Heading, 22.0),
        ] {
            if let Some(font) = style.text_styles.get_mut(&text_style) {
                font.size = size;
            }
        }
    });
}

fn font_definitions(font: &WindowFont) -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    // Static bytes: egui reads the face in place; only the glyphs drawn are ever touched.
    fonts.font_data.insert(
        BUNDLED_KEY.to_owned(),
        Arc::new(FontData::from_static(crate::print::bundled_font_bytes())),
    );
    let mut chinese = vec![BUNDLED_KEY.to_owned()];
    if let WindowFont::System(face) = font
        && let Some(bytes) = read_system_face(face)
    {
        let mut data = FontData::from_owned(bytes);
        data.index = face.index;
        fonts
            .font_data
            .insert(SYSTEM_KEY.to_owned(), Arc::new(data));
        chinese.insert(0, SYSTEM_KEY.to_owned());
    }
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .extend(chinese.iter().cloned());
    }
    fonts.families.insert(
        FontFamily::Name(PRINT_FAMILY.into()),
        vec![BUNDLED_KEY.to_owned()],
    );
    fonts
}

/// The system face's file, if it still opens as a font drawing Chinese at its index.
fn read_system_face(face: &SystemFace) -> Option<Vec<u8>> {
    let bytes = std::fs::read(&face.path).ok()?;
    let font = FontRef::from_index(&bytes, face.index).ok()?;
    let charmap = font.charmap();
    if !words::FACE_PROBE.chars().all(|c| charmap.map(c).is_some()) {
        return None;
    }
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_draws_chinese_with_the_print_face_by_default() {
        let fonts = font_definitions(&WindowFont::Bundled);
        let proportional = &fonts.families[&FontFamily::Proportional];
        assert_eq!(proportional.last().map(String::as_str), Some(BUNDLED_KEY));
        assert!(!fonts.font_data.contains_key(SYSTEM_KEY));
        assert_eq!(
            fonts.families[&FontFamily::Name(PRINT_FAMILY.into())],
            vec![BUNDLED_KEY.to_owned()]
        );
    }

    #[test]
    fn a_system_face_goes_before_the_bundled_one_and_a_missing_one_is_skipped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("face.otf");
        std::fs::write(&path, crate::print::bundled_font_bytes()).expect("write");
        let face = SystemFace {
            name: words::FACE_NOTO_SERIF,
            path: path.clone(),
            index: 0,
        };
        let fonts = font_definitions(&WindowFont::System(face.clone()));
        let proportional = &fonts.families[&FontFamily::Proportional];
        let n = proportional.len();
        assert_eq!(proportional[n - 2..], [SYSTEM_KEY, BUNDLED_KEY]);

        let gone = SystemFace {
            path: dir.path().join("gone.ttc"),
            ..face
        };
        let fonts = font_definitions(&WindowFont::System(gone));
        assert!(!fonts.font_data.contains_key(SYSTEM_KEY));
    }

    #[test]
    fn the_saved_window_font_opens_as_a_system_face_or_falls_back_to_the_bundled_one() {
        assert_eq!(window_font_at(None), WindowFont::Bundled);
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("face.otf");
        std::fs::write(&path, crate::print::bundled_font_bytes()).expect("write");
        assert_eq!(
            window_font_at(Some(&path)),
            WindowFont::System(SystemFace {
                name: words::FACE_OTHER,
                path: path.clone(),
                index: 0,
            })
        );
        // Removed since it was chosen, or no Chinese in it: the bundled face.
        assert_eq!(
            window_font_at(Some(&dir.path().join("gone.ttc"))),
            WindowFont::Bundled
        );
        let latin = dir.path().join("hack.ttf");
        std::fs::write(&latin, epaint_default_fonts::HACK_REGULAR).expect("write");
        assert_eq!(window_font_at(Some(&latin)), WindowFont::Bundled);
    }

    #[test]
    fn the_simplified_chinese_face_of_a_file_is_found() {
        assert_eq!(
            simplified_chinese_face(crate::print::bundled_font_bytes()),
            Some(0)
        );
        assert_eq!(simplified_chinese_face(b"not a font"), None);
        // Latin only: no face draws Chinese.
        assert_eq!(
            simplified_chinese_face(epaint_default_fonts::HACK_REGULAR),
            None
        );
    }
}
