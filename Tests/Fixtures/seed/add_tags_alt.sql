INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
INFO  [alembic.runtime.migration] Will assume transactional DDL.
INFO  [alembic.runtime.migration] Running upgrade ecbe7e63f6d9 -> 6f44b7ecd7be, add tags_alt
BEGIN;

-- Running upgrade ecbe7e63f6d9 -> 6f44b7ecd7be

ALTER TABLE hbi.hosts ADD COLUMN tags_alt JSONB;

UPDATE hbi.alembic_version SET version_num='6f44b7ecd7be' WHERE hbi.alembic_version.version_num = 'ecbe7e63f6d9';

COMMIT;
