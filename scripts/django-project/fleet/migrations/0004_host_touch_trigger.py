from django.db import migrations

TOUCH_FUNCTION = r"""
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
"""

BACKFILL = """
DO $$
DECLARE
    n integer;
BEGIN
    UPDATE fleet_host SET os_release = 'rhel-9' WHERE os_release = 'unknown' AND tags ? 'rhel';
    GET DIAGNOSTICS n = ROW_COUNT;
    RAISE NOTICE 'backfilled % hosts', n;
END
$$;
"""


class Migration(migrations.Migration):

    dependencies = [
        ("fleet", "0003_host_last_seen_index"),
    ]

    operations = [
        migrations.RunSQL(
            TOUCH_FUNCTION,
            reverse_sql="DROP TRIGGER fleet_host_touch ON fleet_host; DROP FUNCTION fleet_host_touch();",
        ),
        migrations.RunSQL(BACKFILL, reverse_sql=migrations.RunSQL.noop),
        migrations.RemoveField(
            model_name="account",
            name="name",
        ),
    ]
