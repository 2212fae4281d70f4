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

-- migration --
-- replint-ignore: replication-drop-column
ALTER TABLE hbi.hosts DROP COLUMN facts;
ALTER TABLE hbi.hosts ADD COLUMN reporter text NOT NULL;
CREATE INDEX hosts_state ON hbi.hosts (state);
ALTER TABLE hbi.hosts ALTER COLUMN org_id TYPE varchar(36);
ALTER PUBLICATION hbi_hosts_pub DROP TABLE hbi.groups;
UPDATE hbi.hosts SET state = 'old';
ALTER TYPE hbi.state ADD VALUE 'gone';
ALTER TABLE hbi.groups RENAME COLUMN host_id TO host;
ALTER TABLE hbi.hosts DROP CONSTRAINT hosts_pkey;
TRUNCATE hbi.groups;
DROP TABLE hbi.groups;
