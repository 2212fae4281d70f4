#!/usr/bin/env bash
# Rebuild the baselines the migrations start from: loads scripts/baseline.sql
# (the publisher) and scripts/subscriber-baseline.sql (the replicated
# database) into a throwaway PostgreSQL 15 and writes `pg_dump --schema-only
# --no-owner` of each, exactly as pg_dump prints it.
#
# usage: scripts/make-baseline.sh [OUTPUT [SUBSCRIBER_OUTPUT]]
#        (default: app_migrations/schema.sql app_migrations/subscriber-schema.sql)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:-$root/app_migrations/schema.sql}
subscriber_out=${2:-$root/app_migrations/subscriber-schema.sql}

# shellcheck source=scripts/pg-throwaway.sh
. "$here/pg-throwaway.sh"
pg_throwaway_start

createdb insights
psql -X -q -v ON_ERROR_STOP=1 -d insights -f "$here/baseline.sql"
pg_dump --schema-only --no-owner -d insights > "$out.tmp"
mv "$out.tmp" "$out"

createdb replica
psql -X -q -v ON_ERROR_STOP=1 -d replica -f "$here/subscriber-baseline.sql"
pg_dump --schema-only --no-owner -d replica > "$subscriber_out.tmp"
mv "$subscriber_out.tmp" "$subscriber_out"

pg_throwaway_stop
echo "$out"
echo "$subscriber_out"
