#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL on loopback for the store tests: no mock database anywhere.
#   eval "$(scripts/pg-test-server.sh start)"   # prints export SUTURE_TEST_DATABASE_URL=...
#   scripts/pg-test-server.sh stop
# The store tests call `start` themselves when SUTURE_TEST_DATABASE_URL is unset, and leave the server
# running for later runs (stop it with `npm run pg:stop`).
set -euo pipefail
PGDATA_DIR=${SUTURE_PG_DIR:-/tmp/suture-pg}
PORT=${SUTURE_PG_PORT:-55432}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "PostgreSQL server binaries not found: apt-get install postgresql" >&2; exit 4; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }

case "${1:-start}" in
  start)
    # Several test workers may ask at once: one initialises and starts, the others wait and reuse it.
    exec 9>"$PGDATA_DIR.lock"
    flock -w 300 9 || { echo "timed out after 300 s waiting for $PGDATA_DIR.lock (another start still running?)" >&2; exit 4; }
    if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
      mkdir -p "$PGDATA_DIR"; [ "$(id -u)" = 0 ] && chown postgres "$PGDATA_DIR"
      as_pg "$BIN/initdb -D $PGDATA_DIR -U postgres --auth=trust -E UTF8 >/dev/null"
    fi
    if ! as_pg "$BIN/pg_ctl -D $PGDATA_DIR status" >/dev/null 2>&1; then
      # 9>&-: the server must not inherit the lock's descriptor, or it holds the lock for as long as it runs
      # and every later `start` waits forever.
      as_pg "$BIN/pg_ctl -D $PGDATA_DIR -l $PGDATA_DIR/server.log -w -o '-h 127.0.0.1 -p $PORT -k /tmp -c max_connections=200 -c fsync=off' start" >/dev/null 9>&-
    fi
    echo "export SUTURE_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    as_pg "$BIN/pg_ctl -D $PGDATA_DIR -m fast stop" >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
