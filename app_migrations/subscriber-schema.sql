--
-- PostgreSQL database dump
--

\restrict vs7qh2MZXc8nZvT7qqLVP21FVutWDtapvYvONDGnMnOVaxyh3HPh0xSpLW1aKCl

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


SET default_tablespace = '';

--
-- Name: hosts; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.hosts (
    org_id character varying(36) NOT NULL,
    id uuid NOT NULL,
    account character varying(10),
    display_name character varying(200),
    created_on timestamp with time zone NOT NULL,
    modified_on timestamp with time zone NOT NULL,
    groups jsonb DEFAULT '[]'::jsonb NOT NULL,
    insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL
)
PARTITION BY HASH (org_id);


SET default_table_access_method = heap;

--
-- Name: hosts_p0; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.hosts_p0 (
    org_id character varying(36) NOT NULL,
    id uuid NOT NULL,
    account character varying(10),
    display_name character varying(200),
    created_on timestamp with time zone NOT NULL,
    modified_on timestamp with time zone NOT NULL,
    groups jsonb DEFAULT '[]'::jsonb NOT NULL,
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
    created_on timestamp with time zone NOT NULL,
    modified_on timestamp with time zone NOT NULL,
    groups jsonb DEFAULT '[]'::jsonb NOT NULL,
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
    created_on timestamp with time zone NOT NULL,
    modified_on timestamp with time zone NOT NULL,
    groups jsonb DEFAULT '[]'::jsonb NOT NULL,
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
    created_on timestamp with time zone NOT NULL,
    modified_on timestamp with time zone NOT NULL,
    groups jsonb DEFAULT '[]'::jsonb NOT NULL,
    insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL
);


--
-- Name: system_profiles_dynamic; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.system_profiles_dynamic (
    org_id character varying(36) NOT NULL,
    host_id uuid NOT NULL,
    insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL
)
PARTITION BY HASH (org_id);


--
-- Name: system_profiles_dynamic_p0; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.system_profiles_dynamic_p0 (
    org_id character varying(36) NOT NULL,
    host_id uuid NOT NULL,
    insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL
);


--
-- Name: system_profiles_dynamic_p1; Type: TABLE; Schema: hbi; Owner: -
--

CREATE TABLE hbi.system_profiles_dynamic_p1 (
    org_id character varying(36) NOT NULL,
    host_id uuid NOT NULL,
    insights_id uuid DEFAULT '00000000-0000-0000-0000-000000000000'::uuid NOT NULL
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
-- Name: idx_hosts_insights_id; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX idx_hosts_insights_id ON ONLY hbi.hosts USING btree (insights_id);


--
-- Name: hosts_p0_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p0_insights_id_idx ON hbi.hosts_p0 USING btree (insights_id);


--
-- Name: hosts_p1_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p1_insights_id_idx ON hbi.hosts_p1 USING btree (insights_id);


--
-- Name: hosts_p2_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p2_insights_id_idx ON hbi.hosts_p2 USING btree (insights_id);


--
-- Name: hosts_p3_insights_id_idx; Type: INDEX; Schema: hbi; Owner: -
--

CREATE INDEX hosts_p3_insights_id_idx ON hbi.hosts_p3 USING btree (insights_id);


--
-- Name: hosts_p0_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_insights_id ATTACH PARTITION hbi.hosts_p0_insights_id_idx;


--
-- Name: hosts_p0_pkey; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.hosts_pkey ATTACH PARTITION hbi.hosts_p0_pkey;


--
-- Name: hosts_p1_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_insights_id ATTACH PARTITION hbi.hosts_p1_insights_id_idx;


--
-- Name: hosts_p1_pkey; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.hosts_pkey ATTACH PARTITION hbi.hosts_p1_pkey;


--
-- Name: hosts_p2_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_insights_id ATTACH PARTITION hbi.hosts_p2_insights_id_idx;


--
-- Name: hosts_p2_pkey; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.hosts_pkey ATTACH PARTITION hbi.hosts_p2_pkey;


--
-- Name: hosts_p3_insights_id_idx; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.idx_hosts_insights_id ATTACH PARTITION hbi.hosts_p3_insights_id_idx;


--
-- Name: hosts_p3_pkey; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.hosts_pkey ATTACH PARTITION hbi.hosts_p3_pkey;


--
-- Name: system_profiles_dynamic_p0_pkey; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.system_profiles_dynamic_pkey ATTACH PARTITION hbi.system_profiles_dynamic_p0_pkey;


--
-- Name: system_profiles_dynamic_p1_pkey; Type: INDEX ATTACH; Schema: hbi; Owner: -
--

ALTER INDEX hbi.system_profiles_dynamic_pkey ATTACH PARTITION hbi.system_profiles_dynamic_p1_pkey;


--
-- PostgreSQL database dump complete
--

\unrestrict vs7qh2MZXc8nZvT7qqLVP21FVutWDtapvYvONDGnMnOVaxyh3HPh0xSpLW1aKCl

