//! Reaching the school's server: `postgres://user@host:port/dbname` (or `postgresql://`)
//! with libpq's TLS modes (`sslmode=disable|prefer|require|verify-ca|verify-full`,
//! `sslrootcert=FILE`), the password from the address, the caller, `PGPASSWORD` or a
//! `.pgpass` file as libpq finds it. The address shown anywhere never carries the password.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

/// True when `s` names a server rather than a file.
pub fn is_server_address(s: &str) -> bool {
    let lower = s.trim_start().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

/// How the connection is protected, as libpq names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TlsMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl TlsMode {
    pub fn code(self) -> &'static str {
        match self {
            TlsMode::Disable => "disable",
            TlsMode::Prefer => "prefer",
            TlsMode::Require => "require",
            TlsMode::VerifyCa => "verify-ca",
            TlsMode::VerifyFull => "verify-full",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            TlsMode::Disable,
            TlsMode::Prefer,
            TlsMode::Require,
            TlsMode::VerifyCa,
            TlsMode::VerifyFull,
        ]
        .into_iter()
        .find(|m| m.code() == code)
    }
}

/// A server address taken apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerAddress {
    pub host: String,
    pub port: u16,
    pub dbname: String,
    pub user: String,
    /// Only when the address itself carried one.
    pub password: Option<String>,
    pub tls: TlsMode,
    pub root_cert: Option<PathBuf>,
}

/// What is wrong with an address or a connection attempt.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The address does not parse; the reason in the parser's words.
    BadAddress(String),
    /// An option this program does not know (`name=value`).
    UnknownOption(String),
    /// The CA file for `verify-ca`/`verify-full` is missing or unreadable.
    RootCert {
        path: PathBuf,
        reason: String,
    },
    /// `verify-ca`/`verify-full` without `sslrootcert`.
    NoRootCert,
    /// No server answers at host:port (down, firewall, wrong address).
    Unreachable {
        host: String,
        port: u16,
        reason: String,
    },
    /// The server asks for a password and none was given (typed, `PGPASSWORD`, `.pgpass`).
    PasswordNeeded {
        user: String,
    },
    /// The server refused the user or password.
    WrongPassword {
        user: String,
    },
    /// The server has no such database.
    NoDatabase {
        dbname: String,
    },
    /// The TLS handshake failed (server without TLS, untrusted certificate, wrong host name).
    Tls(String),
    /// The server does not let this address connect (`pg_hba.conf`).
    NotAllowed(String),
    /// The database sorts text by its locale; MediaDesk needs the byte order SQLite uses.
    Collation {
        dbname: String,
        collation: String,
    },
    Other(String),
}

impl ServerAddress {
    /// Parses `postgres://user[:password]@host[:port]/dbname[?sslmode=…&sslrootcert=…]`.
    pub fn parse(address: &str) -> Result<Self, ServerError> {
        let address = address.trim();
        let (base, query) = match address.split_once('?') {
            Some((b, q)) => (b, q),
            None => (address, ""),
        };
        let mut tls = TlsMode::Prefer;
        let mut root_cert = None;
        let mut passthrough = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "sslmode" => {
                    tls = TlsMode::from_code(v)
                        .ok_or_else(|| ServerError::UnknownOption(pair.to_owned()))?
                }
                "sslrootcert" => root_cert = Some(PathBuf::from(percent_decode(v))),
                "connect_timeout" | "application_name" => passthrough.push(pair),
                _ => return Err(ServerError::UnknownOption(pair.to_owned())),
            }
        }
        let config =
            postgres::Config::from_str(base).map_err(|e| ServerError::BadAddress(e.to_string()))?;
        let host = match config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
            None => "localhost".to_owned(),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let user = config
            .get_user()
            .map(str::to_owned)
            .filter(|u| !u.is_empty())
            .ok_or_else(|| ServerError::BadAddress("user".to_owned()))?;
        let dbname = config
            .get_dbname()
            .map(str::to_owned)
            .filter(|d| !d.is_empty())
            .ok_or_else(|| ServerError::BadAddress("dbname".to_owned()))?;
        let password = config
            .get_password()
            .map(|p| String::from_utf8_lossy(p).into_owned());
        if matches!(tls, TlsMode::VerifyCa | TlsMode::VerifyFull) && root_cert.is_none() {
            return Err(ServerError::NoRootCert);
        }
        Ok(Self {
            host,
            port,
            dbname,
            user,
            password,
            tls,
            root_cert,
        })
    }

    /// The address as shown and remembered: never with a password.
    pub fn display(&self) -> String {
        let mut s = format!(
            "postgres://{}@{}:{}/{}",
            self.user, self.host, self.port, self.dbname
        );
        let mut opts = Vec::new();
        if self.tls != TlsMode::Prefer {
            opts.push(format!("sslmode={}", self.tls.code()));
        }
        if let Some(p) = &self.root_cert {
            opts.push(format!("sslrootcert={}", p.display()));
        }
        if !opts.is_empty() {
            s.push('?');
            s.push_str(&opts.join("&"));
        }
        s
    }

    /// The password to use: the one given, else the address's, else `PGPASSWORD`, else the
    /// matching `.pgpass` line.
    pub fn password(&self, given: Option<&str>) -> Option<String> {
        given
            .map(str::to_owned)
            .or_else(|| self.password.clone())
            .or_else(|| std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty()))
            .or_else(|| {
                let text = std::fs::read_to_string(pgpass_path()?).ok()?;
                pgpass_lookup(&text, self)
            })
    }

    /// Opens a connection (5 s to answer), TLS as asked.
    pub fn connect(&self, password: Option<&str>) -> Result<postgres::Client, ServerError> {
        let mut config = postgres::Config::new();
        config
            .host(&self.host)
            .port(self.port)
            .user(&self.user)
            .dbname(&self.dbname)
            .application_name("MediaDesk")
            .connect_timeout(Duration::from_secs(5))
            .keepalives_idle(Duration::from_secs(30));
        if let Some(p) = self.password(password) {
            config.password(p);
        }
        let result = match self.tls {
            TlsMode::Disable => {
                config.ssl_mode(postgres::config::SslMode::Disable);
                config.connect(postgres::NoTls)
            }
            mode => {
                config.ssl_mode(if mode == TlsMode::Prefer {
                    postgres::config::SslMode::Prefer
                } else {
                    postgres::config::SslMode::Require
                });
                config.connect(self.tls_connector()?)
            }
        };
        result.map_err(|e| self.explain(e))
    }

    fn tls_connector(&self) -> Result<postgres_native_tls::MakeTlsConnector, ServerError> {
        let mut builder = native_tls::TlsConnector::builder();
        match self.tls {
            TlsMode::Disable | TlsMode::Prefer | TlsMode::Require => {
                // libpq's `require` encrypts without checking who answers.
                builder
                    .danger_accept_invalid_certs(true)
                    .danger_accept_invalid_hostnames(true);
            }
            TlsMode::VerifyCa | TlsMode::VerifyFull => {
                let path = self.root_cert.clone().ok_or(ServerError::NoRootCert)?;
                let pem = crate::files::read_bytes(&path, 1024 * 1024).map_err(|e| {
                    ServerError::RootCert {
                        path: path.clone(),
                        reason: e.to_string(),
                    }
                })?;
                let cert =
                    native_tls::Certificate::from_pem(&pem).map_err(|e| ServerError::RootCert {
                        path: path.clone(),
                        reason: e.to_string(),
                    })?;
                builder.add_root_certificate(cert);
                builder.danger_accept_invalid_hostnames(self.tls == TlsMode::VerifyCa);
            }
        }
        let connector = builder
            .build()
            .map_err(|e| ServerError::Tls(e.to_string()))?;
        Ok(postgres_native_tls::MakeTlsConnector::new(connector))
    }

    fn explain(&self, e: postgres::Error) -> ServerError {
        use postgres::error::SqlState;
        // The client's own errors put the reason in the cause ("invalid configuration" →
        // "password missing").
        let text = full_chain(&e);
        match e.code() {
            Some(c) if *c == SqlState::INVALID_PASSWORD => ServerError::WrongPassword {
                user: self.user.clone(),
            },
            Some(c) if *c == SqlState::INVALID_AUTHORIZATION_SPECIFICATION => {
                let msg = e
                    .as_db_error()
                    .map(|d| d.message().to_owned())
                    .unwrap_or(text);
                if msg.contains("pg_hba") {
                    ServerError::NotAllowed(msg)
                } else {
                    ServerError::WrongPassword {
                        user: self.user.clone(),
                    }
                }
            }
            Some(c) if *c == SqlState::INVALID_CATALOG_NAME => ServerError::NoDatabase {
                dbname: self.dbname.clone(),
            },
            Some(_) => ServerError::Other(
                e.as_db_error()
                    .map(|d| d.message().to_owned())
                    .unwrap_or(text),
            ),
            None if text.contains("password missing") => ServerError::PasswordNeeded {
                user: self.user.clone(),
            },
            None if text.to_ascii_lowercase().contains("tls")
                || text.to_ascii_lowercase().contains("ssl")
                || text.contains("certificate") =>
            {
                ServerError::Tls(full_chain(&e))
            }
            None => ServerError::Unreachable {
                host: self.host.clone(),
                port: self.port,
                reason: full_chain(&e),
            },
        }
    }
}

fn full_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut source = e.source();
    while let Some(inner) = source {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        source = inner.source();
    }
    s
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Where libpq looks for saved passwords: `PGPASSFILE`, else `~/.pgpass`
/// (`%APPDATA%\postgresql\pgpass.conf` on Windows).
fn pgpass_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PGPASSFILE").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    if cfg!(windows) {
        dirs::config_dir().map(|d| d.join("postgresql").join("pgpass.conf"))
    } else {
        dirs::home_dir().map(|d| d.join(".pgpass"))
    }
}

/// The password of the first `host:port:database:user:password` line that matches (`*`
/// matches anything; `\:` and `\\` are escapes), as libpq reads it.
pub fn pgpass_lookup(text: &str, address: &ServerAddress) -> Option<String> {
    let port = address.port.to_string();
    let wanted = [
        address.host.as_str(),
        port.as_str(),
        address.dbname.as_str(),
        address.user.as_str(),
    ];
    text.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|line| {
            let fields = split_pgpass(line);
            if fields.len() != 5 {
                return None;
            }
            let matches = fields[..4]
                .iter()
                .zip(wanted)
                .all(|(f, w)| f == "*" || f == w);
            matches.then(|| fields[4].clone())
        })
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next()
                    && let Some(last) = fields.last_mut()
                {
                    last.push(n);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            _ => {
                if let Some(last) = fields.last_mut() {
                    last.push(c);
                }
            }
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_parse_with_their_tls_mode_and_show_no_password() {
        let a = ServerAddress::parse(
            "postgres://xwb:secret@db.example.edu.cn:6543/mediadesk?sslmode=verify-full&sslrootcert=/etc/ca%20root.pem",
        )
        .unwrap();
        assert_eq!(a.host, "db.example.edu.cn");
        assert_eq!(a.port, 6543);
        assert_eq!(a.dbname, "mediadesk");
        assert_eq!(a.user, "xwb");
        assert_eq!(a.password.as_deref(), Some("secret"));
        assert_eq!(a.tls, TlsMode::VerifyFull);
        assert_eq!(a.root_cert, Some(PathBuf::from("/etc/ca root.pem")));
        assert!(!a.display().contains("secret"));
        assert_eq!(
            ServerAddress::parse("postgresql://u@h/d")
                .unwrap()
                .display(),
            "postgres://u@h:5432/d"
        );
    }

    #[test]
    fn bad_addresses_are_refused_with_the_reason() {
        for (address, expect) in [
            ("postgres://h/d", "user"),
            ("postgres://u@h", "dbname"),
            ("postgres://u@h/d?sslmode=maybe", "sslmode"),
            ("postgres://u@h/d?colour=red", "colour"),
            ("postgres://u@h/d?sslmode=verify-full", "rootcert"),
            ("postgres://u@h:99999/d", "invalid"),
        ] {
            let err = ServerAddress::parse(address).unwrap_err();
            let shown = format!("{err:?}").to_lowercase();
            assert!(shown.contains(expect), "{address}: {shown}");
        }
        // Said in words, not field names.
        let said = ServerAddress::parse("postgres://h/d")
            .unwrap_err()
            .to_string();
        assert!(said.contains("缺少用户名"), "{said}");
    }

    #[test]
    fn pgpass_lines_match_as_libpq_reads_them() {
        let a = ServerAddress::parse("postgres://xwb@db:5432/md").unwrap();
        let text = "# comment\nother:5432:md:xwb:no\ndb:*:md:xwb:pa\\:ss\n*:*:*:*:fallback\n";
        assert_eq!(pgpass_lookup(text, &a).as_deref(), Some("pa:ss"));
        let b = ServerAddress::parse("postgres://someone@x:1/y").unwrap();
        assert_eq!(pgpass_lookup(text, &b).as_deref(), Some("fallback"));
        assert_eq!(pgpass_lookup("broken line", &b), None);
        assert!(is_server_address("PostgreSQL://u@h/d"));
        assert!(!is_server_address("/home/u/postgres.db"));
    }
}
