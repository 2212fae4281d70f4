#!/usr/bin/env bash
# Check that the SQL fixtures are what PostgreSQL 15 accepts, on a throwaway
# server:
#   - app_migrations/schema.sql loads, then every app_migrations/<rev>.sql
#     applies on top of it in revision order, each in its own transaction,
#     and the publication still accepts UPDATE/DELETE afterwards;
#   - the SQL that the alembic fixture project prints (logs dropped) runs;
#   - every file in Tests/Fixtures/real/ and Tests/Fixtures/conventions/ runs
#     (files of one project in order on one database);
#   - Tests/Fixtures/pgdump/*.sql restore.
# Files with leftover log lines (seed/, alembic-output/) are not run: they are
# meant to fail.
#
# usage: scripts/verify-fixtures.sh
# Environment: BASELINE_REVISION (default ecbe7e63f6d9), PYTHON (with alembic)
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
fixtures=$root/Tests/Fixtures
baseline_revision=${BASELINE_REVISION:-ecbe7e63f6d9}
python=${PYTHON:-python3}

# shellcheck source=scripts/pg-throwaway.sh
. "$here/pg-throwaway.sh"
pg_throwaway_start || exit 2

passed=0
failed=0
dbn=0

psql_file() { # DB FILE
    psql -X -q -v ON_ERROR_STOP=1 -d "$1" -f "$2" >/dev/null 2>"$PG_THROWAWAY_DIR/err"
}

# check NAME FILE...: runs the files in order on one new database
check() {
    local name=$1; shift
    dbn=$((dbn + 1))
    local db="verify_$dbn" f
    createdb "$db"
    for f in "$@"; do
        if psql_file "$db" "$f"; then
            echo "ok      ${f#"$root"/}"
            passed=$((passed + 1))
        else
            echo "FAILED  ${f#"$root"/} ($name)"
            sed 's/^/        /' "$PG_THROWAWAY_DIR/err"
            failed=$((failed + 1))
            break
        fi
    done
}

# --- baseline + app_migrations in revision order --------------------------
createdb insights
if psql_file insights "$root/app_migrations/schema.sql"; then
    echo "ok      app_migrations/schema.sql"; passed=$((passed + 1))
    rev=$baseline_revision
    while :; do
        next=$(grep -l -E "^-- Running upgrade $rev -> [0-9a-f]+\$" "$root"/app_migrations/*.sql 2>/dev/null | head -n 1)
        [ -n "$next" ] || break
        if psql_file insights "$next"; then
            echo "ok      ${next#"$root"/} (after $rev)"; passed=$((passed + 1))
        else
            echo "FAILED  ${next#"$root"/} (after $rev)"; sed 's/^/        /' "$PG_THROWAWAY_DIR/err"
            failed=$((failed + 1)); break
        fi
        rev=$(basename "$next" .sql)
    done
    unapplied=$(for f in "$root"/app_migrations/*.sql; do
        b=$(basename "$f" .sql)
        [ "$b" = schema ] && continue
        grep -q -E -- "-> $b\$" "$f" || echo "$b"
    done)
    [ -z "$unapplied" ] || { echo "FAILED  not in the revision chain: $unapplied"; failed=$((failed + 1)); }
    if psql -X -q -v ON_ERROR_STOP=1 -d insights >/dev/null 2>"$PG_THROWAWAY_DIR/err" <<'SQL'
INSERT INTO hbi.hosts (org_id, id, created_on, modified_on, canonical_facts, stale_timestamp, reporter, insights_id)
VALUES ('o1', '11111111-1111-1111-1111-111111111111', now(), now(), '{}', now(), 'puptoo', '22222222-2222-2222-2222-222222222222');
UPDATE hbi.hosts SET display_name = 'renamed' WHERE org_id = 'o1';
DELETE FROM hbi.hosts WHERE org_id = 'o1';
SQL
    then echo "ok      publication accepts UPDATE/DELETE on hbi.hosts"; passed=$((passed + 1))
    else echo "FAILED  publication UPDATE/DELETE on hbi.hosts"; sed 's/^/        /' "$PG_THROWAWAY_DIR/err"; failed=$((failed + 1))
    fi
else
    echo "FAILED  app_migrations/schema.sql"; sed 's/^/        /' "$PG_THROWAWAY_DIR/err"; failed=$((failed + 1))
fi

# --- alembic fixture project, SQL only --------------------------------------
if "$python" -c 'import alembic' 2>/dev/null; then
    sql=$PG_THROWAWAY_DIR/alembic-sql-only.sql
    ( cd "$fixtures/alembic-project" && FIXTURE_LOG_FORMAT=default PYTHONDONTWRITEBYTECODE=1 \
        "$python" -m alembic upgrade base:head --sql ) > "$sql" 2>/dev/null
    createdb alembic_check
    psql -X -q -d alembic_check -c 'CREATE SCHEMA hbi' >/dev/null
    if psql_file alembic_check "$sql"; then
        echo "ok      alembic-project: upgrade base:head --sql (stdout only)"; passed=$((passed + 1))
    else
        echo "FAILED  alembic-project: upgrade base:head --sql"; sed 's/^/        /' "$PG_THROWAWAY_DIR/err"; failed=$((failed + 1))
    fi
else
    echo "skip    alembic-project (alembic not installed for $python)"
fi

# --- real tool output ------------------------------------------------------
check django "$fixtures"/real/django__fleet__000*.sql
check pg_dump "$fixtures/real/pg_dump__fleet__schema.sql"
check pg_dump "$fixtures/real/pg_dump__shop__inserts-clean.sql"

# --- hand-written files in other tools' conventions --------------------------
c=$fixtures/conventions
check flyway "$c/flyway__V1__create_billing_schema.sql" "$c/flyway__V2__invoice_audit_trigger.sql"
check golang-migrate "$c/golang-migrate__000001_create_devices.up.sql" \
    "$c/golang-migrate__000002_devices_firmware_index.up.sql" \
    "$c/golang-migrate__000001_create_devices.down.sql"
check supabase "$c"/supabase__*.sql
check sqitch "$c"/sqitch__*.sql
check psql "$c"/psql__*.sql

# --- pg_dump fixtures ----------------------------------------------------------
psql -X -q -d postgres -c 'CREATE ROLE app_owner NOLOGIN' -c 'CREATE ROLE app_reader NOLOGIN' \
    -c 'CREATE ROLE app_writer NOLOGIN' >/dev/null
check pgdump "$fixtures/pgdump/rich-schema.sql"
check pgdump "$fixtures/pgdump/with-data.sql"

pg_throwaway_stop
echo "verify-fixtures: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
