-- Profiles: the file says it is a Sereno profile in its header ("SRNO"), so that a foreign
-- SQLite file that happens to have a `settings` table is never taken for one.
PRAGMA application_id = 1397902927;
