//! Fonts, colours and spacing in one place.

use std::sync::Arc;

use eframe::egui::{self, Color32, FontData, FontDefinitions, FontFamily};

/// Noto Sans CJK SC, the whole face: names use characters outside GB2312 (喆 堃 珺).
static CJK_SANS: &[u8] = include_bytes!("../../fonts/NotoSansCJKsc-Regular.otf");

pub const OK: Color32 = Color32::from_rgb(0x1e, 0x8e, 0x3e);
pub const WARN: Color32 = Color32::from_rgb(0xc2, 0x7c, 0x0e);
pub const DANGER: Color32 = Color32::from_rgb(0xc6, 0x28, 0x28);
pub const MUTED: Color32 = Color32::from_rgb(0x6b, 0x72, 0x80);
pub const ACCENT: Color32 = Color32::from_rgb(0x1a, 0x5f, 0xb4);

/// Installs the CJK font after egui's Latin fonts in every family, so Chinese never shows
/// as tofu anywhere (tables, dialogs, tooltips), and sets the house style.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "noto_sans_cjk_sc".to_owned(),
        Arc::new(FontData::from_static(CJK_SANS)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("noto_sans_cjk_sc".to_owned());
    }
    ctx.set_fonts(fonts);
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
