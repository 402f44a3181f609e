//! Live queues on the server: a thread with its own connection `LISTEN`s on the channel every
//! committed write notifies (`CHANGES_CHANNEL`), and calls back — the window reloads its
//! views and repaints, so a step taken on another desk shows within a second. When the
//! connection breaks it tries again every two seconds until the server is back.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use super::CHANGES_CHANNEL;
use super::server::ServerAddress;

/// The listening thread; stops when dropped.
pub struct ChangeListener {
    stop: Arc<AtomicBool>,
    connected: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl ChangeListener {
    /// Starts listening as `address` (with `password`); `on_change` runs on the listening
    /// thread for every change another desk (or this one) commits.
    pub fn start(
        address: ServerAddress,
        password: Option<String>,
        on_change: impl Fn() + Send + 'static,
    ) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let connected = Arc::new(AtomicBool::new(false));
        let handle = {
            let stop = Arc::clone(&stop);
            let connected = Arc::clone(&connected);
            std::thread::Builder::new()
                .name("mediadesk-listen".to_owned())
                .spawn(move || listen(&address, password.as_deref(), &stop, &connected, &on_change))
                .ok()
        };
        Self {
            stop,
            connected,
            handle,
        }
    }

    /// True while the listening connection is up (the window shows when it is not).
    pub fn is_connected(&self) -> bool {
        self.connected.load(Ordering::Relaxed)
    }
}

impl Drop for ChangeListener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

fn listen(
    address: &ServerAddress,
    password: Option<&str>,
    stop: &AtomicBool,
    connected: &AtomicBool,
    on_change: &dyn Fn(),
) {
    while !stop.load(Ordering::Relaxed) {
        let mut client = match address.connect(password) {
            Ok(c) => c,
            Err(e) => {
                tracing::info!("listening for changes: server not reached ({e:?}); retrying");
                wait(stop, Duration::from_secs(2));
                continue;
            }
        };
        if let Err(e) = client.batch_execute(&format!("LISTEN {CHANGES_CHANNEL}")) {
            tracing::info!("listening for changes: LISTEN failed ({e}); retrying");
            wait(stop, Duration::from_secs(2));
            continue;
        }
        connected.store(true, Ordering::Relaxed);
        // The window may have missed changes while the connection was down.
        on_change();
        while !stop.load(Ordering::Relaxed) {
            {
                let mut notifications = client.notifications();
                let mut iter = notifications.timeout_iter(Duration::from_millis(250));
                loop {
                    match postgres::fallible_iterator::FallibleIterator::next(&mut iter) {
                        Ok(Some(_)) => on_change(),
                        Ok(None) => break,
                        Err(e) => {
                            tracing::info!("listening for changes: connection lost ({e})");
                            connected.store(false, Ordering::Relaxed);
                            break;
                        }
                    }
                }
            }
            if !connected.load(Ordering::Relaxed) || client.is_closed() {
                connected.store(false, Ordering::Relaxed);
                break;
            }
        }
    }
}

fn wait(stop: &AtomicBool, total: Duration) {
    let step = Duration::from_millis(100);
    let mut waited = Duration::ZERO;
    while waited < total && !stop.load(Ordering::Relaxed) {
        std::thread::sleep(step);
        waited += step;
    }
}
