//! Long work off the window's thread: a worker that reports how far it got, can be told to
//! stop, and hands back its result once. The window polls it each frame; nothing here knows
//! egui (the `wake` callback repaints).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::OpsError;

/// How far a job got, shared with its worker.
#[derive(Clone, Default)]
pub struct Progress {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
}

impl Progress {
    /// Reports progress; false once cancelled (the worker then stops).
    pub fn report(&self, done: usize, total: usize) -> bool {
        self.done.store(done, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        !self.is_cancelled()
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// A job running on its own thread.
pub struct Job<T> {
    progress: Progress,
    result: Receiver<Result<T, OpsError>>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread; `wake` is called on progress and at the end.
    pub fn start(
        total: usize,
        wake: impl Fn() + Send + Sync + 'static,
        work: impl FnOnce(&mut dyn FnMut(usize, usize) -> bool) -> Result<T, OpsError> + Send + 'static,
    ) -> Self {
        let progress = Progress::default();
        progress.total.store(total, Ordering::Relaxed);
        let (tx, result) = channel();
        let shared = progress.clone();
        std::thread::spawn(move || {
            let outcome = work(&mut |done, total| {
                let go_on = shared.report(done, total);
                wake();
                go_on
            });
            let outcome = match outcome {
                Ok(_) if shared.is_cancelled() => Err(crate::print::PrintError::Cancelled.into()),
                other => other,
            };
            // The window may have closed meanwhile; then nobody waits for the answer.
            if tx.send(outcome).is_err() {
                tracing::info!("a background job finished after its window closed");
            }
            wake();
        });
        Self { progress, result }
    }

    /// (done, total) so far.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.progress.done.load(Ordering::Relaxed),
            self.progress.total.load(Ordering::Relaxed),
        )
    }

    pub fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelling(&self) -> bool {
        self.progress.is_cancelled()
    }

    /// `Some` once the worker has finished (done, failed or cancelled).
    pub fn poll(&self) -> Option<Result<T, OpsError>> {
        match self.result.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(OpsError::Interrupted)),
        }
    }

    /// Waits for the result (the command line, tests).
    pub fn wait(self) -> Result<T, OpsError> {
        self.result.recv().unwrap_or(Err(OpsError::Interrupted))
    }
}
