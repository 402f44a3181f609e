//! Wording for the school's server: reaching it, signing in to it, what went wrong below the
//! store on either backend, and copying a database between a file and the server.

use std::fmt;

use crate::store::db::Error as DbError;
use crate::store::db::server::ServerError;

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ServerError::BadAddress(part) => write!(
                f,
                "服务器地址写得不对（{}）。格式是 postgres://用户名@主机:端口/数据库名，例如 postgres://xwb@db.example.edu.cn:5432/mediadesk。",
                match part.as_str() {
                    "user" => "缺少用户名",
                    "dbname" => "缺少数据库名",
                    other => other,
                }
            ),
            ServerError::UnknownOption(option) => write!(
                f,
                "服务器地址中的选项「{option}」无法识别。可用的选项：sslmode=disable|prefer|require|verify-ca|verify-full，sslrootcert=CA证书文件。"
            ),
            ServerError::RootCert { path, reason } => write!(
                f,
                "读不出 CA 证书文件「{}」（{reason}）。请向信息技术管理中心索取 PEM 格式的证书文件，并确认路径正确。",
                path.display()
            ),
            ServerError::NoRootCert => f.write_str(
                "sslmode 为 verify-ca 或 verify-full 时需要指定 CA 证书文件（sslrootcert=文件路径），用来确认连接的确实是学校的服务器。",
            ),
            ServerError::Unreachable { host, port, reason } => write!(
                f,
                "连不上学校服务器 {host}:{port}（{reason}）。请检查网络和地址、端口是否正确，或联系信息技术管理中心确认服务器已开启。在此期间可以改用本机数据库文件工作。"
            ),
            ServerError::WrongPassword { user } => write!(
                f,
                "服务器拒绝了用户「{user}」的登录：密码不对或该用户不存在。请重新输入数据库密码（注意大小写），或向信息技术管理中心确认账号。"
            ),
            ServerError::PasswordNeeded { user } => write!(
                f,
                "学校服务器要求用户「{user}」输入数据库密码。请输入信息技术管理中心给的密码（也可以设置环境变量 PGPASSWORD 或 .pgpass 文件）。"
            ),
            ServerError::NoDatabase { dbname } => write!(
                f,
                "服务器上没有名为「{dbname}」的数据库。请核对数据库名，或请信息技术管理中心按说明书先创建它。"
            ),
            ServerError::Tls(reason) => write!(
                f,
                "与服务器建立加密连接失败（{reason}）。可能是服务器未开启 TLS、证书不受信任或主机名与证书不符。请核对 sslmode 和 CA 证书，或联系信息技术管理中心。"
            ),
            ServerError::NotAllowed(reason) => write!(
                f,
                "服务器不允许本机连接（{reason}）。请信息技术管理中心在 pg_hba.conf 中放行本机所在的网段。"
            ),
            ServerError::Collation { dbname, collation } => write!(
                f,
                "数据库「{dbname}」的排序规则是 {collation}，MediaDesk 需要 C 排序（与本机文件一致的排列顺序）。请信息技术管理中心用以下命令重新创建：CREATE DATABASE {dbname} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';"
            ),
            ServerError::Other(reason) => write!(f, "服务器报告错误：{reason}。请联系信息技术管理中心。"),
        }
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbError::NoRows => f.write_str("要找的记录不存在"),
            DbError::Constraint(m) => write!(f, "数据库的约束拒绝了这次写入（{m}）"),
            DbError::Busy(m) => write!(f, "其他用户正在同时修改同一批数据（{m}），请稍后重试"),
            DbError::Disconnected(m) => write!(
                f,
                "与学校服务器的连接中断了（{m}）。这一步没有写入；网络恢复后程序会自动重连，请再做一次"
            ),
            DbError::Conversion { column, message } => {
                write!(f, "第 {} 列的内容无法读取（{message}）", column + 1)
            }
            DbError::Sqlite(e) => write!(f, "{e}"),
            DbError::Postgres(e) => write!(f, "{e}"),
        }
    }
}

/// The counts of a copy whose target came out different, table by table.
pub fn copy_mismatch(source: &[(&str, i64)], target: &[(&str, i64)]) -> String {
    let differing: Vec<String> = source
        .iter()
        .zip(target)
        .filter(|(a, b)| a != b)
        .map(|((t, a), (_, b))| format!("{t}：原库 {a} 行，目标 {b} 行"))
        .collect();
    if differing.is_empty() {
        "复制后目标库的审计链校验不通过。目标库的内容不可信，请删除后重新复制，并检查原库的审计链。"
            .to_owned()
    } else {
        format!(
            "复制后两边的行数不一致（{}）。目标库的内容不可信，请删除后重新复制。",
            differing.join("；")
        )
    }
}
