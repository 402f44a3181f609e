//! The log file: every refused write, every error shown, every failed clean-up, once, in
//! `logs/mediadesk.log.YYYY-MM-DD` beside the database (rolled daily), so a secretary can send
//! it along when something went wrong. Nothing is logged to the terminal.

use std::path::Path;

/// Lines waiting for the writer thread. The default (128,000) is a 4 MB channel whose slots
/// are all touched when it is made: about 1 ms and 4 MB of every command-line process, for a
/// log that sees a handful of lines (issue 16). When full, a line waits rather than is lost.
const BUFFERED_LINES: usize = 1024;

/// Keeps the log writer running; logging stops when it is dropped (at the end of `main`).
pub struct LogGuard {
    _writer: Option<tracing_appender::non_blocking::WorkerGuard>,
}

/// Starts logging into the `logs` folder beside `db`. A folder that cannot be made means no
/// log, never a failed start.
pub fn init(db: &Path) -> LogGuard {
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."))
        .join("logs");
    if std::fs::create_dir_all(&dir).is_err() {
        return LogGuard { _writer: None };
    }
    let appender = tracing_appender::rolling::daily(&dir, "mediadesk.log");
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .buffered_lines_limit(BUFFERED_LINES)
        .lossy(false)
        .finish(appender);
    let subscriber = tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .finish();
    match tracing::subscriber::set_global_default(subscriber) {
        Ok(()) => LogGuard {
            _writer: Some(guard),
        },
        Err(_) => LogGuard { _writer: None },
    }
}
