CREATE TABLE inv.widgets (id bigint PRIMARY KEY, label text);
ALTER TABLE inv.widgets ADD COLUMN;
DROP TABLE inv.items;
