-- HR sample, step 4: when an employee was created through the app.
-- Filled in by a JPA lifecycle callback (@PrePersist on the Employee entity), not by the
-- server (compare department.created_at, a server default that Hibernate reads back): a row
-- inserted with plain SQL leaves it NULL, as do the sample rows.

ALTER TABLE employee ADD COLUMN created_at timestamptz;
