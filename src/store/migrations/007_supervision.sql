-- Supervision (督查): updates recorded by hand (第六条四), the ladder's notices the school issues
-- (第六条四), the party-building column (第六条二), security incidents (第八条一/二), training
-- sessions and who attended (第五条). The due list for every platform is computed from a few
-- aggregate queries over these tables; the indexes below serve them.

-- 第六条二: whether the platform has a 党建专栏, as the unit records it.
ALTER TABLE platforms ADD COLUMN has_party_column INTEGER NOT NULL DEFAULT 0
    CHECK (has_party_column IN (0, 1));

-- Posts published in the platform's own back office, recorded by hand or imported from CSV.
CREATE TABLE platform_updates (
    id             INTEGER PRIMARY KEY,
    platform_id    INTEGER NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
    on_date        TEXT NOT NULL,
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    link           TEXT NOT NULL DEFAULT '',
    party_building INTEGER NOT NULL DEFAULT 0 CHECK (party_building IN (0, 1)),
    source         TEXT NOT NULL DEFAULT 'hand' CHECK (source IN ('hand', 'import')),
    recorded_by    TEXT NOT NULL,
    recorded_at    TEXT NOT NULL
) STRICT;
-- MAX(on_date) per platform, and a platform's list, newest first.
CREATE INDEX platform_updates_platform_date ON platform_updates(platform_id, on_date);
CREATE INDEX platform_updates_party ON platform_updates(platform_id, on_date)
    WHERE party_building = 1;

-- The last published post and the last 党建 post per platform.
CREATE INDEX posts_published_platform ON posts(platform_id, published_at)
    WHERE state = 'published';
CREATE INDEX posts_party_published_platform ON posts(platform_id, published_at)
    WHERE state = 'published' AND category = 'party_building';

-- 第六条四: 整改通知书, 通报, 关停决定, issued by the school.
CREATE TABLE supervision_notices (
    id          INTEGER PRIMARY KEY,
    platform_id INTEGER NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL
        CHECK (kind IN ('rectification', 'public_notice', 'shutdown_decision')),
    issued_on   TEXT NOT NULL,
    document_no TEXT NOT NULL CHECK (length(trim(document_no)) > 0),
    issued_by   TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX supervision_notices_platform ON supervision_notices(platform_id, issued_on);

-- 第八条一/二: security incidents and their report to the three offices.
CREATE TABLE security_incidents (
    id            INTEGER PRIMARY KEY,
    platform_id   INTEGER NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL
        CHECK (kind IN ('account_stolen', 'illegal_use', 'vulnerability', 'bad_content')),
    found_at      TEXT NOT NULL,
    found_by      TEXT NOT NULL DEFAULT '',
    description   TEXT NOT NULL,
    reported_at   TEXT,
    -- Office codes separated by commas (news_center, propaganda_dept, it_center).
    reported_to   TEXT NOT NULL DEFAULT '',
    actions_taken TEXT NOT NULL DEFAULT '',
    closed_at     TEXT,
    recorded_by   TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX security_incidents_platform ON security_incidents(platform_id, found_at);
CREATE INDEX security_incidents_open ON security_incidents(found_at) WHERE closed_at IS NULL;

-- 第五条: training sessions and who attended.
CREATE TABLE training_sessions (
    id          INTEGER PRIMARY KEY,
    held_on     TEXT NOT NULL,
    topic       TEXT NOT NULL CHECK (length(trim(topic)) > 0),
    organiser   TEXT NOT NULL CHECK (length(trim(organiser)) > 0),
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX training_sessions_held ON training_sessions(held_on);

CREATE TABLE training_attendance (
    session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX training_attendance_person ON training_attendance(person_id, session_id);
