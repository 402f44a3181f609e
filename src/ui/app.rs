//! The application: owns the store and the views' state, draws the frame, and applies the
//! actions the views return, once per frame, in one place.

use chrono::NaiveDate;
use eframe::egui;

pub use super::action::{Action, Hooks, OpenFileHook, Page, SavePathHook, Secret};
use super::app_files::job_ui;
use super::audit_view::AuditView;
use super::filings_view::{FilingsView, safe_file_part};
use super::history_view::HistoryView;
use super::platform_dialog::PlatformDialog;
use super::platform_form::PlatformForm;
use super::post_view::PostView;
use super::posts_view::PostsView;
use super::print_job::PrintJob;
use super::registry_view::RegistryView;
use super::settings_view::SettingsView;
use super::sign_in_view::SignInView;
use super::units_view::UnitsView;
use super::users_view::UsersView;
use super::welcome::WelcomeView;
use super::{theme, widgets};
use crate::domain::calendar::WorkCalendar;
use crate::domain::registry::registry_clock;
use crate::store::{Store, StoreError};
use crate::text;

/// A message under the navigation: what just happened, or what went wrong.
struct Notice {
    text: String,
    is_error: bool,
}

pub struct Workspace {
    pub(super) store: Store,
    pub(super) today: NaiveDate,
    pub(super) calendar: WorkCalendar,
    pub(super) page: Page,
    pub(super) registry: RegistryView,
    pub(super) dialog: Option<PlatformDialog>,
    units: UnitsView,
    pub(super) filings: FilingsView,
    settings: SettingsView,
    welcome: Option<WelcomeView>,
    notice: Option<Notice>,
    pub(super) job: Option<PrintJob>,
    history: Option<HistoryView>,
    pub(super) hooks: Hooks,
    pub(super) posts: PostsView,
    pub(super) post_view: Option<PostView>,
    audit: AuditView,
    users: UsersView,
    /// The sign-in page, while nobody is signed in.
    pub(super) gate: Option<SignInView>,
    /// The egui context, once known, so worker threads can wake the window.
    pub(super) ctx: Option<egui::Context>,
}

enum State {
    /// The database could not be opened: say why and what to do; touch nothing.
    Failed(String),
    Ready(Box<Workspace>),
}

pub struct MediaDeskApp {
    state: State,
    /// `--screenshot FILE`: save the first fully drawn frame there and quit.
    screenshot: Option<super::widgets::ScreenshotRequest>,
}

impl MediaDeskApp {
    /// The app over an open store (or the message saying why it could not be opened).
    pub fn new(store: Result<Store, StoreError>, today: NaiveDate) -> Self {
        let state = match store.and_then(|s| Workspace::new(s, today)) {
            Ok(w) => State::Ready(Box::new(w)),
            Err(e) => State::Failed(e.to_string()),
        };
        Self {
            state,
            screenshot: None,
        }
    }

    pub fn with_screenshot(mut self, path: std::path::PathBuf) -> Self {
        self.screenshot = Some(widgets::ScreenshotRequest::new(path));
        self
    }

    /// Installs fonts and style; call once per egui context.
    pub fn setup(ctx: &egui::Context) {
        theme::install(ctx);
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        match &self.state {
            State::Ready(w) => Some(w),
            State::Failed(_) => None,
        }
    }

    pub fn workspace_mut(&mut self) -> Option<&mut Workspace> {
        match &mut self.state {
            State::Ready(w) => Some(w),
            State::Failed(_) => None,
        }
    }

    /// Draws one frame. Shared by eframe and the kittest harness.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        match &mut self.state {
            State::Failed(message) => failed_ui(ui, message),
            State::Ready(w) => w.ui(ui),
        }
        if let Some(shot) = &mut self.screenshot {
            shot.frame(ui.ctx());
        }
    }
}

impl eframe::App for MediaDeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        MediaDeskApp::ui(self, ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Some(w) = self.workspace_mut() {
            w.autosave(true);
        }
    }
}

fn failed_ui(ui: &mut egui::Ui, message: &str) {
    egui::CentralPanel::default_margins().show(ui, |ui| {
        ui.add_space(40.0);
        ui.vertical_centered(|ui| {
            ui.heading("无法打开数据库");
            ui.add_space(12.0);
            ui.set_max_width(640.0);
            ui.label(egui::RichText::new(message).color(theme::DANGER));
            ui.add_space(12.0);
            ui.label(
                egui::RichText::new("数据没有被改动。处理好上述问题后重新启动 MediaDesk 即可。")
                    .color(theme::MUTED),
            );
        });
    });
}

impl Workspace {
    pub fn new(store: Store, today: NaiveDate) -> Result<Self, StoreError> {
        let calendar = store.work_calendar()?;
        let welcome = store.is_empty()?.then(WelcomeView::default);
        let mut w = Self {
            store,
            today,
            calendar,
            page: Page::Registry,
            registry: RegistryView::default(),
            dialog: None,
            units: UnitsView::default(),
            filings: FilingsView::default(),
            settings: SettingsView::default(),
            welcome,
            notice: None,
            job: None,
            history: None,
            hooks: Hooks::default(),
            posts: PostsView::default(),
            post_view: None,
            audit: AuditView::default(),
            users: UsersView::default(),
            gate: None,
            ctx: None,
        };
        if w.store.session().is_none() {
            w.gate = Some(SignInView::for_store(&w.store)?);
        }
        w.registry.today = Some(today);
        w.reload()?;
        if w.store.session().is_some() {
            w.signed_in();
        }
        w.restore_draft()?;
        Ok(w)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store, for tests that play a second window or a script changing data meanwhile.
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Replaces the desktop hooks (tests use this to avoid real dialogs).
    pub fn set_hooks(&mut self, hooks: Hooks) {
        self.hooks = hooks;
    }

    /// True while a PDF is being rendered or written.
    pub fn is_printing(&self) -> bool {
        self.job.is_some()
    }

    /// The last message shown under the navigation.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|n| n.text.as_str())
    }

    /// Saves the open dialog's contents now (as on exit).
    pub fn flush_autosave(&mut self) {
        self.autosave(true);
    }

    pub fn registry(&self) -> &RegistryView {
        &self.registry
    }

    /// The open post's page, if any.
    pub fn post_view(&self) -> Option<&PostView> {
        self.post_view.as_ref()
    }

    pub fn posts(&self) -> &PostsView {
        &self.posts
    }

    pub fn audit(&self) -> &AuditView {
        &self.audit
    }

    pub fn page(&self) -> Page {
        self.page
    }

    /// Re-reads everything the views show from the store.
    pub(super) fn reload(&mut self) -> Result<(), StoreError> {
        let (cal, today) = (&self.calendar, self.today);
        let rows = self
            .store
            .registry_rows(|status, created_on| registry_clock(cal, status, created_on, today))?;
        self.registry
            .set_rows(rows, self.store.units()?, self.store.platform_kinds()?);
        self.units.reload(&self.store)?;
        self.filings.reload(&self.store, self.registry.rows())?;
        self.settings.reload(&self.store)?;
        if let Some(h) = &mut self.history {
            h.reload(&self.store, self.today)?;
        }
        self.posts.reload(&self.store)?;
        self.audit.reload(&self.store)?;
        self.users.reload(&self.store)?;
        Ok(())
    }

    /// A dialog autosaved before a crash opens again with its contents.
    fn restore_draft(&mut self) -> Result<(), StoreError> {
        let Some(key) = self
            .store
            .draft_keys()?
            .into_iter()
            .find(|k| k.starts_with("platform:"))
        else {
            return Ok(());
        };
        if let Some(form) = self.store.load_draft::<PlatformForm>(&key)? {
            let mut dialog = PlatformDialog::new(form, &self.store, self.today);
            dialog.restored = true;
            dialog.dirty = true;
            self.dialog = Some(dialog);
        }
        Ok(())
    }

    fn ui(&mut self, ui: &mut egui::Ui) {
        let mut actions = Vec::new();
        if let Some(welcome) = &mut self.welcome {
            match welcome.ui(ui, &mut self.store, self.today) {
                Ok(false) => return,
                Ok(true) => {
                    self.welcome = None;
                    match SignInView::for_store(&self.store) {
                        Ok(gate) => self.gate = Some(gate),
                        Err(e) => {
                            self.notice = Some(Notice {
                                text: e.to_string(),
                                is_error: true,
                            })
                        }
                    }
                    return;
                }
                Err(e) => welcome.error = Some(e.to_string()),
            }
        }
        if let Some(gate) = &mut self.gate {
            if gate.ui(ui, &mut self.store) {
                self.gate = None;
                self.signed_in();
            }
            return;
        }
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| self.nav_ui(ui, &mut actions));
        self.poll_job(ui.ctx());
        if let Some(job) = &self.job {
            egui::Panel::bottom("print_job").show(ui, |ui| job_ui(ui, job, &mut actions));
        }
        let printing = self.job.is_some();
        egui::CentralPanel::default_margins().show(ui, |ui| match self.page {
            Page::Registry => self.registry.ui(ui, &mut actions),
            Page::Filings => {
                self.filings
                    .ui(ui, &mut self.store, self.today, printing, &mut actions)
            }
            Page::Units => self.units.ui(ui, &mut actions),
            Page::Posts => match &mut self.post_view {
                Some(view) => view.ui(ui, &mut actions),
                None => self.posts.ui(ui, &self.store, &mut actions),
            },
            Page::Audit => self.audit.ui(ui, &self.store),
            Page::Users => {
                egui::ScrollArea::vertical()
                    .id_salt("users_scroll")
                    .show(ui, |ui| self.users.ui(ui, &self.store, &mut actions));
            }
            Page::Settings => {
                let admin = self.store.session().is_some_and(|s| s.is_system_admin);
                if !admin {
                    ui.label(egui::RichText::new(text::SETTINGS_ADMIN_ONLY).color(theme::MUTED));
                }
                egui::ScrollArea::vertical()
                    .id_salt("settings_scroll")
                    .show(ui, |ui| {
                        ui.add_enabled_ui(admin, |ui| {
                            self.settings.ui(ui, &mut self.store, &mut actions)
                        });
                    });
            }
        });
        if let Some(dialog) = &mut self.dialog {
            dialog.ui(ui.ctx(), &self.store, self.today, &mut actions);
        }
        if let Some(history) = &mut self.history
            && !history.ui(ui.ctx(), &mut self.store, self.today, &mut actions)
        {
            self.history = None;
        }
        for action in actions {
            self.apply(action);
        }
        self.autosave(false);
    }

    fn nav_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.add_space(10.0);
        ui.label(egui::RichText::new("MediaDesk").strong().size(18.0));
        ui.label(
            egui::RichText::new("二级网络平台管理台")
                .color(theme::MUTED)
                .small(),
        );
        ui.add_space(8.0);
        if let Some(session) = self.store.session() {
            ui.label(egui::RichText::new(session.description()).small());
            if ui.small_button(text::SWITCH_USER).clicked() {
                actions.push(Action::SwitchUser);
            }
        }
        ui.add_space(10.0);
        let waiting: usize = self.posts.counts.iter().map(|(_, n)| n).sum();
        let posts_label = if waiting > 0 {
            format!("{}（{waiting}）", text::NAV_POSTS)
        } else {
            text::NAV_POSTS.to_owned()
        };
        for (page, label) in [
            (Page::Registry, text::NAV_REGISTRY.to_owned()),
            (Page::Filings, text::NAV_FILINGS.to_owned()),
            (Page::Posts, posts_label),
            (Page::Units, text::NAV_UNITS.to_owned()),
            (Page::Audit, text::NAV_AUDIT.to_owned()),
            (Page::Users, text::NAV_USERS.to_owned()),
            (Page::Settings, text::NAV_SETTINGS.to_owned()),
        ] {
            let selected = self.page == page;
            let button =
                egui::Button::selectable(selected, label).min_size(egui::vec2(130.0, 32.0));
            if ui.add(button).clicked() && (!selected || page == Page::Posts) {
                actions.push(Action::Navigate(page));
            }
            if page == Page::Posts {
                for (queue, n) in &self.posts.counts {
                    let text = egui::RichText::new(format!("　{} {n}", queue.label())).small();
                    let text = if *n > 0 {
                        text.color(theme::ACCENT)
                    } else {
                        text.color(theme::MUTED)
                    };
                    if ui
                        .add(egui::Label::new(text).sense(egui::Sense::click()))
                        .clicked()
                    {
                        actions.push(Action::ShowQueue(*queue));
                    }
                }
            }
        }
        if let Some(notice) = &self.notice {
            ui.add_space(20.0);
            let color = if notice.is_error {
                theme::DANGER
            } else {
                theme::OK
            };
            ui.label(egui::RichText::new(&notice.text).color(color).small());
        }
    }

    pub(super) fn apply(&mut self, action: Action) {
        let result: Result<(), StoreError> = match action {
            Action::Navigate(page) => {
                self.page = page;
                match page {
                    Page::Posts => {
                        self.post_view = None;
                        self.posts.reload(&self.store)
                    }
                    Page::Audit => self.audit.reload(&self.store),
                    Page::Users => self.users.reload(&self.store),
                    _ => Ok(()),
                }
            }
            Action::ShowQueue(queue) => {
                self.page = Page::Posts;
                self.post_view = None;
                self.posts.listing = super::posts_view::Listing::Queue(queue);
                self.posts.refresh(&self.store)
            }
            Action::NewPost => self.new_post(),
            Action::OpenPost(id) => self.open_post(id),
            Action::ClosePost => {
                self.post_view = None;
                self.posts.reload(&self.store)
            }
            Action::SavePost => {
                self.save_post(false);
                Ok(())
            }
            Action::SaveAndClosePost => {
                self.save_post(false);
                let saved = self
                    .post_view
                    .as_ref()
                    .is_some_and(|v| v.error.is_none() && !v.dirty());
                if saved {
                    self.post_view = None;
                    self.posts.reload(&self.store)
                } else {
                    Ok(())
                }
            }
            Action::SubmitPost => {
                self.save_post(true);
                Ok(())
            }
            Action::PostStep(step) => {
                self.post_step(step);
                Ok(())
            }
            Action::OverrideScreening(reason) => {
                self.override_screening(&reason);
                Ok(())
            }
            Action::AttachToPost => {
                self.attach_to_post();
                Ok(())
            }
            Action::RemoveAttachment(id) => {
                self.remove_attachment(id);
                Ok(())
            }
            Action::OpenAttachment(id) => self.open_attachment(id),
            Action::PrintSlip(id) => {
                self.print_slip(id);
                Ok(())
            }
            Action::SwitchUser => self.switch_user(),
            Action::SaveSettings(settings) => {
                let result = self
                    .store
                    .save_settings(&settings)
                    .map(|()| "设置已保存".to_owned());
                let saved = self.settings.finish(result, false);
                self.reload_with_notice(saved)
            }
            Action::AddPlatformKind {
                name,
                has_account_type,
            } => {
                let result = self
                    .store
                    .add_platform_kind(&name, has_account_type)
                    .map(|_| format!("已添加「{}」", name.trim()));
                let saved = self.settings.finish(result, true);
                self.reload_with_notice(saved)
            }
            Action::DeletePlatformKind { id, name } => {
                let result = self
                    .store
                    .delete_platform_kind(id)
                    .map(|()| format!("已删除「{name}」"));
                let saved = self.settings.finish(result, false);
                self.reload_with_notice(saved)
            }
            Action::BackupDatabase => {
                let name = format!("MediaDesk-备份-{}.db", self.today);
                match (self.hooks.save_backup)(&name) {
                    Some(dest) => {
                        let result = self
                            .store
                            .backup_to(&dest)
                            .map(|()| format!("已备份到 {}", dest.display()));
                        let saved = self.settings.finish(result, false);
                        self.reload_with_notice(saved)
                    }
                    None => Ok(()),
                }
            }
            Action::SaveUnit { editing, draft } => {
                let result = match editing {
                    None => self.store.add_unit(&draft).map(|_| ()),
                    Some((id, version)) => self.store.update_unit(id, version, &draft),
                };
                let saved = self.units.unit_saved(result);
                self.reload_with_notice(saved)
            }
            Action::SavePerson { editing, draft } => {
                let result = match editing {
                    None => self.store.add_person(&draft).map(|_| ()),
                    Some((id, version)) => self.store.update_person(id, version, &draft),
                };
                let saved = self.units.person_saved(result);
                self.reload_with_notice(saved)
            }
            Action::AddUser(new) => {
                let result = self
                    .store
                    .add_user(&new)
                    .map(|id| format!("已添加账号「{}」，编号 {id}。", new.login.trim()));
                self.users.finish(&self.store, result);
                Ok(())
            }
            Action::SetUserActive { user, active } => {
                let result = self
                    .store
                    .set_user_active(user, active)
                    .map(|()| "已更新账号状态。".to_owned());
                self.users.finish(&self.store, result);
                Ok(())
            }
            Action::SetPassword {
                user,
                password,
                again,
            } => {
                let result = self
                    .store
                    .set_password(user, &password.0, &again.0)
                    .map(|()| "密码已修改。".to_owned());
                self.users.finish(&self.store, result);
                Ok(())
            }
            Action::NewPlatform => {
                if self.dialog.is_none() {
                    let form = PlatformForm::new(self.registry.query.unit_id);
                    self.dialog = Some(PlatformDialog::new(form, &self.store, self.today));
                }
                Ok(())
            }
            Action::EditPlatform(id) => {
                if self.dialog.is_none() {
                    match self.store.platform(id) {
                        Ok(p) => {
                            let form = PlatformForm::from_platform(&p);
                            self.dialog = Some(PlatformDialog::new(form, &self.store, self.today));
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                } else {
                    Ok(())
                }
            }
            Action::SavePlatform(form) => {
                self.save_platform(*form);
                Ok(())
            }
            Action::ClosePlatformDialog => {
                if let Some(d) = self.dialog.take() {
                    let key = d.form.draft_key();
                    self.store.discard_draft(&key)
                } else {
                    Ok(())
                }
            }
            Action::Reload => self.reload(),
            Action::Notice(text) => {
                self.notice = Some(Notice {
                    text,
                    is_error: false,
                });
                Ok(())
            }
            Action::Error(text) => {
                self.notice = Some(Notice {
                    text,
                    is_error: true,
                });
                Ok(())
            }
            Action::StartPrint {
                platform_ids,
                kind,
                title,
                file_name,
            } => {
                self.start_print(platform_ids, kind, title, &file_name);
                Ok(())
            }
            Action::CancelPrint => {
                if let Some(job) = &self.job {
                    job.cancel();
                }
                Ok(())
            }
            Action::AttachScan(id) => self.attach_scan(id),
            Action::OpenHistory(id) => {
                HistoryView::open(&self.store, id, self.today).map(|h| self.history = Some(h))
            }
            Action::PrintChangeReport(id) => {
                self.print_document(|store, settings| {
                    let data =
                        crate::print::change_report_for(store, id).map_err(|e| e.to_string())?;
                    let bytes = crate::print::render_change_report(&data, settings)
                        .map_err(|e| e.to_string())?;
                    Ok((
                        bytes,
                        format!(
                            "信息变更报告-{}-{}.pdf",
                            safe_file_part(&data.platform_name),
                            data.changed_on
                        ),
                    ))
                });
                Ok(())
            }
            Action::PrintEnding(id) => {
                self.print_document(|store, settings| {
                    let doc =
                        crate::print::ending_document_for(store, id).map_err(|e| e.to_string())?;
                    let (bytes, name) = match doc {
                        crate::print::EndingDocument::Closure(d) => (
                            crate::print::render_closure_report(&d, settings),
                            format!("停止运营报告-{}.pdf", safe_file_part(&d.platform_name)),
                        ),
                        crate::print::EndingDocument::Shutdown(d) => (
                            crate::print::render_shutdown_notice(&d, settings),
                            format!("关停通知-{}.pdf", safe_file_part(&d.platform_name)),
                        ),
                    };
                    Ok((bytes.map_err(|e| e.to_string())?, name))
                });
                Ok(())
            }
            Action::OpenScan(id) => self.open_scan(id),
        };
        if let Err(e) = result {
            self.notice = Some(Notice {
                text: e.to_string(),
                is_error: true,
            });
        }
    }

    /// After a save that went through (`Some(message)`): fresh lists and the message.
    fn reload_with_notice(&mut self, saved: Option<String>) -> Result<(), StoreError> {
        let Some(text) = saved else {
            return Ok(());
        };
        self.reload()?;
        self.notice = Some(Notice {
            text,
            is_error: false,
        });
        Ok(())
    }

    fn save_platform(&mut self, form: PlatformForm) {
        let (draft, date_errors) = form.to_draft();
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        if !date_errors.is_empty() {
            dialog.attempted = true;
            dialog.error = Some(text::FIX_ERRORS.to_owned());
            return;
        }
        let saved = match form.editing {
            None => self.store.add_platform(&draft, self.today).map(Some),
            Some((id, version)) => self
                .store
                .update_platform(id, version, &draft, &form.change_reason, self.today)
                .map(|()| None),
        };
        match saved {
            Ok(_) => {
                let key = form.draft_key();
                self.dialog = None;
                let cleanup = self.store.discard_draft(&key).and_then(|()| self.reload());
                self.notice = Some(match cleanup {
                    Ok(()) => Notice {
                        text: format!("已保存「{}」", draft.name.trim()),
                        is_error: false,
                    },
                    Err(e) => Notice {
                        text: e.to_string(),
                        is_error: true,
                    },
                });
            }
            Err(StoreError::Invalid(errors)) => {
                dialog.attempted = true;
                dialog.set_errors(errors);
                dialog.error = Some(text::FIX_ERRORS.to_owned());
            }
            Err(e) => {
                dialog.attempted = true;
                dialog.error = Some(e.to_string());
            }
        }
    }

    /// Saves the open dialog's contents at most every two seconds while it changes (and at
    /// once when `now`), so a crash loses at most the last field being typed.
    pub(super) fn autosave(&mut self, now: bool) {
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        if !dialog.needs_autosave(now) {
            return;
        }
        let key = dialog.form.draft_key();
        match self.store.save_draft(&key, &dialog.form) {
            Ok(()) => dialog.autosaved(),
            Err(e) => dialog.error = Some(e.to_string()),
        }
    }
}
