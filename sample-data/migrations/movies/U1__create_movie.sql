-- Undo of movies version 1: back to an empty schema.
DROP TABLE movie;
