//! Dialogs that keep their place: centred over the window at a fixed size, so nothing moves
//! under the pointer while one types (a window that fitted its content grew with each
//! message and, anchored at the centre, moved its fields away from the next click).

use eframe::egui;

/// `window` centred over the app's window, `size` (its content) or what fits the screen.
pub fn centred<'open>(
    window: egui::Window<'open>,
    ctx: &egui::Context,
    size: egui::Vec2,
) -> egui::Window<'open> {
    let room = ctx.content_rect().size() - egui::vec2(48.0, 96.0);
    let size = size.min(room).max(egui::vec2(280.0, 160.0));
    window
        .collapsible(false)
        .resizable(false)
        .fixed_size(size)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
}

/// The first line of a centred dialog's contents: they take the whole fixed size, so the
/// window neither shrinks to a short form nor grows when a message appears.
pub fn fill(ui: &mut egui::Ui) {
    ui.set_min_size(ui.available_size());
}

/// `window` whose length follows its contents (a platform's history, often taller than the
/// screen): centred across, its top edge fixed near the top, so growing only lengthens it
/// downwards and nothing already shown moves.
pub fn from_top_centre<'open>(
    window: egui::Window<'open>,
    ctx: &egui::Context,
    width: f32,
) -> egui::Window<'open> {
    let screen = ctx.content_rect();
    let width = width.min(screen.width() - 48.0);
    window
        .collapsible(false)
        .default_width(width)
        .max_width(width)
        .fixed_pos(egui::pos2(
            screen.center().x - width / 2.0,
            screen.top() + 24.0,
        ))
}
