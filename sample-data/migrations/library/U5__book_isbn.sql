-- Undo of library version 5.
ALTER TABLE book DROP COLUMN isbn;
