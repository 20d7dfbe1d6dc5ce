-- Blog, version 2: posts get a URL slug. Added nullable, filled from the title (a backfill),
-- then made NOT NULL and UNIQUE: the usual three moves for a new required column.
ALTER TABLE post ADD COLUMN slug varchar(200);

UPDATE post SET slug = trim(BOTH '-' FROM regexp_replace(lower(title), '[^a-z0-9]+', '-', 'g'));

ALTER TABLE post ALTER COLUMN slug SET NOT NULL;
ALTER TABLE post ADD CONSTRAINT post_slug_key UNIQUE (slug);
