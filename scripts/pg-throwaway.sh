# Sourced by the fixture scripts: a throwaway PostgreSQL 15 cluster in a
# temporary directory, unix socket only, removed again on exit.
#
#   pg_throwaway_start     sets PGHOST (the socket directory) and PGUSER=postgres
#   pg_throwaway_stop      stops the server and removes the directory
#
# PostgreSQL refuses to run as root: when this shell is root the server runs
# as the `postgres` system user.

PG_BINDIR=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
PG_THROWAWAY_DIR=

pg_throwaway__as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_throwaway_start() {
    if [ ! -x "$PG_BINDIR/initdb" ]; then
        echo "PostgreSQL server binaries not found in $PG_BINDIR (apt-get install postgresql-15)" >&2
        return 2
    fi
    PG_THROWAWAY_DIR=$(mktemp -d)
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$PG_THROWAWAY_DIR"
    fi
    trap pg_throwaway_stop EXIT
    pg_throwaway__as_owner "$PG_BINDIR/initdb" -D "$PG_THROWAWAY_DIR/data" \
        -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$PG_THROWAWAY_DIR.initdb.log" 2>&1 || {
        cat "$PG_THROWAWAY_DIR.initdb.log" >&2
        return 1
    }
    rm -f "$PG_THROWAWAY_DIR.initdb.log"
    pg_throwaway__as_owner "$PG_BINDIR/pg_ctl" -D "$PG_THROWAWAY_DIR/data" \
        -l "$PG_THROWAWAY_DIR/server.log" \
        -o "-c listen_addresses='' -k $PG_THROWAWAY_DIR -c wal_level=logical -c fsync=off" \
        -w start >/dev/null || {
        cat "$PG_THROWAWAY_DIR/server.log" >&2
        return 1
    }
    export PGHOST=$PG_THROWAWAY_DIR PGUSER=postgres PGPORT=5432
    unset PGPASSWORD PGSERVICE PGDATABASE PGSERVICEFILE
}

pg_throwaway_stop() {
    if [ -n "$PG_THROWAWAY_DIR" ] && [ -d "$PG_THROWAWAY_DIR" ]; then
        pg_throwaway__as_owner "$PG_BINDIR/pg_ctl" -D "$PG_THROWAWAY_DIR/data" \
            -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$PG_THROWAWAY_DIR"
    fi
    PG_THROWAWAY_DIR=
}
