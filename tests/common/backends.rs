//! The store tests run on both backends: SQLite always, PostgreSQL when `MEDIADESK_TEST_PG`
//! names a server (`.ci/start-postgres` prints one). `on_both_backends!` turns one test into
//! a `sqlite` and a `postgres` test; inside them `fresh_store()` opens a new in-memory file or
//! a new schema of its own on the server, dropped when the test ends (also when it fails).
#![allow(clippy::unwrap_used, dead_code)]

use std::cell::{Cell, RefCell};

use mediadesk::store::Store;
use mediadesk::store::db::server::ServerAddress;

/// The environment variable naming the test server.
pub const TEST_PG: &str = "MEDIADESK_TEST_PG";

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Backend {
    Sqlite,
    Postgres,
}

thread_local! {
    static BACKEND: Cell<Backend> = const { Cell::new(Backend::Sqlite) };
    static SCHEMAS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The test server's address, when one is named.
pub fn test_server() -> Option<String> {
    std::env::var(TEST_PG).ok().filter(|s| !s.trim().is_empty())
}

/// Drops the schemas made by this thread's test.
struct Cleanup;

impl Drop for Cleanup {
    fn drop(&mut self) {
        let schemas = SCHEMAS.with(|s| std::mem::take(&mut *s.borrow_mut()));
        if schemas.is_empty() {
            return;
        }
        let Some(url) = test_server() else { return };
        if let Ok(mut client) = ServerAddress::parse(&url).unwrap().connect(None) {
            for schema in schemas {
                let _ =
                    client.batch_execute(&format!("DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"));
            }
        }
    }
}

/// Runs `body` with [`fresh_store`] opening stores of `backend`. On PostgreSQL without a
/// test server it says so and returns.
pub fn with_backend(backend: Backend, body: impl FnOnce()) {
    if backend == Backend::Postgres && test_server().is_none() {
        eprintln!("{TEST_PG} is not set: the PostgreSQL run of this test is skipped");
        return;
    }
    BACKEND.with(|b| b.set(backend));
    let _cleanup = Cleanup;
    body();
}

/// A new, empty, migrated database on the current test's backend.
pub fn fresh_store() -> Store {
    match BACKEND.with(Cell::get) {
        Backend::Sqlite => Store::open_in_memory().unwrap(),
        Backend::Postgres => {
            let url = test_server().unwrap();
            let address = ServerAddress::parse(&url).unwrap();
            let schema = unique_schema();
            SCHEMAS.with(|s| s.borrow_mut().push(schema.clone()));
            Store::open_server_in(&address, None, Some(&schema)).unwrap()
        }
    }
}

/// The current test's backend.
pub fn backend() -> Backend {
    BACKEND.with(Cell::get)
}

fn unique_schema() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "t_{}_{}_{nanos}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// Makes `fn name() { … }` two tests, `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! on_both_backends {
    ($(#[$meta:meta])* fn $name:ident() $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[test]
            $(#[$meta])*
            fn sqlite() {
                $crate::common::backends::with_backend(
                    $crate::common::backends::Backend::Sqlite,
                    || $body,
                );
            }
            #[test]
            $(#[$meta])*
            fn postgres() {
                $crate::common::backends::with_backend(
                    $crate::common::backends::Backend::Postgres,
                    || $body,
                );
            }
        }
    };
}
