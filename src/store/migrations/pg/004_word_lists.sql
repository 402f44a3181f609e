-- PostgreSQL twin of ../004_word_lists.sql: screening word lists (第六条三, 第六条五): the
-- current list of each category and of the allow list, and every earlier version, so a list
-- can be audited and restored.

CREATE TABLE word_lists (
    -- a screening category code, or 'allow' for the allow list
    list       TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    version    BIGINT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE word_list_versions (
    list       TEXT NOT NULL,
    version    BIGINT NOT NULL,
    body       TEXT NOT NULL,
    actor      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (list, version)
);
