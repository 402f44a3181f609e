//! The `mediadesk` launcher: no subcommand opens the window; a subcommand runs headless.
//! Both write their log beside the database.

use std::process::ExitCode;

fn main() -> ExitCode {
    mediadesk::started();
    // Argument errors in Chinese (exit 2); --help and --version as clap prints them.
    let cli: mediadesk::cli::Cli = mediadesk::cli::clap_zh::parse();
    let db = cli.db_path();
    // The log goes beside the database file; for a server (`postgres://…`, given or
    // remembered) beside where the default file would be, not in a folder named after the URL.
    let log_anchor = if mediadesk::store::db::server::is_server_address(&db.to_string_lossy()) {
        dirs::data_dir()
            .unwrap_or_else(|| std::path::PathBuf::from("."))
            .join("MediaDesk")
            .join("mediadesk.db")
    } else {
        db.clone()
    };
    let _log = mediadesk::log::init(&log_anchor);
    if cli.command.is_none() {
        mediadesk::ui::run_window(
            db,
            mediadesk::ui::WindowStart {
                screenshot: cli.screenshot,
                page: cli.page,
                size: cli.window_size,
                as_user: cli.as_user,
            },
        )
    } else {
        mediadesk::cli::run(cli)
    }
}
