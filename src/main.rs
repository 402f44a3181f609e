//! The `mediadesk` launcher: no subcommand opens the window; a subcommand runs headless.
//! Both write their log beside the database.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    mediadesk::started();
    let cli = mediadesk::cli::Cli::parse();
    let db = cli.db_path();
    let _log = mediadesk::log::init(&db);
    if cli.command.is_none() {
        mediadesk::ui::run_window(db, cli.screenshot)
    } else {
        mediadesk::cli::run(cli)
    }
}
