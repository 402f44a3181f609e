//! The print preview: the same page description the PDF is made from, painted with egui, so
//! a secretary catches a mistake before it reaches paper.

use eframe::egui::{self, Color32, FontFamily, FontId, Pos2, Rect, Stroke, Vec2};

use crate::print::{Element, Page, TextWeight};

/// Share of the em above the baseline for CJK faces (as the layout measures it).
const EM_ASCENT: f32 = 0.88;

/// Paints `page` scaled to the available width, on white paper with a shadow.
pub fn page_ui(ui: &mut egui::Ui, page: &Page) {
    let width = ui.available_width().min(640.0);
    let scale = width / page.width;
    let size = Vec2::new(width, page.height * scale);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let painter = ui.painter_at(rect.expand(4.0));
    painter.rect_filled(
        rect.translate(Vec2::splat(3.0)),
        0.0,
        Color32::from_gray(200),
    );
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let at = |x: f32, y: f32| Pos2::new(rect.left() + x * scale, rect.top() + y * scale);
    let ink = Color32::from_gray(20);
    for element in &page.elements {
        match element {
            Element::Line(l) => {
                painter.line_segment(
                    [at(l.from.x, l.from.y), at(l.to.x, l.to.y)],
                    Stroke::new((l.width * scale).max(0.6), ink),
                );
            }
            Element::Box(b) => {
                let r =
                    Rect::from_min_max(at(b.rect.x, b.rect.y), at(b.rect.right(), b.rect.bottom()));
                painter.rect_stroke(
                    r,
                    0.0,
                    Stroke::new((b.width * scale).max(0.6), ink),
                    egui::StrokeKind::Middle,
                );
            }
            Element::Polyline(p) => {
                let points = p.points.iter().map(|pt| at(pt.x, pt.y)).collect();
                painter.add(egui::Shape::line(
                    points,
                    Stroke::new((p.width * scale).max(0.8), ink),
                ));
            }
            Element::Text(t) => {
                let em = t.size_mm() * scale;
                let top = at(t.x, t.baseline - EM_ASCENT * t.size_mm());
                let font = FontId::new(em, FontFamily::Proportional);
                painter.text(top, egui::Align2::LEFT_TOP, &t.text, font.clone(), ink);
                if t.weight == TextWeight::Heavy {
                    painter.text(
                        top + Vec2::new(0.6, 0.0),
                        egui::Align2::LEFT_TOP,
                        &t.text,
                        font,
                        ink,
                    );
                }
            }
        }
    }
}
