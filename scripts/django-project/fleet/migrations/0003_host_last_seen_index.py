from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models


class Migration(migrations.Migration):
    # CREATE INDEX CONCURRENTLY cannot run inside a transaction.
    atomic = False

    dependencies = [
        ("fleet", "0002_host_os_release"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="host",
            index=models.Index(fields=["last_seen"], name="fleet_host_last_seen_idx"),
        ),
    ]
