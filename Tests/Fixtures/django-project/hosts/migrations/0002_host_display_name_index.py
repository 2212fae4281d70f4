from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("hosts", "0001_initial")]

    operations = [
        migrations.AlterField(model_name="host", name="display_name", field=models.CharField(db_index=True, max_length=100)),
        migrations.AddIndex(model_name="host", index=models.Index(fields=["reporter"], name="hosts_reporter_idx")),
    ]
