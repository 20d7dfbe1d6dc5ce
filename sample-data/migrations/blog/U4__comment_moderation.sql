-- Undo of blog version 4: moderation goes (the index and the check go with the column).
DROP INDEX comment_post_status_idx;
ALTER TABLE comment DROP COLUMN status;
