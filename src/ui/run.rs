//! Opening the window: the store (or the reason it cannot be opened), eframe's options, and
//! `--screenshot` for the smoke test.

use std::path::PathBuf;
use std::process::ExitCode;

use super::MediaDeskApp;
use crate::store::Location;

/// Opens the window on the database at `db` (a file, or `postgres://…`); with `screenshot`, saves the first fully drawn
/// frame there and quits.
pub fn run_window(db: PathBuf, screenshot: Option<PathBuf>) -> ExitCode {
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
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 560.0]),
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
            let mut app = MediaDeskApp::new(store, crate::today());
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
