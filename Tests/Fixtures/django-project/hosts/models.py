from django.db import models


class Group(models.Model):
    name = models.CharField(max_length=100)


class Host(models.Model):
    name = models.CharField(max_length=100, db_index=True)
    group = models.ForeignKey(Group, null=True, on_delete=models.SET_NULL)
    seen_count = models.BigIntegerField(default=0)
    reporter = models.CharField(max_length=255, null=True)

    class Meta:
        indexes = [models.Index(fields=["reporter"], name="hosts_reporter_idx")]
