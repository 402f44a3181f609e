//! Opening the window: the store (or the reason it cannot be opened), eframe's options, and
//! `--screenshot`, `--page`, `--window-size`, `--as` for the smoke test and the README's
//! pictures.

use std::path::PathBuf;
use std::process::ExitCode;

use super::MediaDeskApp;
use super::start::{parse_page, parse_size};
use crate::store::Location;

/// What the command line asks of the window besides the database.
#[derive(Debug, Default)]
pub struct WindowStart {
    /// Save the first fully drawn frame there and quit.
    pub screenshot: Option<PathBuf>,
    /// The page to open on (`start::parse_page`).
    pub page: Option<String>,
    /// The window's size, `1024x640`.
    pub size: Option<String>,
    /// Sign in as this account (password from `MEDIADESK_PASSWORD`, else asked on the page).
    pub as_user: Option<String>,
}

/// Opens the window on the database at `db` (a file, or `postgres://…`) as `start` asks.
pub fn run_window(db: PathBuf, start: WindowStart) -> ExitCode {
    let page = match start.page.as_deref().map(parse_page).transpose() {
        Ok(page) => page,
        Err(e) => return usage_error(&e),
    };
    let asked = match start.size.as_deref().map(parse_size).transpose() {
        Ok(size) => size,
        Err(e) => return usage_error(&e),
    };
    let login = start
        .as_user
        .map(|login| (login, std::env::var("MEDIADESK_PASSWORD").ok()));
    let screenshot = start.screenshot;
    // A server that wants a password (or is not reached) opens the page that asks or
    // retries; the location is kept for it.
    let (location, store) = match Location::parse(&db) {
        Ok(location) => {
            let store = location.open(None);
            (Some(location), store)
        }
        Err(e) => (None, Err(e)),
    };
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title(crate::text::APP_TITLE)
            // Where eframe keeps the window's state between starts (column widths, size).
            .with_app_id("MediaDesk")
            .with_inner_size(asked.unwrap_or([1280.0, 800.0]))
            .with_min_inner_size([900.0, 560.0]),
        // A size asked for on the command line wins over the one remembered from last time.
        persist_window: asked.is_none(),
        ..Default::default()
    };
    if let Err(e) = &store {
        eprintln!("{}", crate::text::cli::error_line(&e.to_string()));
    }
    let result = eframe::run_native(
        crate::text::APP_TITLE,
        options,
        Box::new(move |cc| {
            MediaDeskApp::setup(&cc.egui_ctx);
            let mut app = MediaDeskApp::new(store, crate::today()).start_as(login, page);
            if let Some(location) = location {
                app = app.with_location(location);
            }
            if let Some(path) = screenshot {
                app = app.with_screenshot(path);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("the window could not open: {e}");
            eprintln!(
                "{}",
                crate::text::cli::error_line(&crate::text::ui_window::window_failed(e))
            );
            ExitCode::from(1)
        }
    }
}

/// A bad `--page` or `--window-size`: said in Chinese, exit 2 as for any argument.
fn usage_error(message: &str) -> ExitCode {
    eprintln!("{}", crate::text::cli::error_line(message));
    ExitCode::from(2)
}
