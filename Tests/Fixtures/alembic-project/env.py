"""Alembic environment for the hbi fixture project.

FIXTURE_LOG_FORMAT selects how log output looks while alembic runs:

  default  alembic.ini's logging sections through logging.config.fileConfig:
           ``INFO  [alembic.runtime.migration] Running upgrade ...`` on stderr.
  app      the application's own set-up, the way a Flask service configures
           logging when alembic imports it: a line of prose printed before
           logging exists, then records shaped
           ``[%(asctime)s] [%(process)d] [%(thread)d] [%(name)s] [%(levelname)s] %(message)s``
           written to stdout, so they land between the SQL statements.  The
           application's records are written twice (one handler on the root
           logger, one on the application's logger), as such services often do.

FIXTURE_LOG_STREAM (stdout|stderr) overrides where the app format writes.
FIXTURE_TRANSACTION_PER_MIGRATION=1 gives each revision its own BEGIN/COMMIT
(alembic's ``transaction_per_migration``).
"""
import atexit
import logging
import os
import sys
from logging.config import fileConfig

from alembic import context

config = context.config

LOG_FORMAT = os.environ.get("FIXTURE_LOG_FORMAT", "default")
APP_FORMAT = "[%(asctime)s] [%(process)d] [%(thread)d] [%(name)s] [%(levelname)s] %(message)s"


def _configure_default_logging() -> None:
    if config.config_file_name is not None:
        fileConfig(config.config_file_name)


def _configure_app_logging() -> None:
    # The service tries to ship its logs to CloudWatch first and says so in
    # plain prose when it cannot, before any logging is configured.
    print(
        "Unable to configure Watchtower logging.  "
        "Please verify Watchtower logging configuration!"
    )
    stream_name = os.environ.get("FIXTURE_LOG_STREAM", "stdout")
    stream = sys.stderr if stream_name == "stderr" else sys.stdout
    formatter = logging.Formatter(APP_FORMAT)

    root_handler = logging.StreamHandler(stream)
    root_handler.setFormatter(formatter)
    root = logging.getLogger()
    root.addHandler(root_handler)
    root.setLevel(logging.INFO)

    app_handler = logging.StreamHandler(stream)
    app_handler.setFormatter(formatter)
    app_logger = logging.getLogger("inventory")
    app_logger.addHandler(app_handler)
    app_logger.setLevel(logging.INFO)

    logging.getLogger("alembic").setLevel(logging.DEBUG)
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)

    url = config.get_main_option("sqlalchemy.url")
    cfg_log = logging.getLogger("inventory.app.config")
    cfg_log.info("Insights Host Inventory Configuration:")
    cfg_log.info("Build Version: %s", os.environ.get("BUILD_VERSION", "Unknown"))
    cfg_log.info("DB Host: %s", os.environ.get("INVENTORY_DB_HOST", "db"))
    cfg_log.info("DB Name: %s", os.environ.get("INVENTORY_DB_NAME", "insights"))
    logging.getLogger("inventory.lib.db").info("Using database URL %s", url)
    logging.getLogger("inventory.app").warning(
        "Unleash is bypassed by config value. "
        "Feature flag toggles will default to their fallback values."
    )

    flush_log = logging.getLogger("inventory.lib.handlers")
    atexit.register(lambda: flush_log.info("Flushing event queue"))


if LOG_FORMAT == "app":
    _configure_app_logging()
elif LOG_FORMAT == "default":
    _configure_default_logging()
else:
    raise SystemExit(f"FIXTURE_LOG_FORMAT must be 'default' or 'app', not {LOG_FORMAT!r}")

target_metadata = None


def run_migrations_offline() -> None:
    """Run migrations in 'offline' mode: emit SQL, contact no database."""
    url = config.get_main_option("sqlalchemy.url")
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        version_table_schema="hbi",
        include_schemas=True,
        transaction_per_migration=os.environ.get("FIXTURE_TRANSACTION_PER_MIGRATION") == "1",
    )

    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    raise SystemExit("this fixture project only runs in offline mode (--sql)")


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
