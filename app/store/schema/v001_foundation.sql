-- Foundation: the person's settings, where the wizard stopped, drafts, answers, accounts, tasks.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL               -- JSON
);
CREATE TABLE progress (
    key   TEXT PRIMARY KEY,           -- "position": the journey and page, as JSON
    value TEXT NOT NULL
);
CREATE TABLE drafts (
    page  TEXT PRIMARY KEY,           -- a step key; what was typed there, as JSON
    value TEXT NOT NULL
);
CREATE TABLE answers (
    key   TEXT PRIMARY KEY,           -- "notice", "exposed", ...
    value TEXT NOT NULL               -- JSON
);
CREATE TABLE accounts (
    id       INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL,
    name     TEXT NOT NULL,
    last4    TEXT NOT NULL DEFAULT '' CHECK (length(last4) <= 4 AND last4 NOT GLOB '*[^0-9]*'),
    position INTEGER NOT NULL DEFAULT 0,
    created  TEXT NOT NULL
);
CREATE TABLE tasks (
    id           INTEGER PRIMARY KEY,
    rule         TEXT UNIQUE,         -- what made it (a plan rule, a payment...); NULL for own
    source       TEXT NOT NULL DEFAULT 'own',
    title        TEXT NOT NULL,
    why          TEXT NOT NULL DEFAULT '',
    how          TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    params       TEXT NOT NULL DEFAULT '{}',
    priority     INTEGER NOT NULL DEFAULT 2,
    due          TEXT,
    repeat       TEXT NOT NULL DEFAULT '',
    repeat_until TEXT,
    done_on      TEXT,
    position     INTEGER NOT NULL DEFAULT 0,
    deleted      INTEGER NOT NULL DEFAULT 0,
    created      TEXT NOT NULL
);
CREATE TABLE task_log (
    id           INTEGER PRIMARY KEY,
    task_id      INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    done_on      TEXT NOT NULL,
    previous_due TEXT
);
CREATE INDEX tasks_open ON tasks (deleted, done_on, due);
