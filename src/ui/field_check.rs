//! Field messages that wait their turn: a form shows a field's problem only once the field
//! was left or saving was tried, never while the first characters are typed. The message has
//! its own column beside the field, so it appears without pushing the fields below it down.

use std::collections::HashSet;
use std::hash::Hash;

use eframe::egui::{self, RichText};

use super::theme;

/// Which fields of one form were left, and whether saving was tried. Fields are named by
/// `K`: a short name, or the domain's `validation::Field`.
pub struct Touched<K = &'static str> {
    left: HashSet<K>,
    tried: bool,
}

impl<K> Default for Touched<K> {
    fn default() -> Self {
        Self {
            left: HashSet::new(),
            tried: false,
        }
    }
}

impl<K: Eq + Hash + Copy> Touched<K> {
    /// Saving was tried: every field's problem shows from now on.
    pub fn tried(&mut self) {
        self.tried = true;
    }

    /// A fresh form (after a save went through): nothing shows until touched again.
    pub fn reset(&mut self) {
        self.left.clear();
        self.tried = false;
    }

    /// Whether `field`'s problem is shown.
    pub fn shows(&self, field: K) -> bool {
        self.tried || self.left.contains(&field)
    }

    /// Notes that `field` was left, when `response` says so.
    pub fn note(&mut self, field: K, response: &egui::Response) {
        if response.lost_focus() {
            self.left.insert(field);
        }
    }

    /// One grid row: the label, a one-line field (hidden typing for a password) and, in the
    /// third column, the field's problem once it is due.
    pub fn row(
        &mut self,
        ui: &mut egui::Ui,
        field: K,
        label: &str,
        value: &mut String,
        password: bool,
        problem: Option<&str>,
    ) -> egui::Response {
        let l = ui.label(label);
        let response = ui
            .add(
                egui::TextEdit::singleline(value)
                    .password(password)
                    .desired_width(240.0),
            )
            .labelled_by(l.id);
        self.note(field, &response);
        self.message(ui, field, problem);
        ui.end_row();
        response
    }

    /// The third column of a row: the problem when it is due, else nothing.
    pub fn message(&self, ui: &mut egui::Ui, field: K, problem: Option<&str>) {
        match problem.filter(|_| self.shows(field)) {
            Some(p) => ui.label(RichText::new(p).color(theme::DANGER).small()),
            None => ui.label(""),
        };
    }
}

/// 「必填」 when `value` is blank.
pub fn required(value: &str) -> Option<&'static str> {
    value
        .trim()
        .is_empty()
        .then_some(crate::text::ui_people::FIELD_REQUIRED)
}

/// The second typing of a new password: 「两次输入的密码不一致」 when it differs.
pub fn same_again(password: &str, again: &str) -> Option<&'static str> {
    required(again).or((password != again).then_some(crate::text::ui_people::PASSWORDS_DIFFER))
}
