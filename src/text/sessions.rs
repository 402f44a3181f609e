//! Wording of the command-line sessions (`mediadesk sign-in` / `sign-out`, issue 16): what
//! signing in and out prints, what the audit chain notes, and why a saved sign-in is refused,
//! each with what to do.

use std::fmt;
use std::path::Path;

use chrono::NaiveDateTime;

use crate::store::{CLI_SESSION_HOURS, CliSessionProblem, CliSessionRefusal};

/// The audit note of a command-line sign-in.
pub fn signed_in_note(expires_at: NaiveDateTime) -> String {
    format!("命令行登录，有效至 {}", when(expires_at))
}

/// The audit note of a command-line sign-out.
pub const SIGNED_OUT_NOTE: &str = "命令行退出登录";

pub const SIGN_IN_NEEDS_LOGIN: &str =
    "请用 --as 指明以哪个账号登录，例如：mediadesk sign-in --as zhangzhe";

pub const NOT_SIGNED_IN: &str = "本机没有这个数据库的命令行登录，无需退出。";

pub fn signed_in(who: &str, expires_at: NaiveDateTime, file: &Path) -> String {
    format!(
        "已登录：{who}。{} 之前，在本数据库上办理的命令不必再输入密码（可省略 --as）。登录凭据保存在 {}（仅本人可读）；办完后请运行 mediadesk sign-out 退出登录。",
        when(expires_at),
        file.display()
    )
}

pub fn signed_out(login: &str) -> String {
    format!("已退出 {login} 的命令行登录，本机保存的凭据已删除。")
}

pub fn token_unsaved(why: &str) -> String {
    format!(
        "密码正确，但无法在本机保存登录凭据：{why}。这次登录已作废。请检查用户配置文件夹（或环境变量 MEDIADESK_CONFIG_DIR 指定的文件夹）能否写入后重试；也可以不登录，在每条命令中加上 --as 并输入密码。"
    )
}

/// Several live sessions for one database and no `--as`.
pub fn which_session(logins: &[&str]) -> String {
    format!(
        "本机在这个数据库上有多个账号的命令行登录（{}），请用 --as 指明由谁办理。",
        logins.join("、")
    )
}

fn when(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

fn sign_in_again(login: &str) -> String {
    format!("请运行 mediadesk sign-in --as {login} 重新登录")
}

impl fmt::Display for CliSessionRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let login = &self.login;
        match &self.problem {
            CliSessionProblem::Unknown => write!(
                f,
                "{login} 保存在本机的命令行登录在这个数据库中不存在：可能已经退出登录、属于另一个数据库，或凭据文件被改动过。{}。",
                sign_in_again(login)
            ),
            CliSessionProblem::AnotherDatabase { made_for, here } => write!(
                f,
                "{login} 的命令行登录是在另一个数据库（{made_for}）上办理的，不能用于这个数据库（{}）。{}。",
                shown(here),
                sign_in_again(login)
            ),
            CliSessionProblem::Expired { at } => write!(
                f,
                "{login} 的命令行登录已于 {} 过期（登录后 {CLI_SESSION_HOURS} 小时内有效）。{}。",
                when(*at),
                sign_in_again(login)
            ),
            CliSessionProblem::UserInactive => write!(
                f,
                "账号 {login} 已停用，它的命令行登录随之失效。如仍需办理，请联系系统管理员启用账号后重新登录。"
            ),
            CliSessionProblem::PasswordChanged => write!(
                f,
                "账号 {login} 的密码在登录后已修改，此前的命令行登录随之失效。{}（使用新密码）。",
                sign_in_again(login)
            ),
            CliSessionProblem::NoRandomness => f.write_str(
                "系统没有提供生成登录凭据所需的随机数，未能登录。请稍后重试；如仍不行，可以在每条命令中加上 --as 并输入密码。",
            ),
        }
    }
}

/// An in-memory database has no name.
fn shown(here: &str) -> &str {
    if here.is_empty() {
        "内存数据库"
    } else {
        here
    }
}
