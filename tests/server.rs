//! The school's server: the same steps give the same audit chain on both backends, sixteen
//! desks at once keep the chain one line, a whole database moves between a file and the
//! server, and every way of failing to reach the server says what happened. These run when
//! `MEDIADESK_TEST_PG` names a server (`.ci/start-postgres`); without one they say so.
#![allow(clippy::unwrap_used)]

mod common;
use common::{news, wechat};

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use common::backends::{Backend, fresh_store, test_server, with_backend};
use mediadesk::domain::workflow::PostAction;
use mediadesk::store::db::server::{ServerAddress, ServerError};
use mediadesk::store::{DEMO_PASSWORD, PostFilter, Store, StoreError};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn clock() -> chrono::NaiveDateTime {
    today().and_hms_opt(10, 30, 0).unwrap()
}

/// One entry as both backends must agree on it: (seq, actor, action, object, from, to,
/// comment, sealed). Not the hashes: every account's key is new on each, so seals differ;
/// nor a `key_issued` comment, which holds that key.
type Step = (u64, String, String, String, String, String, String, bool);

/// The demo and three steps of one post, at a fixed time: the chain's entries.
fn steps_on_current_backend() -> Vec<Step> {
    let mut s = fresh_store();
    s.freeze_clock(clock());
    s.load_demo(today()).unwrap();
    let p = wechat(&s);
    s.sign_in("zhangzhe", DEMO_PASSWORD).unwrap();
    let id = s
        .create_post(&news(p, "商学院举办职业生涯规划讲座"))
        .unwrap();
    let v = s.post(id).unwrap().version;
    s.post_step(id, v, &PostAction::Submit).unwrap();
    s.sign_out().unwrap();
    s.sign_in("liuxiaoyan", DEMO_PASSWORD).unwrap();
    let v = s.post(id).unwrap().version;
    s.post_step(
        id,
        v,
        &PostAction::Approve {
            comment: "同意".into(),
        },
    )
    .unwrap();
    assert!(s.verify_audit().unwrap().broken.is_none());
    s.audit_entries(&mediadesk::store::AuditFilter {
        limit: 100_000,
        ..Default::default()
    })
    .unwrap()
    .into_iter()
    .map(|e| {
        let comment = if e.action == "key_issued" {
            e.comment.split(' ').next().unwrap_or("").to_owned()
        } else {
            e.comment
        };
        let sealed = e.seal.is_some();
        (
            e.seq, e.actor, e.action, e.object, e.from, e.to, comment, sealed,
        )
    })
    .collect()
}

#[test]
fn the_same_steps_give_the_same_chain_on_both_backends() {
    let mut file = Vec::new();
    let mut server = Vec::new();
    with_backend(Backend::Sqlite, || file = steps_on_current_backend());
    with_backend(Backend::Postgres, || server = steps_on_current_backend());
    if test_server().is_none() {
        return;
    }
    assert!(file.len() > 100, "{}", file.len());
    assert_eq!(file.len(), server.len());
    for (a, b) in file.iter().zip(&server) {
        assert_eq!(a, b);
    }
}

/// Sixteen desks, each its own connection to one demo school, take random steps at once.
#[test]
fn sixteen_desks_at_once_keep_one_chain_and_every_step() {
    with_backend(Backend::Postgres, || {
        let url = test_server().unwrap();
        let address = ServerAddress::parse(&url).unwrap();
        let mut first = fresh_store();
        first.load_demo(today()).unwrap();
        let schema: String = first.current_schema_for_tests().unwrap();
        let before = first.verify_audit().unwrap().verified;
        let platform = wechat(&first);
        let committed = Arc::new(AtomicU64::new(0));
        const DESKS: usize = 16;
        const STEPS: usize = 500;
        let logins = ["zhangzhe", "liuxiaoyan", "lijun", "wangjianguo"];
        let handles: Vec<_> = (0..DESKS)
            .map(|desk| {
                let address = address.clone();
                let schema = schema.clone();
                let committed = Arc::clone(&committed);
                let login = logins[desk % logins.len()];
                std::thread::spawn(move || {
                    let mut s = Store::open_server_in(&address, None, Some(&schema)).unwrap();
                    s.freeze_clock(clock());
                    s.sign_in(login, DEMO_PASSWORD).unwrap();
                    let mut rng = 0x9E37_79B9_7F4A_7C15u64 ^ (desk as u64 + 1);
                    let mut next = move || {
                        rng ^= rng << 13;
                        rng ^= rng >> 7;
                        rng ^= rng << 17;
                        rng
                    };
                    for step in 0..STEPS {
                        let posts = s
                            .posts(&PostFilter {
                                limit: 200,
                                ..Default::default()
                            })
                            .unwrap();
                        let roll = next() % 10;
                        let result = if roll == 0 || posts.is_empty() {
                            s.create_post(&news(platform, &format!("第{desk}桌第{step}条")))
                                .map(|_| ())
                        } else {
                            let post = &posts[(next() as usize) % posts.len()];
                            let action = match next() % 5 {
                                0 => PostAction::Submit,
                                1 => PostAction::Approve {
                                    comment: "同意".into(),
                                },
                                2 => PostAction::Reject {
                                    comment: "请补充来源".into(),
                                },
                                3 => PostAction::Publish {
                                    link: "https://mp.weixin.qq.com/s/x".into(),
                                    at: clock(),
                                },
                                _ => PostAction::Withdraw,
                            };
                            s.post(post.id)
                                .and_then(|p| s.post_step(post.id, p.version, &action))
                                .map(|_| ())
                        };
                        match result {
                            Ok(()) => {
                                committed.fetch_add(1, Ordering::Relaxed);
                            }
                            // Refused by the rules or overtaken by another desk: expected.
                            Err(
                                StoreError::Forbidden(_)
                                | StoreError::Stale { .. }
                                | StoreError::Conflict(_)
                                | StoreError::Rejected(_)
                                | StoreError::Workflow(_)
                                | StoreError::Invalid(_)
                                | StoreError::ScreeningBlocks { .. },
                            ) => {}
                            Err(e) => panic!("desk {desk} step {step}: {e:?}"),
                        }
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        let check = first.verify_audit().unwrap();
        assert!(check.broken.is_none(), "{:?}", check.problem);
        // Every committed step left exactly one post entry; refusals left `refused` entries.
        let entries = first
            .audit_entries(&mediadesk::store::AuditFilter {
                limit: 1_000_000,
                ..Default::default()
            })
            .unwrap();
        let new_post_steps = entries
            .iter()
            .filter(|e| e.seq > before && e.object.starts_with("post:") && !e.to.is_empty())
            .count() as u64;
        assert_eq!(new_post_steps, committed.load(Ordering::Relaxed));
        assert!(new_post_steps > 100, "{new_post_steps}");
        // Every post's history is one unbroken line from its creation to its state now.
        for post in first
            .posts(&PostFilter {
                limit: 1_000_000,
                ..Default::default()
            })
            .unwrap()
        {
            let history: Vec<_> = first
                .post_history(post.id)
                .unwrap()
                .into_iter()
                .filter(|e| !e.to.is_empty())
                .collect();
            assert_eq!(history.first().unwrap().from, "", "post {}", post.id);
            for pair in history.windows(2) {
                assert_eq!(pair[0].to, pair[1].from, "post {}", post.id);
            }
            assert_eq!(
                history.last().unwrap().to,
                post.state.code(),
                "post {}",
                post.id
            );
        }
    });
}

#[test]
fn a_database_moves_to_the_server_and_back_intact() {
    with_backend(Backend::Postgres, || {
        let mut file = Store::open_in_memory().unwrap();
        file.load_demo(today()).unwrap();
        let server = fresh_store();
        let report = file.copy_into(&server).unwrap();
        assert_eq!(report.tables, file.table_counts().unwrap());
        assert_eq!(
            server.verify_audit().unwrap().head,
            file.verify_audit().unwrap().head
        );
        // What the database derives (latest activity, counts per month) is derived again
        // there, identical, though never copied.
        let since = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        assert_eq!(
            server.monthly_activity(since).unwrap(),
            file.monthly_activity(since).unwrap()
        );
        assert_eq!(
            server.supervision_facts(today()).unwrap(),
            file.supervision_facts(today()).unwrap()
        );
        // A second copy onto data is refused, and changes nothing.
        let counts = server.table_counts().unwrap();
        assert!(matches!(
            file.copy_into(&server),
            Err(StoreError::TargetNotEmpty { .. })
        ));
        assert_eq!(server.table_counts().unwrap(), counts);
        // New rows on the server continue after the copied ids.
        let mut server = server;
        server.sign_in("zhangzhe", DEMO_PASSWORD).unwrap();
        let p = wechat(&server);
        let id = server.create_post(&news(p, "复制之后新建")).unwrap();
        assert!(
            id > file
                .posts(&PostFilter::default())
                .unwrap()
                .iter()
                .map(|r| r.id)
                .max()
                .unwrap()
        );
        // And back to a file.
        let back = Store::open_in_memory().unwrap();
        server.copy_into(&back).unwrap();
        assert_eq!(back.table_counts().unwrap(), server.table_counts().unwrap());
        assert!(back.verify_audit().unwrap().broken.is_none());
    });
}

#[test]
fn a_server_schema_from_a_newer_mediadesk_is_refused_untouched() {
    with_backend(Backend::Postgres, || {
        let s = fresh_store();
        let schema = s.current_schema_for_tests().unwrap();
        s.execute_raw_for_tests("UPDATE mediadesk_schema SET version = 99")
            .unwrap();
        drop(s);
        let address = ServerAddress::parse(&test_server().unwrap()).unwrap();
        let err = Store::open_server_in(&address, None, Some(&schema))
            .err()
            .unwrap();
        assert!(
            matches!(err, StoreError::NewerVersion { found: 99, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("更新版本"), "{err}");
    });
}

#[test]
fn every_way_of_not_reaching_the_server_is_said_in_words() {
    with_backend(Backend::Postgres, || {
        let good = ServerAddress::parse(&test_server().unwrap()).unwrap();
        // Wrong password.
        let mut wrong = good.clone();
        wrong.password = None;
        let err = Store::open_server(&wrong, Some("not-the-password"))
            .err()
            .unwrap();
        assert!(
            matches!(err, StoreError::Server(ServerError::WrongPassword { .. })),
            "{err:?}"
        );
        assert!(err.to_string().contains("密码"), "{err}");
        // No such database.
        let mut missing = good.clone();
        missing.dbname = "mediadesk_no_such_db".into();
        let err = Store::open_server(&missing, None).err().unwrap();
        assert!(
            matches!(err, StoreError::Server(ServerError::NoDatabase { .. })),
            "{err:?}"
        );
        assert!(err.to_string().contains("mediadesk_no_such_db"), "{err}");
        // Nobody listening.
        let mut closed = good.clone();
        closed.port = 1;
        let err = Store::open_server(&closed, None).err().unwrap();
        assert!(
            matches!(err, StoreError::Server(ServerError::Unreachable { .. })),
            "{err:?}"
        );
        assert!(err.to_string().contains("连不上"), "{err}");
        // TLS demanded of a server without it.
        let mut tls = good.clone();
        tls.tls = mediadesk::store::db::server::TlsMode::Require;
        if let Err(err) = Store::open_server(&tls, None) {
            assert!(
                matches!(err, StoreError::Server(ServerError::Tls(_))),
                "{err:?}"
            );
            assert!(err.to_string().contains("加密"), "{err}");
        }
    });
}

#[test]
fn a_connection_dropped_in_the_middle_of_a_step_writes_nothing_and_says_so() {
    with_backend(Backend::Postgres, || {
        let mut s = fresh_store();
        s.load_demo(today()).unwrap();
        s.sign_in("zhangzhe", DEMO_PASSWORD).unwrap();
        let posts_before = s.posts(&PostFilter::default()).unwrap().len();
        let entries_before = s.verify_audit().unwrap().verified;
        let p = wechat(&s);
        let pid = s.backend_pid_for_tests().unwrap();
        let address = ServerAddress::parse(&test_server().unwrap()).unwrap();
        let mut admin = address.connect(None).unwrap();
        admin
            .execute("SELECT pg_terminate_backend($1)", &[&pid])
            .unwrap();
        let err = s.create_post(&news(p, "断线时新建")).err().unwrap();
        assert!(
            matches!(
                err,
                StoreError::Database(mediadesk::store::db::Error::Disconnected(_))
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("连接中断"), "{err}");
        // Back on the server: nothing half-written.
        s.reconnect(None).unwrap();
        assert_eq!(s.posts(&PostFilter::default()).unwrap().len(), posts_before);
        assert_eq!(s.verify_audit().unwrap().verified, entries_before);
        // And the step goes through once the connection is back.
        s.sign_in("zhangzhe", DEMO_PASSWORD).unwrap();
        s.create_post(&news(p, "重连后新建")).unwrap();
    });
}

#[test]
fn a_step_on_one_desk_reaches_another_desk_within_a_second() {
    with_backend(Backend::Postgres, || {
        let mut a = fresh_store();
        a.load_demo(today()).unwrap();
        a.sign_in("zhangzhe", DEMO_PASSWORD).unwrap();
        let p = wechat(&a);
        let (tx, rx) = std::sync::mpsc::channel();
        let listener = a
            .listen_for_changes(move || {
                let _ = tx.send(std::time::Instant::now());
            })
            .unwrap();
        // The first call comes when the listener is connected.
        rx.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
        assert!(listener.is_connected());
        while rx.try_recv().is_ok() {}
        let sent = std::time::Instant::now();
        a.create_post(&news(p, "另一张桌子上新建")).unwrap();
        let seen = rx.recv_timeout(std::time::Duration::from_secs(5)).unwrap();
        let latency = seen.duration_since(sent);
        eprintln!("NOTIFY reached the other desk after {latency:?}");
        assert!(latency < std::time::Duration::from_secs(1), "{latency:?}");
        // A file has nobody else to listen to.
        assert!(
            Store::open_in_memory()
                .unwrap()
                .listen_for_changes(|| {})
                .is_none()
        );
    });
}

#[test]
fn testing_the_connection_reads_without_writing() {
    with_backend(Backend::Postgres, || {
        let address = ServerAddress::parse(&test_server().unwrap()).unwrap();
        let probe = Store::probe_server(&address, None).unwrap();
        assert!(
            probe
                .server_version
                .chars()
                .next()
                .unwrap()
                .is_ascii_digit()
        );
        assert!(probe.schema_version <= probe.supported);
        let mut closed = address.clone();
        closed.port = 1;
        assert!(matches!(
            Store::probe_server(&closed, None),
            Err(StoreError::Server(ServerError::Unreachable { .. }))
        ));
    });
}

#[test]
fn tls_encrypts_and_verify_full_checks_the_certificate_and_the_host() {
    with_backend(Backend::Postgres, || {
        let plain = ServerAddress::parse(&test_server().unwrap()).unwrap();
        let mut client = plain.connect(None).unwrap();
        let ssl: String = client.query_one("SHOW ssl", &[]).unwrap().get(0);
        if ssl != "on" {
            eprintln!("the test server has TLS off: the TLS checks are skipped");
            return;
        }
        let cert: String = client.query_one("SHOW ssl_cert_file", &[]).unwrap().get(0);
        let encrypted = |address: &ServerAddress| -> bool {
            let mut c = address.connect(None).unwrap();
            c.query_one(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
                &[],
            )
            .unwrap()
            .get(0)
        };
        let mut require = plain.clone();
        require.tls = mediadesk::store::db::server::TlsMode::Require;
        assert!(encrypted(&require));
        let mut full = plain.clone();
        full.host = "localhost".into();
        full.tls = mediadesk::store::db::server::TlsMode::VerifyFull;
        full.root_cert = Some(cert.clone().into());
        if std::fs::read(&cert).is_ok() {
            assert!(encrypted(&full));
            // The certificate names localhost, not the address.
            let mut wrong_host = full.clone();
            wrong_host.host = "127.0.0.1".into();
            let err = Store::open_server(&wrong_host, None).err().unwrap();
            assert!(
                matches!(err, StoreError::Server(ServerError::Tls(_))),
                "{err:?}"
            );
            // verify-ca checks the certificate only.
            wrong_host.tls = mediadesk::store::db::server::TlsMode::VerifyCa;
            assert!(encrypted(&wrong_host));
        }
        // A CA "file" that is no certificate.
        let dir = tempfile::tempdir().unwrap();
        let fake = dir.path().join("ca.pem");
        std::fs::write(&fake, "这不是证书").unwrap();
        full.root_cert = Some(fake);
        let err = Store::open_server(&full, None).err().unwrap();
        assert!(
            matches!(err, StoreError::Server(ServerError::RootCert { .. })),
            "{err:?}"
        );
        assert!(err.to_string().contains("CA 证书"), "{err}");
    });
}

#[test]
fn both_backends_have_the_same_tables_and_columns() {
    let mut file = Vec::new();
    let mut server = Vec::new();
    let read = || -> Vec<(String, Vec<String>)> {
        let s = fresh_store();
        mediadesk::store::TABLES
            .iter()
            .map(|t| (t.to_string(), s.table_columns(t).unwrap()))
            .collect()
    };
    with_backend(Backend::Sqlite, || file = read());
    with_backend(Backend::Postgres, || server = read());
    assert!(file.iter().all(|(_, cols)| !cols.is_empty()));
    if test_server().is_some() {
        assert_eq!(file, server);
    }
}

#[test]
fn a_server_that_wants_a_password_nobody_gave_asks_for_one() {
    with_backend(Backend::Postgres, || {
        let mut address = ServerAddress::parse(&test_server().unwrap()).unwrap();
        address.password = None;
        // No PGPASSWORD, no .pgpass entry for this made-up user.
        address.user = "mediadesk_nobody".into();
        let err = Store::open_server(&address, None).err().unwrap();
        assert!(mediadesk::store::Location::needs_password(&err), "{err:?}");
    });
}
