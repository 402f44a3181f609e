//! A workspace on the school's server: live updates (another desk's step reloads what this
//! desk shows, forms untouched), the status line saying whether the server is reached, and
//! reconnecting after the connection broke in the middle of an action.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use eframe::egui::{self, RichText};

use super::app::{Action, Workspace};
use super::theme;
use crate::domain::registry::registry_clock;
use crate::ops::OpsError;
use crate::store::db::listen::ChangeListener;
use crate::store::db::{self, Backend};
use crate::store::{Location, Store, StoreError};
use crate::text::ui_server as wording;

/// How long after a dropped connection the window tries the server again.
const RECONNECT_AFTER: Duration = Duration::from_secs(2);

/// The server side of a workspace (all empty on a file).
#[derive(Default)]
pub struct ServerLive {
    listener: Option<ChangeListener>,
    /// Set by the listening thread when any desk committed a change.
    changed: Arc<AtomicBool>,
    /// When to try reconnecting, after an action met a dropped connection.
    reconnect_at: Option<Instant>,
    /// Whether the listener was up last frame, and ever: when it comes back after a break
    /// the server (or the network) was away, and the desk's own connection is renewed too.
    listener_was_up: bool,
    listener_seen_up: bool,
}

/// What the app does after a page asked to change databases.
pub(super) enum Switch {
    /// 连接并使用 opened this store; remember it and rebuild the workspace on it.
    To(Box<Store>, Location),
    /// 改用本机数据库文件.
    DefaultFile,
    /// 设置 → 数据库 → 恢复: replace the database file with this backup and reopen it.
    Restore(std::path::PathBuf),
}

/// True when `e` means the connection to the server broke.
pub(super) fn is_disconnected(e: &StoreError) -> bool {
    matches!(e, StoreError::Database(db::Error::Disconnected(_)))
}

impl Workspace {
    /// Once per frame: start listening on a server, reload after another desk's change,
    /// and reconnect when it is time.
    pub(super) fn server_frame(&mut self, ctx: &egui::Context) {
        if self.store.backend() != Backend::Postgres {
            return;
        }
        if self.live.listener.is_none() {
            let flag = Arc::clone(&self.live.changed);
            let ctx = ctx.clone();
            self.live.listener = self.store.listen_for_changes(move || {
                flag.store(true, Ordering::Relaxed);
                ctx.request_repaint();
            });
        }
        let up = self
            .live
            .listener
            .as_ref()
            .is_some_and(ChangeListener::is_connected);
        if up && !self.live.listener_was_up && self.live.listener_seen_up {
            self.live.reconnect_at.get_or_insert_with(Instant::now);
        }
        self.live.listener_seen_up |= up;
        self.live.listener_was_up = up;
        if let Some(at) = self.live.reconnect_at {
            // The listener reconnects on its own every two seconds: while it cannot reach the
            // server, trying here would only freeze the window for the connect timeout.
            let listener_up = self.live.listener.as_ref().is_none_or(|l| l.is_connected());
            if Instant::now() >= at && listener_up {
                self.reconnect_now();
            } else {
                ctx.request_repaint_after(Duration::from_millis(500));
            }
        }
        if self.live.changed.swap(false, Ordering::Relaxed)
            && let Err(e) = self.live_reload()
        {
            self.store_failed(&e);
        }
    }

    /// Tries the server again now (the 重新连接 button, or the timer).
    pub(super) fn reconnect_now(&mut self) {
        match self.store.reconnect(None) {
            Ok(()) => {
                self.live.reconnect_at = None;
                match self.live_reload() {
                    Ok(()) => self.show_notice(wording::RECONNECTED.to_owned()),
                    Err(e) => self.show_error(e.to_string()),
                }
            }
            Err(e) => {
                tracing::info!("reconnecting to the server failed: {e}");
                self.live.reconnect_at = Some(Instant::now() + RECONNECT_AFTER);
            }
        }
    }

    /// After an error from the store: a broken connection is tried again shortly.
    pub(super) fn store_failed(&mut self, e: &StoreError) {
        if is_disconnected(e) && self.live.reconnect_at.is_none() {
            self.live.reconnect_at = Some(Instant::now() + RECONNECT_AFTER);
        }
        self.show_error(e.to_string());
    }

    /// The same for an error from a use case.
    pub(super) fn note_disconnect(&mut self, e: &OpsError) {
        if let OpsError::Store(e) = e
            && is_disconnected(e)
            && self.live.reconnect_at.is_none()
        {
            self.live.reconnect_at = Some(Instant::now() + RECONNECT_AFTER);
        }
    }

    /// Re-reads the lists the pages show, but not the pages holding typing (设置, the open
    /// post, the platform dialog): another desk's step must not wipe a form being filled.
    fn live_reload(&mut self) -> Result<(), StoreError> {
        let (cal, today) = (&self.calendar, self.today);
        let rows = self
            .store
            .registry_rows(|status, created_on| registry_clock(cal, status, created_on, today))?;
        self.registry
            .set_rows(rows, self.store.units()?, self.store.platform_kinds()?);
        self.units.reload(&self.store)?;
        self.filings.reload(&self.store, self.registry.rows())?;
        if let Some(h) = &mut self.history {
            h.reload(&self.store, self.today)?;
        }
        self.posts.reload(&self.store)?;
        self.audit.reload(&self.store)?;
        self.users.reload(&self.store)?;
        Ok(())
    }

    /// The status line of a desk on the server: where, and whether it is reached; before
    /// anyone signed in (the welcome and sign-in pages) also the way back to the file.
    pub(super) fn server_bar(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let Some(listener) = &self.live.listener else {
            return;
        };
        let place = server_place(&self.store);
        let connected = listener.is_connected() && self.live.reconnect_at.is_none();
        let offer_file = self.welcome.is_some() || self.gate.is_some();
        egui::Panel::bottom("server_status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let colour = if connected {
                    theme::MUTED
                } else {
                    theme::DANGER
                };
                ui.label(
                    RichText::new(wording::status(&place, connected))
                        .color(colour)
                        .small(),
                );
                if !connected && ui.small_button(wording::RECONNECT).clicked() {
                    actions.push(Action::Reconnect);
                }
                if offer_file && ui.small_button(wording::USE_FILE).clicked() {
                    actions.push(Action::UseDefaultFile);
                }
            });
        });
    }
}

/// `host/db` of the server the store is on.
fn server_place(store: &Store) -> String {
    match store
        .server_address()
        .and_then(|a| crate::store::db::server::ServerAddress::parse(&a).ok())
    {
        Some(a) => format!("{}/{}", a.host, a.dbname),
        None => String::new(),
    }
}
