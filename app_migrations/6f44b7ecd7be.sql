BEGIN;

-- Running upgrade ecbe7e63f6d9 -> 6f44b7ecd7be

ALTER TABLE hbi.hosts ADD COLUMN tags_alt JSONB;

COMMIT;

