//! MediaDesk (二级网络平台管理台): the registry, filing and supervision of a university
//! department's websites and new-media accounts, offline, under the school's
//! 《二级网络平台管理办法》 (see `../shared/GLOSSARY.md` for every rule by article).
//!
//! The map, one line per module; the arrows point down (`tests/architecture.rs` checks them):
//! - [`domain`]: pure rules and types, no SQLite, no egui, no files: platforms, units and
//!   validation (第三条), the registry's filtering, the working-day calendar and deadlines
//!   (第四条一), filing records, the lifecycle (第四条二/三), who may do what
//!   ([`domain::permissions`], every article), content screening (第六条三/五, 第八条二), posts
//!   and the three-step workflow (第六条四, 第七条三), the hash-chained audit log and password
//!   rules (第八条一), the installation's settings.
//! - [`store`]: the SQLite database: opening and locking, migrations, repositories; every
//!   write goes through `store::guard`, which asks [`domain::permissions`] inside the write's
//!   transaction and records refusals; users and sign-in, posts, the audit log, supervision
//!   (updates, the school's notices, incidents, training, the due list's facts), demo data.
//! - [`exchange`]: spreadsheets in and out of the registry: the 台账 (and filings, changes,
//!   notices) exported to xlsx, platforms imported from xlsx/xls/ods/csv (UTF-8 or GBK) with
//!   a guessed column mapping and a per-row preview; pure, the store commits.
//! - [`print`]: the filing form, the written reports, the approval slip and the supervision
//!   documents (整改通知书, 通报, 关停决定, 安全事件报告) as page descriptions (also painted as
//!   previews) and as PDF, from plain data; never reads the store.
//! - [`ops`]: the use cases the window and the command line share: print and record filing
//!   forms, the one-copy documents, attachments and scans, calendar and word-list imports,
//!   the supervision due list and history imports, background jobs.
//! - [`ui`]: the egui window; views read `&Store` and return actions that `ui::app` hands to
//!   the file of their page (`app_registry`, `app_posts`, `app_settings`, `app_people`).
//! - [`cli`]: the same operations without a window (`mediadesk <subcommand>`); every write
//!   signs in with `--as`.
//! - [`text`]: every user-facing Chinese word, one file per area; it names the types it words.
//! - [`log`]: the log file beside the database.
//! - [`files`]: bounded reads: no FIFOs, devices or directories; stops at the limit while reading.
//!
//! `main.rs` is the launcher: no subcommand opens the window (`ui::run_window`), a subcommand
//! runs `cli::run`.

pub mod cli;
pub mod domain;
pub mod exchange;
pub mod files;
pub mod log;
pub mod ops;
pub mod print;
pub mod store;
pub mod text;
pub mod ui;

/// Today's date on this computer: deadlines and "not in the future" checks count from it.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// When the process started (the launcher calls it first), for the start-up time that
/// `--screenshot` reports.
pub fn started() -> std::time::Instant {
    *STARTED.get_or_init(std::time::Instant::now)
}
