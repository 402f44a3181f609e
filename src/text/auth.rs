//! Wording of the local accounts' rules (`domain::auth`): why a login name or password is not
//! accepted, and how to fix it.

use std::fmt;

use crate::domain::auth::{AuthError, MIN_PASSWORD_CHARS};

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::LoginEmpty => {
                f.write_str("登录名不能为空，请填写字母、数字、下划线或短横线，例如 zhangming。")
            }
            Self::LoginInvalid(login) => write!(
                f,
                "登录名「{login}」只能包含英文字母、数字、下划线、点或短横线（不超过 32 个字符），例如 zhangming。"
            ),
            Self::PasswordTooShort => write!(
                f,
                "密码至少需要 {MIN_PASSWORD_CHARS} 个字符，请换一个更长的密码。"
            ),
            Self::PasswordIsLogin => f.write_str("密码不能与登录名相同，请换一个密码。"),
            Self::PasswordMonotone => f.write_str("密码不能全是同一个字符，请换一个密码。"),
            Self::PasswordMismatch => f.write_str("两次输入的密码不一致，请重新输入。"),
            Self::Hashing(detail) => write!(
                f,
                "无法生成密码摘要：{detail}。请重试；如反复出现，请联系管理员。"
            ),
        }
    }
}
