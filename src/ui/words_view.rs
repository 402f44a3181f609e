//! 设置 › 审查词表: the word lists the screening uses (the twelve categories of 第六条五, the
//! internal-information markers of 第六条三, the allow list) and the school's student/staff
//! number patterns (第六条五第12项). Every edit names a reason and is saved by the store as a
//! new version, so who changed what, and why, can always be looked up.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::app::Action;
use super::file_chooser::FileFor;
use super::theme;
use crate::domain::screening::{
    Category, ImportReport, PersonalDataSettings, Severity, validate_word,
};
use crate::ops::imports::WordList;
use crate::store::{ALLOW_LIST, Store, StoreError};
use crate::text;

/// How many problem lines of an import are listed; the rest are only counted.
const MAX_PROBLEMS_SHOWN: usize = 20;

/// Which list is being edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListChoice {
    Words(Category),
    Allow,
}

/// What a words edit the app applied did, for the message on the page.
#[derive(Debug)]
pub enum WordsDone {
    /// `added` is false when the word was there already.
    Added {
        word: String,
        added: bool,
    },
    Removed(String),
    Imported(ImportReport),
    Exported(PathBuf),
}

impl ListChoice {
    fn list(self) -> WordList {
        match self {
            Self::Words(category) => WordList::Category(category),
            Self::Allow => WordList::Allow,
        }
    }

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

    pub fn ui(&mut self, ui: &mut egui::Ui, store: &Store, actions: &mut Vec<Action>) {
        ui.label(RichText::new(text::WORDS_INTRO).color(theme::MUTED).small());
        let mut refused: Option<String> = None;
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
                refused = self.add_word(actions).err();
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
            if ui.button(text::WORDS_BROWSE).clicked() {
                actions.push(Action::ChooseFile(FileFor::WordsFile));
            }
            if ui.button(text::WORDS_IMPORT).clicked() {
                refused = self.import(actions).err();
            }
            if ui.button(text::WORDS_EXPORT).clicked() {
                refused = self.export(actions).err();
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
            refused = self.remove_word(&removal, actions).err();
        }
        self.versions_ui(ui);
        if let Some(e) = refused {
            self.message = None;
            self.error = Some(e);
        }
        ui.add_space(8.0);
        self.patterns_ui(ui, actions);
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
        // The list sits low on the scrolling settings page: without a minimum, a scroll area
        // is only as tall as what is left of the window below it (two or three words, on a
        // laptop), and its own scrolling never comes into reach.
        egui::ScrollArea::vertical()
            .id_salt("words_entries")
            .max_height(320.0)
            .min_scrolled_height(320.0)
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

    fn patterns_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
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
            let lines = |text: &str| text.lines().map(str::to_owned).collect::<Vec<_>>();
            actions.push(Action::SavePatterns(PersonalDataSettings {
                student_number_patterns: lines(&self.student_patterns),
                staff_number_patterns: lines(&self.staff_patterns),
            }));
        }
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

    fn add_word(&mut self, actions: &mut Vec<Action>) -> Result<(), String> {
        let word = self.new_word.trim().to_owned();
        validate_word(&word).map_err(|reason| text::words_invalid(&word, &reason.to_string()))?;
        actions.push(Action::AddWord {
            list: self.choice.list(),
            word,
            severity: self.new_severity,
            reason: self.reason()?,
        });
        Ok(())
    }

    fn remove_word(&mut self, word: &str, actions: &mut Vec<Action>) -> Result<(), String> {
        actions.push(Action::RemoveWord {
            list: self.choice.list(),
            word: word.to_owned(),
            reason: self.reason()?,
        });
        Ok(())
    }

    fn import(&mut self, actions: &mut Vec<Action>) -> Result<(), String> {
        let reason = self.reason()?;
        let (list, severity) = (self.choice.list(), self.new_severity);
        actions.push(match self.typed_path() {
            Some(path) => Action::ImportWords {
                list,
                path,
                severity,
                reason,
            },
            None => Action::ChooseFile(FileFor::ImportWords {
                list,
                severity,
                reason,
            }),
        });
        Ok(())
    }

    fn export(&mut self, actions: &mut Vec<Action>) -> Result<(), String> {
        let list = self.choice.list();
        actions.push(match self.typed_path() {
            Some(path) => Action::ExportWords { list, path },
            None => Action::ChooseFile(FileFor::ExportWords {
                list,
                file_name: self.choice.file_name(),
            }),
        });
        Ok(())
    }

    /// The path typed in 文件： (`None` when empty: the app asks with a dialog).
    fn typed_path(&self) -> Option<PathBuf> {
        let typed = self.file_path.trim();
        (!typed.is_empty()).then(|| PathBuf::from(typed))
    }

    /// A file chosen in the dialog (浏览, or 导入/导出 with the field empty) fills 文件：.
    pub fn file_chosen(&mut self, path: &std::path::Path) {
        self.file_path = path.display().to_string();
    }

    /// Shows the outcome of an edit the app applied and re-reads the list on success; on
    /// failure the typed word, reason and path stay as they were. Returns the notice.
    pub fn finished(&mut self, store: &Store, result: Result<WordsDone, String>) -> Option<String> {
        let done = match result {
            Ok(done) => done,
            Err(e) => {
                self.message = None;
                self.error = Some(e);
                return None;
            }
        };
        let message = match done {
            WordsDone::Added { word, added } => {
                self.new_word.clear();
                match (added, self.choice) {
                    (true, _) => text::words_added(&word),
                    (false, ListChoice::Allow) => text::words_already_allowed(&word),
                    (false, _) => text::words_updated(&word),
                }
            }
            WordsDone::Removed(word) => text::words_removed(&word),
            WordsDone::Imported(report) => {
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
                text::words_imported(report.added, report.duplicates, report.problems.len())
            }
            WordsDone::Exported(path) => text::words_exported(&path.display().to_string()),
        };
        self.error = None;
        if let Err(e) = self.load_list(store) {
            self.error = Some(e.to_string());
        }
        self.message = Some(message.clone());
        Some(message)
    }

    /// How saving the patterns went: the reason shows under them, the typing stays.
    pub fn patterns_finished(&mut self, result: Result<(), String>) -> Option<String> {
        match result {
            Ok(()) => {
                self.pattern_error = None;
                Some(text::WORDS_PATTERNS_SAVED.to_owned())
            }
            Err(e) => {
                self.pattern_error = Some(e);
                None
            }
        }
    }
}
