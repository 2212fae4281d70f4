import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("hosts", "0002_host_display_name_index")]

    operations = [
        migrations.AddField(
            model_name="host",
            name="group",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, to="hosts.group"),
        ),
    ]
