-- Library, version 4: a loan is due after it starts, and "open loans of a member" is fast.
ALTER TABLE loan ADD CONSTRAINT loan_due_after_start CHECK (due_on >= loaned_on);
CREATE INDEX loan_open_by_member_idx ON loan (member_id) WHERE returned_on IS NULL;
