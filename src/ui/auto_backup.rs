//! The daily automatic backup while the window runs: one at start, then one a day, each on a
//! thread of its own that copies the database file through a second, read-only connection
//! (`store::back_up_file`), so the window never waits for it, whatever the database's size. The
//! result comes back over a channel; a failure is a message under the navigation, never a
//! panic and never a stop of the window.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use eframe::egui;

use crate::ops::exchange::KEEP_BACKUPS;
use crate::store::back_up_file;

/// How long between two automatic backups while the window stays open.
pub const EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// The running schedule; dropping it stops the thread, waiting for a backup in progress to
/// end (at most a second or two): a restore or a switch of database that follows never
/// meets the file still open for reading.
pub struct AutoBackup {
    results: Receiver<Result<PathBuf, String>>,
    /// Never sent on: the thread stops when it is dropped.
    stop: Option<Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for AutoBackup {
    fn drop(&mut self) {
        self.stop.take();
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            tracing::error!("the automatic backup's thread panicked");
        }
    }
}

impl AutoBackup {
    /// Starts backing `db` up into `folder` now and every [`EVERY`]; `ctx` is woken when a
    /// backup failed. `Err` when the system refuses a new thread.
    pub fn start(
        db: PathBuf,
        folder: PathBuf,
        ctx: Option<egui::Context>,
    ) -> std::io::Result<Self> {
        let (results_tx, results) = mpsc::channel();
        let (stop, stop_rx) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("auto-backup".into())
            .spawn(move || {
                loop {
                    let at = chrono::Local::now().naive_local();
                    let result =
                        back_up_file(&db, &folder, KEEP_BACKUPS, at).map_err(|e| e.to_string());
                    // A failure is shown at once; a backup done only refreshes the list,
                    // which the next frame does anyway.
                    let failed = result.is_err();
                    if results_tx.send(result).is_err() {
                        break;
                    }
                    if let (true, Some(ctx)) = (failed, &ctx) {
                        ctx.request_repaint();
                    }
                    match stop_rx.recv_timeout(EVERY) {
                        Err(RecvTimeoutError::Timeout) => continue,
                        _ => break,
                    }
                }
            })?;
        Ok(Self {
            results,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// A backup that finished since the last call: where it went, or why it failed.
    pub fn finished(&self) -> Option<Result<PathBuf, String>> {
        self.results.try_recv().ok()
    }
}

/// Whether the window's schedule runs: started at the first frame on a database file, never
/// on the server (its backups are `pg_dump`'s) or in memory.
#[derive(Default)]
pub enum Schedule {
    #[default]
    NotStarted,
    Running(AutoBackup),
    /// On the server, in memory, or the thread could not be started (said once).
    Off,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_is_taken_at_start_and_a_missing_file_is_a_message_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("mediadesk.db");
        drop(crate::store::Store::open(&db).unwrap());
        let folder = dir.path().join("backups");
        let wait = |running: &AutoBackup| {
            let start = std::time::Instant::now();
            loop {
                if let Some(done) = running.finished() {
                    return done;
                }
                assert!(start.elapsed() < Duration::from_secs(20));
                std::thread::sleep(Duration::from_millis(10));
            }
        };
        let running = AutoBackup::start(db, folder.clone(), None).unwrap();
        let made = wait(&running).unwrap();
        assert!(made.starts_with(&folder) && made.exists());
        // Dropping it stops the thread (joined, not left behind).
        drop(running);

        let gone = AutoBackup::start(dir.path().join("gone.db"), folder, None).unwrap();
        let problem = wait(&gone).unwrap_err();
        assert!(problem.contains("gone.db"), "{problem}");
    }
}
