-- Movies, version 4: the running time in minutes, positive when known.
ALTER TABLE movie ADD COLUMN runtime_minutes integer CONSTRAINT movie_runtime_positive CHECK (runtime_minutes > 0);
