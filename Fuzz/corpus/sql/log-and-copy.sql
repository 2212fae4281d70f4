INFO  [alembic.runtime.migration] Running upgrade a1 -> b2, add tags
[2026-12-01 21:34:08,978] [13140] [inventory.lib.db] [INFO] Using database URL postgresql://inventory:s3cr3t@db:5432/insights
BEGIN;
COPY hbi.tags (id, name) FROM stdin;
1	one
2	two\ttab
\.
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN NEW.x := 'a;b'; RETURN NEW; END $body$;
\set ON_ERROR_STOP on
SELECT E'it''s\n', U&'\0041', $$ ; $$, "quoted;ident" FROM t; -- trailing ; comment
/* nested /* comment */ ; */
COMMIT;
COPY t FROM stdin;
no end
