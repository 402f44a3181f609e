//! The keyboard: the window's shortcuts (Ctrl+S, Ctrl+N, Ctrl+F, Esc, F1), read once per frame
//! by the app, and Enter in a form, which each form asks about for itself.
//!
//! Enter is told apart from typing without touching each field: egui lets a one-line field go
//! when Enter is pressed in it and keeps a multi-line one focused, so "a field was focused when
//! the frame began, Enter was pressed, and no field is focused now" means Enter in a one-line
//! field; the form whose rectangle holds that field is the one submitted ([`entered`]).

use eframe::egui::{self, Id, Key, KeyboardShortcut, Modifiers, Rect};

/// The shortcuts pressed this frame (consumed, so no field also sees them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shortcuts {
    /// Ctrl+S (⌘S): save the open form (draft, platform, settings).
    pub save: bool,
    /// Ctrl+N (⌘N): a new platform or post where the page offers one.
    pub new: bool,
    /// Ctrl+F (⌘F): the search field of the page.
    pub find: bool,
    /// Esc: close the top dialog (asking first when there is typing).
    pub escape: bool,
    /// F1: the list of shortcuts.
    pub help: bool,
}

pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);

/// What the frame began with, kept in the context for [`entered`].
#[derive(Clone, Copy)]
struct FrameStart {
    focused: Option<Id>,
    enter: bool,
}

fn start_id() -> Id {
    Id::unique("mediadesk_keys_frame_start")
}

/// Reads the frame's shortcuts and notes what Enter needs; call before anything is drawn.
pub fn begin_frame(ctx: &egui::Context) -> Shortcuts {
    let start = FrameStart {
        focused: ctx.memory(|m| m.focused()),
        enter: ctx.input(|i| i.key_pressed(Key::Enter) && i.modifiers.is_none()),
    };
    ctx.data_mut(|d| d.insert_temp(start_id(), start));
    // Esc with a drop-down open closes the drop-down only.
    let popup = egui::Popup::is_any_open(ctx);
    ctx.input_mut(|i| Shortcuts {
        save: i.consume_shortcut(&SAVE),
        new: i.consume_shortcut(&NEW),
        find: i.consume_shortcut(&FIND),
        escape: i.key_pressed(Key::Escape) && !popup,
        help: i.consume_key(Modifiers::NONE, Key::F1),
    })
}

/// Whether Enter was pressed in a one-line field inside `form` this frame; call after the
/// form's fields are drawn.
pub fn entered(ctx: &egui::Context, form: Rect) -> bool {
    let Some(start) = ctx.data(|d| d.get_temp::<FrameStart>(start_id())) else {
        return false;
    };
    let Some(field) = start.focused.filter(|_| start.enter) else {
        return false;
    };
    if ctx.memory(|m| m.focused()).is_some() {
        return false;
    }
    ctx.read_response(field)
        .is_some_and(|r| form.expand(1.0).contains_rect(r.rect))
}

/// Gives the keyboard to the field `id` (Ctrl+F on a search field).
pub fn focus(ctx: &egui::Context, id: Id) {
    ctx.memory_mut(|m| m.request_focus(id));
}
