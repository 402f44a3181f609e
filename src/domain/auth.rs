//! Local accounts: password rules, Argon2id hashing and the slowdown after failed sign-ins.
//! 第八条一 makes the first responsible person answer for every post, so each step must be
//! taken by a person who proved who they are; a shared office computer is the normal case.

use std::time::Duration;

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// Shortest password accepted. Long enough that guessing at the slowed-down rate is hopeless,
/// short enough for a secretary to type several times a day.
pub const MIN_PASSWORD_CHARS: usize = 8;

/// Sign-in attempts allowed before each further try has to wait.
pub const FREE_ATTEMPTS: u32 = 3;

/// The longest wait between tries, however many failed.
pub const MAX_RETRY_DELAY: Duration = Duration::from_secs(300);

/// Why a password or login name is not accepted. Each message (in `text::auth`) says how to
/// fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    LoginEmpty,
    LoginInvalid(String),
    /// Shorter than [`MIN_PASSWORD_CHARS`].
    PasswordTooShort,
    PasswordIsLogin,
    PasswordMonotone,
    PasswordMismatch,
    /// The hasher failed; its own description.
    Hashing(String),
}

/// A login name: ASCII letters, digits, `_`, `.`, `-`, up to 32 characters. ASCII keeps it
/// typeable on any keyboard layout and with any input method switched off.
pub fn check_login(login: &str) -> Result<String, AuthError> {
    let login = login.trim();
    if login.is_empty() {
        return Err(AuthError::LoginEmpty);
    }
    let ok = login.chars().count() <= 32
        && login
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if ok {
        Ok(login.to_owned())
    } else {
        Err(AuthError::LoginInvalid(login.to_owned()))
    }
}

/// The password rules: long enough, not the login name, not one repeated character.
pub fn check_password(login: &str, password: &str, repeated: &str) -> Result<(), AuthError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AuthError::PasswordTooShort);
    }
    if password.eq_ignore_ascii_case(login.trim()) {
        return Err(AuthError::PasswordIsLogin);
    }
    let mut chars = password.chars();
    if let Some(first) = chars.next()
        && chars.all(|c| c == first)
    {
        return Err(AuthError::PasswordMonotone);
    }
    if password != repeated {
        return Err(AuthError::PasswordMismatch);
    }
    Ok(())
}

/// Argon2id (the default parameters of the `argon2` crate: 19 MiB, 2 passes) with a random
/// salt, as a PHC string that carries its own parameters, so stronger settings later still
/// verify old hashes.
pub fn hash_password(password: &str) -> Result<String, AuthError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AuthError::Hashing(e.to_string()))
}

/// Whether `password` matches the stored PHC string. A damaged hash never matches.
pub fn verify_password(stored: &str, password: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(hash) => Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok(),
        Err(_) => false,
    }
}

/// How long to wait after `failed` consecutive failed sign-ins before the next try is checked:
/// nothing for the first [`FREE_ATTEMPTS`], then 5 s doubling each time up to
/// [`MAX_RETRY_DELAY`]. It slows guessing without locking a colleague out for the day.
pub fn retry_delay(failed: u32) -> Duration {
    if failed < FREE_ATTEMPTS {
        return Duration::ZERO;
    }
    let doublings = (failed - FREE_ATTEMPTS).min(16);
    Duration::from_secs(5u64.saturating_mul(1 << doublings)).min(MAX_RETRY_DELAY)
}

/// Seconds still to wait, given the failures and the seconds since the last one.
pub fn seconds_to_wait(failed: u32, since_last_failure: Duration) -> u64 {
    let wait = retry_delay(failed).saturating_sub(since_last_failure);
    wait.as_secs() + u64::from(wait.subsec_nanos() > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_names() {
        let cases = [
            ("zhangming", Ok("zhangming")),
            ("  li.hua-2 ", Ok("li.hua-2")),
            ("", Err(AuthError::LoginEmpty)),
            ("   ", Err(AuthError::LoginEmpty)),
            ("张明", Err(AuthError::LoginInvalid("张明".into()))),
            ("a b", Err(AuthError::LoginInvalid("a b".into()))),
            (
                "a234567890123456789012345678901234",
                Err(AuthError::LoginInvalid(
                    "a234567890123456789012345678901234".into(),
                )),
            ),
        ];
        for (input, want) in cases {
            assert_eq!(check_login(input), want.map(str::to_owned), "{input:?}");
        }
    }

    #[test]
    fn password_rules() {
        let cases = [
            ("zhang", "xiaoyuan2026", "xiaoyuan2026", Ok(())),
            (
                "zhang",
                "短密码",
                "短密码",
                Err(AuthError::PasswordTooShort),
            ),
            (
                "zhang",
                "1234567",
                "1234567",
                Err(AuthError::PasswordTooShort),
            ),
            (
                "zhangming",
                "ZhangMing",
                "ZhangMing",
                Err(AuthError::PasswordIsLogin),
            ),
            (
                "zhang",
                "aaaaaaaaaa",
                "aaaaaaaaaa",
                Err(AuthError::PasswordMonotone),
            ),
            (
                "zhang",
                "xiaoyuan2026",
                "xiaoyuan2025",
                Err(AuthError::PasswordMismatch),
            ),
            ("zhang", "密码是八个汉字啊", "密码是八个汉字啊", Ok(())),
        ];
        for (login, pw, again, want) in cases {
            assert_eq!(check_password(login, pw, again), want, "{pw:?}");
        }
    }

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let a = hash_password("xiaoyuan2026").unwrap();
        let b = hash_password("xiaoyuan2026").unwrap();
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert_ne!(a, b, "a random salt makes every hash different");
        assert!(verify_password(&a, "xiaoyuan2026"));
        assert!(!verify_password(&a, "xiaoyuan2025"));
        assert!(!verify_password("not a hash", "xiaoyuan2026"));
        assert!(!verify_password("", ""));
    }

    #[test]
    fn failed_sign_ins_slow_down() {
        let cases = [
            (0, 0),
            (2, 0),
            (3, 5),
            (4, 10),
            (5, 20),
            (8, 160),
            (9, 300),
            (1000, 300),
            (u32::MAX, 300),
        ];
        for (failed, secs) in cases {
            assert_eq!(retry_delay(failed), Duration::from_secs(secs), "{failed}");
        }
        assert_eq!(seconds_to_wait(3, Duration::from_secs(2)), 3);
        assert_eq!(seconds_to_wait(3, Duration::from_millis(4500)), 1);
        assert_eq!(seconds_to_wait(3, Duration::from_secs(9)), 0);
        assert_eq!(seconds_to_wait(1, Duration::ZERO), 0);
    }
}
