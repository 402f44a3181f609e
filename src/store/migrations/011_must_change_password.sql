-- Issue 14: an administrator's reset of another person's password is temporary. The person
-- must choose their own at the next sign-in (window and command line) before doing anything
-- else; changing it themselves clears the mark.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
    CHECK (must_change_password IN (0, 1));
