SELECT 'unterminated;
CREATE TABLE (;
ALTER TABLE t ADD COLUMN c int DEFAULT ;
DO $$ BEGIN RAISE NOTICE 'x' $$;
SELECT 1 /* never closed
