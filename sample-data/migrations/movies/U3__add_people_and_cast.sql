-- Undo of movies version 3.
DROP TABLE movie_cast;
DROP TABLE person;
