//! The application: owns the store and the views' state, draws the frame, and applies the
//! actions the views return, once per frame. `apply` hands each action to the file of its
//! page: `app_registry` (platforms, filings, history, printing), `app_posts`,
//! `app_settings` (settings, calendar, word lists, backup), `app_exchange` (Excel in and
//! out, backups and restore) and `app_people` (first start, sign-in, units and people,
//! accounts).

use chrono::NaiveDate;
use eframe::egui;

pub use super::action::{Action, Hooks, OpenFileHook, Page, SavePathHook, Secret};
use super::app_registry::{FilingPrint, job_ui};
use super::app_server::{ServerLive, Switch};
use super::audit_view::AuditView;
use super::filings_view::FilingsView;
use super::history_view::HistoryView;
use super::platform_dialog::PlatformDialog;
use super::platform_form::PlatformForm;
use super::post_view::PostView;
use super::posts_view::PostsView;
use super::registry_view::RegistryView;
use super::settings_view::SettingsView;
use super::sign_in_view::SignInView;
use super::start_failed::{Choice, Failure};
use super::units_view::UnitsView;
use super::users_view::UsersView;
use super::welcome::WelcomeView;
use super::{theme, widgets};
use crate::domain::calendar::WorkCalendar;
use crate::domain::registry::registry_clock;
use crate::ops::OpsError;
use crate::store::{Location, Store, StoreError, choice};
use crate::text::{self, ui_server};

use super::notice::{self, Notice};

pub struct Workspace {
    pub(super) store: Store,
    pub(super) today: NaiveDate,
    pub(super) calendar: WorkCalendar,
    pub(super) page: Page,
    pub(super) registry: RegistryView,
    pub(super) dialog: Option<PlatformDialog>,
    pub(super) units: UnitsView,
    pub(super) filings: FilingsView,
    pub(super) settings: SettingsView,
    pub(super) welcome: Option<WelcomeView>,
    /// The unit name typed on the welcome page, created once the first account exists.
    pub(super) pending_unit: Option<String>,
    pub(super) notice: Option<Notice>,
    pub(super) job: Option<FilingPrint>,
    pub(super) history: Option<HistoryView>,
    pub(super) hooks: Hooks,
    pub(super) posts: PostsView,
    pub(super) post_view: Option<PostView>,
    pub(super) audit: AuditView,
    pub(super) users: UsersView,
    pub(super) supervision: super::supervision_view::SupervisionView,
    /// 待办: the signed-in person's list.
    pub(super) todo: super::todo_view::TodoView,
    /// The sign-in page, while nobody is signed in.
    pub(super) gate: Option<SignInView>,
    /// The egui context, once known, so worker threads can wake the window.
    pub(super) ctx: Option<egui::Context>,
    /// The system face the window draws with (`None`: the bundled face `setup` installed);
    /// compared each frame with the saved settings, so a saved choice shows at once.
    pub(super) window_font: Option<std::path::PathBuf>,
    /// On the school's server: live updates and reconnecting.
    pub(super) live: ServerLive,
    /// A change of database a page asked for, carried out by the app after the frame.
    pub(super) switch: Option<Switch>,
    /// 导入: the mapping and preview dialog, while open.
    pub(super) import: Option<super::import_dialog::ImportDialog>,
    /// The daily automatic backup of a database file, off the UI thread.
    pub(super) auto_backup: super::auto_backup::Schedule,
    /// 导出 Excel being written, off the UI thread.
    pub(super) export: Option<super::app_exchange::ExportJob>,
    /// 帮助 › 快捷键 is open (F1 or the button).
    pub(super) help: bool,
    /// 切换用户 was asked for while a post had unsaved changes.
    pub(super) confirm_switch: bool,
    /// Who the pages were last drawn for: when that person signs out, what they left on
    /// the pages (errors, half-typed forms, filters) goes with them.
    pub(super) shown_for: Option<i64>,
    /// The in-window file chooser, while it asks for a path, and what the path is for.
    pub(super) file_request: Option<super::file_chooser::FileRequest>,
    /// The file last saved, shown with 打开文件 / 打开所在文件夹 / 打印.
    pub(super) saved: Option<super::saved_file::SavedFile>,
}

enum State {
    /// The database could not be opened: say why and what to do; touch nothing (on a server:
    /// ask for its password, or retry, or go back to the file).
    Failed(Box<Failure>),
    Ready(Box<Workspace>),
}

pub struct MediaDeskApp {
    state: State,
    /// `--screenshot FILE`: save the first fully drawn frame there and quit.
    screenshot: Option<super::widgets::ScreenshotRequest>,
    today: NaiveDate,
}

impl MediaDeskApp {
    /// The app over an open store (or the message saying why it could not be opened).
    pub fn new(store: Result<Store, StoreError>, today: NaiveDate) -> Self {
        Self {
            state: ready_or_failed(store, today),
            screenshot: None,
            today,
        }
    }

    /// Says where the store was opened from, so a start that failed on the school's server
    /// can ask for its password or retry.
    pub fn with_location(mut self, location: Location) -> Self {
        if let State::Failed(f) = &mut self.state {
            f.location = Some(location);
        }
        self
    }

    /// The message of a start that failed, if it did.
    pub fn failure(&self) -> Option<&str> {
        match &self.state {
            State::Failed(f) => Some(f.message()),
            State::Ready(_) => None,
        }
    }

    /// Carries out a change of database: the new store (remembered for the next start), or
    /// back to this computer's default file (the choice forgotten).
    fn switch(&mut self, switch: Switch) {
        let (store, location, done) = match switch {
            Switch::Restore(backup) => return self.restore(&backup),
            Switch::To(store, location) => {
                let done = match choice::remember(&location) {
                    Ok(()) => ui_server::SWITCHED_TO_SERVER.to_owned(),
                    Err(e) => ui_server::not_remembered(&ui_server::save_problem(&e)),
                };
                (Ok(*store), location, done)
            }
            Switch::DefaultFile => {
                // The old store goes first: its file lock must not meet the new one.
                self.state = State::Failed(Box::new(Failure::with_message(String::new())));
                let forgot = choice::forget().map_err(|e| e.to_string());
                // `MEDIADESK_DB` still wins over the (now forgotten) choice.
                let path = crate::store::default_db_path();
                let location =
                    Location::parse(&path).unwrap_or_else(|_| Location::File(path.clone()));
                let done = match forgot {
                    Ok(()) => ui_server::SWITCHED_TO_FILE.to_owned(),
                    Err(e) => ui_server::not_remembered(&e),
                };
                (location.open(None), location, done)
            }
        };
        self.state = ready_or_failed(store, self.today);
        match &mut self.state {
            State::Ready(w) => w.show_notice(done),
            State::Failed(f) => f.location = Some(location),
        }
    }

    /// Replaces the database with `backup` and opens the window again on it, the hooks
    /// kept; the old store (and its file lock) goes first.
    fn restore(&mut self, backup: &std::path::Path) {
        let State::Ready(w) = &mut self.state else {
            return;
        };
        let Some(current) = w.store.path().map(std::path::Path::to_path_buf) else {
            return;
        };
        let hooks = std::mem::take(&mut w.hooks);
        self.state = State::Failed(Box::new(Failure::with_message(String::new())));
        let (store, done) = super::app_exchange::restore_and_reopen(&current, backup);
        self.state = ready_or_failed(store, self.today);
        if let State::Ready(w) = &mut self.state {
            w.hooks = hooks;
            // Shown on the sign-in page the reopened window starts with, and after it.
            if let Some(gate) = &mut w.gate {
                match &done {
                    Ok(text) => gate.note = Some(text.clone()),
                    Err(text) => gate.error = Some(text.clone()),
                }
            }
            match done {
                Ok(text) => w.show_notice(text),
                Err(text) => w.show_error(text),
            }
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
        let switch = match &mut self.state {
            State::Failed(failure) => match failure.ui(ui) {
                Some(Choice::Opened(store, location)) => Some(Switch::To(store, location)),
                Some(Choice::UseDefaultFile) => Some(Switch::DefaultFile),
                None => None,
            },
            State::Ready(w) => {
                w.ui(ui);
                w.switch.take()
            }
        };
        if let Some(switch) = switch {
            self.switch(switch);
            ui.ctx().request_repaint();
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

/// The workspace over `store`, or the page saying why there is none.
fn ready_or_failed(store: Result<Store, StoreError>, today: NaiveDate) -> State {
    match store.and_then(|s| Workspace::new(s, today)) {
        Ok(w) => State::Ready(Box::new(w)),
        Err(e) => {
            tracing::error!("the database could not be opened: {e}");
            State::Failed(Box::new(Failure::new(&e)))
        }
    }
}

impl Workspace {
    pub fn new(store: Store, today: NaiveDate) -> Result<Self, StoreError> {
        let calendar = store.work_calendar()?;
        let welcome = (store.is_empty()? && !store.has_users()?).then(WelcomeView::default);
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
            pending_unit: None,
            notice: None,
            job: None,
            history: None,
            hooks: Hooks::default(),
            posts: PostsView::default(),
            post_view: None,
            audit: AuditView::default(),
            users: UsersView::default(),
            supervision: Default::default(),
            todo: Default::default(),
            gate: None,
            ctx: None,
            window_font: None,
            live: ServerLive::default(),
            switch: None,
            import: None,
            auto_backup: Default::default(),
            export: None,
            help: false,
            confirm_switch: false,
            shown_for: None,
            file_request: None,
            saved: None,
        };
        if w.store.session().is_none() && w.welcome.is_none() {
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

    /// The 待办 page's view (tests read what it lists).
    pub fn todo(&self) -> &super::todo_view::TodoView {
        &self.todo
    }

    /// The 督查 page's view (tests read what it lists).
    pub fn supervision(&self) -> &super::supervision_view::SupervisionView {
        &self.supervision
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
        if self.page == Page::Supervision {
            self.supervision.reload(&self.store, self.today);
        }
        if self.page == Page::Todo {
            self.todo.reload(&self.store, self.today);
        }
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
        if self.settings.saved_window_font() != self.window_font.as_deref() {
            self.window_font = self.settings.saved_window_font().map(Into::into);
            theme::install_with(
                ui.ctx(),
                &theme::window_font_at(self.window_font.as_deref()),
            );
        }
        let keys = super::keys::begin_frame(ui.ctx());
        self.server_frame(ui.ctx());
        self.exchange_frame(ui.ctx());
        let mut actions = Vec::new();
        self.server_bar(ui, &mut actions);
        if let Some(welcome) = &mut self.welcome {
            welcome.ui(ui, &mut actions);
        } else if let Some(gate) = &mut self.gate {
            gate.ui(ui, &mut actions);
        } else {
            self.workspace_ui(ui, &mut actions);
        }
        self.keyboard(ui.ctx(), keys, &mut actions);
        self.keyboard_windows(ui.ctx(), &mut actions);
        // Above the bars at the bottom (the saved file, the print job), never over them.
        let lift = if self.saved.is_some() || self.job.is_some() {
            48.0
        } else {
            0.0
        };
        if let Some(n) = &mut self.notice
            && !notice::toast(ui.ctx(), n, lift)
        {
            self.notice = None;
        }
        self.forget_who_left();
        self.file_request_frame(ui.ctx());
        for action in actions {
            self.apply(action);
        }
        let opened = match &mut self.welcome {
            Some(welcome) => welcome.server.take_opened(),
            None => self.settings.database.form.take_opened(),
        };
        if let Some((store, location)) = opened {
            self.switch = Some(Switch::To(Box::new(store), location));
        }
        self.autosave(false);
    }

    fn workspace_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        super::date_picker::install(ui.ctx(), &self.calendar, self.today);
        egui::Panel::left("nav")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| self.nav_ui(ui, actions));
        self.poll_job(ui.ctx());
        if let Some(job) = &self.job {
            egui::Panel::bottom("print_job").show(ui, |ui| job_ui(ui, job, actions));
        }
        self.saved_file_ui(ui);
        self.filings.can_print = self.hooks.print_file.is_some();
        let printing = self.job.is_some();
        egui::CentralPanel::default_margins().show(ui, |ui| match self.page {
            Page::Todo => self.todo.ui(ui, actions),
            Page::Supervision => self.supervision.ui(ui, actions),
            Page::Registry => self.registry.ui(ui, actions),
            Page::Filings => self
                .filings
                .ui(ui, &self.store, self.today, printing, actions),
            Page::Units => self.units.ui(ui, actions),
            Page::Posts => match &mut self.post_view {
                Some(view) => view.ui(ui, actions),
                None => self.posts.ui(ui, &self.store, actions),
            },
            Page::Audit => self.audit.ui(ui, &self.store, actions),
            Page::Users => {
                egui::ScrollArea::vertical()
                    .id_salt("users_scroll")
                    .show(ui, |ui| self.users.ui(ui, &self.store, actions));
            }
            Page::Settings => {
                let admin = self.store.session().is_some_and(|s| s.is_system_admin);
                if !admin {
                    ui.label(egui::RichText::new(text::SETTINGS_ADMIN_ONLY).color(theme::MUTED));
                }
                egui::ScrollArea::vertical()
                    .id_salt("settings_scroll")
                    .show(ui, |ui| {
                        ui.add_enabled_ui(admin, |ui| self.settings.ui(ui, &self.store, actions));
                    });
            }
        });
        if let Some(dialog) = &mut self.dialog {
            dialog.ui(ui.ctx(), &self.store, self.today, actions);
        }
        self.import_ui(ui.ctx(), actions);
        if let Some(history) = &mut self.history
            && !history.ui(ui.ctx(), actions)
        {
            self.history = None;
        }
    }

    /// Applies one action, handing it to its page's file; an error from the store or a use
    /// case is shown under the navigation (and logged) unless the page showed it itself.
    pub(super) fn apply(&mut self, action: Action) {
        let result: Result<(), OpsError> = match action {
            Action::Navigate(page) => self.navigate(page).map_err(OpsError::from),
            Action::OpenFilings { platform, annual } => {
                self.filings.choose(platform, annual);
                self.navigate(Page::Filings).map_err(OpsError::from)
            }
            Action::Reload => self.reload().map_err(OpsError::from),
            Action::UseDefaultFile => {
                self.switch = Some(Switch::DefaultFile);
                Ok(())
            }
            Action::Reconnect => {
                self.reconnect_now();
                Ok(())
            }
            Action::Notice(text) => {
                self.show_notice(text);
                Ok(())
            }
            Action::Error(text) => {
                self.show_error(text);
                Ok(())
            }
            Action::ChooseFile(purpose) => self.ask_path(purpose),
            a @ (Action::LoadDemo
            | Action::BeginFresh(_)
            | Action::SignIn { .. }
            | Action::CreateFirstAdmin(_)
            | Action::SwitchUser
            | Action::SaveUnit { .. }
            | Action::SavePerson { .. }
            | Action::AddUser(_)
            | Action::SetUserActive { .. }
            | Action::ChangeOwnPassword { .. }
            | Action::ResetPassword { .. }) => self.apply_people(a),
            a @ (Action::SaveSettings(_)
            | Action::AddPlatformKind { .. }
            | Action::DeletePlatformKind { .. }
            | Action::BackupDatabase
            | Action::RepairAuditTriggers
            | Action::SaveCalendarYear(_)
            | Action::ImportCalendarFile(_)
            | Action::AddWord { .. }
            | Action::RemoveWord { .. }
            | Action::ImportWords { .. }
            | Action::ExportWords { .. }
            | Action::SavePatterns(_)) => self.apply_settings(a),
            a @ (Action::ExportRegistry
            | Action::OpenImport
            | Action::CommitImport
            | Action::BackupNow
            | Action::ChooseBackupFolder { .. }
            | Action::RestoreBackup(_)) => self.apply_exchange(a),
            a @ (Action::ShowQueue(_)
            | Action::NewPost
            | Action::OpenPost(_)
            | Action::ClosePost
            | Action::SavePost
            | Action::DeleteDraft
            | Action::SaveAndClosePost
            | Action::SubmitPost
            | Action::PostStep(_)
            | Action::OverrideScreening(_)
            | Action::AttachToPost
            | Action::RemoveAttachment(_)
            | Action::OpenAttachment(_)
            | Action::PrintSlip(_)) => self.apply_posts(a),
            a @ (Action::NewPlatform
            | Action::EditPlatform(_)
            | Action::SavePlatform(_)
            | Action::ClosePlatformDialog
            | Action::StartPrint { .. }
            | Action::PrintForms { .. }
            | Action::CancelPrint
            | Action::AttachScan(_)
            | Action::OpenScan(_)
            | Action::OpenHistory(_)
            | Action::PrintChangeReport(_)
            | Action::PrintEnding(_)
            | Action::FilingStep { .. }
            | Action::MarkChangeReported { .. }
            | Action::ClosePlatform { .. }
            | Action::ShutDownPlatform { .. }) => self.apply_registry(a),
        };
        if let Err(e) = result {
            self.note_disconnect(&e);
            self.show_error(e.to_string());
        }
    }

    fn navigate(&mut self, page: Page) -> Result<(), StoreError> {
        self.page = page;
        match page {
            Page::Posts => {
                self.post_view = None;
                self.posts.reload(&self.store)
            }
            Page::Audit => self.audit.reload(&self.store),
            Page::Users => self.users.reload(&self.store),
            Page::Supervision => {
                self.supervision.reload(&self.store, self.today);
                Ok(())
            }
            Page::Todo => {
                self.todo.reload(&self.store, self.today);
                Ok(())
            }
            _ => Ok(()),
        }
    }

    pub(super) fn show_notice(&mut self, text: String) {
        self.notice = Some(Notice::success(text));
    }

    /// An error shown under the navigation, and logged once.
    pub(super) fn show_error(&mut self, text: String) {
        tracing::warn!("shown: {text}");
        self.notice = Some(Notice::error(text));
    }

    /// After a save that went through (`Some(message)`): fresh lists and the message.
    pub(super) fn reload_with_notice(&mut self, saved: Option<String>) -> Result<(), OpsError> {
        let Some(text) = saved else {
            return Ok(());
        };
        self.reload()?;
        self.show_notice(text);
        Ok(())
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
