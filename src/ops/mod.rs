//! Use cases: one function per thing a person can start — print and record a filing, an
//! annual review, a change or ending report, an approval slip; move a filing along; attach
//! a scan or a file; import a calendar or a word list. Each asks the store (which asks
//! `domain::permissions` inside its transaction), reads and writes files, and renders with
//! `print`, in one place for the window and the command line.
//!
//! - `documents`: the plain data `print` renders, read from the store (forms, reports, the
//!   print settings with a custom font read and checked).
//! - `slip`: the 信息发布审核单's data from a post and its audit history.
//! - `filing`: print and record filing forms (one platform, a unit's or the school's annual
//!   review), with the PDF removed again when the record cannot be written.
//! - `reports`: the one-copy documents (信息变更报告, 停止运营报告, 关停通知, 审核单).
//! - `files`: files a person hands in (attachments, scans) and files the window opens.
//! - `imports`: a holiday calendar file, a word-list file, word-list edits.
//! - `job`: long work off the UI thread, with progress and cancel.
//! - `exchange`: the 台账 exported to xlsx, platforms imported from a spreadsheet (preview,
//!   then one transaction), backups.
//! - `supervision`: the due list as of a day, a publishing history imported from a file.

mod error;

pub mod documents;
pub mod exchange;
pub mod files;
pub mod filing;
pub mod imports;
pub mod job;
pub mod notices;
pub mod reports;
pub mod slip;
pub mod supervision;

pub use error::OpsError;
