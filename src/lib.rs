//! MediaDesk (二级网络平台管理台): the registry, filing and supervision of a university
//! department's websites and new-media accounts, offline, under the school's
//! 《二级网络平台管理办法》 (see `../shared/GLOSSARY.md` for every rule by article).
//!
//! The map, one line per module:
//! - [`print`]: the filing form as a page description and as PDF (printpdf, subset CJK font).
//! - [`domain`]: pure rules and types (platforms, units, validation, the registry's filtering);
//!   no SQLite, no egui.
//! - [`store`]: the SQLite database: opening and locking, migrations, repositories, demo data.
//! - [`ui`]: the egui window; views return actions that `ui::app` applies once per frame.
//! - [`cli`]: the same operations without a window (`mediadesk <subcommand>`).
//! - [`text`]: user-facing Chinese wording shared by the window and the command line.

pub mod cli;
pub mod domain;
pub mod print;
pub mod store;
pub mod text;
pub mod ui;

/// Today's date on this computer: deadlines and "not in the future" checks count from it.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
