#!/usr/bin/env bash
# Rebuild Tests/Fixtures/real/: SQL printed by real migration tools, kept
# exactly as printed.
#   django__fleet__000N_*.sql   `manage.py sqlmigrate fleet 000N` for the
#                               migrations in scripts/django-project/
#   pg_dump__fleet__schema.sql  `pg_dump --schema-only` after `manage.py migrate`
#   pg_dump__shop__inserts-clean.sql
#                               `pg_dump --inserts --clean --if-exists` of the
#                               database built by scripts/pgdump-data.sql
#
# usage: scripts/make-real-fixtures.sh [OUTPUT_DIR]   (default: Tests/Fixtures/real)
# Environment: DJANGO_PYTHON, an interpreter with Django and psycopg
#              (pip install -r scripts/django-project/requirements.txt); default python3
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:-$root/Tests/Fixtures/real}
python=${DJANGO_PYTHON:-python3}
mkdir -p "$out"

if ! "$python" -c 'import django, psycopg' 2>/dev/null; then
    echo "$0: Django and psycopg are not installed for $python;" \
         "run: $python -m pip install -r $here/django-project/requirements.txt" >&2
    exit 2
fi

# shellcheck source=scripts/pg-throwaway.sh
. "$here/pg-throwaway.sh"
pg_throwaway_start

createdb fleet
(
    cd "$here/django-project"
    export PGDATABASE=fleet PYTHONDONTWRITEBYTECODE=1
    for migration in fleet/migrations/0*.py; do
        name=$(basename "$migration" .py)
        "$python" manage.py sqlmigrate fleet "${name%%_*}" > "$out/django__fleet__$name.sql"
    done
    "$python" manage.py migrate fleet --verbosity 0
)
pg_dump --schema-only -d fleet > "$out/pg_dump__fleet__schema.sql"

createdb shop
psql -X -q -v ON_ERROR_STOP=1 -d shop -f "$here/pgdump-data.sql"
pg_dump --inserts --clean --if-exists -d shop > "$out/pg_dump__shop__inserts-clean.sql"

pg_throwaway_stop
ls -1 "$out"/*.sql
