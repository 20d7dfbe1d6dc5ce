-- Movies, version 2: two optional fields; a rating is between 0 and 10.
ALTER TABLE movie ADD COLUMN genre varchar(40);
ALTER TABLE movie ADD COLUMN rating numeric(3, 1) CONSTRAINT movie_rating_range CHECK (rating BETWEEN 0 AND 10);
