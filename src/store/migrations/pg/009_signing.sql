-- Signed audit entries (第八条一: the first responsible person answers for every operation): each
-- account's Ed25519 private key, sealed under its password (domain::signing::SealedKey, hex),
-- and each entry's seal — the actor's public key and signature over the entry's content hash.
-- Entries written before this stay unsealed and verify as before. Which key belongs to whom
-- is not taken from this table but from the chain's own `key_issued` entries.
ALTER TABLE users ADD COLUMN sealed_key TEXT;
ALTER TABLE audit_log ADD COLUMN signer TEXT;
ALTER TABLE audit_log ADD COLUMN signature TEXT;
