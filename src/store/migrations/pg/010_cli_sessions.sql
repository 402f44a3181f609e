-- PostgreSQL twin of ../009_cli_sessions.sql: command-line sessions (issue 16). `mediadesk
-- sign-in --as USER` checks the password once (Argon2id) and later commands of the same person
-- on the same database resume the session. The random token stays in a file only the user can
-- read; the database keeps its SHA-256. Self-contained: it only adds this table (it may be
-- renumbered when merged).
CREATE TABLE cli_sessions (
    -- Hex SHA-256 of the 32-byte token.
    token_sha256   TEXT PRIMARY KEY CHECK (length(token_sha256) = 64),
    user_id        BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- The database the session was made on (the server's address): a copy of this database
    -- elsewhere carries the row but does not honour it.
    made_for       TEXT NOT NULL,
    -- Hex SHA-256 of the user's password hash at sign-in: a changed password ends the session.
    password_stamp TEXT NOT NULL CHECK (length(password_stamp) = 64),
    created_at     TEXT NOT NULL,
    -- Fixed: created_at + 8 hours, not extended by use.
    expires_at     TEXT NOT NULL,
    -- The person's signing key (migration 009) sealed under the token, so the commands of a
    -- session seal their audit entries as the person would, without the password.
    sealed_key     TEXT NOT NULL,
    CHECK (expires_at > created_at)
);
CREATE INDEX cli_sessions_user ON cli_sessions(user_id);
