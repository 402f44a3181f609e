-- 第六条四 at a whole school's scale: each platform's latest activity (a published post or an
-- update recorded for its own back office) and its latest 党建 activity (第六条二), kept on the
-- platform's row by triggers in the same transaction as the post or update that moves them. The
-- due list then reads one row per platform instead of four index seeks per platform. A published
-- post never leaves `published` and updates are never deleted, so each date only moves forward.
-- The same triggers count each platform's activity per month for the 督查 page's chart.
ALTER TABLE platforms ADD COLUMN last_activity_on TEXT;
ALTER TABLE platforms ADD COLUMN last_party_activity_on TEXT;

UPDATE platforms SET
    last_activity_on = (SELECT MAX(d) FROM (
        SELECT substr(MAX(published_at), 1, 10) AS d FROM posts
            WHERE platform_id = platforms.id AND state = 'published'
        UNION ALL
        SELECT MAX(on_date) FROM platform_updates WHERE platform_id = platforms.id)),
    last_party_activity_on = (SELECT MAX(d) FROM (
        SELECT substr(MAX(published_at), 1, 10) AS d FROM posts
            WHERE platform_id = platforms.id AND state = 'published'
                AND category = 'party_building'
        UNION ALL
        SELECT MAX(on_date) FROM platform_updates
            WHERE platform_id = platforms.id AND party_building = 1));

-- Published posts and recorded updates per platform and month (`YYYY-MM`): derived from
-- posts and platform_updates, so `db copy` does not copy it; the triggers rebuild it there.
CREATE TABLE platform_activity_months (
    platform_id INTEGER NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
    month       TEXT NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (platform_id, month)
) STRICT, WITHOUT ROWID;
CREATE INDEX platform_activity_months_month ON platform_activity_months(month);

INSERT INTO platform_activity_months (platform_id, month, n)
SELECT platform_id, month, SUM(n) FROM (
    SELECT platform_id, substr(published_at, 1, 7) AS month, COUNT(*) AS n FROM posts
        WHERE state = 'published' AND published_at IS NOT NULL
        GROUP BY platform_id, substr(published_at, 1, 7)
    UNION ALL
    SELECT platform_id, substr(on_date, 1, 7), COUNT(*) FROM platform_updates
        GROUP BY platform_id, substr(on_date, 1, 7))
GROUP BY platform_id, month;

-- The one place the rules live (as the server's function platform_activity_moved): a row
-- "inserted" into this view moves the platform's dates forward and counts its month. The
-- view itself never holds anything.
CREATE VIEW platform_activity AS
    SELECT id AS platform_id, last_activity_on AS day, has_party_column AS party
    FROM platforms WHERE 0;

CREATE TRIGGER platform_activity_moved INSTEAD OF INSERT ON platform_activity
BEGIN
    UPDATE platforms SET
        last_activity_on = CASE
            WHEN last_activity_on IS NULL OR last_activity_on < NEW.day
            THEN NEW.day ELSE last_activity_on END,
        last_party_activity_on = CASE
            WHEN NEW.party AND (last_party_activity_on IS NULL
                OR last_party_activity_on < NEW.day)
            THEN NEW.day ELSE last_party_activity_on END
    WHERE id = NEW.platform_id;
    INSERT INTO platform_activity_months (platform_id, month, n)
        VALUES (NEW.platform_id, substr(NEW.day, 1, 7), 1)
        ON CONFLICT (platform_id, month) DO UPDATE SET n = n + 1;
END;

-- Counted once: when a post is inserted as published (import, copy) or becomes published.
CREATE TRIGGER posts_publish_activity AFTER UPDATE OF state, published_at ON posts
WHEN NEW.state = 'published' AND NEW.published_at IS NOT NULL
    AND OLD.state IS NOT 'published'
BEGIN
    INSERT INTO platform_activity (platform_id, day, party) VALUES
        (NEW.platform_id, substr(NEW.published_at, 1, 10), NEW.category = 'party_building');
END;

CREATE TRIGGER posts_insert_activity AFTER INSERT ON posts
WHEN NEW.state = 'published' AND NEW.published_at IS NOT NULL
BEGIN
    INSERT INTO platform_activity (platform_id, day, party) VALUES
        (NEW.platform_id, substr(NEW.published_at, 1, 10), NEW.category = 'party_building');
END;

CREATE TRIGGER platform_updates_activity AFTER INSERT ON platform_updates
BEGIN
    INSERT INTO platform_activity (platform_id, day, party) VALUES
        (NEW.platform_id, NEW.on_date, NEW.party_building = 1);
END;
