#!/usr/bin/env bash
# Rebuild Tests/Fixtures/pgdump/: loads scripts/pgdump-rich.sql and
# scripts/pgdump-data.sql into a throwaway PostgreSQL 15 and keeps pg_dump's
# output exactly as printed:
#   rich-schema.sql  pg_dump --schema-only (owners and grants included)
#   with-data.sql    pg_dump (schema and data: COPY ... FROM stdin blocks)
#
# usage: scripts/make-pgdump-fixtures.sh [OUTPUT_DIR]   (default: Tests/Fixtures/pgdump)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:-$root/Tests/Fixtures/pgdump}
mkdir -p "$out"

# shellcheck source=scripts/pg-throwaway.sh
. "$here/pg-throwaway.sh"
pg_throwaway_start

createdb rich
psql -X -q -v ON_ERROR_STOP=1 -d rich -f "$here/pgdump-rich.sql"
pg_dump --schema-only -d rich > "$out/rich-schema.sql.tmp"
mv "$out/rich-schema.sql.tmp" "$out/rich-schema.sql"

createdb shop
psql -X -q -v ON_ERROR_STOP=1 -d shop -f "$here/pgdump-data.sql"
pg_dump -d shop > "$out/with-data.sql.tmp"
mv "$out/with-data.sql.tmp" "$out/with-data.sql"

pg_throwaway_stop
echo "$out/rich-schema.sql"
echo "$out/with-data.sql"
