-- replint-ignore alembic-version-table this database keeps its alembic history
UPDATE alembic_version SET version_num = 'b52d980f9119';

ALTER TABLE inv.items
    RENAME COLUMN name TO title; -- replint-ignore replication-rename, replication-apply-order column not published

ALTER TABLE inv.items ADD COLUMN note text; -- replint-ignore replication-renam
