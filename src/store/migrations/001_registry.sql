-- The registry: units, people with roles, platform kinds, platforms and their administrators.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE units (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    party_branch TEXT NOT NULL DEFAULT '',
    head         TEXT NOT NULL DEFAULT '',
    secretary    TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    mobile     TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX people_unit ON people(unit_id);

CREATE TABLE person_roles (
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    role      TEXT NOT NULL CHECK (role IN ('info_officer', 'reviewer', 'administrator', 'unit_head')),
    PRIMARY KEY (person_id, role)
) STRICT, WITHOUT ROWID;

CREATE TABLE platform_kinds (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    is_website       INTEGER NOT NULL DEFAULT 0 CHECK (is_website IN (0, 1)),
    has_account_type INTEGER NOT NULL DEFAULT 0 CHECK (has_account_type IN (0, 1)),
    sort_order       INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO platform_kinds (name, is_website, has_account_type, sort_order) VALUES
    ('网站', 1, 0, 0),
    ('微信公众号', 0, 1, 1),
    ('微博', 0, 0, 2),
    ('抖音', 0, 0, 3),
    ('视频号', 0, 0, 4),
    ('哔哩哔哩', 0, 0, 5),
    ('今日头条', 0, 0, 6),
    ('小红书', 0, 0, 7),
    ('快手', 0, 0, 8),
    ('QQ', 0, 0, 9),
    ('新闻客户端', 0, 0, 10);

CREATE TABLE platforms (
    id                 INTEGER PRIMARY KEY,
    unit_id            INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    kind_id            INTEGER NOT NULL REFERENCES platform_kinds(id) ON DELETE RESTRICT,
    name               TEXT NOT NULL CHECK (length(trim(name)) > 0),
    account            TEXT NOT NULL CHECK (length(trim(account)) > 0),
    -- Lower-cased, scheme-less account: the duplicate check (same kind and account).
    account_key        TEXT NOT NULL,
    account_type       TEXT CHECK (account_type IN ('subscription', 'service', 'enterprise')),
    verified           INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
    verified_until     TEXT,
    content_scope      TEXT NOT NULL,
    created_on         TEXT NOT NULL,
    status             TEXT NOT NULL DEFAULT 'unfiled'
        CHECK (status IN ('unfiled', 'filed', 'change_pending', 'closed', 'shut_down')),
    responsible_person TEXT NOT NULL,
    contact_mobile     TEXT NOT NULL,
    maintenance        TEXT NOT NULL DEFAULT 'in_house' CHECK (maintenance IN ('in_house', 'vendor')),
    vendor_name        TEXT NOT NULL DEFAULT '',
    approval_ref       TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    last_post_on       TEXT,
    version            INTEGER NOT NULL DEFAULT 1,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    UNIQUE (kind_id, account_key)
) STRICT;
CREATE INDEX platforms_unit ON platforms(unit_id);
CREATE INDEX platforms_status ON platforms(status);

CREATE TABLE platform_admins (
    platform_id INTEGER NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    mobile      TEXT NOT NULL,
    PRIMARY KEY (platform_id, position)
) STRICT, WITHOUT ROWID;

-- Autosaved dialog contents, so a crash loses at most the field being typed.
CREATE TABLE drafts (
    key      TEXT PRIMARY KEY,
    body     TEXT NOT NULL,
    saved_at TEXT NOT NULL
) STRICT;

-- Holiday schedules imported by the user (years after the bundled ones, or corrections);
-- each row is one year in the calendar's own JSON format.
CREATE TABLE calendar_years (
    year        INTEGER PRIMARY KEY,
    body        TEXT NOT NULL,
    imported_at TEXT NOT NULL
) STRICT;
