-- Library, version 5: books get an ISBN, unique where known.
ALTER TABLE book ADD COLUMN isbn varchar(17);
ALTER TABLE book ADD CONSTRAINT book_isbn_key UNIQUE (isbn);
