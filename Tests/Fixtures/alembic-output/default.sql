INFO  [alembic.runtime.migration] Context impl PostgresqlImpl.
INFO  [alembic.runtime.migration] Generating static SQL
INFO  [alembic.runtime.migration] Will assume transactional DDL.
BEGIN;

CREATE TABLE hbi.alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

INFO  [alembic.runtime.migration] Running upgrade  -> 384abae92d9f, create hosts table
-- Running upgrade  -> 384abae92d9f

CREATE TABLE hbi.hosts (
    id UUID NOT NULL, 
    org_id VARCHAR(36) NOT NULL, 
    account VARCHAR(10), 
    display_name VARCHAR(200), 
    created_on TIMESTAMP WITH TIME ZONE NOT NULL, 
    modified_on TIMESTAMP WITH TIME ZONE NOT NULL, 
    canonical_facts JSONB NOT NULL, 
    CONSTRAINT hosts_pkey PRIMARY KEY (id)
);

INSERT INTO hbi.alembic_version (version_num) VALUES ('384abae92d9f') RETURNING hbi.alembic_version.version_num;

INFO  [alembic.runtime.migration] Running upgrade 384abae92d9f -> 7be7348f2798, add tags column
-- Running upgrade 384abae92d9f -> 7be7348f2798

ALTER TABLE hbi.hosts ADD COLUMN tags JSONB;

UPDATE hbi.alembic_version SET version_num='7be7348f2798' WHERE hbi.alembic_version.version_num = '384abae92d9f';

INFO  [alembic.runtime.migration] Running upgrade 7be7348f2798 -> b4c60b04ec87, index hosts by org_id
-- Running upgrade 7be7348f2798 -> b4c60b04ec87

CREATE INDEX idx_hosts_org_id ON hbi.hosts (org_id);

UPDATE hbi.alembic_version SET version_num='b4c60b04ec87' WHERE hbi.alembic_version.version_num = '7be7348f2798';

INFO  [alembic.runtime.migration] Running upgrade b4c60b04ec87 -> 410ce5f74445, index display_name concurrently
-- Running upgrade b4c60b04ec87 -> 410ce5f74445

COMMIT;

CREATE INDEX CONCURRENTLY idx_hosts_display_name ON hbi.hosts (display_name);

BEGIN;

UPDATE hbi.alembic_version SET version_num='410ce5f74445' WHERE hbi.alembic_version.version_num = 'b4c60b04ec87';

INFO  [alembic.runtime.migration] Running upgrade 410ce5f74445 -> 39c26e9d8491, create groups table
and the hosts_groups association table
so that hosts can be assigned to a group
-- Running upgrade 410ce5f74445 -> 39c26e9d8491

CREATE TABLE hbi.groups (
    id UUID NOT NULL, 
    org_id VARCHAR(36) NOT NULL, 
    name VARCHAR(255) NOT NULL, 
    created_on TIMESTAMP WITH TIME ZONE NOT NULL, 
    modified_on TIMESTAMP WITH TIME ZONE NOT NULL, 
    CONSTRAINT groups_pkey PRIMARY KEY (id), 
    CONSTRAINT groups_org_id_name_key UNIQUE (org_id, name)
);

CREATE TABLE hbi.hosts_groups (
    group_id UUID NOT NULL, 
    host_id UUID NOT NULL, 
    CONSTRAINT hosts_groups_pkey PRIMARY KEY (group_id, host_id), 
    CONSTRAINT fk_hosts_groups_group_id FOREIGN KEY(group_id) REFERENCES hbi.groups (id), 
    CONSTRAINT fk_hosts_groups_host_id FOREIGN KEY(host_id) REFERENCES hbi.hosts (id)
);

UPDATE hbi.alembic_version SET version_num='39c26e9d8491' WHERE hbi.alembic_version.version_num = '410ce5f74445';

INFO  [alembic.runtime.migration] Running upgrade 39c26e9d8491 -> 3dd0804a15a5, backfill empty tags
-- Running upgrade 39c26e9d8491 -> 3dd0804a15a5

UPDATE hbi.hosts
        SET tags = '{}'::jsonb
        WHERE tags IS NULL;;

UPDATE hbi.alembic_version SET version_num='3dd0804a15a5' WHERE hbi.alembic_version.version_num = '39c26e9d8491';

INFO  [alembic.runtime.migration] Running upgrade 3dd0804a15a5 -> c5e0a2d81f37, add stale_timestamp column
Revision ID: c5e0a2d81f37
Revises: 3dd0804a15a5
Create Date: 2025-07-31 08:21:15.437099
-- Running upgrade 3dd0804a15a5 -> c5e0a2d81f37

ALTER TABLE hbi.hosts ADD COLUMN stale_timestamp TIMESTAMP WITH TIME ZONE;

UPDATE hbi.alembic_version SET version_num='c5e0a2d81f37' WHERE hbi.alembic_version.version_num = '3dd0804a15a5';

COMMIT;

