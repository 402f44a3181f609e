//! Passwords on the command line (issue 14): `users reset-password` by a system
//! administrator leaves a temporary password; its owner's commands are then refused (in
//! Chinese, exit 1) until `users password` has set their own, which needs the current one.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(db: &Path, args: &[&str], password: &str, new_password: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mediadesk"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MEDIADESK_DB")
        .env("MEDIADESK_PASSWORD", password)
        .env("MEDIADESK_NEW_PASSWORD", new_password)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_reset_password_must_be_changed_before_anything_else() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let demo = mediadesk::store::DEMO_PASSWORD;
    assert!(run(&db, &["demo"], "", "").status.success());
    let reset = run(
        &db,
        &[
            "--as",
            "admin",
            "users",
            "reset-password",
            "--login",
            "zhangzhe",
        ],
        demo,
        "temp-pass-2026",
    );
    assert!(reset.status.success(), "{}", err(&reset));
    assert!(String::from_utf8_lossy(&reset.stdout).contains("zhangzhe"));
    // The old password is gone; the temporary one signs in but is refused any command.
    let old = run(&db, &["--as", "zhangzhe", "units", "list"], demo, "");
    assert!(!old.status.success());
    let refused = run(
        &db,
        &["--as", "zhangzhe", "units", "list"],
        "temp-pass-2026",
        "",
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        err(&refused).contains("users password"),
        "{}",
        err(&refused)
    );
    assert!(refused.stdout.is_empty());
    // The change itself, with the temporary password as the current one, is let through.
    let own = run(
        &db,
        &["--as", "zhangzhe", "users", "password"],
        "temp-pass-2026",
        "mine-pass-2026",
    );
    assert!(own.status.success(), "{}", err(&own));
    let ok = run(
        &db,
        &["--as", "zhangzhe", "units", "list"],
        "mine-pass-2026",
        "",
    );
    assert!(ok.status.success(), "{}", err(&ok));
    // A person without 管理账号 cannot reset another's password.
    let forbidden = run(
        &db,
        &[
            "--as",
            "zhangzhe",
            "users",
            "reset-password",
            "--login",
            "lijun",
        ],
        "mine-pass-2026",
        "temp-pass-2026",
    );
    assert_eq!(forbidden.status.code(), Some(1));
    // Both are on the audit chain.
    let audit = run(&db, &["audit", "log", "--object", "user:"], "", "");
    let listed = String::from_utf8_lossy(&audit.stdout);
    assert!(listed.contains("重置"), "{listed}");
}
