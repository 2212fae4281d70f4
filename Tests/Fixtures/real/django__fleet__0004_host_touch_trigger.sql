BEGIN;
--
-- Raw SQL operation
--

CREATE OR REPLACE FUNCTION fleet_host_touch() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    -- keep last_seen moving; ';' inside the body is not a statement end
    NEW.last_seen := now();
    RETURN NEW;
END;
$fn$;

CREATE TRIGGER fleet_host_touch
    BEFORE UPDATE OF display_name, tags ON fleet_host
    FOR EACH ROW EXECUTE FUNCTION fleet_host_touch();

--
-- Raw SQL operation
--

DO $$
DECLARE
    n integer;
BEGIN
    UPDATE fleet_host SET os_release = 'rhel-9' WHERE os_release = 'unknown' AND tags ? 'rhel';
    GET DIAGNOSTICS n = ROW_COUNT;
    RAISE NOTICE 'backfilled % hosts', n;
END
$$;

--
-- Remove field name from account
--
ALTER TABLE "fleet_account" DROP COLUMN "name" CASCADE;
COMMIT;
