-- Undo of blog version 2: the slug goes (dropping the column drops its unique constraint).
ALTER TABLE post DROP COLUMN slug;
