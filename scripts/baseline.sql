-- The database the sample migrations in app_migrations/ start from: the hbi
-- schema at alembic revision ecbe7e63f6d9, with its logical-replication
-- publication. scripts/make-baseline.sh loads this into a throwaway
-- PostgreSQL 15 and writes `pg_dump --schema-only --no-owner` of it to
-- app_migrations/schema.sql.

CREATE SCHEMA hbi;

CREATE TYPE hbi.host_type AS ENUM ('conventional', 'edge', 'bootc');

-- Keeps modified_on current on every UPDATE.
CREATE FUNCTION hbi.set_modified_on() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.modified_on := now();
    RETURN NEW;
END;
$$;

CREATE TABLE hbi.alembic_version (
    version_num varchar(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE hbi.hosts (
    org_id varchar(36) NOT NULL,
    id uuid NOT NULL,
    account varchar(10),
    display_name varchar(200),
    ansible_host varchar(255),
    created_on timestamptz NOT NULL,
    modified_on timestamptz NOT NULL,
    facts jsonb,
    tags jsonb,
    canonical_facts jsonb NOT NULL,
    system_profile_facts jsonb,
    stale_timestamp timestamptz NOT NULL,
    reporter varchar(255) NOT NULL,
    per_reporter_staleness jsonb NOT NULL DEFAULT '{}',
    groups jsonb NOT NULL DEFAULT '[]',
    host_type hbi.host_type,
    insights_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    CONSTRAINT hosts_pkey PRIMARY KEY (org_id, id)
) PARTITION BY HASH (org_id);

CREATE TABLE hbi.hosts_p0 PARTITION OF hbi.hosts FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE hbi.hosts_p1 PARTITION OF hbi.hosts FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE hbi.hosts_p2 PARTITION OF hbi.hosts FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE hbi.hosts_p3 PARTITION OF hbi.hosts FOR VALUES WITH (MODULUS 4, REMAINDER 3);

CREATE UNIQUE INDEX hosts_org_id_id_insights_id_idx ON hbi.hosts (org_id, id, insights_id);
CREATE INDEX idx_hosts_insights_id ON hbi.hosts (insights_id);
CREATE INDEX idx_hosts_modified_on_id ON hbi.hosts (modified_on DESC, id DESC);
CREATE INDEX idx_hosts_groups_gin ON hbi.hosts USING gin (groups);

-- The row filter below reads insights_id, so UPDATE and DELETE can only be
-- published when insights_id is part of the replica identity: of the
-- partitioned table and of every partition (PostgreSQL checks the leaf).
ALTER TABLE hbi.hosts REPLICA IDENTITY USING INDEX hosts_org_id_id_insights_id_idx;
ALTER TABLE hbi.hosts_p0 REPLICA IDENTITY USING INDEX hosts_p0_org_id_id_insights_id_idx;
ALTER TABLE hbi.hosts_p1 REPLICA IDENTITY USING INDEX hosts_p1_org_id_id_insights_id_idx;
ALTER TABLE hbi.hosts_p2 REPLICA IDENTITY USING INDEX hosts_p2_org_id_id_insights_id_idx;
ALTER TABLE hbi.hosts_p3 REPLICA IDENTITY USING INDEX hosts_p3_org_id_id_insights_id_idx;

CREATE TABLE hbi.system_profiles_dynamic (
    org_id varchar(36) NOT NULL,
    host_id uuid NOT NULL,
    insights_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
    captured_date timestamptz,
    running_processes varchar[],
    last_boot_time timestamptz,
    installed_packages varchar[],
    network_interfaces jsonb,
    installed_services varchar[],
    workloads jsonb,
    CONSTRAINT system_profiles_dynamic_pkey PRIMARY KEY (org_id, host_id),
    CONSTRAINT fk_system_profiles_dynamic_hosts
        FOREIGN KEY (org_id, host_id) REFERENCES hbi.hosts (org_id, id) ON DELETE CASCADE
) PARTITION BY HASH (org_id);

CREATE TABLE hbi.system_profiles_dynamic_p0 PARTITION OF hbi.system_profiles_dynamic
    FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hbi.system_profiles_dynamic_p1 PARTITION OF hbi.system_profiles_dynamic
    FOR VALUES WITH (MODULUS 2, REMAINDER 1);

CREATE UNIQUE INDEX system_profiles_dynamic_replica_identity_idx
    ON hbi.system_profiles_dynamic (org_id, host_id, insights_id);

ALTER TABLE hbi.system_profiles_dynamic
    REPLICA IDENTITY USING INDEX system_profiles_dynamic_replica_identity_idx;
ALTER TABLE hbi.system_profiles_dynamic_p0
    REPLICA IDENTITY USING INDEX system_profiles_dynamic_p0_org_id_host_id_insights_id_idx;
ALTER TABLE hbi.system_profiles_dynamic_p1
    REPLICA IDENTITY USING INDEX system_profiles_dynamic_p1_org_id_host_id_insights_id_idx;

CREATE TABLE hbi.groups (
    id uuid NOT NULL,
    org_id varchar(36) NOT NULL,
    account varchar(10),
    name varchar(255) NOT NULL,
    ungrouped boolean NOT NULL DEFAULT false,
    created_on timestamptz NOT NULL,
    modified_on timestamptz NOT NULL,
    CONSTRAINT groups_pkey PRIMARY KEY (id)
);

CREATE UNIQUE INDEX idx_groups_org_id_name_nocase ON hbi.groups (org_id, lower(name));

CREATE TRIGGER groups_set_modified_on
    BEFORE UPDATE ON hbi.groups
    FOR EACH ROW EXECUTE FUNCTION hbi.set_modified_on();

CREATE TABLE hbi.hosts_groups (
    org_id varchar(36) NOT NULL,
    host_id uuid NOT NULL,
    group_id uuid NOT NULL,
    CONSTRAINT hosts_groups_pkey PRIMARY KEY (org_id, host_id, group_id),
    CONSTRAINT hosts_groups_group_id_fkey FOREIGN KEY (group_id) REFERENCES hbi.groups (id),
    CONSTRAINT hosts_groups_host_fkey FOREIGN KEY (org_id, host_id) REFERENCES hbi.hosts (org_id, id)
);

CREATE INDEX idx_hosts_groups_forward ON hbi.hosts_groups (org_id, host_id);
CREATE INDEX idx_hosts_groups_reverse ON hbi.hosts_groups (org_id, group_id);

CREATE SEQUENCE hbi.staleness_id_seq AS bigint;

CREATE TABLE hbi.staleness (
    id bigint NOT NULL DEFAULT nextval('hbi.staleness_id_seq'),
    org_id varchar(36) NOT NULL,
    conventional_time_to_stale integer NOT NULL DEFAULT 104400,
    conventional_time_to_stale_warning integer NOT NULL DEFAULT 604800,
    conventional_time_to_delete integer NOT NULL DEFAULT 1209600,
    created_on timestamptz NOT NULL,
    modified_on timestamptz NOT NULL,
    CONSTRAINT staleness_pkey PRIMARY KEY (id),
    CONSTRAINT staleness_org_id_key UNIQUE (org_id)
);

ALTER SEQUENCE hbi.staleness_id_seq OWNED BY hbi.staleness.id;

CREATE PUBLICATION hbi_hosts_pub_v1_0_2 FOR TABLE
  hbi.hosts (org_id, id, account, display_name, created_on, modified_on, groups, insights_id)
    WHERE (insights_id != '00000000-0000-0000-0000-000000000000'),
  hbi.system_profiles_dynamic (org_id, host_id, insights_id)
    WHERE (insights_id != '00000000-0000-0000-0000-000000000000')
  WITH (publish_via_partition_root = true);
