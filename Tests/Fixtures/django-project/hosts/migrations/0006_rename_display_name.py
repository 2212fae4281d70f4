from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("hosts", "0005_alter_host_seen_count")]

    operations = [
        migrations.RenameField(model_name="host", old_name="display_name", new_name="name"),
    ]
