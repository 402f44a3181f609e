//! The `mediadesk` binary: no subcommand opens the window; a subcommand runs headless.

use std::process::ExitCode;

fn main() -> ExitCode {
    mediadesk::cli::main()
}
