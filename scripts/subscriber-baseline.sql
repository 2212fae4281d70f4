-- The replicated (subscriber) database the sample migrations start from:
-- it holds what the publisher's hbi_hosts_pub_v1_0_2 publishes, the listed
-- columns of hbi.hosts and hbi.system_profiles_dynamic (published through
-- their partitioned roots), and no alembic history. scripts/make-baseline.sh
-- writes `pg_dump --schema-only --no-owner` of it to
-- app_migrations/subscriber-schema.sql.

CREATE SCHEMA hbi;

CREATE TABLE hbi.hosts (
    org_id varchar(36) NOT NULL,
    id uuid NOT NULL,
    account varchar(10),
    display_name varchar(200),
    created_on timestamptz NOT NULL,
    modified_on timestamptz NOT NULL,
    groups jsonb NOT NULL DEFAULT '[]',
    insights_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    CONSTRAINT hosts_pkey PRIMARY KEY (org_id, id)
) PARTITION BY HASH (org_id);

CREATE TABLE hbi.hosts_p0 PARTITION OF hbi.hosts FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE hbi.hosts_p1 PARTITION OF hbi.hosts FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE hbi.hosts_p2 PARTITION OF hbi.hosts FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE hbi.hosts_p3 PARTITION OF hbi.hosts FOR VALUES WITH (MODULUS 4, REMAINDER 3);

CREATE INDEX idx_hosts_insights_id ON hbi.hosts (insights_id);

CREATE TABLE hbi.system_profiles_dynamic (
    org_id varchar(36) NOT NULL,
    host_id uuid NOT NULL,
    insights_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    CONSTRAINT system_profiles_dynamic_pkey PRIMARY KEY (org_id, host_id)
) PARTITION BY HASH (org_id);

CREATE TABLE hbi.system_profiles_dynamic_p0 PARTITION OF hbi.system_profiles_dynamic
    FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hbi.system_profiles_dynamic_p1 PARTITION OF hbi.system_profiles_dynamic
    FOR VALUES WITH (MODULUS 2, REMAINDER 1);
