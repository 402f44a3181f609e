//! Work that may wait on the network (reaching the school's server: up to 5 s) runs on a
//! thread, so the window keeps drawing 正在连接…; the result comes back through a channel
//! and wakes the window.

use std::sync::mpsc;

use eframe::egui;

use crate::store::{Location, StoreError};

/// True when the server turned the connection away for want of a (right) password.
pub(super) fn wants_password(e: &StoreError) -> bool {
    Location::needs_password(e)
}

/// One piece of work on its own thread.
pub(super) struct Job<T> {
    rx: mpsc::Receiver<T>,
}

/// How a [`Job`] stands.
pub(super) enum Polled<T> {
    Running,
    Done(T),
    /// The thread ended without an answer (it panicked, or could not start).
    Lost,
}

impl<T: Send + 'static> Job<T> {
    /// Runs `work` on a new thread; the window repaints when it is done.
    pub(super) fn start(ctx: &egui::Context, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("mediadesk-connect".to_owned())
            .spawn(move || {
                let _ = tx.send(work());
                ctx.request_repaint();
            });
        if let Err(e) = spawned {
            tracing::error!("could not start a thread to connect: {e}");
        }
        Self { rx }
    }

    /// The result once there is one.
    pub(super) fn poll(&self) -> Polled<T> {
        match self.rx.try_recv() {
            Ok(t) => Polled::Done(t),
            Err(mpsc::TryRecvError::Empty) => Polled::Running,
            Err(mpsc::TryRecvError::Disconnected) => Polled::Lost,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_hands_back_its_result_and_a_panicked_one_is_lost() {
        let ctx = egui::Context::default();
        let job = Job::start(&ctx, || 7);
        let mut got = None;
        for _ in 0..200 {
            if let Polled::Done(v) = job.poll() {
                got = Some(v);
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(got, Some(7));
        let lost: Job<i32> = Job::start(&ctx, || panic!("boom"));
        let mut was_lost = false;
        for _ in 0..200 {
            if matches!(lost.poll(), Polled::Lost) {
                was_lost = true;
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(was_lost);
    }
}
