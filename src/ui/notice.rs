//! The window's one place for what just happened: a notice at the bottom right, over the page
//! rather than in it, so nothing below it moves when it comes and goes. A success fades after
//! a few seconds; an error stays until closed or replaced.
//!
//! Drawn with egui labels in an `Area` rather than with `egui-notify` (which paints its text
//! straight to a layer): labels are read by screen readers through AccessKit, and by the
//! window's tests.

use eframe::egui::{self, RichText};

use super::theme;
use crate::text::ui_window;

/// How long a success stays on screen, in seconds.
const SUCCESS_SECONDS: f64 = 8.0;

pub(super) struct Notice {
    pub(super) text: String,
    pub(super) is_error: bool,
    /// When it was first drawn (the context's clock), for fading a success.
    shown_at: Option<f64>,
}

impl Notice {
    pub(super) fn success(text: String) -> Self {
        Self {
            text,
            is_error: false,
            shown_at: None,
        }
    }

    pub(super) fn error(text: String) -> Self {
        Self {
            text,
            is_error: true,
            shown_at: None,
        }
    }
}

/// Draws the notice `lift` points above the window's bottom edge (above a bar at the
/// bottom); false once it should go (faded, or closed by the person).
pub(super) fn toast(ctx: &egui::Context, notice: &mut Notice, lift: f32) -> bool {
    let now = ctx.input(|i| i.time);
    let since = *notice.shown_at.get_or_insert(now);
    if !notice.is_error && now - since > SUCCESS_SECONDS {
        return false;
    }
    let mut keep = true;
    egui::Area::new(egui::Id::unique("mediadesk_notice"))
        .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0 - lift))
        .order(egui::Order::Foreground)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .stroke(egui::Stroke::new(
                    1.0,
                    if notice.is_error {
                        theme::DANGER
                    } else {
                        theme::OK
                    },
                ))
                .show(ui, |ui| {
                    ui.set_max_width(420.0);
                    ui.horizontal(|ui| {
                        let colour = if notice.is_error {
                            theme::DANGER
                        } else {
                            theme::OK
                        };
                        ui.add(egui::Label::new(RichText::new(&notice.text).color(colour)).wrap());
                        if ui
                            .small_button("×")
                            .on_hover_text(ui_window::CLOSE_NOTICE)
                            .clicked()
                        {
                            keep = false;
                        }
                    });
                });
        });
    if keep && !notice.is_error {
        // Wake up to fade it even when nothing else happens.
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(SUCCESS_SECONDS));
    }
    keep
}
