//! The egui window: the only part of MediaDesk that knows egui. Views draw and return
//! [`app::Action`]s; [`app::MediaDeskApp`] applies them once per frame.

mod action;
pub mod app;
mod app_exchange;
mod app_people;
mod app_posts;
mod app_registry;
mod app_server;
mod app_settings;
pub mod audit_view;
mod auto_backup;
mod calendar_view;
mod connection;
pub mod database_section;
mod filings_view;
mod history_view;
pub mod import_dialog;
mod import_preview;
mod platform_dialog;
mod platform_form;
mod post_form;
pub mod post_view;
pub mod posts_view;
mod preview;
pub mod registry_view;
pub mod screened_editor;
mod server_form;
pub mod settings_view;
mod sign_in_view;
mod start_failed;
pub mod supervision_view;
pub mod theme;
pub mod todo_view;
mod units_view;
mod users_view;
mod welcome;
mod widgets;
pub mod words_view;

pub use action::Page;
pub use app::{Hooks, MediaDeskApp};
pub use run::run_window;

mod run;
pub use registry_view::RegistryView;
pub use screened_editor::ScreenedEditor;
pub use words_view::WordsView;
