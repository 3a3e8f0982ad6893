#!/usr/bin/env bash
# A throwaway PostgreSQL server for the gateway's queue tests, on 127.0.0.1 only (trust authentication: never
# expose it). `postgres.sh start` installs PostgreSQL from Debian when it is missing, creates the cluster once,
# starts it unless it is running, and prints its URL; `postgres.sh stop` stops it. Both are idempotent.
#   PCCC_GATEWAY_PG_PORT (default 55432), PCCC_GATEWAY_PG_DIR (default /tmp/pccc-gateway-pg-$PORT)
set -euo pipefail
PORT=${PCCC_GATEWAY_PG_PORT:-55432}
DIR=${PCCC_GATEWAY_PG_DIR:-/tmp/pccc-gateway-pg-$PORT}

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }
BIN=$(find_bin)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "installing PostgreSQL from Debian" >&2
  apt-get update >&2
  # The versioned package when the archive has it (15 on bookworm), else the distribution's default.
  pkg=postgresql
  apt-cache policy postgresql-15 2>/dev/null | grep -q 'Candidate: [0-9]' && pkg=postgresql-15
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$pkg" >&2
  BIN=$(find_bin)
fi

# PostgreSQL refuses to run as root: run it as the postgres user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if [ ! -f "$DIR/PG_VERSION" ]; then
      rm -rf "$DIR"
      mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
      chmod 700 "$DIR"
      as_pg "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
    fi
    if ! as_pg "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
      as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >&2
    fi
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    if [ -f "$DIR/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
      as_pg "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >&2
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
