--
-- PostgreSQL database dump
--

\restrict phISXvquHtGzHdFgqszf8tOqvtc5c0m2KMvxGjHAlGipDOcfNYtEVLpnuo4c60k

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: hbi; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA hbi;


--
-- Name: host_type; Type: TYPE; Schema: hbi; Owner: -
--

CREATE TYPE hbi.host_type AS ENUM (
    'conventional',
    'edge',
    'bootc'
);


--
-- Name: set_modified_on(); Type: FUNCTION; Schema: hbi; Owner: -
--

CREATE FUNCTION hbi.set_modified_on() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.modified_on := now();
    RETURN NEW;
END;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: alembic_version; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.alembic_version (
    version_num character varying(32) NOT NULL
);


--
-- Name: groups; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.groups (
    id uuid NOT NULL,
    org_id character varying(36) NOT NULL,
    account character varying(10),
    name character varying(255) NOT NULL,
    ungrouped boolean DEFAULT false NOT NULL,
    created_on timestamp with time zone NOT NULL,
    modified_on timestamp with time zone NOT NULL
);


--
-- Name: hosts; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.hosts (
    org_id character varying(36) NOT NULL,
    id uuid NOT NULL,
    account character varying(10),
    display_name character varying(200),
    ansible_host character varying(255),
    created_on timestamp with time zone NOT NULL,
    modified_on timestamp with time zone NOT NULL,
    facts jsonb,
    tags jsonb,
    canonical_facts jsonb NOT NULL,
    system_profile_facts jsonb,
    stale_timestamp timestamp with time zone NOT NULL,
    reporter character varying(255) NOT NULL,
    per_reporter_staleness jsonb DEFAULT '{}'::jsonb NOT NULL,
    groups jsonb DEFAULT '[]'::jsonb NOT NULL,
    host_type hbi.host_type,
    insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL
)
PARTITION BY HASH (org_id);


--
-- Name: hosts_groups; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.hosts_groups (
    org_id character varying(36) NOT NULL,
    host_id uuid NOT NULL,
    group_id uuid NOT NULL
);


--
-- Name: hosts_p0; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.hosts_p0 (
    org_id character varying(36) NOT NULL,
    id uuid NOT NULL,
    account character varying(10),
    display_name character varying(200),
    ansible_host character varying(255),
    created_on timestamp with time zone NOT NULL,
    modified_on timestamp with time zone NOT NULL,
    facts jsonb,
    tags jsonb,
    canonical_facts jsonb NOT NULL,
    system_profile_facts jsonb,
    stale_timestamp timestamp with time zone NOT NULL,
    reporter character varying(255) NOT NULL,
    per_reporter_staleness jsonb DEFAULT '{}'::jsonb NOT NULL,
    groups jsonb DEFAULT '[]'::jsonb NOT NULL,
    host_type hbi.host_type,
    insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL
);


--
-- Name: hosts_p1; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.hosts_p1 (
    org_id character varying(36) NOT NULL,
    id uuid NOT NULL,
    account character varying(10),
    display_name character varying(200),
    ansible_host character varying(255),
    created_on timestamp with time zone NOT NULL,
    modified_on timestamp with time zone NOT NULL,
    facts jsonb,
    tags jsonb,
    canonical_facts jsonb NOT NULL,
    system_profile_facts jsonb,
    stale_timestamp timestamp with time zone NOT NULL,
    reporter character varying(255) NOT NULL,
    per_reporter_staleness jsonb DEFAULT '{}'::jsonb NOT NULL,
    groups jsonb DEFAULT '[]'::jsonb NOT NULL,
    host_type hbi.host_type,
    insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL
);


--
-- Name: hosts_p2; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.hosts_p2 (
    org_id character varying(36) NOT NULL,
    id uuid NOT NULL,
    account character varying(10),
    display_name character varying(200),
    ansible_host character varying(255),
    created_on timestamp with time zone NOT NULL,
    modified_on timestamp with time zone NOT NULL,
    facts jsonb,
    tags jsonb,
    canonical_facts jsonb NOT NULL,
    system_profile_facts jsonb,
    stale_timestamp timestamp with time zone NOT NULL,
    reporter character varying(255) NOT NULL,
    per_reporter_staleness jsonb DEFAULT '{}'::jsonb NOT NULL,
    groups jsonb DEFAULT '[]'::jsonb NOT NULL,
    host_type hbi.host_type,
    insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL
);


--
-- Name: hosts_p3; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.hosts_p3 (
    org_id character varying(36) NOT NULL,
    id uuid NOT NULL,
    account character varying(10),
    display_name character varying(200),
    ansible_host character varying(255),
    created_on timestamp with time zone NOT NULL,
    modified_on timestamp with time zone NOT NULL,
    facts jsonb,
    tags jsonb,
    canonical_facts jsonb NOT NULL,
    system_profile_facts jsonb,
    stale_timestamp timestamp with time zone NOT NULL,
    reporter character varying(255) NOT NULL,
    per_reporter_staleness jsonb DEFAULT '{}'::jsonb NOT NULL,
    groups jsonb DEFAULT '[]'::jsonb NOT NULL,
    host_type hbi.host_type,
    insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL
);


--
-- Name: staleness; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.staleness (
    id bigint NOT NULL,
    org_id character varying(36) NOT NULL,
    conventional_time_to_stale integer DEFAULT 104400 NOT NULL,
    conventional_time_to_stale_warning integer DEFAULT 604800 NOT NULL,
    conventional_time_to_delete integer DEFAULT 1209600 NOT NULL,
    created_on timestamp with time zone NOT NULL,
    modified_on timestamp with time zone NOT NULL
);


--
-- Name: staleness_id_seq; Type: SEQUENCE; Schema: hbi; Owner: -
--

CREATE SEQUENCE hbi.staleness_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: staleness_id_seq; Type: SEQUENCE OWNED BY; Schema: hbi; Owner: -
--

ALTER SEQUENCE hbi.staleness_id_seq OWNED BY hbi.staleness.id;


--
-- Name: system_profiles_dynamic; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.system_profiles_dynamic (
    org_id character varying(36) NOT NULL,
    host_id uuid NOT NULL,
    insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL,
    captured_date timestamp with time zone,
    running_processes character varying[],
    last_boot_time timestamp with time zone,
    installed_packages character varying[],
    network_interfaces jsonb,
    installed_services character varying[],
    workloads jsonb
)
PARTITION BY HASH (org_id);


--
-- Name: system_profiles_dynamic_p0; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.system_profiles_dynamic_p0 (
    org_id character varying(36) NOT NULL,
    host_id uuid NOT NULL,
    insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL,
    captured_date timestamp with time zone,
    running_processes character varying[],
    last_boot_time timestamp with time zone,
    installed_packages character varying[],
    network_interfaces jsonb,
    installed_services character varying[],
    workloads jsonb
);


--
-- Name: system_profiles_dynamic_p1; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.system_profiles_dynamic_p1 (
    org_id character varying(36) NOT NULL,
    host_id uuid NOT NULL,
    insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL,
    captured_date timestamp with time zone,
    running_processes character varying[],
    last_boot_time timestamp with time zone,
    installed_packages character varying[],
    network_interfaces jsonb,
    installed_services character varying[],
    workloads jsonb
);


--
-- Name: hosts_p0; Type: TABLE ATTACH; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.hosts ATTACH PARTITION hbi.hosts_p0 FOR VALUES WITH (modulus 4, remainder 0);


--
-- Name: hosts_p1; Type: TABLE ATTACH; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.hosts ATTACH PARTITION hbi.hosts_p1 FOR VALUES WITH (modulus 4, remainder 1);


--
-- Name: hosts_p2; Type: TABLE ATTACH; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.hosts ATTACH PARTITION hbi.hosts_p2 FOR VALUES WITH (modulus 4, remainder 2);


--
-- Name: hosts_p3; Type: TABLE ATTACH; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.hosts ATTACH PARTITION hbi.hosts_p3 FOR VALUES WITH (modulus 4, remainder 3);


--
-- Name: system_profiles_dynamic_p0; Type: TABLE ATTACH; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.system_profiles_dynamic ATTACH PARTITION hbi.system_profiles_dynamic_p0 FOR VALUES WITH (modulus 2, remainder 0);


--
-- Name: system_profiles_dynamic_p1; Type: TABLE ATTACH; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.system_profiles_dynamic ATTACH PARTITION hbi.system_profiles_dynamic_p1 FOR VALUES WITH (modulus 2, remainder 1);


--
-- Name: staleness id; Type: DEFAULT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.staleness ALTER COLUMN id SET DEFAULT nextval('hbi.staleness_id_seq'::regclass);


--
-- Name: alembic_version alembic_version_pkc; Type: CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);


--
-- Name: groups groups_pkey; Type: CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.groups
    ADD CONSTRAINT groups_pkey PRIMARY KEY (id);


--
-- Name: hosts_groups hosts_groups_pkey; Type: CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.hosts_groups
    ADD CONSTRAINT hosts_groups_pkey PRIMARY KEY (org_id, host_id, group_id);


--
-- Name: hosts hosts_pkey; Type: CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.hosts
    ADD CONSTRAINT hosts_pkey PRIMARY KEY (org_id, id);


--
-- Name: hosts_p0 hosts_p0_pkey; Type: CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.hosts_p0
    ADD CONSTRAINT hosts_p0_pkey PRIMARY KEY (org_id, id);


--
-- Name: hosts_p1 hosts_p1_pkey; Type: CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.hosts_p1
    ADD CONSTRAINT hosts_p1_pkey PRIMARY KEY (org_id, id);


--
-- Name: hosts_p2 hosts_p2_pkey; Type: CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.hosts_p2
    ADD CONSTRAINT hosts_p2_pkey PRIMARY KEY (org_id, id);


--
-- Name: hosts_p3 hosts_p3_pkey; Type: CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.hosts_p3
    ADD CONSTRAINT hosts_p3_pkey PRIMARY KEY (org_id, id);


--
-- Name: staleness staleness_org_id_key; Type: CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.staleness
    ADD CONSTRAINT staleness_org_id_key UNIQUE (org_id);


--
-- Name: staleness staleness_pkey; Type: CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.staleness
    ADD CONSTRAINT staleness_pkey PRIMARY KEY (id);


--
-- Name: system_profiles_dynamic system_profiles_dynamic_pkey; Type: CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.system_profiles_dynamic
    ADD CONSTRAINT system_profiles_dynamic_pkey PRIMARY KEY (org_id, host_id);


--
-- Name: system_profiles_dynamic_p0 system_profiles_dynamic_p0_pkey; Type: CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.system_profiles_dynamic_p0
    ADD CONSTRAINT system_profiles_dynamic_p0_pkey PRIMARY KEY (org_id, host_id);


--
-- Name: system_profiles_dynamic_p1 system_profiles_dynamic_p1_pkey; Type: CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.system_profiles_dynamic_p1
    ADD CONSTRAINT system_profiles_dynamic_p1_pkey PRIMARY KEY (org_id, host_id);


--
-- Name: hosts_org_id_id_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE UNIQUE INDEX hosts_org_id_id_insights_id_idx ON ONLY hbi.hosts USING btree (org_id, id, insights_id);

ALTER TABLE ONLY hbi.hosts REPLICA IDENTITY USING INDEX hosts_org_id_id_insights_id_idx;


--
-- Name: idx_hosts_groups_gin; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX idx_hosts_groups_gin ON ONLY hbi.hosts USING gin (groups);


--
-- Name: hosts_p0_groups_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p0_groups_idx ON hbi.hosts_p0 USING gin (groups);


--
-- Name: idx_hosts_insights_id; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX idx_hosts_insights_id ON ONLY hbi.hosts USING btree (insights_id);


--
-- Name: hosts_p0_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p0_insights_id_idx ON hbi.hosts_p0 USING btree (insights_id);


--
-- Name: idx_hosts_modified_on_id; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX idx_hosts_modified_on_id ON ONLY hbi.hosts USING btree (modified_on DESC, id DESC);


--
-- Name: hosts_p0_modified_on_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p0_modified_on_id_idx ON hbi.hosts_p0 USING btree (modified_on DESC, id DESC);


--
-- Name: hosts_p0_org_id_id_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE UNIQUE INDEX hosts_p0_org_id_id_insights_id_idx ON hbi.hosts_p0 USING btree (org_id, id, insights_id);

ALTER TABLE ONLY hbi.hosts_p0 REPLICA IDENTITY USING INDEX hosts_p0_org_id_id_insights_id_idx;


--
-- Name: hosts_p1_groups_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p1_groups_idx ON hbi.hosts_p1 USING gin (groups);


--
-- Name: hosts_p1_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p1_insights_id_idx ON hbi.hosts_p1 USING btree (insights_id);


--
-- Name: hosts_p1_modified_on_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p1_modified_on_id_idx ON hbi.hosts_p1 USING btree (modified_on DESC, id DESC);


--
-- Name: hosts_p1_org_id_id_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE UNIQUE INDEX hosts_p1_org_id_id_insights_id_idx ON hbi.hosts_p1 USING btree (org_id, id, insights_id);

ALTER TABLE ONLY hbi.hosts_p1 REPLICA IDENTITY USING INDEX hosts_p1_org_id_id_insights_id_idx;


--
-- Name: hosts_p2_groups_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p2_groups_idx ON hbi.hosts_p2 USING gin (groups);


--
-- Name: hosts_p2_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p2_insights_id_idx ON hbi.hosts_p2 USING btree (insights_id);


--
-- Name: hosts_p2_modified_on_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p2_modified_on_id_idx ON hbi.hosts_p2 USING btree (modified_on DESC, id DESC);


--
-- Name: hosts_p2_org_id_id_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE UNIQUE INDEX hosts_p2_org_id_id_insights_id_idx ON hbi.hosts_p2 USING btree (org_id, id, insights_id);

ALTER TABLE ONLY hbi.hosts_p2 REPLICA IDENTITY USING INDEX hosts_p2_org_id_id_insights_id_idx;


--
-- Name: hosts_p3_groups_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p3_groups_idx ON hbi.hosts_p3 USING gin (groups);


--
-- Name: hosts_p3_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p3_insights_id_idx ON hbi.hosts_p3 USING btree (insights_id);


--
-- Name: hosts_p3_modified_on_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p3_modified_on_id_idx ON hbi.hosts_p3 USING btree (modified_on DESC, id DESC);


--
-- Name: hosts_p3_org_id_id_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE UNIQUE INDEX hosts_p3_org_id_id_insights_id_idx ON hbi.hosts_p3 USING btree (org_id, id, insights_id);

ALTER TABLE ONLY hbi.hosts_p3 REPLICA IDENTITY USING INDEX hosts_p3_org_id_id_insights_id_idx;


--
-- Name: idx_groups_org_id_name_nocase; Type: INDEX; Schema: hbi; Owner: -
--

CREATE UNIQUE INDEX idx_groups_org_id_name_nocase ON hbi.groups USING btree (org_id, lower((name)::text));


--
-- Name: idx_hosts_groups_forward; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX idx_hosts_groups_forward ON hbi.hosts_groups USING btree (org_id, host_id);


--
-- Name: idx_hosts_groups_reverse; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX idx_hosts_groups_reverse ON hbi.hosts_groups USING btree (org_id, group_id);


--
-- Name: system_profiles_dynamic_replica_identity_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE UNIQUE INDEX system_profiles_dynamic_replica_identity_idx ON ONLY hbi.system_profiles_dynamic USING btree (org_id, host_id, insights_id);

ALTER TABLE ONLY hbi.system_profiles_dynamic REPLICA IDENTITY USING INDEX system_profiles_dynamic_replica_identity_idx;


--
-- Name: system_profiles_dynamic_p0_org_id_host_id_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE UNIQUE INDEX system_profiles_dynamic_p0_org_id_host_id_insights_id_idx ON hbi.system_profiles_dynamic_p0 USING btree (org_id, host_id, insights_id);

ALTER TABLE ONLY hbi.system_profiles_dynamic_p0 REPLICA IDENTITY USING INDEX system_profiles_dynamic_p0_org_id_host_id_insights_id_idx;


--
-- Name: system_profiles_dynamic_p1_org_id_host_id_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE UNIQUE INDEX system_profiles_dynamic_p1_org_id_host_id_insights_id_idx ON hbi.system_profiles_dynamic_p1 USING btree (org_id, host_id, insights_id);

ALTER TABLE ONLY hbi.system_profiles_dynamic_p1 REPLICA IDENTITY USING INDEX system_profiles_dynamic_p1_org_id_host_id_insights_id_idx;


--
-- Name: hosts_p0_groups_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_groups_gin ATTACH PARTITION hbi.hosts_p0_groups_idx;


--
-- Name: hosts_p0_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_insights_id ATTACH PARTITION hbi.hosts_p0_insights_id_idx;


--
-- Name: hosts_p0_modified_on_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_modified_on_id ATTACH PARTITION hbi.hosts_p0_modified_on_id_idx;


--
-- Name: hosts_p0_org_id_id_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.hosts_org_id_id_insights_id_idx ATTACH PARTITION hbi.hosts_p0_org_id_id_insights_id_idx;


--
-- Name: hosts_p0_pkey; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.hosts_pkey ATTACH PARTITION hbi.hosts_p0_pkey;


--
-- Name: hosts_p1_groups_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_groups_gin ATTACH PARTITION hbi.hosts_p1_groups_idx;


--
-- Name: hosts_p1_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_insights_id ATTACH PARTITION hbi.hosts_p1_insights_id_idx;


--
-- Name: hosts_p1_modified_on_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_modified_on_id ATTACH PARTITION hbi.hosts_p1_modified_on_id_idx;


--
-- Name: hosts_p1_org_id_id_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.hosts_org_id_id_insights_id_idx ATTACH PARTITION hbi.hosts_p1_org_id_id_insights_id_idx;


--
-- Name: hosts_p1_pkey; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.hosts_pkey ATTACH PARTITION hbi.hosts_p1_pkey;


--
-- Name: hosts_p2_groups_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_groups_gin ATTACH PARTITION hbi.hosts_p2_groups_idx;


--
-- Name: hosts_p2_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_insights_id ATTACH PARTITION hbi.hosts_p2_insights_id_idx;


--
-- Name: hosts_p2_modified_on_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_modified_on_id ATTACH PARTITION hbi.hosts_p2_modified_on_id_idx;


--
-- Name: hosts_p2_org_id_id_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.hosts_org_id_id_insights_id_idx ATTACH PARTITION hbi.hosts_p2_org_id_id_insights_id_idx;


--
-- Name: hosts_p2_pkey; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.hosts_pkey ATTACH PARTITION hbi.hosts_p2_pkey;


--
-- Name: hosts_p3_groups_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_groups_gin ATTACH PARTITION hbi.hosts_p3_groups_idx;


--
-- Name: hosts_p3_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_insights_id ATTACH PARTITION hbi.hosts_p3_insights_id_idx;


--
-- Name: hosts_p3_modified_on_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_modified_on_id ATTACH PARTITION hbi.hosts_p3_modified_on_id_idx;


--
-- Name: hosts_p3_org_id_id_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.hosts_org_id_id_insights_id_idx ATTACH PARTITION hbi.hosts_p3_org_id_id_insights_id_idx;


--
-- Name: hosts_p3_pkey; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.hosts_pkey ATTACH PARTITION hbi.hosts_p3_pkey;


--
-- Name: system_profiles_dynamic_p0_org_id_host_id_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.system_profiles_dynamic_replica_identity_idx ATTACH PARTITION hbi.system_profiles_dynamic_p0_org_id_host_id_insights_id_idx;


--
-- Name: system_profiles_dynamic_p0_pkey; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.system_profiles_dynamic_pkey ATTACH PARTITION hbi.system_profiles_dynamic_p0_pkey;


--
-- Name: system_profiles_dynamic_p1_org_id_host_id_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.system_profiles_dynamic_replica_identity_idx ATTACH PARTITION hbi.system_profiles_dynamic_p1_org_id_host_id_insights_id_idx;


--
-- Name: system_profiles_dynamic_p1_pkey; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.system_profiles_dynamic_pkey ATTACH PARTITION hbi.system_profiles_dynamic_p1_pkey;


--
-- Name: groups groups_set_modified_on; Type: TRIGGER; Schema: hbi; Owner: -
--

CREATE TRIGGER groups_set_modified_on BEFORE UPDATE ON hbi.groups FOR EACH ROW EXECUTE FUNCTION hbi.set_modified_on();


--
-- Name: system_profiles_dynamic fk_system_profiles_dynamic_hosts; Type: FK CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE hbi.system_profiles_dynamic
    ADD CONSTRAINT fk_system_profiles_dynamic_hosts FOREIGN KEY (org_id, host_id) REFERENCES hbi.hosts(org_id, id) ON DELETE CASCADE;


--
-- Name: hosts_groups hosts_groups_group_id_fkey; Type: FK CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.hosts_groups
    ADD CONSTRAINT hosts_groups_group_id_fkey FOREIGN KEY (group_id) REFERENCES hbi.groups(id);


--
-- Name: hosts_groups hosts_groups_host_fkey; Type: FK CONSTRAINT; Schema: hbi; Owner: -
--

ALTER TABLE ONLY hbi.hosts_groups
    ADD CONSTRAINT hosts_groups_host_fkey FOREIGN KEY (org_id, host_id) REFERENCES hbi.hosts(org_id, id);


--
-- Name: hbi_hosts_pub_v1_0_2; Type: PUBLICATION; Schema: -; Owner: -
--

CREATE PUBLICATION hbi_hosts_pub_v1_0_2 WITH (publish = 'insert, update, delete, truncate', publish_via_partition_root = true);


--
-- Name: hbi_hosts_pub_v1_0_2 hosts; Type: PUBLICATION TABLE; Schema: hbi; Owner: -
--

ALTER PUBLICATION hbi_hosts_pub_v1_0_2 ADD TABLE ONLY hbi.hosts (org_id, id, account, display_name, created_on, modified_on, groups, insights_id) WHERE ((insights_id <> '00000000-0000-0000-0000-000000000000'::uuid));


--
-- Name: hbi_hosts_pub_v1_0_2 system_profiles_dynamic; Type: PUBLICATION TABLE; Schema: hbi; Owner: -
--

ALTER PUBLICATION hbi_hosts_pub_v1_0_2 ADD TABLE ONLY hbi.system_profiles_dynamic (org_id, host_id, insights_id) WHERE ((insights_id <> '00000000-0000-0000-0000-000000000000'::uuid));


--
-- PostgreSQL database dump complete
--

\unrestrict phISXvquHtGzHdFgqszf8tOqvtc5c0m2KMvxGjHAlGipDOcfNYtEVLpnuo4c60k

