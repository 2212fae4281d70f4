BEGIN;

-- Running upgrade 6f44b7ecd7be -> 661a4319d18b

ALTER TABLE hbi.hosts ADD COLUMN last_check_in TIMESTAMP WITH TIME ZONE;

COMMIT;

