//! The real binary on a test database, as a script runs it: `--as LOGIN` with the demo
//! password in the environment, no terminal to prompt on.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `mediadesk --db DB [--as LOGIN] ARGS…`.
pub fn run(db: &Path, login: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mediadesk"));
    cmd.arg("--db").arg(db);
    if let Some(login) = login {
        cmd.args(["--as", login]);
    }
    cmd.args(args)
        .env_remove("MEDIADESK_DB")
        .env("MEDIADESK_PASSWORD", mediadesk::store::DEMO_PASSWORD)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// What the command printed.
pub fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// What it said went wrong (or warned of).
pub fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
