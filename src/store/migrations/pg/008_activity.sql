-- 第六条四 at a whole school's scale: each platform's latest activity and latest 党建 activity
-- on its own row, moved forward by triggers in the same transaction as the post or update (see
-- the file migration 008; the same columns, counts and rules).
ALTER TABLE platforms ADD COLUMN last_activity_on TEXT;
ALTER TABLE platforms ADD COLUMN last_party_activity_on TEXT;

UPDATE platforms SET
    last_activity_on = (SELECT MAX(d) FROM (
        SELECT substr(MAX(published_at), 1, 10) AS d FROM posts
            WHERE platform_id = platforms.id AND state = 'published'
        UNION ALL
        SELECT MAX(on_date) FROM platform_updates WHERE platform_id = platforms.id) AS a),
    last_party_activity_on = (SELECT MAX(d) FROM (
        SELECT substr(MAX(published_at), 1, 10) AS d FROM posts
            WHERE platform_id = platforms.id AND state = 'published'
                AND category = 'party_building'
        UNION ALL
        SELECT MAX(on_date) FROM platform_updates
            WHERE platform_id = platforms.id AND party_building = 1) AS a);

CREATE TABLE platform_activity_months (
    platform_id BIGINT NOT NULL REFERENCES platforms(id) ON DELETE CASCADE,
    month       TEXT NOT NULL,
    n           BIGINT NOT NULL,
    PRIMARY KEY (platform_id, month)
);
CREATE INDEX platform_activity_months_month ON platform_activity_months(month);

INSERT INTO platform_activity_months (platform_id, month, n)
SELECT platform_id, month, SUM(n) FROM (
    SELECT platform_id, substr(published_at, 1, 7) AS month, COUNT(*) AS n FROM posts
        WHERE state = 'published' AND published_at IS NOT NULL
        GROUP BY platform_id, substr(published_at, 1, 7)
    UNION ALL
    SELECT platform_id, substr(on_date, 1, 7), COUNT(*) FROM platform_updates
        GROUP BY platform_id, substr(on_date, 1, 7)) AS a
GROUP BY platform_id, month;

-- One function for both tables: the day and whether it counts for the 党建 column.
CREATE FUNCTION platform_activity_moved(platform BIGINT, day TEXT, party BOOLEAN)
RETURNS void LANGUAGE sql AS $$
    UPDATE platforms SET
        last_activity_on = GREATEST(last_activity_on, day),
        last_party_activity_on = CASE WHEN party
            THEN GREATEST(last_party_activity_on, day) ELSE last_party_activity_on END
    WHERE id = platform;
    INSERT INTO platform_activity_months (platform_id, month, n)
        VALUES (platform, substr(day, 1, 7), 1)
        ON CONFLICT (platform_id, month) DO UPDATE
            SET n = platform_activity_months.n + 1;
$$;

-- Counted once: when a post is inserted as published (import, copy) or becomes published.
CREATE FUNCTION posts_activity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.state = 'published' THEN
            RETURN NULL;
        END IF;
    END IF;
    IF NEW.state = 'published' AND NEW.published_at IS NOT NULL THEN
        PERFORM platform_activity_moved(NEW.platform_id, substr(NEW.published_at, 1, 10),
                                        NEW.category = 'party_building');
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER posts_publish_activity AFTER UPDATE OF state, published_at ON posts
    FOR EACH ROW EXECUTE FUNCTION posts_activity();
CREATE TRIGGER posts_insert_activity AFTER INSERT ON posts
    FOR EACH ROW EXECUTE FUNCTION posts_activity();

CREATE FUNCTION platform_updates_activity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM platform_activity_moved(NEW.platform_id, NEW.on_date, NEW.party_building = 1);
    RETURN NULL;
END;
$$;
CREATE TRIGGER platform_updates_activity AFTER INSERT ON platform_updates
    FOR EACH ROW EXECUTE FUNCTION platform_updates_activity();
