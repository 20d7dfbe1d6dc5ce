-- Undo of blog version 1: back to an empty schema (the data goes with the tables).
DROP TABLE comment;
DROP TABLE post;
DROP TABLE author;
