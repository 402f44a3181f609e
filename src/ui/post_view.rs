//! One post's page: the author's editor, the reviewer's and the administrator's step with the
//! changes since they last looked, the screening findings, attachments, and the whole history.
//! Which of these show follows the signed-in user's roles; the store decides again.

use eframe::egui::{self, Color32, RichText, text::LayoutJob};

use super::app::Action;

mod side;
mod steps;
pub use super::post_form::PostForm;
use super::posts_view::state_colour;
use super::screened_editor::ScreenedEditor;
use super::theme;
use crate::domain::audit::AuditEntry;
use crate::domain::permissions::{Permission, allowed_post_permissions};
use crate::domain::post::Post;
use crate::domain::registry::StatusView;
use crate::domain::screening::{Screener, ScreeningReport, Severity};
use crate::domain::text_diff::{DiffKind, DiffMode, diff_by};
use crate::domain::todo::{ReturnNote, latest_return};
use crate::domain::validation::{Field, FieldError};
use crate::domain::workflow::{Category, Origin, PostAction};
use crate::store::{AttachmentMeta, Revision, Store, StoreError};
use crate::text::{self, ui_common, ui_posts as wording, ui_todo};

/// What the page offers the signed-in user, derived from the steps the domain allows them
/// ([`allowed_post_permissions`]); the store checks again on every step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The author holds the pen: edit, save, submit.
    Author,
    /// The author waits for review: may withdraw.
    AuthorWaiting,
    /// A reviewer of the unit: approve or return.
    Reviewer,
    /// An administrator of the unit: publish or return.
    Publisher,
    ReadOnly,
}

pub struct PostView {
    pub post: Option<Post>,
    pub form: PostForm,
    saved_form: PostForm,
    pub mode: Mode,
    pub comment: String,
    pub link: String,
    pub override_reason: String,
    pub history: Vec<AuditEntry>,
    pub revisions: Vec<Revision>,
    pub attachments: Vec<AttachmentMeta>,
    /// The revision the diff starts from (the one this reviewer saw last).
    pub diff_base: Option<i64>,
    /// 按词 or 按行: how the changes since then are shown.
    pub diff_mode: DiffMode,
    /// 第七条三: the reviewer's 退回, shown at the top while the post is back with its author.
    pub return_note: Option<ReturnNote>,
    pub error: Option<String>,
    pub field_errors: Vec<FieldError>,
    platforms: Vec<(i64, String)>,
    screener: Option<Screener>,
    /// The body, highlighted, with the findings panel (issue 6).
    editor: ScreenedEditor,
    /// The title is screened on its own; the store screens both together at submission.
    title_report: ScreeningReport,
    screened_title: Option<String>,
    /// A reviewer of the unit, not the author, looking at a post before or in review: they
    /// may let a false alarm through (the author cannot submit until then).
    can_override: bool,
    /// 返回列表 was clicked with unsaved changes: ask first.
    confirm_close: bool,
    /// 删除草稿 was clicked: the confirmation row shows.
    confirm_delete: bool,
    /// The steps the domain allows the signed-in user on this post now.
    allowed: Vec<Permission>,
    /// The side column shown or folded by the person; `None`: shown when the window is
    /// wide enough (folded at 1024 px, where it would squeeze the form).
    side_open: Option<bool>,
}

impl PostView {
    /// A new draft by the signed-in 信息员.
    pub fn new_post(store: &Store) -> Result<Self, StoreError> {
        let editor = store
            .session()
            .map(|s| s.display_name.clone())
            .unwrap_or_default();
        let platforms = open_platforms(store)?;
        let form = PostForm::new(platforms.first().map(|p| p.0), &editor);
        let mut view = Self::blank(form, Mode::Author, platforms);
        view.screener = Some(store.post_screener()?);
        view.rescreen();
        Ok(view)
    }

    /// An existing post, as the signed-in user may see it; the app then records the revision
    /// the user has now seen, so their next diff starts here.
    pub fn open(store: &Store, id: i64) -> Result<Self, StoreError> {
        let post = store.post(id)?;
        let allowed = allowed_post_permissions(store.actor()?.as_ref(), &post.facts());
        let mode = Mode::of(&allowed);
        let seen = store.last_seen_revision(id)?;
        let mut view = Self::blank(
            PostForm::from_draft(&post.draft),
            mode,
            open_platforms(store)?,
        );
        view.diff_base = match seen {
            Some(n) if n < post.revision => Some(n),
            _ if post.revision > 1 => Some(post.revision - 1),
            _ => None,
        };
        view.history = store.post_history(id)?;
        view.return_note = (post.state == crate::domain::workflow::PostState::Returned)
            .then(|| latest_return(&view.history))
            .flatten();
        view.revisions = store.revisions(id)?;
        view.attachments = store.attachments(id)?;
        view.screener = Some(store.post_screener()?);
        view.can_override = allowed.contains(&Permission::OverrideScreening);
        view.allowed = allowed;
        view.post = Some(post);
        view.rescreen();
        Ok(view)
    }

    fn blank(form: PostForm, mode: Mode, platforms: Vec<(i64, String)>) -> Self {
        Self {
            post: None,
            saved_form: form.clone(),
            form,
            mode,
            comment: String::new(),
            link: String::new(),
            override_reason: String::new(),
            history: Vec::new(),
            revisions: Vec::new(),
            attachments: Vec::new(),
            diff_base: None,
            diff_mode: DiffMode::default(),
            return_note: None,
            error: None,
            field_errors: Vec::new(),
            platforms,
            screener: None,
            editor: ScreenedEditor::new("post_body").with_masking(mode == Mode::Author),
            title_report: ScreeningReport::default(),
            screened_title: None,
            can_override: false,
            confirm_close: false,
            confirm_delete: false,
            allowed: vec![Permission::EditPost, Permission::SubmitPost],
            side_open: None,
        }
    }

    pub fn id(&self) -> Option<i64> {
        self.post.as_ref().map(|p| p.id)
    }

    pub fn version(&self) -> Option<i64> {
        self.post.as_ref().map(|p| p.version)
    }

    /// Whether the form differs from what is stored.
    pub fn dirty(&self) -> bool {
        self.form != self.saved_form
    }

    /// Rescreens the title and the body when they changed since the last screening.
    /// 返回列表 (and Esc): asks first when the author has unsaved changes.
    pub(super) fn leave(&mut self, actions: &mut Vec<Action>) {
        if self.mode == Mode::Author && self.dirty() {
            self.confirm_close = true;
        } else {
            actions.push(Action::ClosePost);
        }
    }

    /// Whether the page is the author's form (where Ctrl+S saves the draft).
    pub(super) fn is_form(&self) -> bool {
        self.mode == Mode::Author
    }

    fn rescreen(&mut self) {
        let Some(screener) = &self.screener else {
            return;
        };
        self.editor.refresh(screener, &self.form.body);
        if self.screened_title.as_deref() != Some(self.form.title.as_str()) {
            self.title_report = screener.screen(&self.form.title);
            self.screened_title = Some(self.form.title.clone());
        }
    }

    pub fn blocks(&self) -> bool {
        (self.editor.blocks() || self.title_report.blocks())
            && !self
                .post
                .as_ref()
                .is_some_and(|p| p.override_covers_text() && !self.dirty())
    }

    /// The body's screening.
    pub fn report(&self) -> &ScreeningReport {
        self.editor.report()
    }

    /// Whether the signed-in user may let this post's blocked text through.
    pub fn can_override(&self) -> bool {
        self.can_override
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        self.rescreen();
        let side_open = self
            .side_open
            .unwrap_or(ui.available_width() >= SIDE_BY_SIDE_WIDTH);
        ui.horizontal(|ui| {
            if ui.button(format!("← {}", text::BACK_TO_LIST)).clicked() {
                self.leave(actions);
            }
            match &self.post {
                Some(p) => {
                    ui.heading(wording::heading(p.id));
                    ui.label(
                        RichText::new(p.state.label())
                            .color(state_colour(p.state))
                            .strong(),
                    );
                    if p.revision > 0 {
                        ui.label(RichText::new(wording::revision(p.revision)).color(theme::MUTED));
                    }
                    ui.label(
                        RichText::new(format!(
                            "{} · {} {}",
                            p.unit_name, p.platform_kind, p.platform_name
                        ))
                        .color(theme::MUTED),
                    );
                }
                None => {
                    ui.heading(text::NEW_POST);
                }
            }
            let toggle = if side_open {
                wording::SIDE_HIDE
            } else {
                wording::SIDE_SHOW
            };
            let toggle = ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.small_button(toggle)
                    .on_hover_text(wording::SIDE_HINT)
                    .clicked()
            });
            if toggle.inner {
                self.side_open = Some(!side_open);
            }
        });
        if let Some(note) = &self.return_note {
            egui::Frame::group(ui.style())
                .stroke(egui::Stroke::new(1.0, theme::DANGER))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.add(
                        egui::Label::new(
                            RichText::new(ui_todo::return_banner(note))
                                .color(theme::DANGER)
                                .strong(),
                        )
                        .wrap(),
                    );
                });
        }
        if self.confirm_close {
            ui.horizontal(|ui| {
                ui.label(RichText::new(text::POST_UNSAVED).color(theme::WARN));
                if ui.button(text::SAVE_AND_CLOSE).clicked() {
                    self.confirm_close = false;
                    actions.push(Action::SaveAndClosePost);
                }
                if ui.button(text::DISCARD).clicked() {
                    actions.push(Action::ClosePost);
                }
                if ui.button(text::KEEP_EDITING).clicked() {
                    self.confirm_close = false;
                }
            });
        }
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(theme::DANGER));
        }
        ui.separator();
        // The step's buttons (保存草稿, 提交, 通过, 退回, 发布) stay at the foot of the page,
        // never scrolled away below a long form.
        egui::Panel::bottom("post_steps").show(ui, |ui| {
            ui.add_space(4.0);
            self.step_ui(ui, actions);
            ui.add_space(2.0);
        });
        if side_open {
            egui::Panel::right("post_side")
                .resizable(true)
                .default_size(320.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("post_side_scroll")
                        .show(ui, |ui| self.side_ui(ui, actions));
                });
        }
        egui::ScrollArea::vertical()
            .id_salt("post_main_scroll")
            .show(ui, |ui| {
                if self.mode == Mode::Author {
                    self.form_ui(ui);
                } else {
                    self.read_ui(ui);
                }
            });
    }

    fn error_line(&self, ui: &mut egui::Ui, field: Field) {
        for e in self.field_errors.iter().filter(|e| e.field == field) {
            ui.label(RichText::new(e.message()).color(theme::DANGER).small());
        }
    }

    fn form_ui(&mut self, ui: &mut egui::Ui) {
        egui::Grid::new("post_form")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label(wording::PLATFORM_LABEL);
                let current = self
                    .form
                    .platform_id
                    .and_then(|id| self.platforms.iter().find(|(p, _)| *p == id))
                    .map_or(ui_common::CHOOSE.to_owned(), |(_, n)| n.clone());
                ui.vertical(|ui| {
                    egui::ComboBox::from_id_salt("post_platform_pick")
                        .selected_text(current)
                        .width(320.0)
                        .show_ui(ui, |ui| {
                            for (id, name) in &self.platforms {
                                ui.selectable_value(&mut self.form.platform_id, Some(*id), name);
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    self.error_line(ui, Field::PostPlatform);
                });
                ui.end_row();
                let l = ui.label(wording::TITLE_LABEL);
                ui.vertical(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut self.form.title)
                            .desired_width(ui.available_width().clamp(200.0, 480.0)),
                    )
                    .labelled_by(l.id);
                    self.error_line(ui, Field::PostTitle);
                });
                ui.end_row();
                let l = ui.label(wording::CATEGORY_LABEL);
                ui.horizontal(|ui| {
                    egui::ComboBox::from_id_salt("post_category")
                        .selected_text(self.form.category.label())
                        .show_ui(ui, |ui| {
                            for c in Category::ALL {
                                ui.selectable_value(&mut self.form.category, c, c.label());
                            }
                        })
                        .response
                        .labelled_by(l.id);
                    let l = ui.label(wording::COLUMN_LABEL);
                    ui.add(egui::TextEdit::singleline(&mut self.form.column).desired_width(160.0))
                        .labelled_by(l.id);
                });
                ui.end_row();
                ui.label(wording::ORIGIN_LABEL);
                ui.horizontal(|ui| {
                    for o in Origin::ALL {
                        ui.radio_value(&mut self.form.origin, o, o.label());
                    }
                    ui.checkbox(&mut self.form.internal, wording::INTERNAL);
                });
                ui.end_row();
                match self.form.origin {
                    Origin::Original => {
                        let l = ui.label(wording::AUTHOR_LABEL);
                        ui.add(
                            egui::TextEdit::singleline(&mut self.form.author_or_provider)
                                .hint_text(wording::AUTHOR_HINT)
                                .desired_width(320.0),
                        )
                        .labelled_by(l.id);
                        ui.end_row();
                    }
                    Origin::Reprint => {
                        let l = ui.label(wording::SOURCE_NAME_LABEL);
                        ui.add(
                            egui::TextEdit::singleline(&mut self.form.source_name)
                                .hint_text(wording::SOURCE_NAME_HINT)
                                .desired_width(320.0),
                        )
                        .labelled_by(l.id);
                        ui.end_row();
                        let l = ui.label(wording::SOURCE_LINK_LABEL);
                        ui.add(
                            egui::TextEdit::singleline(&mut self.form.source_link)
                                .hint_text(wording::SOURCE_LINK_HINT)
                                .desired_width(320.0),
                        )
                        .labelled_by(l.id);
                        ui.end_row();
                    }
                }
                let l = ui.label(wording::EDITOR_LABEL);
                ui.add(egui::TextEdit::singleline(&mut self.form.editor).desired_width(160.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(wording::PLANNED_AT_LABEL);
                ui.vertical(|ui| {
                    ui.horizontal(|ui| {
                        ui.add(
                            egui::TextEdit::singleline(&mut self.form.planned_at)
                                .hint_text(wording::PLANNED_AT_HINT)
                                .desired_width(160.0),
                        )
                        .labelled_by(l.id);
                        super::date_picker::button(
                            ui,
                            &mut self.form.planned_at,
                            super::date_picker::Precision::DateTime,
                        );
                    });
                    self.error_line(ui, Field::PostPlannedAt);
                });
                ui.end_row();
            });
        ui.add_space(6.0);
        let width = ui.available_width();
        ui.allocate_ui(egui::vec2(width, 380.0), |ui| {
            self.editor.editor_ui(ui, &mut self.form.body, true);
        });
        self.error_line(ui, Field::PostBody);
    }

    fn read_ui(&mut self, ui: &mut egui::Ui) {
        let Some(post) = &self.post else {
            return;
        };
        let d = &post.draft;
        ui.label(RichText::new(&d.title).size(20.0).strong());
        let a = &d.attribution;
        let attribution = match a.origin {
            Origin::Original => wording::original(&a.author_or_provider),
            Origin::Reprint => wording::reprint(&a.source_name, &a.source_link),
        };
        ui.label(
            RichText::new(wording::details(
                d.category.label(),
                &d.column,
                &attribution,
                &a.editor,
                d.internal,
            ))
            .color(theme::MUTED),
        );
        if let Some(link) = &post.published_link {
            ui.horizontal(|ui| {
                ui.label(wording::PUBLISHED_LINK_LABEL);
                ui.hyperlink(link);
            });
        }
        ui.add_space(6.0);
        if let Some(base) = self.diff_base
            && let (Some(old), Some(new)) = (
                self.revisions.iter().find(|r| r.number == base),
                self.revisions.last(),
            )
        {
            ui.horizontal(|ui| {
                ui.label(RichText::new(wording::changes_since(old.number)).strong());
                ui.add_space(8.0);
                for (mode, label) in [
                    (DiffMode::ByWord, ui_todo::DIFF_BY_WORD),
                    (DiffMode::ByLine, ui_todo::DIFF_BY_LINE),
                ] {
                    ui.selectable_value(&mut self.diff_mode, mode, label)
                        .on_hover_text(ui_todo::DIFF_MODE_HINT);
                }
            });
            let job = diff_job(ui, &old.body, &new.body, self.diff_mode);
            ui.add(egui::Label::new(job).wrap());
            ui.separator();
        }
        let width = ui.available_width();
        ui.allocate_ui(egui::vec2(width, 420.0), |ui| {
            self.editor.editor_ui(ui, &mut self.form.body, false);
        });
    }

    /// After a save: what is stored now is what the form holds.
    pub fn saved(&mut self, store: &Store, id: i64) -> Result<(), StoreError> {
        let fresh = Self::open(store, id)?;
        let form = std::mem::replace(&mut self.form, fresh.form.clone());
        *self = Self { form, ..fresh };
        self.saved_form = self.form.clone();
        Ok(())
    }
}

impl Mode {
    /// The page's mode for the steps the domain allows: the pen, withdrawing, reviewing,
    /// publishing, or only reading.
    pub fn of(allowed: &[Permission]) -> Self {
        if allowed.contains(&Permission::EditPost) {
            Mode::Author
        } else if allowed.contains(&Permission::WithdrawPost) {
            Mode::AuthorWaiting
        } else if allowed.contains(&Permission::ReviewPost) {
            Mode::Reviewer
        } else if allowed.contains(&Permission::PublishPost) {
            Mode::Publisher
        } else {
            Mode::ReadOnly
        }
    }
}

impl PostView {
    /// The steps this page offers, as the actions its buttons send (with stand-in text for
    /// comments and links): what the tests compare with what the domain accepts.
    pub fn offered_steps(&self) -> Vec<&'static str> {
        let mut steps = Vec::new();
        match self.mode {
            Mode::Author if self.post.is_some() => steps.push("submit"),
            Mode::AuthorWaiting => steps.push("withdraw"),
            Mode::Reviewer => steps.extend(["approve", "reject"]),
            Mode::Publisher => steps.extend(["publish", "reject"]),
            _ => {}
        }
        if self.can_override {
            steps.push("screening_override");
        }
        steps
    }
}

/// The platforms of the user's unit that still run.
/// Below this width the side column starts folded: beside it the form would be squeezed.
const SIDE_BY_SIDE_WIDTH: f32 = 960.0;

fn open_platforms(store: &Store) -> Result<Vec<(i64, String)>, StoreError> {
    let unit = store.session().and_then(|s| s.unit_id);
    Ok(store
        .registry_rows(|_, _| crate::domain::registry::FilingClock::NotRunning)?
        .into_iter()
        .filter(|r| unit.is_none_or(|u| r.unit_id == u))
        .filter(|r| !matches!(r.status, StatusView::Closed | StatusView::ShutDown))
        .map(|r| (r.id, format!("{} · {}", r.kind_name, r.name)))
        .collect())
}

/// The diff of two revisions (by word or by line): insertions green, deletions red and
/// struck through.
fn diff_job(ui: &egui::Ui, old: &str, new: &str, mode: DiffMode) -> LayoutJob {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let normal = egui::TextFormat::simple(font, ui.visuals().text_color());
    let mut job = LayoutJob::default();
    for span in diff_by(old, new, mode) {
        let format = match span.kind {
            DiffKind::Equal => normal.clone(),
            DiffKind::Insert => egui::TextFormat {
                background: Color32::from_rgb(0xd4, 0xf4, 0xdc),
                color: theme::OK,
                ..normal.clone()
            },
            DiffKind::Delete => egui::TextFormat {
                background: Color32::from_rgb(0xfd, 0xd8, 0xd8),
                color: theme::DANGER,
                strikethrough: egui::Stroke::new(1.0, theme::DANGER),
                ..normal.clone()
            },
        };
        job.append(&span.text, 0.0, format);
    }
    job
}
