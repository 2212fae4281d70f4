import uuid

from django.contrib.postgres.indexes import GinIndex
from django.db import models


class Account(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4)
    email = models.EmailField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)


class Host(models.Model):
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="hosts")
    display_name = models.CharField(max_length=255)
    os_release = models.CharField(max_length=50, default="unknown")
    hostname = models.CharField(max_length=255, db_index=True)
    tags = models.JSONField(default=dict)
    is_active = models.BooleanField(default=True)
    last_seen = models.DateTimeField(null=True)

    class Meta:
        indexes = [
            GinIndex(fields=["tags"], name="fleet_host_tags_gin"),
            models.Index(fields=["last_seen"], name="fleet_host_last_seen_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "hostname"],
                condition=models.Q(is_active=True),
                name="fleet_host_active_hostname_uniq",
            ),
            models.CheckConstraint(
                condition=~models.Q(display_name=""),
                name="fleet_host_display_name_not_empty",
            ),
        ]


class Group(models.Model):
    account = models.ForeignKey(Account, on_delete=models.PROTECT)
    title = models.CharField(max_length=100)
    hosts = models.ManyToManyField(Host, related_name="groups", blank=True)
