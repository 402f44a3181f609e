//! `mediadesk db copy|info` and `--db postgres://…` as a script would use them: the real
//! binary, a demo file, and (when `MEDIADESK_TEST_PG` names one) a new database on the server.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn mediadesk(db: &Path, login: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mediadesk"));
    cmd.arg("--db").arg(db);
    if let Some(login) = login {
        cmd.args(["--as", login]);
    }
    cmd.args(args)
        .env_remove("MEDIADESK_DB")
        .env("MEDIADESK_PASSWORD", "demo2026")
        .env(
            "MEDIADESK_CONFIG_DIR",
            std::env::temp_dir().join("mediadesk-cli-db-config"),
        )
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn demo(dir: &Path) -> std::path::PathBuf {
    let a = dir.join("a.db");
    let out = mediadesk(&a, None, &["demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    a
}

fn tables(db: &Path) -> serde_json::Value {
    let out = mediadesk(db, None, &["db", "info", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str::<serde_json::Value>(&stdout(&out)).unwrap()["tables"].clone()
}

#[test]
fn a_file_is_copied_whole_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo(dir.path());
    let b = dir.path().join("副本.db");
    let a_str = a.to_str().unwrap();
    let b_str = b.to_str().unwrap();
    let out = mediadesk(
        &a,
        Some("admin"),
        &["db", "copy", "--from", a_str, "--to", b_str],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("校验通过"), "{}", stdout(&out));
    // The copy holds what the source holds, its own record of the copy included.
    assert_eq!(tables(&a), tables(&b));
    assert!(tables(&b)["posts"].as_i64().unwrap() > 0);
    let verify = mediadesk(&b, None, &["audit", "verify"]);
    assert!(verify.status.success(), "{}", stderr(&verify));
    let info = mediadesk(&b, None, &["db", "info"]);
    assert!(stdout(&info).contains("SQLite"), "{}", stdout(&info));
}

#[test]
fn told_to_replace_a_copy_takes_the_place_of_an_older_database() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo(dir.path());
    let a_str = a.to_str().unwrap();
    // An older database with something the source does not have.
    let b = dir.path().join("旧库.db");
    let b_str = b.to_str().unwrap();
    assert!(mediadesk(&b, None, &["demo"]).status.success());
    let checked = mediadesk(&b, Some("admin"), &["audit", "repair"]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert_ne!(tables(&a), tables(&b));
    let o = mediadesk(
        &a,
        Some("admin"),
        &["db", "copy", "--from", a_str, "--to", b_str, "--replace"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(tables(&a), tables(&b));
    assert!(mediadesk(&b, None, &["audit", "verify"]).status.success());
    assert!(!dir.path().join("旧库.db.copying").exists());
}

#[test]
fn copies_that_would_overwrite_or_lack_a_right_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let a = demo(dir.path());
    let a_str = a.to_str().unwrap();
    let b = dir.path().join("b.db");
    std::fs::write(&b, b"an older copy").unwrap();
    let b_str = b.to_str().unwrap();
    let before = std::fs::read(&a).unwrap();

    let exists = mediadesk(
        &a,
        Some("admin"),
        &["db", "copy", "--from", a_str, "--to", b_str],
    );
    assert_eq!(exists.status.code(), Some(1));
    assert!(stderr(&exists).contains("已经存在"), "{}", stderr(&exists));
    assert_eq!(std::fs::read(&b).unwrap(), b"an older copy");
    // Told to replace, a file that is not ours is still not touched.
    let foreign = mediadesk(
        &a,
        Some("admin"),
        &["db", "copy", "--from", a_str, "--to", b_str, "--replace"],
    );
    assert_eq!(foreign.status.code(), Some(1));
    assert_eq!(std::fs::read(&b).unwrap(), b"an older copy");

    let itself = mediadesk(
        &a,
        Some("admin"),
        &["db", "copy", "--from", a_str, "--to", a_str],
    );
    assert_eq!(itself.status.code(), Some(1));
    assert!(
        stderr(&itself).contains("同一个数据库"),
        "{}",
        stderr(&itself)
    );

    let c = dir.path().join("c.db");
    let c_str = c.to_str().unwrap();
    let nobody = mediadesk(&a, None, &["db", "copy", "--from", a_str, "--to", c_str]);
    assert_eq!(nobody.status.code(), Some(1));
    assert!(stderr(&nobody).contains("--as"), "{}", stderr(&nobody));
    // An information officer may not take every unit's data away.
    let officer = mediadesk(
        &a,
        Some("zhangzhe"),
        &["db", "copy", "--from", a_str, "--to", c_str],
    );
    assert_eq!(officer.status.code(), Some(1));
    assert!(!c.exists(), "a refused copy left a file behind");

    let bad = mediadesk(
        &a,
        Some("admin"),
        &[
            "db",
            "copy",
            "--from",
            a_str,
            "--to",
            "postgres://u@h/d?sslmode=maybe",
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("sslmode"), "{}", stderr(&bad));

    let missing = dir.path().join("missing.db");
    let gone = mediadesk(
        &a,
        Some("admin"),
        &[
            "db",
            "copy",
            "--from",
            missing.to_str().unwrap(),
            "--to",
            c_str,
        ],
    );
    assert_eq!(gone.status.code(), Some(1));
    assert!(stderr(&gone).contains("不存在"), "{}", stderr(&gone));
    assert!(!missing.exists() && !c.exists());
    // The source was only read (and its refused attempts put on record, in the WAL or file).
    assert!(!std::fs::read(&a).unwrap().is_empty() && !before.is_empty());
}

/// A unit joins the school server and takes an offline copy back, all from the command line.
#[test]
fn a_unit_moves_to_the_server_and_back() {
    let Some(url) = std::env::var("MEDIADESK_TEST_PG")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        eprintln!("MEDIADESK_TEST_PG is not set: the server half of this test is skipped");
        return;
    };
    let address = mediadesk::store::db::server::ServerAddress::parse(&url).unwrap();
    let dbname = format!("md_cli_{}", std::process::id());
    let mut admin = address.connect(None).unwrap();
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {dbname}"))
        .unwrap();
    admin
        .batch_execute(&format!(
            "CREATE DATABASE {dbname} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
        ))
        .unwrap();
    let mut server = address.clone();
    server.dbname = dbname.clone();
    let server_url = format!(
        "postgres://{}:{}@{}:{}/{}",
        server.user,
        server.password.clone().unwrap_or_default(),
        server.host,
        server.port,
        dbname
    );
    let dir = tempfile::tempdir().unwrap();
    let a = demo(dir.path());
    let a_str = a.to_str().unwrap();
    let up = mediadesk(
        &a,
        Some("admin"),
        &["db", "copy", "--from", a_str, "--to", &server_url],
    );
    assert!(up.status.success(), "{}", stderr(&up));
    let on_server = Path::new(&server_url);
    let list = mediadesk(on_server, None, &["platforms", "list"]);
    assert!(list.status.success(), "{}", stderr(&list));
    assert!(stdout(&list).contains("西亚斯商学院"), "{}", stdout(&list));
    assert!(stdout(&mediadesk(on_server, None, &["db", "info"])).contains("PostgreSQL"));
    // A write on the server, signed in there.
    let add = mediadesk(on_server, Some("zhangzhe"), &["posts", "list"]);
    assert!(add.status.success(), "{}", stderr(&add));
    // A second copy onto the server is refused.
    let again = mediadesk(
        &a,
        Some("admin"),
        &["db", "copy", "--from", a_str, "--to", &server_url],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("已经有数据"), "{}", stderr(&again));
    // Told to replace, the server's tables are made anew from the file.
    let replaced = mediadesk(
        &a,
        Some("admin"),
        &[
            "db",
            "copy",
            "--from",
            a_str,
            "--to",
            &server_url,
            "--replace",
        ],
    );
    assert!(replaced.status.success(), "{}", stderr(&replaced));
    assert_eq!(tables(on_server), tables(&a));
    // And back to a file for the road.
    let b = dir.path().join("离线副本.db");
    let down = mediadesk(
        on_server,
        Some("admin"),
        &[
            "db",
            "copy",
            "--from",
            &server_url,
            "--to",
            b.to_str().unwrap(),
        ],
    );
    assert!(down.status.success(), "{}", stderr(&down));
    assert_eq!(tables(on_server), tables(&b));
    let verify = mediadesk(&b, None, &["audit", "verify"]);
    assert!(verify.status.success(), "{}", stderr(&verify));
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {dbname} WITH (FORCE)"))
        .unwrap();
}
