-- Spot the scam: what the person answered for each practice message, and the round of
-- three messages they are going through now.
CREATE TABLE scam_answers (
    id          INTEGER PRIMARY KEY,
    example_id  TEXT NOT NULL,          -- the id in resources/scams/*.toml
    answered_on TEXT NOT NULL,          -- ISO date
    answer      TEXT NOT NULL CHECK (answer IN ('genuine', 'scam', 'unsure')),
    correct     INTEGER NOT NULL CHECK (correct IN (0, 1))
);
CREATE INDEX scam_answers_example ON scam_answers (example_id, id);
CREATE TABLE scam_round (
    slot        INTEGER PRIMARY KEY,    -- 1, 2, 3: the page of the round
    example_id  TEXT NOT NULL,
    answer      TEXT CHECK (answer IN ('genuine', 'scam', 'unsure'))  -- NULL: not yet
);
