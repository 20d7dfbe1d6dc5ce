-- Undo of movies version 4.
ALTER TABLE movie DROP COLUMN runtime_minutes;
