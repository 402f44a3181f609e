-- The platform lifecycle: reportable changes, closures and shutdowns, and the history of
-- every event (第四条二, 第四条三).

CREATE TABLE platform_changes (
    id          INTEGER PRIMARY KEY,
    platform_id INTEGER NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
    changed_on  TEXT NOT NULL,
    reason      TEXT NOT NULL,
    -- JSON list of {field, old, new}
    fields      TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'reported')),
    reported_on TEXT,
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX platform_changes_platform ON platform_changes(platform_id, id);

CREATE TABLE platform_endings (
    platform_id         INTEGER PRIMARY KEY REFERENCES platforms(id) ON DELETE CASCADE,
    kind                TEXT NOT NULL CHECK (kind IN ('closed', 'shut_down')),
    on_date             TEXT NOT NULL,
    reason              TEXT NOT NULL,
    details             TEXT NOT NULL DEFAULT '',
    content_disposition TEXT NOT NULL DEFAULT '',
    document_no         TEXT NOT NULL DEFAULT '',
    recorded_at         TEXT NOT NULL
) STRICT;

CREATE TABLE platform_events (
    id          INTEGER PRIMARY KEY,
    platform_id INTEGER NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    actor       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX platform_events_platform ON platform_events(platform_id, id);

-- Platforms registered before the history existed get their creation as the first event.
INSERT INTO platform_events (platform_id, kind, occurred_on, actor, summary, recorded_at)
SELECT id, 'created', created_on, '', '登记到台账', created_at FROM platforms;
