from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("hosts", "0004_host_seen_count")]

    operations = [
        migrations.AlterField(model_name="host", name="seen_count", field=models.BigIntegerField(default=0)),
    ]
