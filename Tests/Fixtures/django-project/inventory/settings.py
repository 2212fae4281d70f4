"""Just enough settings for `sqlmigrate` on PostgreSQL.

sqlmigrate reads the migration history from a live database, so the test
points Django at a throwaway cluster's unix socket through DJANGO_DB_HOST
(the socket directory), DJANGO_DB_PORT and DJANGO_DB_NAME.
"""
import os

SECRET_KEY = "fixture-only"
INSTALLED_APPS = ["hosts"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": os.environ.get("DJANGO_DB_HOST", "/var/run/postgresql"),
        "PORT": os.environ.get("DJANGO_DB_PORT", "5432"),
        "NAME": os.environ.get("DJANGO_DB_NAME", "postgres"),
        "USER": os.environ.get("DJANGO_DB_USER", "postgres"),
    }
}
