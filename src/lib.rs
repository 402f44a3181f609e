//! MediaDesk (二级网络平台管理台): the registry, filing and supervision of a university
//! department's websites and new-media accounts, offline, under the school's
//! 《二级网络平台管理办法》 (see `../shared/GLOSSARY.md` for every rule by article).
//!
//! The map, one line per module:
//! - [`domain`]: pure rules and types, no SQLite, no egui: platforms, units and validation
//!   (第三条), the registry's filtering, the working-day calendar and deadlines (第四条一),
//!   filing records, the lifecycle (第四条二/三), content screening (第六条三/五, 第八条二),
//!   posts and the three-step workflow (第六条四, 第七条三), the hash-chained audit log and
//!   password rules (第八条一).
//! - [`store`]: the SQLite database: opening and locking, migrations, repositories, history,
//!   users and sign-in, posts with revisions and attachments, the audit log, demo data.
//! - [`exchange`]: spreadsheets in and out of the registry: the 台账 (and filings, changes,
//!   notices) exported to xlsx, platforms imported from xlsx/xls/ods/csv (UTF-8 or GBK) with
//!   a guessed column mapping and a per-row preview; pure, the store commits.
//! - [`print`]: the filing form, the written reports and the approval slip as page
//!   descriptions (also painted as previews) and as PDF (printpdf, the CJK font embedded once
//!   and subset).
//! - [`ui`]: the egui window; views return actions that `ui::app` applies once per frame.
//! - [`cli`]: the same operations without a window (`mediadesk <subcommand>`).
//! - [`text`]: user-facing Chinese wording shared by the window and the command line.

pub mod cli;
pub mod domain;
pub mod exchange;
pub mod print;
pub mod store;
pub mod text;
pub mod ui;

/// Today's date on this computer: deadlines and "not in the future" checks count from it.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
