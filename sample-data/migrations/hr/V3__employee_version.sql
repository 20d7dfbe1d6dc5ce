-- HR sample, step 3: a version column for optimistic locking.
-- Hibernate's @Version adds "and version=?" to every UPDATE and DELETE of an employee and
-- increments it: an edit of a row that changed meanwhile updates nothing and is refused.
-- Existing rows start at 0.

ALTER TABLE employee ADD COLUMN version integer NOT NULL DEFAULT 0;
