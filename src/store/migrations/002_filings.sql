-- Filing records: every printed filing form (初次备案 or 年审) and where its paper stands.

CREATE TABLE filings (
    id           INTEGER PRIMARY KEY,
    platform_id  INTEGER NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (kind IN ('initial', 'annual')),
    printed_on   TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'awaiting_signature'
        CHECK (state IN ('awaiting_signature', 'submitted', 'archived')),
    submitted_on TEXT,
    archived_on  TEXT,
    archive_no   TEXT NOT NULL DEFAULT '',
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX filings_platform ON filings(platform_id, id);

-- The scan of the signed and stamped form, kept in the database so it travels with backups.
CREATE TABLE filing_scans (
    filing_id   INTEGER PRIMARY KEY REFERENCES filings(id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    media_type  TEXT NOT NULL,
    bytes       BLOB NOT NULL,
    attached_at TEXT NOT NULL
) STRICT;
