INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
BEGIN;
CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
-- replint: apply-order publisher-first
ALTER TABLE hosts ADD COLUMN tags jsonb DEFAULT '{}' NOT NULL;
CREATE INDEX CONCURRENTLY hosts_tags ON hosts USING gin (tags);
COMMIT;
BEGIN;
UPDATE alembic_version SET version_num='b2' WHERE alembic_version.version_num = 'a1';
COMMIT;
