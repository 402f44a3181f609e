-- Sign-in, posts through the three steps (第七条三), their revisions and attachments, and the
-- hash-chained audit log (第八条一).

-- 第六条三: internal information may go only onto a platform reachable on the campus intranet.
ALTER TABLE platforms ADD COLUMN intranet_only INTEGER NOT NULL DEFAULT 0
    CHECK (intranet_only IN (0, 1));

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    login           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(login)) > 0),
    -- The person whose roles the user acts with; NULL for a system administrator who is not
    -- one of the units' people.
    person_id       INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    display_name    TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    -- Argon2id PHC string.
    password_hash   TEXT NOT NULL,
    is_system_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_system_admin IN (0, 1)),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    last_failed_at  TEXT,
    last_sign_in_at TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX users_person ON users(person_id) WHERE person_id IS NOT NULL;

CREATE TABLE posts (
    id                 INTEGER PRIMARY KEY,
    platform_id        INTEGER NOT NULL REFERENCES platforms(id) ON DELETE RESTRICT,
    title              TEXT NOT NULL CHECK (length(trim(title)) > 0),
    body               TEXT NOT NULL DEFAULT '',
    category           TEXT NOT NULL
        CHECK (category IN ('notice', 'news', 'announcement', 'party_building')),
    column_name        TEXT NOT NULL DEFAULT '',
    origin             TEXT NOT NULL CHECK (origin IN ('original', 'reprint')),
    author_or_provider TEXT NOT NULL DEFAULT '',
    source_name        TEXT NOT NULL DEFAULT '',
    source_link        TEXT NOT NULL DEFAULT '',
    editor             TEXT NOT NULL DEFAULT '',
    internal           INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
    planned_at         TEXT,
    state              TEXT NOT NULL DEFAULT 'draft'
        CHECK (state IN ('draft', 'submitted', 'approved', 'published', 'returned', 'withdrawn')),
    author_id          INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    reviewer_id        INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    publisher_id       INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    published_link     TEXT,
    published_at       TEXT,
    revision           INTEGER NOT NULL DEFAULT 0,
    override_by        INTEGER REFERENCES people(id) ON DELETE RESTRICT,
    override_reason    TEXT,
    override_hash      TEXT,
    override_at        TEXT,
    version            INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
) STRICT;
-- The queues: a unit's posts in one state, newest first; an author's own posts.
CREATE INDEX posts_state_platform ON posts(state, platform_id, updated_at);
CREATE INDEX posts_author_state ON posts(author_id, state);
CREATE INDEX posts_updated ON posts(updated_at);

-- Every submission keeps the text as it was handed on.
CREATE TABLE post_revisions (
    id        INTEGER PRIMARY KEY,
    post_id   INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    number    INTEGER NOT NULL,
    title     TEXT NOT NULL,
    body      TEXT NOT NULL,
    saved_by  INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    saved_at  TEXT NOT NULL,
    UNIQUE (post_id, number)
) STRICT;

-- The revision each person last opened, so a reviewer sees what changed since then.
CREATE TABLE post_views (
    post_id   INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    revision  INTEGER NOT NULL,
    seen_at   TEXT NOT NULL,
    PRIMARY KEY (post_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE post_attachments (
    id         INTEGER PRIMARY KEY,
    post_id    INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    size       INTEGER NOT NULL,
    sha256     TEXT NOT NULL,
    content    BLOB NOT NULL,
    added_by   INTEGER NOT NULL REFERENCES people(id) ON DELETE RESTRICT,
    added_at   TEXT NOT NULL
) STRICT;
CREATE INDEX post_attachments_post ON post_attachments(post_id);

-- Append-only: entries are chained by hash (domain/audit.rs); the triggers keep honest
-- mistakes out, the chain catches anyone who goes around them.
CREATE TABLE audit_log (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    object     TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state   TEXT NOT NULL,
    comment    TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;
CREATE INDEX audit_object ON audit_log(object, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
