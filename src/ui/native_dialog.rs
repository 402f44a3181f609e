//! The desktop's own file dialogs (rfd), and knowing when they could not open. rfd returns
//! `None` both when a person cancels and when no dialog could be shown (on Linux: no
//! xdg-desktop-portal and no `zenity`), so a missing dialog looked like a Cancel and the
//! flow ended silently. Here a dialog known to be unavailable is not tried, and one that
//! "returns" faster than a person could cancel counts as not opened; the window then uses
//! its own chooser (`file_chooser`).

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Faster than anyone can see a dialog and press 取消.
const TOO_FAST: Duration = Duration::from_millis(150);

/// The files a dialog offers: a name for the filter and its extensions.
#[derive(Debug, Clone, Copy)]
pub struct Filter {
    pub name: &'static str,
    pub extensions: &'static [&'static str],
}

/// What to ask the person for.
#[derive(Debug, Clone)]
pub enum Dialog {
    /// An existing file.
    Open(Option<Filter>),
    /// Where to save, with a suggested file name.
    Save { name: String, filter: Filter },
    /// A folder.
    Folder,
}

thread_local! {
    /// Set when the last native dialog of this thread could not open.
    static FAILED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the last native dialog run on this thread could not open (and forgets it). The
/// default `Hooks::dialog_failed`.
pub fn take_failure() -> bool {
    FAILED.with(|f| f.replace(false))
}

/// Shows the desktop's dialog; `None` on Cancel or when it could not open (then
/// [`take_failure`] says so).
pub fn run(dialog: &Dialog) -> Option<PathBuf> {
    FAILED.with(|f| f.set(false));
    if !available() {
        FAILED.with(|f| f.set(true));
        return None;
    }
    let started = Instant::now();
    let picked = match dialog {
        Dialog::Open(filter) => {
            let mut d = rfd::FileDialog::new();
            if let Some(f) = filter {
                d = d.add_filter(f.name, f.extensions);
            }
            d.pick_file()
        }
        Dialog::Save { name, filter } => rfd::FileDialog::new()
            .set_file_name(name)
            .add_filter(filter.name, filter.extensions)
            .save_file(),
        Dialog::Folder => rfd::FileDialog::new().pick_folder(),
    };
    if picked.is_none() && started.elapsed() < TOO_FAST {
        tracing::warn!("the desktop's file dialog returned at once: taken as not opened");
        FAILED.with(|f| f.set(true));
    }
    picked
}

/// Whether the desktop can show a file dialog at all (checked once). Windows and macOS
/// always can; elsewhere rfd needs the xdg-desktop-portal over the session bus, or `zenity`.
pub fn available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        if cfg!(any(target_os = "windows", target_os = "macos")) {
            return true;
        }
        let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() && portal_installed();
        let zenity = on_path("zenity").is_some();
        if !portal && !zenity {
            tracing::warn!("no xdg-desktop-portal and no zenity: the in-window chooser is used");
        }
        portal || zenity
    })
}

/// The portal's D-Bus service file, where the session bus finds it to start it.
fn portal_installed() -> bool {
    let dirs = std::env::var("XDG_DATA_DIRS")
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "/usr/local/share:/usr/share".to_owned());
    let mut roots: Vec<PathBuf> = std::env::split_paths(&dirs).collect();
    if let Some(home) = dirs::data_dir() {
        roots.push(home);
    }
    roots.iter().any(|r| {
        r.join("dbus-1/services/org.freedesktop.portal.Desktop.service")
            .is_file()
    })
}

/// The program `name` on `PATH`, if there is one.
pub fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_program(candidate))
}

fn is_program(path: &Path) -> bool {
    path.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_is_read_once() {
        FAILED.with(|f| f.set(true));
        assert!(take_failure());
        assert!(!take_failure());
    }

    #[test]
    fn programs_are_found_on_path() {
        assert!(on_path("sh").is_some());
        assert!(on_path("no-such-program-mediadesk").is_none());
    }
}
