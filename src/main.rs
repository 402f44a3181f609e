//! The `mediadesk` launcher: no subcommand opens the window; a subcommand runs headless.
//! Both write their log beside the database.

use std::process::ExitCode;

fn main() -> ExitCode {
    mediadesk::started();
    // Argument errors in Chinese (exit 2); --help and --version as clap prints them.
    let cli: mediadesk::cli::Cli = mediadesk::cli::clap_zh::parse();
    let db = cli.db_path();
    let _log = mediadesk::log::init(&db);
    if cli.command.is_none() {
        mediadesk::ui::run_window(db, cli.screenshot)
    } else {
        mediadesk::cli::run(cli)
    }
}
