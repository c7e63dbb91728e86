-- Check account activity: the date and result of every check, the files imported (their
-- name only, never their content) and the transactions the person reviewed from them.
CREATE TABLE activity_checks (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    checked_on TEXT NOT NULL,                                     -- ISO date
    method     TEXT NOT NULL CHECK (method IN ('hand', 'file')),
    result     TEXT NOT NULL CHECK (result IN ('normal', 'strange')),
    note       TEXT NOT NULL DEFAULT '',
    UNIQUE (account_id, checked_on, method)
);
CREATE TABLE activity_imports (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    imported_on TEXT NOT NULL,
    file_name   TEXT NOT NULL,                                    -- the name only, no folder
    row_count   INTEGER NOT NULL,
    added_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE activity_transactions (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    import_id   INTEGER REFERENCES activity_imports(id) ON DELETE SET NULL,  -- NULL: by hand
    fingerprint TEXT NOT NULL,
    day         TEXT NOT NULL,                                    -- ISO date
    amount      TEXT NOT NULL,                                    -- Decimal as text, negative out
    currency    TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    flags       TEXT NOT NULL DEFAULT '[]',                       -- JSON list of flags
    rank        INTEGER NOT NULL DEFAULT 0,                       -- review order in its import
    verdict     TEXT CHECK (verdict IN ('mine', 'not_mine')),     -- NULL: not reviewed yet
    reviewed_on TEXT,
    UNIQUE (account_id, fingerprint)
);
CREATE INDEX activity_pending ON activity_transactions (account_id, verdict, import_id, rank);
