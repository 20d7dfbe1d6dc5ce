-- Undo of blog version 3: tags go back into post.tags (comma-separated, in name order),
-- then the tag tables are dropped. The data survives the round trip.
ALTER TABLE post ADD COLUMN tags varchar(500);

UPDATE post SET tags = agg.names
FROM (SELECT pt.post_id, string_agg(tag.name, ',' ORDER BY tag.name) AS names
      FROM post_tag pt JOIN tag ON tag.id = pt.tag_id GROUP BY pt.post_id) AS agg
WHERE agg.post_id = post.id;

DROP TABLE post_tag;
DROP TABLE tag;
