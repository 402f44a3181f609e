//! Wording of the window's school-server parts: the 连接学校服务器 form, 设置 → 数据库, the
//! start-up page asking for the server's password, and the status line of a desk on the server.

use crate::files::SaveError;
use crate::store::ServerProbe;
use crate::store::db::server::TlsMode;

pub const FORM_TITLE: &str = "连接学校服务器";
pub const FORM_HINT: &str =
    "以下信息由学校信息技术管理中心提供。密码只在本次运行中使用，不会保存到磁盘。";
pub const HOST_LABEL: &str = "服务器地址：";
pub const HOST_HINT: &str = "例如 db.example.edu.cn";
pub const PORT_LABEL: &str = "端口：";
pub const DBNAME_LABEL: &str = "数据库名：";
pub const USER_LABEL: &str = "用户名：";
pub const PASSWORD_LABEL: &str = "密码：";
pub const TLS_LABEL: &str = "加密方式：";
pub const ROOT_CERT_LABEL: &str = "CA 证书文件：";
pub const ROOT_CERT_NONE: &str = "（未选择）";
pub const CHOOSE: &str = "选择…";
pub const CERT_FILES: &str = "证书文件";
pub const TEST: &str = "测试连接";
pub const CONNECT_AND_USE: &str = "连接并使用";
pub const CONNECTING: &str = "正在连接…";

/// A TLS mode in words a department secretary can choose from.
pub fn tls_mode(mode: TlsMode) -> &'static str {
    match mode {
        TlsMode::Disable => "不加密",
        TlsMode::Prefer => "尽量加密",
        TlsMode::Require => "必须加密",
        TlsMode::VerifyCa => "加密并核对证书",
        TlsMode::VerifyFull => "加密并核对证书和主机名",
    }
}

pub const HOST_MISSING: &str = "请填写服务器地址（主机名或 IP 地址）。";
pub const PORT_BAD: &str = "端口须是 1 到 65535 之间的数字（PostgreSQL 通常是 5432）。";
pub const DBNAME_MISSING: &str = "请填写数据库名。";
pub const USER_MISSING: &str = "请填写用户名。";
pub const ROOT_CERT_MISSING: &str =
    "所选加密方式要核对证书：请用「选择…」指定信息技术管理中心提供的 CA 证书文件。";

/// What 测试连接 found.
pub fn probe_result(p: &ServerProbe) -> String {
    let version = p
        .server_version
        .split_whitespace()
        .next()
        .unwrap_or(&p.server_version);
    if p.schema_version == 0 {
        format!(
            "连接成功：PostgreSQL {version}。这是一个空数据库，第一次使用时 MediaDesk 会在其中建好数据表。"
        )
    } else if p.schema_version > p.supported {
        format!(
            "连接成功：PostgreSQL {version}，但数据版本 {} 比本程序支持的 {} 新，请先升级 MediaDesk。",
            p.schema_version, p.supported
        )
    } else {
        format!(
            "连接成功：PostgreSQL {version}，数据版本 {}，已有 {} 个单位。",
            p.schema_version,
            p.units.unwrap_or(0)
        )
    }
}

pub const SECTION: &str = "数据库";
pub const NOW_FILE: &str = "当前使用本机数据库文件：";
pub const NOW_SERVER: &str = "当前使用学校服务器（PostgreSQL）：";
pub const NOW_MEMORY: &str = "当前使用内存数据库（测试模式）。";
pub const USE_FILE: &str = "改用本机数据库文件";
pub const NO_COPY_NOTE: &str = "改用服务器不会把本机文件中的数据搬过去。要把现有数据复制到服务器，请由系统管理员在命令行运行：";
pub const COPY_COMMAND: &str = "mediadesk db copy --from 文件 --to postgres://… --as 管理员";
pub const SWITCHED_TO_SERVER: &str = "已连接学校服务器，下次启动也会打开它。";
pub const SWITCHED_TO_FILE: &str = "已改用本机数据库文件，下次启动也会打开它。";

/// The choice could not be written to (or removed from) the config folder; the switch itself
/// went through.
pub fn not_remembered(reason: &str) -> String {
    format!("已切换，但未能记住这个选择（{reason}），下次启动仍会打开原来的数据库。")
}

/// Why the choice could not be saved, naming the file or folder.
pub fn save_problem(e: &SaveError) -> String {
    match e {
        SaveError::NotAFilePath { path } => format!("「{path}」不是文件路径"),
        SaveError::FolderMissing { folder } => format!("文件夹「{folder}」不存在"),
        SaveError::NoPermission { folder } => format!("没有写入文件夹「{folder}」的权限"),
        SaveError::DiskFull { path } => format!("磁盘已满，无法写入「{path}」"),
        SaveError::WriteFailed { path, reason } => format!("写入「{path}」失败：{reason}"),
    }
}

pub const WELCOME_SERVER: &str = "连接学校服务器";
pub const WELCOME_SERVER_BODY: &str = "学校统一部署了服务器时，各单位和新闻中心在同一个数据库上工作：填写信息技术管理中心提供的连接信息。";

pub const PASSWORD_TITLE: &str = "请输入学校服务器的密码";
/// The start-up page for a server that wants a password.
pub fn password_body(shown: &str) -> String {
    format!("数据库在学校服务器 {shown} 上，连接需要密码（密码不会保存）。")
}
pub const CONNECT: &str = "连接";
pub const RETRY: &str = "重试";

/// The status line: which server, and whether the live updates reach this desk.
pub fn status(place: &str, connected: bool) -> String {
    if connected {
        format!("学校服务器 {place} · 已连接")
    } else {
        format!("学校服务器 {place} · 连接中断，正在重连…")
    }
}
pub const RECONNECT: &str = "重新连接";
pub const RECONNECTED: &str = "已重新连接学校服务器。";
pub const CONNECT_LOST: &str = "连接尝试意外中止，请再试一次。";
pub const PASSWORD_NEEDED: &str =
    "服务器要求输入密码：请在「密码」一栏填写信息技术管理中心给的数据库密码。";
