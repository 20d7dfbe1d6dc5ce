-- Undo of movies version 2.
ALTER TABLE movie DROP COLUMN rating;
ALTER TABLE movie DROP COLUMN genre;
