ALTER TABLE inv.items ADD COLUMN tags jsonb;
CREATE INDEX items_name_idx ON inv.items (name);
