-- The call log: calls the person made or received, what was said, and whether it felt like
-- a scam. A call may be about a task of the plan (the task is ticked when the call is saved).
CREATE TABLE calls (
    id              INTEGER PRIMARY KEY,
    direction       TEXT NOT NULL CHECK (direction IN ('made', 'received')),
    at              TEXT NOT NULL,          -- ISO date and time, to the minute, local time
    organisation    TEXT NOT NULL DEFAULT '',
    person          TEXT NOT NULL DEFAULT '',  -- the name of the person spoken to, if given
    reference       TEXT NOT NULL DEFAULT '',  -- a reference or file number
    notes           TEXT NOT NULL DEFAULT '',  -- what was said or agreed
    felt_like_scam  INTEGER NOT NULL DEFAULT 0 CHECK (felt_like_scam IN (0, 1)),
    task_id         INTEGER REFERENCES tasks (id) ON DELETE SET NULL
);
CREATE INDEX calls_at ON calls (at, id);
