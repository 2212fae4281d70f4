DROP TABLE inv.items;
