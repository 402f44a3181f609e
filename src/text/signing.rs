//! Wording for signed audit entries (domain/signing.rs): keys that do not open, signatures
//! that do not hold.

use std::fmt;

use crate::domain::signing::{BadSignature, SigningError};

impl fmt::Display for SigningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Random => "系统的随机数来源出错，无法生成签名密钥。请重试；如反复出现，请联系信息技术管理中心。",
            Self::KeyDerivation => "无法由密码生成加密密钥。请重试；如反复出现，请联系系统管理员。",
            Self::CannotOpen => "签名密钥无法打开：密码不对，或数据库中保存的签名密钥已被改动。",
            Self::DamagedSealedKey => "数据库中保存的签名密钥已损坏（格式不对）。请系统管理员为该账号重设密码，以生成新的签名密钥。",
            Self::KeyMismatch => "签名密钥与账号登记的公钥不一致：数据库中的签名密钥可能被替换过。请系统管理员检查。",
            Self::BadPublicKey => "账号登记的公钥无效（长度或内容不对），用它无法核对签名。",
            Self::MalformedSignature => "签名的长度不对，应为 64 字节。",
            Self::BadHex => "十六进制文字有误：只能包含 0–9 和 a–f，且长度要对。",
            Self::InvalidSignature => "签名与记录内容或签名人不符：这条记录在签名之后被改动过，或不是由记录中的人签名的。",
        })
    }
}

impl fmt::Display for BadSignature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "第 {} 条记录的签名与内容或签名人不符：这条记录在签名之后被改动过，或不是由记录中的人签名的。",
            self.index + 1
        )
    }
}
