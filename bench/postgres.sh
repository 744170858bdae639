#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for tests and benchmarks, and prints its URL:
#
#   export PASAR_TEST_POSTGRES_URL=$(bench/postgres.sh start)
#   bench/postgres.sh stop
#
# The server listens on a local socket in $PASAR_PG_DIR (default /tmp/pasar-pg) and on 127.0.0.1:$PASAR_PG_PORT
# (default 54329), trusts local connections and keeps its data there. PostgreSQL refuses to run as root, so
# as root it runs as the `postgres` user. Needs Debian's `postgresql` package (initdb, pg_ctl).
set -euo pipefail

DIR=${PASAR_PG_DIR:-/tmp/pasar-pg}
PORT=${PASAR_PG_PORT:-54329}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || BIN=$(dirname "$(command -v initdb)")

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
start)
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
        mkdir -p "$DIR"
        [ "$(id -u)" -ne 0 ] || chown postgres: "$DIR"
        as_owner "$BIN/initdb" -D "$DIR/data" -U pasar --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
        # Tests create a database per server; these settings trade durability for speed on a throwaway server.
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w start \
            -o "-k $DIR -p $PORT -h 127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
    fi
    echo "postgres://pasar@127.0.0.1:$PORT/postgres?sslmode=disable"
    ;;
stop)
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
