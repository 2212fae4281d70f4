-- A publisher baseline: one published table with a column list, one that is not published.
CREATE SCHEMA inv;
CREATE TABLE inv.items (
    id bigint NOT NULL,
    name text NOT NULL,
    note text DEFAULT 'none',
    created_at timestamptz DEFAULT now()
);
ALTER TABLE ONLY inv.items ADD CONSTRAINT items_pkey PRIMARY KEY (id);
CREATE TABLE inv.audit (id bigint NOT NULL, body text);
CREATE TYPE inv.state AS ENUM ('new', 'done');
CREATE PUBLICATION inv_pub FOR TABLE ONLY inv.items (id, name, note) WHERE (id > 0);
