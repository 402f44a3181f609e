-- PostgreSQL twin of ../011_must_change_password.sql: after an administrator's reset the
-- person must choose their own password at the next sign-in.
ALTER TABLE users ADD COLUMN must_change_password BIGINT NOT NULL DEFAULT 0
    CHECK (must_change_password IN (0, 1));
