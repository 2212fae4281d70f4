-- The subscriber's baseline: the published table only, without the unlisted column.
CREATE SCHEMA inv;
CREATE TABLE inv.items (
    id bigint NOT NULL,
    name text NOT NULL,
    note text
);
ALTER TABLE ONLY inv.items ADD CONSTRAINT items_pkey PRIMARY KEY (id);
