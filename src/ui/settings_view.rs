//! 设置: the school's name (printed forms, 第三条), the editable list of platform kinds, the
//! screening word lists and student/staff number patterns (第六条三, 第六条五), and where the
//! data lives (a file with a one-click backup, or the school's server).

use eframe::egui::{self, RichText};

use super::app::Action;
use super::file_chooser::FileFor;
use super::theme;
use crate::domain::platform::PlatformKind;
use crate::store::{Settings, Store, StoreError};
use crate::text::footprint::{FACE_BUNDLED, FACE_OTHER};
use crate::text::{self, ui_common, ui_settings as wording};

#[derive(Default)]
pub struct SettingsView {
    school_name: String,
    protected_names: String,
    /// One copy mark per line.
    copy_marks: String,
    font_path: Option<std::path::PathBuf>,
    /// The window font being chosen, and the one saved (which the window draws with).
    window_font: Option<std::path::PathBuf>,
    saved_window_font: Option<std::path::PathBuf>,
    /// This computer's Chinese faces, looked for when the page is first shown.
    system_faces: Option<Vec<theme::SystemFace>>,
    change_report_days: u32,
    kinds: Vec<PlatformKind>,
    new_kind: String,
    new_kind_has_type: bool,
    error: Option<String>,
    pub(super) calendar: super::calendar_view::CalendarView,
    pub(super) words: super::words_view::WordsView,
    pub(super) database: super::database_section::DatabaseSection,
}

impl SettingsView {
    /// 保存设置 (the button, Ctrl+S): the general settings as typed; the screening patterns
    /// are edited under 审查词表 and kept as stored.
    pub(super) fn save(&self, store: &Store, actions: &mut Vec<Action>) -> Result<(), StoreError> {
        let stored = store.settings()?;
        actions.push(Action::SaveSettings(Box::new(Settings {
            school_name: self.school_name.clone(),
            protected_names: self
                .protected_names
                .split(wording::PROTECTED_NAME_SEPARATORS)
                .map(str::to_owned)
                .collect(),
            copy_marks: self.copy_marks.lines().map(str::to_owned).collect(),
            font_path: self.font_path.clone(),
            window_font: self.window_font.clone(),
            change_report_days: self.change_report_days,
            personal_data: stored.personal_data,
            backup_folder: stored.backup_folder,
        })));
        Ok(())
    }

    /// A font file chosen for the printed forms: kept when it is a usable face, else the
    /// reason is shown.
    pub fn font_chosen(&mut self, path: std::path::PathBuf) {
        match crate::ops::files::read_bytes(&path, crate::ops::documents::MAX_FONT_BYTES)
            .map_err(|e| e.to_string())
            .and_then(|b| crate::print::check_font_file(&b).map_err(|e| e.to_string()))
        {
            Ok(()) => {
                self.font_path = Some(path);
                self.error = None;
            }
            Err(e) => self.error = Some(e),
        }
    }

    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        let s = store.settings()?;
        self.school_name = s.school_name;
        self.protected_names = s.protected_names.join(ui_common::LIST_SEPARATOR);
        self.copy_marks = s.copy_marks.join("\n");
        self.font_path = s.font_path;
        self.window_font.clone_from(&s.window_font);
        self.saved_window_font = s.window_font;
        self.change_report_days = s.change_report_days;
        self.database.chosen_folder = s.backup_folder;
        self.database.stale();
        self.kinds = store.platform_kinds()?;
        self.calendar.reload(store)?;
        self.words.reload(store)?;
        Ok(())
    }

    /// 窗口字体: the bundled face or one of this computer's Chinese faces (read once, when the
    /// page is first drawn: a system collection can be 20 MB).
    fn window_font_row(&mut self, ui: &mut egui::Ui) {
        let faces = self
            .system_faces
            .get_or_insert_with(theme::system_chinese_faces);
        let chosen = self.window_font.as_deref().map_or(FACE_BUNDLED, |path| {
            faces
                .iter()
                .find(|f| f.path == path)
                .map_or(FACE_OTHER, |f| f.name)
        });
        let l = ui.label(wording::WINDOW_FONT_LABEL);
        ui.vertical(|ui| {
            egui::ComboBox::from_id_salt("window_font")
                .selected_text(chosen)
                .width(300.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.window_font, None, FACE_BUNDLED);
                    for face in faces.iter() {
                        ui.selectable_value(
                            &mut self.window_font,
                            Some(face.path.clone()),
                            face.name,
                        );
                    }
                })
                .response
                .labelled_by(l.id);
            ui.label(
                RichText::new(wording::WINDOW_FONT_HINT)
                    .color(theme::MUTED)
                    .small(),
            );
        });
    }

    /// The system face the saved settings choose for the window, if any.
    pub fn saved_window_font(&self) -> Option<&std::path::Path> {
        self.saved_window_font.as_deref()
    }

    /// 设置 → 数据库 (tests read its backup list).
    pub fn database(&self) -> &super::database_section::DatabaseSection {
        &self.database
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, store: &Store, actions: &mut Vec<Action>) {
        ui.heading(text::NAV_SETTINGS);
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(theme::DANGER));
        }
        ui.add_space(8.0);
        let mut read_error: Option<StoreError> = None;
        egui::Grid::new("settings")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let l = ui.label(wording::SCHOOL_NAME_LABEL);
                ui.add(egui::TextEdit::singleline(&mut self.school_name).desired_width(300.0))
                    .labelled_by(l.id)
                    .on_hover_text(wording::SCHOOL_NAME_HINT);
                ui.end_row();
                let l = ui.label(wording::PROTECTED_NAMES_LABEL);
                ui.vertical(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut self.protected_names).desired_width(300.0),
                    )
                    .labelled_by(l.id);
                    ui.label(
                        RichText::new(wording::PROTECTED_NAMES_HINT)
                            .color(theme::MUTED)
                            .small(),
                    );
                });
                ui.end_row();
                let l = ui.label(wording::COPY_MARKS_LABEL);
                ui.vertical(|ui| {
                    ui.add(
                        egui::TextEdit::multiline(&mut self.copy_marks)
                            .desired_rows(4)
                            .desired_width(300.0),
                    )
                    .labelled_by(l.id);
                    ui.label(
                        RichText::new(wording::COPY_MARKS_HINT)
                            .color(theme::MUTED)
                            .small(),
                    );
                });
                ui.end_row();
                let l = ui.label(wording::CHANGE_REPORT_DAYS_LABEL);
                ui.horizontal(|ui| {
                    ui.add(egui::DragValue::new(&mut self.change_report_days).range(1..=30))
                        .labelled_by(l.id);
                    ui.label(wording::CHANGE_REPORT_DAYS_UNIT);
                });
                ui.end_row();
                ui.label(wording::FONT_LABEL);
                ui.horizontal(|ui| {
                    match &self.font_path {
                        None => ui.label(wording::BUILT_IN_FONT),
                        Some(p) => ui.label(p.display().to_string()),
                    };
                    if ui.button(wording::CHOOSE_FONT).clicked() {
                        actions.push(Action::ChooseFile(FileFor::Font));
                    }
                    if self.font_path.is_some() && ui.button(wording::RESET_FONT).clicked() {
                        self.font_path = None;
                    }
                });
                ui.end_row();
                self.window_font_row(ui);
                ui.end_row();
                ui.label("");
                if ui.button(wording::SAVE_SETTINGS).clicked() {
                    read_error = self.save(store, actions).err();
                }
                ui.end_row();
            });
        ui.separator();
        ui.label(RichText::new(wording::KINDS).strong());
        egui::Grid::new("kinds")
            .num_columns(6)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                for (i, k) in self.kinds.iter().enumerate() {
                    ui.horizontal(|ui| {
                        ui.label(&k.name);
                        if !k.is_website
                            && ui
                                .small_button(ui_common::DELETE)
                                .on_hover_text(wording::DELETE_KIND_HINT)
                                .clicked()
                        {
                            actions.push(Action::DeletePlatformKind {
                                id: k.id,
                                name: k.name.clone(),
                            });
                        }
                    });
                    if i % 6 == 5 {
                        ui.end_row();
                    }
                }
            });
        ui.horizontal(|ui| {
            let l = ui.label(wording::NEW_KIND_LABEL);
            ui.add(egui::TextEdit::singleline(&mut self.new_kind).desired_width(160.0))
                .labelled_by(l.id);
            ui.checkbox(&mut self.new_kind_has_type, wording::NEW_KIND_HAS_TYPE);
            if ui.button(wording::ADD_KIND).clicked() {
                actions.push(Action::AddPlatformKind {
                    name: self.new_kind.clone(),
                    has_account_type: self.new_kind_has_type,
                });
            }
        });
        ui.separator();
        self.calendar.ui(ui, store, actions);
        ui.separator();
        egui::CollapsingHeader::new(RichText::new(text::WORDS_TITLE).strong())
            .id_salt("words_editor")
            .show(ui, |ui| self.words.ui(ui, store, actions));
        ui.separator();
        self.database.ui(ui, store, actions);
        if let Some(e) = read_error {
            self.error = Some(e.to_string());
        }
    }

    /// How a settings change applied by the app went: the message, or the reason kept on
    /// the page. A platform kind that was added clears its field.
    pub fn finish(
        &mut self,
        result: Result<String, StoreError>,
        kind_added: bool,
    ) -> Option<String> {
        match result {
            Ok(message) => {
                self.error = None;
                if kind_added {
                    self.new_kind.clear();
                }
                Some(message)
            }
            Err(e) => {
                self.error = Some(e.to_string());
                None
            }
        }
    }
}
