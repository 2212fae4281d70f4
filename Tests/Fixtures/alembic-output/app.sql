Unable to configure Watchtower logging.  Please verify Watchtower logging configuration!
[2026-12-01 21:34:08,977] [13140] [140482489256832] [inventory.app.config] [INFO] Insights Host Inventory Configuration:
[2026-12-01 21:34:08,977] [13140] [140482489256832] [inventory.app.config] [INFO] Insights Host Inventory Configuration:
[2026-12-01 21:34:08,978] [13140] [140482489256832] [inventory.app.config] [INFO] Build Version: Unknown
[2026-12-01 21:34:08,978] [13140] [140482489256832] [inventory.app.config] [INFO] Build Version: Unknown
[2026-12-01 21:34:08,978] [13140] [140482489256832] [inventory.app.config] [INFO] DB Host: db
[2026-12-01 21:34:08,978] [13140] [140482489256832] [inventory.app.config] [INFO] DB Host: db
[2026-12-01 21:34:08,978] [13140] [140482489256832] [inventory.app.config] [INFO] DB Name: insights
[2026-12-01 21:34:08,978] [13140] [140482489256832] [inventory.app.config] [INFO] DB Name: insights
[2026-12-01 21:34:08,978] [13140] [140482489256832] [inventory.lib.db] [INFO] Using database URL postgresql://inventory:s3cr3t@db:5432/insights
[2026-12-01 21:34:08,978] [13140] [140482489256832] [inventory.lib.db] [INFO] Using database URL postgresql://inventory:s3cr3t@db:5432/insights
[2026-12-01 21:34:08,978] [13140] [140482489256832] [inventory.app] [WARNING] Unleash is bypassed by config value. Feature flag toggles will default to their fallback values.
[2026-12-01 21:34:08,978] [13140] [140482489256832] [inventory.app] [WARNING] Unleash is bypassed by config value. Feature flag toggles will default to their fallback values.
[2026-12-01 21:34:08,985] [13140] [140482489256832] [alembic.runtime.migration] [INFO] Context impl PostgresqlImpl.
[2026-12-01 21:34:08,985] [13140] [140482489256832] [alembic.runtime.migration] [INFO] Generating static SQL
[2026-12-01 21:34:08,986] [13140] [140482489256832] [alembic.runtime.migration] [INFO] Will assume transactional DDL.
BEGIN;

CREATE TABLE hbi.alembic_version (
    version_num VARCHAR(32) NOT NULL, 
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

[2026-12-01 21:34:09,008] [13140] [140482489256832] [alembic.runtime.migration] [INFO] Running upgrade  -> 384abae92d9f, create hosts table
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

[2026-12-01 21:34:09,011] [13140] [140482489256832] [alembic.runtime.migration] [DEBUG] new branch insert 384abae92d9f
INSERT INTO hbi.alembic_version (version_num) VALUES ('384abae92d9f') RETURNING hbi.alembic_version.version_num;

[2026-12-01 21:34:09,020] [13140] [140482489256832] [alembic.runtime.migration] [INFO] Running upgrade 384abae92d9f -> 7be7348f2798, add tags column
-- Running upgrade 384abae92d9f -> 7be7348f2798

ALTER TABLE hbi.hosts ADD COLUMN tags JSONB;

[2026-12-01 21:34:09,022] [13140] [140482489256832] [alembic.runtime.migration] [DEBUG] update 384abae92d9f to 7be7348f2798
UPDATE hbi.alembic_version SET version_num='7be7348f2798' WHERE hbi.alembic_version.version_num = '384abae92d9f';

[2026-12-01 21:34:09,022] [13140] [140482489256832] [alembic.runtime.migration] [INFO] Running upgrade 7be7348f2798 -> b4c60b04ec87, index hosts by org_id
-- Running upgrade 7be7348f2798 -> b4c60b04ec87

CREATE INDEX idx_hosts_org_id ON hbi.hosts (org_id);

[2026-12-01 21:34:09,028] [13140] [140482489256832] [alembic.runtime.migration] [DEBUG] update 7be7348f2798 to b4c60b04ec87
UPDATE hbi.alembic_version SET version_num='b4c60b04ec87' WHERE hbi.alembic_version.version_num = '7be7348f2798';

[2026-12-01 21:34:09,029] [13140] [140482489256832] [alembic.runtime.migration] [INFO] Running upgrade b4c60b04ec87 -> 410ce5f74445, index display_name concurrently
-- Running upgrade b4c60b04ec87 -> 410ce5f74445

COMMIT;

CREATE INDEX CONCURRENTLY idx_hosts_display_name ON hbi.hosts (display_name);

BEGIN;

[2026-12-01 21:34:09,030] [13140] [140482489256832] [alembic.runtime.migration] [DEBUG] update b4c60b04ec87 to 410ce5f74445
UPDATE hbi.alembic_version SET version_num='410ce5f74445' WHERE hbi.alembic_version.version_num = 'b4c60b04ec87';

[2026-12-01 21:34:09,031] [13140] [140482489256832] [alembic.runtime.migration] [INFO] Running upgrade 410ce5f74445 -> 39c26e9d8491, create groups table
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

[2026-12-01 21:34:09,035] [13140] [140482489256832] [alembic.runtime.migration] [DEBUG] update 410ce5f74445 to 39c26e9d8491
UPDATE hbi.alembic_version SET version_num='39c26e9d8491' WHERE hbi.alembic_version.version_num = '410ce5f74445';

[2026-12-01 21:34:09,040] [13140] [140482489256832] [alembic.runtime.migration] [INFO] Running upgrade 39c26e9d8491 -> 3dd0804a15a5, backfill empty tags
-- Running upgrade 39c26e9d8491 -> 3dd0804a15a5

UPDATE hbi.hosts
        SET tags = '{}'::jsonb
        WHERE tags IS NULL;;

[2026-12-01 21:34:09,041] [13140] [140482489256832] [alembic.runtime.migration] [DEBUG] update 39c26e9d8491 to 3dd0804a15a5
UPDATE hbi.alembic_version SET version_num='3dd0804a15a5' WHERE hbi.alembic_version.version_num = '39c26e9d8491';

[2026-12-01 21:34:09,041] [13140] [140482489256832] [alembic.runtime.migration] [INFO] Running upgrade 3dd0804a15a5 -> c5e0a2d81f37, add stale_timestamp column
Revision ID: c5e0a2d81f37
Revises: 3dd0804a15a5
Create Date: 2025-07-31 08:21:15.437099
-- Running upgrade 3dd0804a15a5 -> c5e0a2d81f37

ALTER TABLE hbi.hosts ADD COLUMN stale_timestamp TIMESTAMP WITH TIME ZONE;

[2026-12-01 21:34:09,042] [13140] [140482489256832] [alembic.runtime.migration] [DEBUG] update 3dd0804a15a5 to c5e0a2d81f37
UPDATE hbi.alembic_version SET version_num='c5e0a2d81f37' WHERE hbi.alembic_version.version_num = '3dd0804a15a5';

COMMIT;

[2026-12-01 21:34:09,043] [13140] [140482489256832] [inventory.lib.handlers] [INFO] Flushing event queue
[2026-12-01 21:34:09,043] [13140] [140482489256832] [inventory.lib.handlers] [INFO] Flushing event queue
