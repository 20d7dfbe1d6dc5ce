-- Undo of library version 1: back to an empty schema.
DROP TABLE book_author;
DROP TABLE book;
DROP TABLE author;
