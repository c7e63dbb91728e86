-- Passwords: per account, only what the person did and when. Never a password, never a
-- suggestion: there is no column that could hold one, and changed_on is a bare date.
CREATE TABLE password_changes (
    account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    status     TEXT CHECK (status IN ('changed', 'later', 'help')),
    changed_on TEXT CHECK (changed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    two_step   TEXT CHECK (two_step IN ('on', 'not_offered', 'later')),
    updated    TEXT NOT NULL CHECK (updated GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
