//! 连接学校服务器: the form (host, port, database, user, password, TLS mode, CA file) shown on
//! the welcome page and under 设置 → 数据库. 测试连接 reads the server without writing;
//! 连接并使用 opens it and hands the store to the app, which rebuilds the workspace on it.
//! Bad input is refused naming the field before anything connects; the typing always stays.

use std::path::PathBuf;

use eframe::egui::{self, RichText};

use super::connection::{Job, Polled};
use super::theme;
use crate::store::db::server::{ServerAddress, TlsMode};
use crate::store::{Location, ServerProbe, Store, StoreError};
use crate::text::ui_server as wording;

const MODES: [TlsMode; 5] = [
    TlsMode::Disable,
    TlsMode::Prefer,
    TlsMode::Require,
    TlsMode::VerifyCa,
    TlsMode::VerifyFull,
];

enum Pending {
    Test(Job<Result<ServerProbe, StoreError>>),
    Connect(Job<Result<Store, StoreError>>, Box<ServerAddress>),
}

pub struct ServerForm {
    host: String,
    port: String,
    dbname: String,
    user: String,
    /// Kept in memory only; never remembered.
    password: String,
    tls: TlsMode,
    root_cert: Option<PathBuf>,
    /// 选择… was pressed: the app asks for the certificate file (`take_root_cert_request`).
    wants_root_cert: bool,
    /// The last outcome: the text and whether it went well.
    message: Option<(String, bool)>,
    pending: Option<Pending>,
    /// A store 连接并使用 opened, for the app to take.
    opened: Option<(Store, Location)>,
}

impl Default for ServerForm {
    fn default() -> Self {
        Self {
            host: String::new(),
            port: "5432".to_owned(),
            dbname: String::new(),
            user: String::new(),
            password: String::new(),
            tls: TlsMode::Prefer,
            root_cert: None,
            wants_root_cert: false,
            message: None,
            pending: None,
            opened: None,
        }
    }
}

/// The two modes that check the server's certificate against a CA file.
fn verifies(mode: TlsMode) -> bool {
    matches!(mode, TlsMode::VerifyCa | TlsMode::VerifyFull)
}

impl ServerForm {
    /// The address the fields describe (without the password), or what is wrong, naming the
    /// field.
    pub fn address(&self) -> Result<ServerAddress, &'static str> {
        let host = self.host.trim();
        if host.is_empty() {
            return Err(wording::HOST_MISSING);
        }
        let port = match self.port.trim().parse::<u16>() {
            Ok(p) if p > 0 => p,
            _ => return Err(wording::PORT_BAD),
        };
        let dbname = self.dbname.trim();
        if dbname.is_empty() {
            return Err(wording::DBNAME_MISSING);
        }
        let user = self.user.trim();
        if user.is_empty() {
            return Err(wording::USER_MISSING);
        }
        let root_cert = if verifies(self.tls) {
            match &self.root_cert {
                Some(p) => Some(p.clone()),
                None => return Err(wording::ROOT_CERT_MISSING),
            }
        } else {
            None
        };
        Ok(ServerAddress {
            host: host.to_owned(),
            port,
            dbname: dbname.to_owned(),
            user: user.to_owned(),
            password: None,
            tls: self.tls,
            root_cert,
        })
    }

    /// The password typed, if any (else `PGPASSWORD` or `.pgpass`, as libpq does).
    fn typed_password(&self) -> Option<String> {
        (!self.password.is_empty()).then(|| self.password.clone())
    }

    /// Whether 选择… of the root certificate was pressed since the last call.
    pub fn take_root_cert_request(&mut self) -> bool {
        std::mem::take(&mut self.wants_root_cert)
    }

    /// The root certificate file chosen for 选择….
    pub fn set_root_cert(&mut self, path: PathBuf) {
        self.root_cert = Some(path);
    }

    /// The store 连接并使用 opened, once (the app switches to it).
    pub fn take_opened(&mut self) -> Option<(Store, Location)> {
        self.opened.take()
    }

    /// Starts 测试连接 (`connect` false) or 连接并使用, unless the fields are wrong.
    fn start(&mut self, ctx: &egui::Context, connect: bool) {
        let address = match self.address() {
            Ok(a) => a,
            Err(problem) => {
                self.message = Some((problem.to_owned(), false));
                return;
            }
        };
        self.message = None;
        let password = self.typed_password();
        self.pending = Some(if connect {
            let a = address.clone();
            Pending::Connect(
                Job::start(ctx, move || Store::open_server(&a, password.as_deref())),
                Box::new(address),
            )
        } else {
            Pending::Test(Job::start(ctx, move || {
                Store::probe_server(&address, password.as_deref())
            }))
        });
    }

    /// Takes in a finished connection attempt.
    fn poll(&mut self) {
        let Some(pending) = &self.pending else {
            return;
        };
        let done: Option<(String, bool)> = match pending {
            Pending::Test(job) => match job.poll() {
                Polled::Running => return,
                Polled::Done(Ok(probe)) => Some((wording::probe_result(&probe), true)),
                Polled::Done(Err(e)) => Some((refusal(&e), false)),
                Polled::Lost => Some((wording::CONNECT_LOST.to_owned(), false)),
            },
            Pending::Connect(job, address) => match job.poll() {
                Polled::Running => return,
                Polled::Done(Ok(store)) => {
                    self.opened = Some((store, Location::Server((**address).clone())));
                    None
                }
                Polled::Done(Err(e)) => Some((refusal(&e), false)),
                Polled::Lost => Some((wording::CONNECT_LOST.to_owned(), false)),
            },
        };
        self.pending = None;
        if done.is_some() {
            self.message = done;
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, salt: &str) {
        self.poll();
        ui.label(
            RichText::new(wording::FORM_HINT)
                .color(theme::MUTED)
                .small(),
        );
        egui::Grid::new((salt, "server_form"))
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let l = ui.label(wording::HOST_LABEL);
                ui.add(
                    egui::TextEdit::singleline(&mut self.host)
                        .hint_text(wording::HOST_HINT)
                        .desired_width(260.0),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(wording::PORT_LABEL);
                ui.add(egui::TextEdit::singleline(&mut self.port).desired_width(80.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(wording::DBNAME_LABEL);
                ui.add(egui::TextEdit::singleline(&mut self.dbname).desired_width(260.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(wording::USER_LABEL);
                ui.add(egui::TextEdit::singleline(&mut self.user).desired_width(260.0))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(wording::PASSWORD_LABEL);
                ui.add(
                    egui::TextEdit::singleline(&mut self.password)
                        .password(true)
                        .desired_width(260.0),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(wording::TLS_LABEL);
                egui::ComboBox::from_id_salt((salt, "server_tls"))
                    .selected_text(wording::tls_mode(self.tls))
                    .width(260.0)
                    .show_ui(ui, |ui| {
                        for mode in MODES {
                            ui.selectable_value(&mut self.tls, mode, wording::tls_mode(mode));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                if verifies(self.tls) {
                    ui.label(wording::ROOT_CERT_LABEL);
                    ui.horizontal(|ui| {
                        match &self.root_cert {
                            Some(p) => ui.label(p.display().to_string()),
                            None => {
                                ui.label(RichText::new(wording::ROOT_CERT_NONE).color(theme::MUTED))
                            }
                        };
                        if ui.button(wording::CHOOSE).clicked() {
                            self.wants_root_cert = true;
                        }
                    });
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let idle = self.pending.is_none();
            if ui
                .add_enabled(idle, egui::Button::new(wording::TEST))
                .clicked()
            {
                self.start(ui.ctx(), false);
            }
            if ui
                .add_enabled(idle, egui::Button::new(wording::CONNECT_AND_USE))
                .clicked()
            {
                self.start(ui.ctx(), true);
            }
            if !idle {
                ui.spinner();
                ui.label(wording::CONNECTING);
            }
        });
        if let Some((text, ok)) = &self.message {
            let colour = if *ok { theme::OK } else { theme::DANGER };
            ui.label(RichText::new(text).color(colour));
        }
    }
}

/// What went wrong, in the words for a person at the form.
fn refusal(e: &StoreError) -> String {
    if crate::store::Location::password_not_given(e) {
        wording::PASSWORD_NEEDED.to_owned()
    } else {
        e.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> ServerForm {
        ServerForm {
            host: " db.example.edu.cn ".into(),
            port: "5433".into(),
            dbname: "mediadesk".into(),
            user: "xwb".into(),
            password: "secret".into(),
            ..ServerForm::default()
        }
    }

    #[test]
    fn the_fields_make_an_address_without_the_password_or_name_what_is_wrong() {
        let a = filled().address().unwrap();
        assert_eq!(a.host, "db.example.edu.cn");
        assert_eq!(a.port, 5433);
        assert_eq!(a.password, None);
        assert!(!a.display().contains("secret"));
        type Spoil = fn(&mut ServerForm);
        let cases: [(Spoil, &str); 7] = [
            (|f| f.host = "  ".into(), wording::HOST_MISSING),
            (|f| f.port = "abc".into(), wording::PORT_BAD),
            (|f| f.port = "0".into(), wording::PORT_BAD),
            (|f| f.port = "65536".into(), wording::PORT_BAD),
            (|f| f.dbname.clear(), wording::DBNAME_MISSING),
            (|f| f.user.clear(), wording::USER_MISSING),
            (|f| f.tls = TlsMode::VerifyFull, wording::ROOT_CERT_MISSING),
        ];
        for (spoil, expected) in cases {
            let mut f = filled();
            spoil(&mut f);
            assert_eq!(f.address().unwrap_err(), expected);
        }
        let mut f = filled();
        f.tls = TlsMode::VerifyCa;
        f.root_cert = Some(PathBuf::from("/etc/ca.pem"));
        assert_eq!(
            f.address().unwrap().root_cert,
            Some(PathBuf::from("/etc/ca.pem"))
        );
    }
}
