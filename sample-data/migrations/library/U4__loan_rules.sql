-- Undo of library version 4.
DROP INDEX loan_open_by_member_idx;
ALTER TABLE loan DROP CONSTRAINT loan_due_after_start;
