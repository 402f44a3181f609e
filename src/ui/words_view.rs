//! 设置 › 审查词表: the word lists the screening uses (the twelve categories of 第六条五, the
//! internal-information markers of 第六条三, the allow list) and the school's student/staff
//! number patterns (第六条五第12项). Every edit names a reason and is saved by the store as a
//! new version, so who changed what, and why, can always be looked up.

use std::path::{Path, PathBuf};

use eframe::egui::{self, RichText};

use super::app::Action;
use super::theme;
use crate::domain::screening::{Category, PersonalDataSettings, Severity, validate_word};
use crate::store::{ALLOW_LIST, Store, StoreError};
use crate::text;

/// An imported word list larger than this is not a word list (and would stall the window).
const MAX_IMPORT_BYTES: u64 = 8 * 1024 * 1024;

/// How many problem lines of an import are listed; the rest are only counted.
const MAX_PROBLEMS_SHOWN: usize = 20;

/// Which list is being edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListChoice {
    Words(Category),
    Allow,
}

impl ListChoice {
    fn all() -> impl Iterator<Item = ListChoice> {
        Category::WITH_WORD_LIST
            .into_iter()
            .map(ListChoice::Words)
            .chain([ListChoice::Allow])
    }

    /// The list's key in the store (`word_list_versions`).
    fn key(self) -> &'static str {
        match self {
            Self::Words(category) => category.code(),
            Self::Allow => ALLOW_LIST,
        }
    }

    fn label(self) -> String {
        match self {
            Self::Words(category) => format!("{} {}", category.article(), category.label()),
            Self::Allow => text::WORDS_ALLOW_LIST.to_owned(),
        }
    }

    fn file_name(self) -> String {
        match self {
            Self::Words(category) => category
                .seed_file()
                .map_or_else(|| format!("{}.txt", category.code()), str::to_owned),
            Self::Allow => "allow.txt".to_owned(),
        }
    }
}

/// One saved version of a list: (version, who, why, when) as the store returns it.
type VersionRow = (i64, String, String, String);

/// The words editor's state. The list shown is a copy taken from the store on `reload` and
/// after every edit; edits themselves always go through the store.
pub struct WordsView {
    choice: ListChoice,
    /// Word and severity (none for the allow list) of the list shown.
    entries: Vec<(String, Option<Severity>)>,
    version: i64,
    versions: Vec<VersionRow>,
    filter: String,
    /// Indices into `entries` matching `filter`, recomputed only when either changes.
    shown: Vec<usize>,
    shown_filter: Option<String>,
    new_word: String,
    new_severity: Severity,
    reason: String,
    file_path: String,
    error: Option<String>,
    message: Option<String>,
    problems: Vec<String>,
    student_patterns: String,
    staff_patterns: String,
    pattern_error: Option<String>,
}

impl Default for WordsView {
    fn default() -> Self {
        Self {
            choice: ListChoice::Words(Category::IllegalHarmingNation),
            entries: Vec::new(),
            version: 0,
            versions: Vec::new(),
            filter: String::new(),
            shown: Vec::new(),
            shown_filter: None,
            new_word: String::new(),
            new_severity: Severity::Block,
            reason: String::new(),
            file_path: String::new(),
            error: None,
            message: None,
            problems: Vec::new(),
            student_patterns: String::new(),
            staff_patterns: String::new(),
            pattern_error: None,
        }
    }
}

impl WordsView {
    /// Re-reads the chosen list, its versions and the stored patterns. Typed but unsaved words
    /// and reasons are kept.
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.load_list(store)?;
        let patterns = store.settings()?.personal_data;
        self.student_patterns = patterns.student_number_patterns.join("\n");
        self.staff_patterns = patterns.staff_number_patterns.join("\n");
        Ok(())
    }

    fn load_list(&mut self, store: &Store) -> Result<(), StoreError> {
        let (entries, version) = match self.choice {
            ListChoice::Words(category) => {
                let (list, version) = store.word_list(category)?;
                let entries = list
                    .entries
                    .into_iter()
                    .map(|e| (e.word, Some(e.severity)))
                    .collect();
                (entries, version)
            }
            ListChoice::Allow => {
                let (list, version) = store.allow_list()?;
                (list.words.into_iter().map(|w| (w, None)).collect(), version)
            }
        };
        self.entries = entries;
        self.version = version;
        self.versions = store.word_list_versions(self.choice.key())?;
        self.shown_filter = None;
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, store: &mut Store, actions: &mut Vec<Action>) {
        ui.label(RichText::new(text::WORDS_INTRO).color(theme::MUTED).small());
        let mut outcome: Option<Result<String, String>> = None;
        self.choice_ui(ui, store);
        ui.horizontal(|ui| {
            let l = ui.label(text::WORDS_REASON);
            ui.add(
                egui::TextEdit::singleline(&mut self.reason)
                    .hint_text(text::WORDS_REASON_HINT)
                    .desired_width(320.0),
            )
            .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let l = ui.label(text::WORDS_NEW);
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.new_word).desired_width(200.0))
                .labelled_by(l.id);
            if self.choice != ListChoice::Allow {
                self.severity_ui(ui);
            }
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(text::WORDS_ADD).clicked() || enter {
                outcome = Some(self.add_word(store));
            }
        });
        ui.horizontal(|ui| {
            let l = ui.label(text::WORDS_FILE);
            ui.add(
                egui::TextEdit::singleline(&mut self.file_path)
                    .hint_text(text::WORDS_FILE_HINT)
                    .desired_width(320.0),
            )
            .labelled_by(l.id);
            if ui.button(text::WORDS_BROWSE).clicked()
                && let Some(path) = rfd::FileDialog::new()
                    .add_filter("文本文件", &["txt"])
                    .pick_file()
            {
                self.file_path = path.display().to_string();
            }
            if ui.button(text::WORDS_IMPORT).clicked() {
                outcome = Some(self.import(store));
            }
            if ui.button(text::WORDS_EXPORT).clicked() {
                outcome = Some(self.export(store));
            }
        });
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(theme::DANGER));
        }
        if let Some(m) = &self.message {
            ui.label(RichText::new(m).color(theme::OK));
        }
        for problem in &self.problems {
            ui.label(RichText::new(problem).color(theme::WARN).small());
        }
        if let Some(removal) = self.entries_ui(ui) {
            outcome = Some(self.remove_word(store, &removal));
        }
        self.versions_ui(ui);
        if let Some(result) = outcome {
            self.finish(result, store, actions);
        }
        ui.add_space(8.0);
        self.patterns_ui(ui, store, actions);
    }

    fn choice_ui(&mut self, ui: &mut egui::Ui, store: &Store) {
        let before = self.choice;
        ui.horizontal(|ui| {
            let l = ui.label(text::WORDS_LIST);
            egui::ComboBox::from_id_salt("words_list")
                .selected_text(self.choice.label())
                .width(380.0)
                // All fourteen lists at once, without a scroll bar inside the popup.
                .height(600.0)
                .show_ui(ui, |ui| {
                    for choice in ListChoice::all() {
                        ui.selectable_value(&mut self.choice, choice, choice.label());
                    }
                })
                .response
                .labelled_by(l.id);
        });
        if before != self.choice {
            self.error = None;
            self.message = None;
            self.problems.clear();
            if let Err(e) = self.load_list(store) {
                self.error = Some(e.to_string());
            }
        }
    }

    fn severity_ui(&mut self, ui: &mut egui::Ui) {
        let l = ui.label(text::WORDS_SEVERITY);
        egui::ComboBox::from_id_salt("words_severity")
            .selected_text(self.new_severity.label())
            .show_ui(ui, |ui| {
                for severity in [Severity::Block, Severity::Warn] {
                    ui.selectable_value(&mut self.new_severity, severity, severity.label());
                }
            })
            .response
            .labelled_by(l.id);
    }

    /// The words of the list, filtered, drawing only the visible rows. Returns the word whose
    /// 删除 was clicked.
    fn entries_ui(&mut self, ui: &mut egui::Ui) -> Option<String> {
        ui.horizontal(|ui| {
            ui.label(RichText::new(text::words_count(self.entries.len(), self.version)).strong());
            let l = ui.label(text::WORDS_FILTER);
            ui.add(egui::TextEdit::singleline(&mut self.filter).desired_width(160.0))
                .labelled_by(l.id);
        });
        if self.shown_filter.as_deref() != Some(self.filter.as_str()) {
            let needle = self.filter.trim().to_lowercase();
            self.shown = self
                .entries
                .iter()
                .enumerate()
                .filter(|(_, (word, _))| needle.is_empty() || word.to_lowercase().contains(&needle))
                .map(|(i, _)| i)
                .collect();
            self.shown_filter = Some(self.filter.clone());
        }
        if self.entries.is_empty() {
            ui.label(RichText::new(text::WORDS_EMPTY).color(theme::MUTED));
            return None;
        }
        let mut removal = None;
        let row_height = ui.spacing().interact_size.y;
        egui::ScrollArea::vertical()
            .id_salt("words_entries")
            .max_height(240.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, self.shown.len(), |ui, rows| {
                for &index in self.shown.get(rows).unwrap_or_default() {
                    let Some((word, severity)) = self.entries.get(index) else {
                        continue;
                    };
                    ui.horizontal(|ui| {
                        ui.label(word);
                        if let Some(severity) = severity {
                            let colour = match severity {
                                Severity::Block => theme::DANGER,
                                _ => theme::WARN,
                            };
                            ui.label(RichText::new(severity.label()).color(colour).small());
                        }
                        if ui.small_button(text::WORDS_REMOVE).clicked() {
                            removal = Some(word.clone());
                        }
                    });
                }
            });
        removal
    }

    fn versions_ui(&self, ui: &mut egui::Ui) {
        egui::CollapsingHeader::new(text::WORDS_VERSIONS)
            .id_salt("words_versions")
            .show(ui, |ui| {
                if self.versions.is_empty() {
                    ui.label(RichText::new(text::WORDS_SEED_VERSION).color(theme::MUTED));
                }
                for (version, who, why, when) in &self.versions {
                    ui.label(text::words_version_line(*version, when, who, why));
                }
            });
    }

    fn patterns_ui(&mut self, ui: &mut egui::Ui, store: &mut Store, actions: &mut Vec<Action>) {
        ui.label(RichText::new(text::WORDS_PATTERNS).strong());
        ui.label(
            RichText::new(text::WORDS_PATTERNS_HINT)
                .color(theme::MUTED)
                .small(),
        );
        egui::Grid::new("words_patterns")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (label, value) in [
                    (text::WORDS_STUDENT_PATTERNS, &mut self.student_patterns),
                    (text::WORDS_STAFF_PATTERNS, &mut self.staff_patterns),
                ] {
                    let l = ui.label(label);
                    ui.add(
                        egui::TextEdit::multiline(value)
                            .desired_rows(2)
                            .desired_width(320.0)
                            .font(egui::TextStyle::Monospace),
                    )
                    .labelled_by(l.id);
                    ui.end_row();
                }
            });
        if let Some(e) = &self.pattern_error {
            ui.label(RichText::new(e).color(theme::DANGER));
        }
        if ui.button(text::WORDS_SAVE_PATTERNS).clicked() {
            match self.save_patterns(store) {
                Ok(()) => {
                    self.pattern_error = None;
                    actions.push(Action::Reload);
                    actions.push(Action::Notice(text::WORDS_PATTERNS_SAVED.to_owned()));
                }
                Err(e) => self.pattern_error = Some(e.to_string()),
            }
        }
    }

    /// 第六条五第12项: the patterns are checked by the store before saving; a bad one leaves
    /// the stored settings as they were and the typed text where it is.
    fn save_patterns(&mut self, store: &mut Store) -> Result<(), StoreError> {
        let lines = |text: &str| text.lines().map(str::to_owned).collect::<Vec<_>>();
        let mut settings = store.settings()?;
        settings.personal_data = PersonalDataSettings {
            student_number_patterns: lines(&self.student_patterns),
            staff_number_patterns: lines(&self.staff_patterns),
        };
        store.save_settings(&settings)
    }

    /// The reason typed for this edit, required because every version records why.
    fn reason(&self) -> Result<String, String> {
        let reason = self.reason.trim();
        if reason.is_empty() {
            Err(text::WORDS_REASON_MISSING.to_owned())
        } else {
            Ok(reason.to_owned())
        }
    }

    fn add_word(&mut self, store: &mut Store) -> Result<String, String> {
        let word = self.new_word.trim().to_owned();
        validate_word(&word).map_err(|reason| text::words_invalid(&word, &reason))?;
        let summary = format!("添加「{word}」：{}", self.reason()?);
        let invalid =
            |e: crate::domain::screening::ScreeningError| StoreError::InUse(e.to_string());
        let message = match self.choice {
            ListChoice::Words(category) => {
                let severity = self.new_severity;
                let added = store
                    .edit_word_list(category, &summary, |list| {
                        list.add(&word, severity).map_err(invalid)
                    })
                    .map_err(|e| e.to_string())?;
                if added {
                    text::words_added(&word)
                } else {
                    text::words_updated(&word)
                }
            }
            ListChoice::Allow => {
                let added = store
                    .edit_allow_list(&summary, |list| list.add(&word).map_err(invalid))
                    .map_err(|e| e.to_string())?;
                if added {
                    text::words_added(&word)
                } else {
                    text::words_already_allowed(&word)
                }
            }
        };
        self.new_word.clear();
        Ok(message)
    }

    fn remove_word(&mut self, store: &mut Store, word: &str) -> Result<String, String> {
        let summary = format!("删除「{word}」：{}", self.reason()?);
        match self.choice {
            ListChoice::Words(category) => {
                store.edit_word_list(category, &summary, |list| Ok(list.remove(word)))
            }
            ListChoice::Allow => store.edit_allow_list(&summary, |list| Ok(list.remove(word))),
        }
        .map_err(|e| e.to_string())?;
        Ok(text::words_removed(word))
    }

    fn import(&mut self, store: &mut Store) -> Result<String, String> {
        let reason = self.reason()?;
        let path = self.chosen_path(|| {
            rfd::FileDialog::new()
                .add_filter("文本文件", &["txt"])
                .pick_file()
        })?;
        let content = read_word_file(&path)?;
        let summary = format!(
            "导入 {}：{reason}",
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned()
            )
        );
        let severity = self.new_severity;
        let report = match self.choice {
            ListChoice::Words(category) => store.edit_word_list(category, &summary, |list| {
                Ok(list.import(&content, severity))
            }),
            ListChoice::Allow => store.edit_allow_list(&summary, |list| Ok(list.import(&content))),
        }
        .map_err(|e| e.to_string())?;
        self.problems = report
            .problems
            .iter()
            .take(MAX_PROBLEMS_SHOWN)
            .map(|p| p.message())
            .collect();
        if report.problems.len() > MAX_PROBLEMS_SHOWN {
            self.problems.push(text::screen_more(
                report.problems.len() - MAX_PROBLEMS_SHOWN,
            ));
        }
        Ok(text::words_imported(
            report.added,
            report.duplicates,
            report.problems.len(),
        ))
    }

    fn export(&mut self, store: &Store) -> Result<String, String> {
        let name = self.choice.file_name();
        let path = self.chosen_path(|| {
            rfd::FileDialog::new()
                .set_file_name(name)
                .add_filter("文本文件", &["txt"])
                .save_file()
        })?;
        let body = match self.choice {
            ListChoice::Words(category) => store.word_list(category).map(|(l, _)| l.export()),
            ListChoice::Allow => store.allow_list().map(|(l, _)| l.export()),
        }
        .map_err(|e| e.to_string())?;
        std::fs::write(&path, body).map_err(|e| {
            format!(
                "无法写入「{}」：{e}。请检查文件夹是否存在、是否有写入权限。",
                path.display()
            )
        })?;
        Ok(text::words_exported(&path.display().to_string()))
    }

    /// The path typed in 文件：, or (when empty) the one picked in the desktop's dialog.
    fn chosen_path(&mut self, dialog: impl FnOnce() -> Option<PathBuf>) -> Result<PathBuf, String> {
        let typed = self.file_path.trim();
        if !typed.is_empty() {
            return Ok(PathBuf::from(typed));
        }
        let picked = dialog().ok_or_else(|| "没有选择文件。".to_owned())?;
        self.file_path = picked.display().to_string();
        Ok(picked)
    }

    /// Shows the outcome of an edit and re-reads the list on success; on failure the typed
    /// word, reason and path stay as they were.
    fn finish(&mut self, result: Result<String, String>, store: &Store, actions: &mut Vec<Action>) {
        match result {
            Ok(message) => {
                self.error = None;
                if let Err(e) = self.load_list(store) {
                    self.error = Some(e.to_string());
                }
                self.message = Some(message.clone());
                actions.push(Action::Reload);
                actions.push(Action::Notice(message));
            }
            Err(e) => {
                self.message = None;
                self.error = Some(e);
            }
        }
    }
}

/// Reads an imported list: UTF-8 text of a sensible size, with a Chinese reason otherwise.
fn read_word_file(path: &Path) -> Result<String, String> {
    let unreadable = |e: std::io::Error| format!("无法读取「{}」：{e}", path.display());
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(format!(
            "「{}」有 {:.0} MB，不像词表文件。词表应为每行一个词的 txt 文件。",
            path.display(),
            size as f64 / 1_048_576.0
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    String::from_utf8(bytes).map_err(|_| {
        format!(
            "「{}」不是 UTF-8 编码的文字（可能是 GBK 编码）。请用记事本另存为 UTF-8 后再导入。",
            path.display()
        )
    })
}
