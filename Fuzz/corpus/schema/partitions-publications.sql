SET search_path = hbi, public;
CREATE SCHEMA hbi;
CREATE TYPE hbi.state AS ENUM ('new', 'old');
CREATE DOMAIN hbi.positive AS int CHECK (VALUE > 0);
CREATE TABLE hbi.hosts (id uuid NOT NULL, org_id text NOT NULL, state hbi.state DEFAULT 'new', n hbi.positive,
    facts jsonb, CONSTRAINT hosts_pkey PRIMARY KEY (org_id, id)) PARTITION BY HASH (org_id);
CREATE TABLE hbi.hosts_p0 PARTITION OF hbi.hosts FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE hbi.hosts_p1 PARTITION OF hbi.hosts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE UNIQUE INDEX hosts_org ON hbi.hosts (org_id, id);
ALTER TABLE hbi.hosts REPLICA IDENTITY USING INDEX hosts_pkey;
CREATE TABLE hbi.groups (id serial PRIMARY KEY, host_id uuid, org_id text,
    FOREIGN KEY (org_id, host_id) REFERENCES hbi.hosts (org_id, id) ON DELETE CASCADE);
CREATE PUBLICATION hbi_hosts_pub FOR TABLE hbi.hosts (id, org_id, state) WHERE (state = 'new') WITH (publish_via_partition_root = true);
ALTER PUBLICATION hbi_hosts_pub ADD TABLE hbi.groups;
CREATE VIEW hbi.v AS SELECT id FROM hbi.hosts;
CREATE SEQUENCE hbi.s OWNED BY hbi.groups.id;
ALTER TABLE hbi.hosts_p1 DETACH PARTITION hbi.hosts_p1;
ALTER TABLE hbi.hosts ATTACH PARTITION hbi.hosts FOR VALUES WITH (MODULUS 2, REMAINDER 1);
ALTER TABLE hbi.groups RENAME TO teams;
DROP TABLE hbi.teams CASCADE;
