#!/usr/bin/env bash
# Rebuild app_migrations/schema.sql, the baseline the migrations start from:
# loads scripts/baseline.sql into a throwaway PostgreSQL 15 and writes
# `pg_dump --schema-only --no-owner` of it, exactly as pg_dump prints it.
#
# usage: scripts/make-baseline.sh [OUTPUT]     (default: app_migrations/schema.sql)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:-$root/app_migrations/schema.sql}

# shellcheck source=scripts/pg-throwaway.sh
. "$here/pg-throwaway.sh"
pg_throwaway_start

createdb insights
psql -X -q -v ON_ERROR_STOP=1 -d insights -f "$here/baseline.sql"
pg_dump --schema-only --no-owner -d insights > "$out.tmp"
mv "$out.tmp" "$out"

pg_throwaway_stop
echo "$out"
