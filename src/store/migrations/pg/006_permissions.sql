-- PostgreSQL twin of ../006_permissions.sql: the school-level 学校督查人员 of
-- 学校办公室（新闻中心）/党委宣传部 archive filings and shut platforms down (第四条一, 第四条三).
-- They are school staff, not of a unit, so the role is held by the account, like the system
-- administrator's flag.
ALTER TABLE users ADD COLUMN is_school_supervisor BIGINT NOT NULL DEFAULT 0
    CHECK (is_school_supervisor IN (0, 1));
