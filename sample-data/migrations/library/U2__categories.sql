-- Undo of library version 2: the category link and table go.
ALTER TABLE book DROP COLUMN category_id;
DROP TABLE category;
