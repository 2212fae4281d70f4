from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("hosts", "0003_host_group")]

    operations = [
        migrations.AddField(model_name="host", name="seen_count", field=models.IntegerField(default=0)),
    ]
