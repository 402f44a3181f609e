//! Signed audit entries (issue 15, item 1), the primitives: every account has an Ed25519 key
//! pair; its private half is kept sealed under the account's password, so that rewriting an
//! entry needs the password of the person who took the step (第八条一: the first responsible
//! person answers for every operation, so each step must carry the proof of who took it).
//!
//! - [`KeyPair`]: made when the account is made; signs an entry's 32-byte hash.
//! - [`SealedKey`]: the private key encrypted with XChaCha20-Poly1305 under a key derived
//!   from the password with Argon2id (as the password hash is); opened at sign-in, sealed
//!   again on a password change. A reset by an administrator, who does not know the old
//!   password, cannot open it: the account then gets a new key pair, and the old public key
//!   must be kept to check the entries signed before.
//! - [`PublicKey::verify`] checks one signature; [`verify_many`] checks a whole chain's worth
//!   in batches on every core, naming the first entry whose signature does not hold.
//!
//! What is signed is `SIGNING_CONTEXT || hash`, so a signature made here can never be passed
//! off as one over anything else.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zeroize::Zeroizing;

/// Put before every hash that is signed (domain separation).
pub const SIGNING_CONTEXT: &[u8] = b"mediadesk.audit.signature.v1\0";

/// The hash of an audit entry, as signed.
pub type EntryHash = [u8; 32];

/// Why a key could not be made, opened or used, or a signature did not hold. Shown in
/// Chinese (`crate::text::signing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SigningError {
    /// The system's random number source failed.
    Random,
    /// The stored Argon2 parameters cannot be used.
    KeyDerivation,
    /// The sealed key did not open: the password is wrong, or the sealed key was changed.
    CannotOpen,
    /// The sealed key is not in the stored format (cut short, wrong version, absurd cost).
    DamagedSealedKey,
    /// The sealed key opened, but to a key pair other than the one it names.
    KeyMismatch,
    /// A public key that is not 32 bytes, not a point of the curve, or a weak key.
    BadPublicKey,
    /// A signature that is not 64 bytes.
    MalformedSignature,
    /// Hex text with a character that is not 0–9/a–f, or of the wrong length.
    BadHex,
    /// The signature does not hold for this hash and this public key.
    InvalidSignature,
}

// ---------------------------------------------------------------------------------------------
// Public keys and signatures
// ---------------------------------------------------------------------------------------------

/// An account's public key, stored beside the account (and kept after a key change, for the
/// entries signed with it).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct PublicKey([u8; 32]);

impl PublicKey {
    /// Checks that `bytes` is a usable Ed25519 public key (on the curve, not of small order).
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, SigningError> {
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| SigningError::BadPublicKey)?;
        verifying_key(&bytes)?;
        Ok(Self(bytes))
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    pub fn from_hex(text: &str) -> Result<Self, SigningError> {
        Self::from_bytes(&decode_hex(text)?)
    }

    /// A short form for people to compare by eye, on screen and on paper: the first 8 bytes
    /// of the key's SHA-256 in four groups, e.g. `3f2a 9c41 07be d512`.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(self.0);
        digest[..8]
            .chunks(2)
            .map(hex::encode)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether `signature` is this key's signature over `hash` (strict Ed25519 verification:
    /// no small-order components, canonical encodings).
    pub fn verify(&self, hash: &EntryHash, signature: &Signature) -> Result<(), SigningError> {
        let key = verifying_key(&self.0)?;
        let signature = ed25519_dalek::Signature::from_bytes(&signature.0);
        key.verify_strict(&signed_message(hash), &signature)
            .map_err(|_| SigningError::InvalidSignature)
    }
}

fn verifying_key(bytes: &[u8; 32]) -> Result<VerifyingKey, SigningError> {
    let key = VerifyingKey::from_bytes(bytes).map_err(|_| SigningError::BadPublicKey)?;
    if key.is_weak() {
        return Err(SigningError::BadPublicKey);
    }
    Ok(key)
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", self.to_hex())
    }
}

/// An Ed25519 signature over an entry hash.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Signature([u8; 64]);

impl Signature {
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, SigningError> {
        bytes
            .try_into()
            .map(Self)
            .map_err(|_| SigningError::MalformedSignature)
    }

    pub fn to_bytes(&self) -> [u8; 64] {
        self.0
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    pub fn from_hex(text: &str) -> Result<Self, SigningError> {
        Self::from_bytes(&decode_hex(text)?)
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signature({})", self.to_hex())
    }
}

/// An entry hash from its lower-case hex form (as `domain::audit` writes it).
pub fn entry_hash_from_hex(text: &str) -> Result<EntryHash, SigningError> {
    decode_hex(text)?
        .try_into()
        .map_err(|_| SigningError::BadHex)
}

fn decode_hex(text: &str) -> Result<Vec<u8>, SigningError> {
    hex::decode(text.trim()).map_err(|_| SigningError::BadHex)
}

fn signed_message(hash: &EntryHash) -> [u8; SIGNING_CONTEXT.len() + 32] {
    let mut message = [0u8; SIGNING_CONTEXT.len() + 32];
    message[..SIGNING_CONTEXT.len()].copy_from_slice(SIGNING_CONTEXT);
    message[SIGNING_CONTEXT.len()..].copy_from_slice(hash);
    message
}

// ---------------------------------------------------------------------------------------------
// Key pairs
// ---------------------------------------------------------------------------------------------

/// An account's key pair, open: only in memory, from sign-in to sign-out. The private half is
/// wiped from memory when this is dropped, and never printed.
#[derive(Clone)]
pub struct KeyPair {
    signing: SigningKey,
}

impl KeyPair {
    /// A new key pair from the system's random source.
    pub fn generate() -> Result<Self, SigningError> {
        let mut secret = Zeroizing::new([0u8; 32]);
        getrandom::fill(secret.as_mut()).map_err(|_| SigningError::Random)?;
        Ok(Self {
            signing: SigningKey::from_bytes(&secret),
        })
    }

    pub fn public_key(&self) -> PublicKey {
        PublicKey(self.signing.verifying_key().to_bytes())
    }

    /// Signs an entry hash (Ed25519 is deterministic: the same hash gives the same signature).
    pub fn sign(&self, hash: &EntryHash) -> Signature {
        Signature(self.signing.sign(&signed_message(hash)).to_bytes())
    }

    /// Seals the private key under `password` with the default cost (the `argon2` crate's
    /// defaults, as for the password hash: 19 MiB, 2 passes, 1 lane).
    pub fn seal(&self, password: &str) -> Result<SealedKey, SigningError> {
        self.seal_with(password, KdfCost::DEFAULT)
    }

    /// Seals with an explicit Argon2id cost (tests use a cheap one).
    pub fn seal_with(&self, password: &str, cost: KdfCost) -> Result<SealedKey, SigningError> {
        cost.check()?;
        let mut salt = [0u8; SALT_LEN];
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut salt).map_err(|_| SigningError::Random)?;
        getrandom::fill(&mut nonce).map_err(|_| SigningError::Random)?;
        let mut sealed = SealedKey {
            cost,
            salt,
            nonce,
            public: self.public_key(),
            ciphertext: [0u8; CIPHERTEXT_LEN],
        };
        let cipher = sealed.cipher(password)?;
        let secret = Zeroizing::new(self.signing.to_bytes());
        let ciphertext = cipher
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: secret.as_ref(),
                    aad: &sealed.header(),
                },
            )
            .map_err(|_| SigningError::KeyDerivation)?;
        sealed.ciphertext = ciphertext
            .try_into()
            .map_err(|_| SigningError::KeyDerivation)?;
        Ok(sealed)
    }
}

impl fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyPair")
            .field("public", &self.public_key())
            .finish_non_exhaustive()
    }
}

// ---------------------------------------------------------------------------------------------
// Sealed keys
// ---------------------------------------------------------------------------------------------

/// Argon2id cost of deriving the sealing key from a password; stored with the sealed key, so
/// a stronger default later still opens old keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfCost {
    /// Memory in KiB.
    pub memory_kib: u32,
    pub passes: u32,
    pub lanes: u32,
}

impl KdfCost {
    /// The `argon2` crate's defaults, as `domain::auth::hash_password` uses.
    pub const DEFAULT: Self = Self {
        memory_kib: Params::DEFAULT_M_COST,
        passes: Params::DEFAULT_T_COST,
        lanes: Params::DEFAULT_P_COST,
    };

    /// The most a stored sealed key may ask for: a damaged or planted one must not make
    /// sign-in allocate gigabytes or run for minutes.
    const MAX_MEMORY_KIB: u32 = 1 << 20;
    const MAX_PASSES: u32 = 64;
    const MAX_LANES: u32 = 16;

    fn check(self) -> Result<Params, SigningError> {
        if self.memory_kib > Self::MAX_MEMORY_KIB
            || self.passes > Self::MAX_PASSES
            || self.lanes > Self::MAX_LANES
        {
            return Err(SigningError::DamagedSealedKey);
        }
        Params::new(self.memory_kib, self.passes, self.lanes, Some(KEY_LEN))
            .map_err(|_| SigningError::DamagedSealedKey)
    }
}

const MAGIC: &[u8; 4] = b"MDSK";
const FORMAT_VERSION: u8 = 1;
const SALT_LEN: usize = 16;
const NONCE_LEN: usize = 24;
const KEY_LEN: usize = 32;
/// The 32-byte private key and the 16-byte Poly1305 tag.
const CIPHERTEXT_LEN: usize = 32 + 16;
const HEADER_LEN: usize = 4 + 1 + 12 + SALT_LEN + NONCE_LEN + 32;

/// An account's private key, sealed: safe to keep in the database. Its stored form
/// ([`SealedKey::to_bytes`], 137 bytes) is `MDSK`, a format version (1), the Argon2id cost
/// (memory KiB, passes, lanes as u32 little-endian), the salt (16 bytes), the XChaCha20 nonce
/// (24), the public key (32), and the encrypted private key with its tag (48). Everything
/// before the ciphertext is authenticated with it, so no byte can change unnoticed.
#[derive(Clone, PartialEq, Eq)]
pub struct SealedKey {
    cost: KdfCost,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    public: PublicKey,
    ciphertext: [u8; CIPHERTEXT_LEN],
}

impl SealedKey {
    /// Length of [`SealedKey::to_bytes`].
    pub const LEN: usize = HEADER_LEN + CIPHERTEXT_LEN;

    /// The public key of the sealed pair (readable without the password).
    pub fn public_key(&self) -> PublicKey {
        self.public
    }

    pub fn cost(&self) -> KdfCost {
        self.cost
    }

    /// Opens the key with the account's password. A wrong password and a changed sealed key
    /// look the same here ([`SigningError::CannotOpen`]); check the password against its
    /// hash first to tell them apart.
    pub fn open(&self, password: &str) -> Result<KeyPair, SigningError> {
        let cipher = self.cipher(password)?;
        let secret = cipher
            .decrypt(
                &XNonce::from(self.nonce),
                Payload {
                    msg: &self.ciphertext,
                    aad: &self.header(),
                },
            )
            .map_err(|_| SigningError::CannotOpen)?;
        let secret = Zeroizing::new(secret);
        let secret: &[u8; 32] = secret
            .as_slice()
            .try_into()
            .map_err(|_| SigningError::DamagedSealedKey)?;
        let pair = KeyPair {
            signing: SigningKey::from_bytes(secret),
        };
        if pair.public_key() != self.public {
            return Err(SigningError::KeyMismatch);
        }
        Ok(pair)
    }

    /// Seals the same key pair under a new password (a password change: the person knows the
    /// old one). With a fresh salt and nonce; the cost becomes the current default if it was
    /// lower.
    pub fn reseal(&self, old_password: &str, new_password: &str) -> Result<Self, SigningError> {
        let pair = self.open(old_password)?;
        let cost = KdfCost {
            memory_kib: self.cost.memory_kib.max(KdfCost::DEFAULT.memory_kib),
            passes: self.cost.passes.max(KdfCost::DEFAULT.passes),
            lanes: self.cost.lanes.max(KdfCost::DEFAULT.lanes),
        };
        pair.seal_with(new_password, cost)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = self.header();
        bytes.extend_from_slice(&self.ciphertext);
        bytes
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, SigningError> {
        let damaged = SigningError::DamagedSealedKey;
        if bytes.len() != Self::LEN || &bytes[..4] != MAGIC || bytes[4] != FORMAT_VERSION {
            return Err(damaged);
        }
        let u32_at = |at: usize| {
            bytes
                .get(at..at + 4)
                .and_then(|b| b.try_into().ok())
                .map(u32::from_le_bytes)
                .ok_or(damaged)
        };
        let cost = KdfCost {
            memory_kib: u32_at(5)?,
            passes: u32_at(9)?,
            lanes: u32_at(13)?,
        };
        cost.check()?;
        let mut at = 17;
        let mut take = |len: usize| {
            let slice = bytes.get(at..at + len).ok_or(damaged);
            at += len;
            slice
        };
        let salt = take(SALT_LEN)?.try_into().map_err(|_| damaged)?;
        let nonce = take(NONCE_LEN)?.try_into().map_err(|_| damaged)?;
        let public = PublicKey::from_bytes(take(32)?).map_err(|_| damaged)?;
        let ciphertext = take(CIPHERTEXT_LEN)?.try_into().map_err(|_| damaged)?;
        Ok(Self {
            cost,
            salt,
            nonce,
            public,
            ciphertext,
        })
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.to_bytes())
    }

    pub fn from_hex(text: &str) -> Result<Self, SigningError> {
        let bytes = decode_hex(text).map_err(|_| SigningError::DamagedSealedKey)?;
        Self::from_bytes(&bytes)
    }

    /// The authenticated header: everything but the ciphertext.
    fn header(&self) -> Vec<u8> {
        let mut header = Vec::with_capacity(Self::LEN);
        header.extend_from_slice(MAGIC);
        header.push(FORMAT_VERSION);
        for n in [self.cost.memory_kib, self.cost.passes, self.cost.lanes] {
            header.extend_from_slice(&n.to_le_bytes());
        }
        header.extend_from_slice(&self.salt);
        header.extend_from_slice(&self.nonce);
        header.extend_from_slice(self.public.as_bytes());
        header
    }

    /// The cipher keyed by Argon2id(password, salt).
    fn cipher(&self, password: &str) -> Result<XChaCha20Poly1305, SigningError> {
        let params = self.cost.check()?;
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
            .hash_password_into(password.as_bytes(), &self.salt, key.as_mut())
            .map_err(|_| SigningError::KeyDerivation)?;
        XChaCha20Poly1305::new_from_slice(key.as_ref()).map_err(|_| SigningError::KeyDerivation)
    }
}

impl fmt::Debug for SealedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SealedKey")
            .field("public", &self.public)
            .field("cost", &self.cost)
            .finish_non_exhaustive()
    }
}

macro_rules! serde_as_hex {
    ($type:ty) => {
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.to_hex())
            }
        }

        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                Self::from_hex(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}

serde_as_hex!(PublicKey);
serde_as_hex!(Signature);
serde_as_hex!(SealedKey);

// ---------------------------------------------------------------------------------------------
// Checking many signatures
// ---------------------------------------------------------------------------------------------

/// One signed entry to check: its hash, its signature, and the public key of the person
/// the chain says took the step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignedHash {
    pub hash: EntryHash,
    pub signature: Signature,
    pub signer: PublicKey,
}

/// The first entry (0-based index into the slice checked) whose signature does not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub struct BadSignature {
    pub index: usize,
}

/// Entries checked together in one batch: batch verification's gain flattens out well
/// before this, and a bad entry costs one batch checked again one by one.
const BATCH: usize = 128;

/// [`verify_many`] on every core this computer has.
pub fn verify_all(
    entries: &[SignedHash],
    progress: &(dyn Fn(usize) + Sync),
) -> Result<(), BadSignature> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    verify_many(entries, threads, progress)
}

/// Checks every signature, on `threads` threads, in batches (ed25519-dalek's batch
/// verification, about twice as fast per signature as one by one). A batch that fails is
/// checked again entry by entry with strict verification, which decides; the error names the
/// first entry of the slice that fails. `progress` is called from the worker threads after
/// each batch with the number of entries checked so far (calls from two threads may arrive
/// slightly out of order: show the largest).
pub fn verify_many(
    entries: &[SignedHash],
    threads: usize,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<(), BadSignature> {
    let batches = entries.len().div_ceil(BATCH);
    let threads = threads.clamp(1, batches.max(1));
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let first_bad = AtomicUsize::new(usize::MAX);
    let work = || {
        let mut keys: HashMap<[u8; 32], Option<VerifyingKey>> = HashMap::new();
        loop {
            let start = next.fetch_add(1, Ordering::Relaxed).saturating_mul(BATCH);
            // Batches are taken in order; one after a known bad entry cannot change the answer.
            if start >= entries.len() || start > first_bad.load(Ordering::Relaxed) {
                break;
            }
            let end = (start + BATCH).min(entries.len());
            if let Some(bad) = first_bad_in(&entries[start..end], &mut keys) {
                first_bad.fetch_min(start + bad, Ordering::Relaxed);
            }
            let checked = end - start;
            progress(done.fetch_add(checked, Ordering::Relaxed) + checked);
        }
    };
    if threads == 1 {
        work();
    } else {
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(work);
            }
        });
    }
    match first_bad.into_inner() {
        usize::MAX => Ok(()),
        index => Err(BadSignature { index }),
    }
}

/// The index of the first entry of `batch` whose signature does not hold.
fn first_bad_in(
    batch: &[SignedHash],
    keys: &mut HashMap<[u8; 32], Option<VerifyingKey>>,
) -> Option<usize> {
    let mut verifying_keys = Vec::with_capacity(batch.len());
    for (i, entry) in batch.iter().enumerate() {
        let key = *keys
            .entry(*entry.signer.as_bytes())
            .or_insert_with(|| verifying_key(entry.signer.as_bytes()).ok());
        match key {
            Some(key) => verifying_keys.push(key),
            // A key that is not usable fails its first entry; the ones before still count.
            None => return first_bad_one_by_one(&batch[..i]).or(Some(i)),
        }
    }
    let messages: Vec<[u8; SIGNING_CONTEXT.len() + 32]> =
        batch.iter().map(|e| signed_message(&e.hash)).collect();
    let message_refs: Vec<&[u8]> = messages.iter().map(|m| m.as_slice()).collect();
    let signatures: Vec<ed25519_dalek::Signature> = batch
        .iter()
        .map(|e| ed25519_dalek::Signature::from_bytes(&e.signature.0))
        .collect();
    match ed25519_dalek::verify_batch(&message_refs, &signatures, &verifying_keys) {
        Ok(()) => None,
        Err(_) => first_bad_one_by_one(batch),
    }
}

fn first_bad_one_by_one(entries: &[SignedHash]) -> Option<usize> {
    entries
        .iter()
        .position(|e| e.signer.verify(&e.hash, &e.signature).is_err())
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use sha2::{Digest, Sha256};

    use super::*;

    /// Cheap enough for tests; the format and the checks are the same as with the default.
    const TEST_COST: KdfCost = KdfCost {
        memory_kib: 64,
        passes: 1,
        lanes: 1,
    };

    fn hash(n: usize) -> EntryHash {
        Sha256::digest(n.to_le_bytes()).into()
    }

    #[test]
    fn a_signature_verifies_with_its_key_only() {
        let alice = KeyPair::generate().unwrap();
        let bob = KeyPair::generate().unwrap();
        assert_ne!(alice.public_key(), bob.public_key());
        let signature = alice.sign(&hash(1));
        assert_eq!(alice.public_key().verify(&hash(1), &signature), Ok(()));
        assert_eq!(alice.sign(&hash(1)), signature, "Ed25519 is deterministic");
        let cases = [
            ("another hash", alice.public_key(), hash(2), signature),
            ("another key", bob.public_key(), hash(1), signature),
            (
                "bob's signature",
                alice.public_key(),
                hash(1),
                bob.sign(&hash(1)),
            ),
        ];
        for (what, key, hash, signature) in cases {
            assert_eq!(
                key.verify(&hash, &signature),
                Err(SigningError::InvalidSignature),
                "{what}"
            );
        }
    }

    #[test]
    fn a_changed_bit_anywhere_in_a_signature_is_detected() {
        let pair = KeyPair::generate().unwrap();
        let signature = pair.sign(&hash(7));
        for byte in 0..64 {
            let mut forged = signature.to_bytes();
            forged[byte] ^= 0x01;
            let forged = Signature::from_bytes(&forged).unwrap();
            assert!(
                pair.public_key().verify(&hash(7), &forged).is_err(),
                "byte {byte}"
            );
        }
    }

    #[test]
    fn only_the_context_prefixed_hash_is_signed() {
        let pair = KeyPair::generate().unwrap();
        let signature = pair.sign(&hash(3));
        // A signature over the bare hash (as a careless signer elsewhere would make) is refused.
        let bare = pair.signing.sign(&hash(3));
        assert!(
            pair.public_key()
                .verify(&hash(3), &Signature(bare.to_bytes()))
                .is_err()
        );
        let key = VerifyingKey::from_bytes(pair.public_key().as_bytes()).unwrap();
        let raw = ed25519_dalek::Signature::from_bytes(&signature.to_bytes());
        assert!(key.verify_strict(&signed_message(&hash(3)), &raw).is_ok());
    }

    #[test]
    fn keys_and_signatures_round_trip_as_hex_and_json() {
        let pair = KeyPair::generate().unwrap();
        let key = pair.public_key();
        let signature = pair.sign(&hash(5));
        assert_eq!(PublicKey::from_hex(&key.to_hex()), Ok(key));
        assert_eq!(Signature::from_hex(&signature.to_hex()), Ok(signature));
        let json = serde_json::to_string(&(key, signature)).unwrap();
        let back: (PublicKey, Signature) = serde_json::from_str(&json).unwrap();
        assert_eq!(back, (key, signature));
        assert_eq!(key.to_hex().len(), 64);
        assert_eq!(key.fingerprint().len(), 19);
        let cases = [
            ("zz", SigningError::BadHex),
            ("abcd", SigningError::BadPublicKey),
            (&"00".repeat(32), SigningError::BadPublicKey), // a small-order point
        ];
        for (text, error) in cases {
            assert_eq!(PublicKey::from_hex(text), Err(error), "{text}");
        }
        assert_eq!(
            Signature::from_hex("abcd"),
            Err(SigningError::MalformedSignature)
        );
        assert!(serde_json::from_str::<PublicKey>("\"abcd\"").is_err());
        let hex_hash = hex::encode(hash(9));
        assert_eq!(entry_hash_from_hex(&hex_hash), Ok(hash(9)));
        assert_eq!(entry_hash_from_hex("abcd"), Err(SigningError::BadHex));
    }

    #[test]
    fn a_sealed_key_opens_with_its_password_only() {
        let pair = KeyPair::generate().unwrap();
        let sealed = pair.seal_with("xiaoyuan2026", TEST_COST).unwrap();
        assert_eq!(sealed.public_key(), pair.public_key());
        let opened = sealed.open("xiaoyuan2026").unwrap();
        assert_eq!(opened.public_key(), pair.public_key());
        assert_eq!(opened.sign(&hash(1)), pair.sign(&hash(1)));
        for wrong in ["xiaoyuan2025", "", "Xiaoyuan2026", "xiaoyuan2026 "] {
            assert_eq!(
                sealed.open(wrong).unwrap_err(),
                SigningError::CannotOpen,
                "{wrong:?}"
            );
        }
    }

    #[test]
    fn sealing_twice_gives_different_bytes() {
        let pair = KeyPair::generate().unwrap();
        let a = pair.seal_with("xiaoyuan2026", TEST_COST).unwrap();
        let b = pair.seal_with("xiaoyuan2026", TEST_COST).unwrap();
        assert_ne!(a.to_bytes(), b.to_bytes(), "fresh salt and nonce");
    }

    #[test]
    fn every_changed_byte_of_a_sealed_key_is_refused() {
        let pair = KeyPair::generate().unwrap();
        let sealed = pair.seal_with("xiaoyuan2026", TEST_COST).unwrap();
        let bytes = sealed.to_bytes();
        assert_eq!(bytes.len(), SealedKey::LEN);
        assert_eq!(SealedKey::from_bytes(&bytes).as_ref(), Ok(&sealed));
        for at in 0..bytes.len() {
            let mut tampered = bytes.clone();
            tampered[at] ^= 0x04;
            // Either the format refuses it, or the authentication tag does.
            let opened = SealedKey::from_bytes(&tampered).and_then(|s| s.open("xiaoyuan2026"));
            assert!(opened.is_err(), "byte {at} changed unnoticed");
        }
        for cut in [0, 4, 100, SealedKey::LEN - 1] {
            assert_eq!(
                SealedKey::from_bytes(&bytes[..cut]),
                Err(SigningError::DamagedSealedKey)
            );
        }
    }

    #[test]
    fn another_accounts_key_cannot_be_slipped_in() {
        let alice = KeyPair::generate().unwrap();
        let mallory = KeyPair::generate().unwrap();
        let sealed = mallory.seal_with("same-password", TEST_COST).unwrap();
        // Mallory's sealed key with Alice's public key written over it.
        let mut bytes = sealed.to_bytes();
        bytes[HEADER_LEN - 32..HEADER_LEN].copy_from_slice(alice.public_key().as_bytes());
        let swapped = SealedKey::from_bytes(&bytes).unwrap();
        assert_eq!(swapped.public_key(), alice.public_key());
        assert_eq!(
            swapped.open("same-password").unwrap_err(),
            SigningError::CannotOpen
        );
    }

    #[test]
    fn an_absurd_cost_is_refused_before_any_work() {
        let pair = KeyPair::generate().unwrap();
        let mut bytes = pair.seal_with("pw-123456", TEST_COST).unwrap().to_bytes();
        bytes[5..9].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(
            SealedKey::from_bytes(&bytes),
            Err(SigningError::DamagedSealedKey)
        );
    }

    #[test]
    fn a_password_change_reseals_the_same_key() {
        let pair = KeyPair::generate().unwrap();
        let sealed = pair.seal_with("old-password", TEST_COST).unwrap();
        assert_eq!(
            sealed.reseal("wrong", "new-password").unwrap_err(),
            SigningError::CannotOpen
        );
        let resealed = sealed.reseal("old-password", "new-password").unwrap();
        assert_eq!(resealed.cost(), KdfCost::DEFAULT, "raised to the default");
        assert_eq!(resealed.public_key(), pair.public_key());
        assert_eq!(
            resealed.open("new-password").unwrap().public_key(),
            pair.public_key()
        );
        assert!(resealed.open("old-password").is_err());
        let json = serde_json::to_string(&resealed).unwrap();
        assert_eq!(json.len(), 2 * SealedKey::LEN + 2);
        let back: SealedKey = serde_json::from_str(&json).unwrap();
        assert_eq!(back, resealed);
    }

    #[test]
    fn the_default_cost_matches_the_password_hash() {
        assert_eq!(
            KdfCost::DEFAULT,
            KdfCost {
                memory_kib: 19 * 1024,
                passes: 2,
                lanes: 1
            }
        );
        let pair = KeyPair::generate().unwrap();
        let sealed = pair.seal("xiaoyuan2026").unwrap();
        assert_eq!(
            sealed.open("xiaoyuan2026").unwrap().public_key(),
            pair.public_key()
        );
    }

    fn signed_chain(len: usize, signers: &[KeyPair]) -> Vec<SignedHash> {
        (0..len)
            .map(|i| {
                let signer = &signers[i % signers.len()];
                SignedHash {
                    hash: hash(i),
                    signature: signer.sign(&hash(i)),
                    signer: signer.public_key(),
                }
            })
            .collect()
    }

    #[test]
    fn batches_name_the_first_bad_entry() {
        let signers: Vec<KeyPair> = (0..3).map(|_| KeyPair::generate().unwrap()).collect();
        let outsider = KeyPair::generate().unwrap();
        let chain = signed_chain(1000, &signers);
        for threads in [1, 2, 4] {
            assert_eq!(verify_many(&chain, threads, &|_| {}), Ok(()), "{threads}");
        }
        type Forge = fn(&mut SignedHash, &KeyPair);
        let forgeries: &[(&str, Forge)] = &[
            ("hash changed", |e, _| e.hash[0] ^= 1),
            ("signature bit", |e, _| e.signature.0[40] ^= 0x10),
            ("signed by another key", |e, k| {
                e.signature = k.sign(&e.hash)
            }),
            ("signer replaced", |e, k| e.signer = k.public_key()),
            ("signature of another entry", |e, _| e.hash = hash(999_999)),
        ];
        for (what, forge) in forgeries {
            for (first, later) in [(0, None), (127, Some(128)), (500, Some(900)), (999, None)] {
                let mut forged = chain.clone();
                forge(&mut forged[first], &outsider);
                if let Some(later) = later {
                    forge(&mut forged[later], &outsider);
                }
                for threads in [1, 2, 3] {
                    assert_eq!(
                        verify_many(&forged, threads, &|_| {}),
                        Err(BadSignature { index: first }),
                        "{what} at {first}, {threads} threads"
                    );
                }
            }
        }
    }

    #[test]
    fn an_unusable_signer_key_fails_its_entry() {
        let signers = [KeyPair::generate().unwrap()];
        let mut chain = signed_chain(300, &signers);
        chain[200].signer = PublicKey([0u8; 32]);
        assert_eq!(
            verify_many(&chain, 2, &|_| {}),
            Err(BadSignature { index: 200 })
        );
        chain[5].signature.0[0] ^= 1;
        assert_eq!(
            verify_many(&chain, 2, &|_| {}),
            Err(BadSignature { index: 5 })
        );
    }

    #[test]
    fn progress_reaches_the_total() {
        let signers = [KeyPair::generate().unwrap()];
        let chain = signed_chain(1000, &signers);
        let seen = Mutex::new(Vec::new());
        verify_all(&chain, &|done| seen.lock().unwrap().push(done)).unwrap();
        let seen = seen.into_inner().unwrap();
        assert_eq!(seen.len(), 1000usize.div_ceil(BATCH));
        assert_eq!(seen.iter().max(), Some(&1000));
        assert_eq!(
            verify_many(&[], 2, &|_| panic!("nothing to report")),
            Ok(())
        );
    }
}
