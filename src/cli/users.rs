//! `mediadesk users …`: accounts. Passwords come from an environment variable or a prompt,
//! never from an argument (arguments end up in shell history and process lists).

use std::io::Write;

use clap::Subcommand;

use super::{CliError, password_from, to_json};
use crate::store::{NEW_PASSWORD_ENV_VAR, NewUser, PASSWORD_ENV_VAR, Store};
use crate::text::cli as text;

#[derive(Subcommand, Debug)]
pub enum UsersCommand {
    /// 添加账号（第一个账号须为系统管理员；之后须由系统管理员 --as 添加）。新密码取自环境变量 MEDIADESK_NEW_PASSWORD 或提示输入
    Add {
        #[arg(long)]
        login: String,
        /// 对应人员编号（信息员、审核人、管理员按其单位和角色办理）
        #[arg(long, value_name = "ID")]
        person: Option<i64>,
        /// 显示名称（默认取人员姓名）
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        system_admin: bool,
        /// 学校督查人员（学校办公室（新闻中心）/党委宣传部：归档备案、关停平台）
        #[arg(long)]
        school_supervisor: bool,
    },
    /// 列出账号
    List {
        #[arg(long)]
        json: bool,
    },
    /// 修改本人（--as）的密码：当前密码取自环境变量 MEDIADESK_PASSWORD 或提示输入，新密码取自 MEDIADESK_NEW_PASSWORD 或提示输入。管理员重置密码后，须先运行本命令
    Password,
    /// 重置他人忘记的密码（系统管理员）：临时密码取自环境变量 MEDIADESK_NEW_PASSWORD 或提示输入，对方下次登录时须修改
    ResetPassword {
        #[arg(long)]
        login: String,
    },
}

impl UsersCommand {
    pub fn writes(&self) -> bool {
        matches!(
            self,
            Self::Add { .. } | Self::Password | Self::ResetPassword { .. }
        )
    }
}

/// A person whose password an administrator reset runs only `users password` until they have
/// chosen their own.
pub(super) fn refuse_until_changed(store: &Store, changing: bool) -> Result<(), CliError> {
    match store.session() {
        Some(s) if s.must_change_password && !changing => Err(CliError::Message(
            text::must_change_password_first(&s.login),
        )),
        _ => Ok(()),
    }
}

/// A new password, typed twice at a prompt (once when it comes from the environment).
fn new_password(first_prompt: &str) -> Result<(String, String), CliError> {
    let password = password_from(NEW_PASSWORD_ENV_VAR, first_prompt)?;
    let again = if std::env::var(NEW_PASSWORD_ENV_VAR).is_ok() {
        password.clone()
    } else {
        password_from(NEW_PASSWORD_ENV_VAR, text::PASSWORD_AGAIN_PROMPT)?
    };
    Ok((password, again))
}

pub(super) fn run(
    command: UsersCommand,
    store: &mut Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    match command {
        UsersCommand::Add {
            login,
            person,
            name,
            system_admin,
            school_supervisor,
        } => {
            let (password, again) = new_password(text::NEW_PASSWORD_PROMPT)?;
            let id = store.add_user(&NewUser {
                login: login.clone(),
                display_name: name.unwrap_or_default(),
                person_id: person,
                is_system_admin: system_admin,
                is_school_supervisor: school_supervisor,
                password,
                password_again: again,
            })?;
            writeln!(out, "{}", text::user_added(login.trim(), id))?;
        }
        UsersCommand::Password => {
            let current = password_from(PASSWORD_ENV_VAR, text::CURRENT_PASSWORD_PROMPT)?;
            let (password, again) = new_password(text::OWN_NEW_PASSWORD_PROMPT)?;
            store.change_own_password(&current, &password, &again)?;
            writeln!(out, "{}", text::OWN_PASSWORD_CHANGED)?;
        }
        UsersCommand::ResetPassword { login } => {
            let user = store
                .user_id(&login)?
                .ok_or_else(|| CliError::Message(text::no_such_login(login.trim())))?;
            let (password, again) = new_password(text::TEMPORARY_PASSWORD_PROMPT)?;
            store.reset_password(user, &password, &again)?;
            writeln!(out, "{}", text::password_reset(login.trim()))?;
        }
        UsersCommand::List { json } => {
            let users = store.users()?;
            if json {
                writeln!(out, "{}", to_json(&users)?)?;
            } else {
                for u in users {
                    writeln!(out, "{}", text::user_line(&u))?;
                }
            }
        }
    }
    Ok(())
}
