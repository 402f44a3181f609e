//! `mediadesk sign-in` / `sign-out` as a script uses them (issue 16): the real binary, a
//! temporary database and a temporary config folder. After a sign-in the commands need no
//! password (with `--as`, or without it when the session is the only one); a refused saved
//! sign-in says what to do and is removed; sign-out ends it.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use sha2::{Digest, Sha256};

struct Desk {
    _dir: tempfile::TempDir,
    db: PathBuf,
    config: PathBuf,
    root: PathBuf,
}

impl Desk {
    /// The demo database and an empty config folder.
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        let desk = Desk {
            db: root.join("m.db"),
            config: root.join("config"),
            root,
            _dir: dir,
        };
        assert!(desk.run(&["demo"], None).status.success());
        desk
    }

    /// Runs `mediadesk --db … args` with `password` in MEDIADESK_PASSWORD (none: unset, and
    /// no terminal to prompt on).
    fn run(&self, args: &[&str], password: Option<&str>) -> Output {
        self.run_on(&self.db, args, password)
    }

    fn run_on(&self, db: &Path, args: &[&str], password: Option<&str>) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_mediadesk"));
        c.arg("--db")
            .arg(db)
            .args(args)
            .env_remove("MEDIADESK_DB")
            .env_remove("MEDIADESK_PASSWORD")
            .env("MEDIADESK_CONFIG_DIR", &self.config)
            .stdin(Stdio::null());
        if let Some(p) = password {
            c.env("MEDIADESK_PASSWORD", p);
        }
        c.output().unwrap()
    }

    fn sessions(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.config.join("sessions")) {
            Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// A print that records a filing: a write, so it needs someone signed in.
    fn print(&self, as_user: Option<&str>) -> Output {
        let pdf = self.root.join("form.pdf");
        let mut args = Vec::new();
        if let Some(login) = as_user {
            args.extend(["--as", login]);
        }
        args.extend(["print", "filing-form", "--platform", "6", "--out"]);
        args.push(pdf.to_str().unwrap());
        self.run(&args, None)
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const DEMO: Option<&str> = Some("demo2026");

#[test]
fn after_sign_in_commands_need_no_password_until_sign_out() {
    let desk = Desk::new();
    // Without a session and without a password, a write is refused and says how to sign in.
    let o = desk.print(Some("huangkun"));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("MEDIADESK_PASSWORD"), "{}", stderr(&o));

    let o = desk.run(&["--as", "huangkun", "sign-in"], DEMO);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("已登录"), "{}", stdout(&o));
    assert!(stdout(&o).contains("sign-out"), "{}", stdout(&o));
    let files = desk.sessions();
    assert_eq!(files.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0]).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The token is in the file and not in the database.
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&files[0]).unwrap()).unwrap();
    let token = saved["token"].as_str().unwrap().to_owned();
    assert_eq!(token.len(), 64);
    let db = std::fs::read(&desk.db).unwrap();
    assert!(!db.windows(64).any(|w| w == token.as_bytes()));

    let o = desk.print(Some("huangkun"));
    assert!(o.status.success(), "with --as: {}", stderr(&o));
    let o = desk.print(None);
    assert!(o.status.success(), "the only session: {}", stderr(&o));

    let o = desk.run(&["sign-out"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("已退出"), "{}", stdout(&o));
    assert!(desk.sessions().is_empty());
    let o = desk.print(None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("sign-in"), "{}", stderr(&o));
    // Signed in and out on the audit chain, which still verifies.
    let o = desk.run(&["audit", "verify"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = desk.run(&["audit", "log", "--object", "user:", "--json"], None);
    let text = stdout(&o);
    assert!(text.contains("命令行登录"), "{text}");
    assert!(text.contains("命令行退出登录"), "{text}");
}

#[test]
fn a_wrong_password_saves_nothing() {
    let desk = Desk::new();
    let o = desk.run(&["--as", "huangkun", "sign-in"], Some("wrong-password"));
    assert_eq!(o.status.code(), Some(1));
    assert!(desk.sessions().is_empty());
    let o = desk.run(&["sign-in"], DEMO);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--as"), "{}", stderr(&o));
}

#[test]
fn several_sessions_need_as_to_say_whose() {
    let desk = Desk::new();
    for login in ["huangkun", "songwenbo"] {
        assert!(desk.run(&["--as", login, "sign-in"], DEMO).status.success());
    }
    let o = desk.print(None);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("huangkun") && err.contains("songwenbo"),
        "{err}"
    );
    assert!(desk.print(Some("huangkun")).status.success());
    let o = desk.run(&["sign-out"], None);
    assert_eq!(o.status.code(), Some(1), "sign-out must be told whose too");
    assert!(
        desk.run(&["--as", "songwenbo", "sign-out"], None)
            .status
            .success()
    );
    assert_eq!(desk.sessions().len(), 1);
}

#[test]
fn an_altered_token_is_refused_with_what_to_do_and_removed() {
    let desk = Desk::new();
    assert!(
        desk.run(&["--as", "huangkun", "sign-in"], DEMO)
            .status
            .success()
    );
    let file = desk.sessions().remove(0);
    let text = std::fs::read_to_string(&file).unwrap();
    let saved: serde_json::Value = serde_json::from_str(&text).unwrap();
    let token = saved["token"].as_str().unwrap();
    let altered = format!(
        "{}{}",
        &token[..63],
        if token.ends_with('0') { '1' } else { '0' }
    );
    std::fs::write(&file, text.replace(token, &altered)).unwrap();
    let o = desk.print(Some("huangkun"));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("mediadesk sign-in --as huangkun"),
        "{}",
        stderr(&o)
    );
    assert!(desk.sessions().is_empty(), "a dead file is removed");
}

#[test]
fn a_disabled_account_loses_its_session() {
    let desk = Desk::new();
    assert!(
        desk.run(&["--as", "huangkun", "sign-in"], DEMO)
            .status
            .success()
    );
    {
        let mut s = mediadesk::store::Store::open(&desk.db).unwrap();
        s.sign_in("admin", "demo2026").unwrap();
        let id = s.user_id("huangkun").unwrap().unwrap();
        s.set_user_active(id, false).unwrap();
    }
    let o = desk.print(None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("已停用"), "{}", stderr(&o));
    assert!(desk.sessions().is_empty());
}

/// A session file copied by hand to stand for another database is refused there.
#[test]
fn a_token_for_another_database_is_refused() {
    let desk = Desk::new();
    assert!(
        desk.run(&["--as", "huangkun", "sign-in"], DEMO)
            .status
            .success()
    );
    let other = desk.root.join("other.db");
    std::fs::copy(&desk.db, &other).unwrap();
    // Where the other database's file for huangkun would be.
    let identity = std::fs::canonicalize(&other).unwrap();
    let key = Sha256::digest(format!("{}\nhuangkun", identity.display()));
    let name = format!("{}.json", &hex::encode(key)[..32]);
    let file = desk.sessions().remove(0);
    std::fs::copy(&file, file.with_file_name(name)).unwrap();
    let pdf = desk.root.join("other.pdf");
    let o = desk.run_on(
        &other,
        &[
            "--as",
            "huangkun",
            "print",
            "filing-form",
            "--platform",
            "6",
            "--out",
            pdf.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("另一个数据库"), "{}", stderr(&o));
    // The original's own file still works.
    assert!(desk.print(None).status.success());
}
