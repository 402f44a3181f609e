//! Each account's signing key (第八条一, `domain::audit_trust`): made with the account, its
//! private half kept in `users.sealed_key` sealed under the password, opened at sign-in to
//! seal every entry the person causes, sealed again when they change their password, and
//! replaced (a new key issued by the administrator) when an administrator sets it for them.

use super::db::{Connection, OptionalExtension, params};

use super::StoreError;
use super::audit_log::{Signer, note_at};
use crate::domain::audit_trust::{KEY_ISSUED, key_issued_comment};
use crate::domain::signing::{KdfCost, KeyPair, SealedKey, SigningError};

/// The sealing cost of the demo accounts: their password is printed in the README, so a
/// costly seal would protect nothing and only slow every demo step down.
pub(super) const DEMO_KDF: KdfCost = KdfCost {
    memory_kib: 64,
    passes: 1,
    lanes: 1,
};

/// The sealing cost under a command-line session's token: 32 random bytes need no slow
/// derivation to resist guessing, and resuming a session must stay cheap (issue 16).
pub(super) const TOKEN_KDF: KdfCost = KdfCost {
    memory_kib: 64,
    passes: 1,
    lanes: 1,
};

/// A new key pair and its sealed form under `password`.
pub(super) fn new_key(password: &str, cost: KdfCost) -> Result<(KeyPair, SealedKey), StoreError> {
    let key = KeyPair::generate().map_err(signing)?;
    let sealed = key.seal_with(password, cost).map_err(signing)?;
    Ok((key, sealed))
}

/// Stores `sealed` as the account's key and puts its public half on the chain
/// (`key_issued`), sealed by `by` — an administrator's key, or for an account that has no
/// key yet (the first one, or one from before signing), the new key itself.
pub(super) fn issue_key(
    tx: &super::db::Transaction<'_>,
    at: chrono::NaiveDateTime,
    by: Signer<'_>,
    user_id: i64,
    login: &str,
    sealed: &SealedKey,
) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE users SET sealed_key = ?1 WHERE id = ?2",
        params![sealed.to_hex(), user_id],
    )?;
    note_at(
        tx,
        at,
        by,
        KEY_ISSUED,
        format!("user:{user_id}"),
        &key_issued_comment(login, &sealed.public_key()),
    )
}

/// The account's sealed key, if it has one yet (accounts from before signing get theirs at
/// their next sign-in).
pub(super) fn sealed_key_of(
    conn: &Connection,
    user_id: i64,
) -> Result<Option<SealedKey>, StoreError> {
    let hex: Option<String> = conn
        .query_row(
            "SELECT sealed_key FROM users WHERE id = ?1",
            [user_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    hex.map(|h| SealedKey::from_hex(&h).map_err(signing))
        .transpose()
}

/// A key problem as the store reports it.
pub(super) fn signing(e: SigningError) -> StoreError {
    StoreError::Signing(e)
}
