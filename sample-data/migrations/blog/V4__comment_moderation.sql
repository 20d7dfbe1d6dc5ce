-- Blog, version 4: comments are moderated. Every existing comment counts as approved; a
-- check constraint keeps the states known and an index serves "approved comments of a post".
ALTER TABLE comment ADD COLUMN status varchar(20) NOT NULL DEFAULT 'approved'
    CONSTRAINT comment_status_check CHECK (status IN ('pending', 'approved', 'rejected'));

CREATE INDEX comment_post_status_idx ON comment (post_id, status);
