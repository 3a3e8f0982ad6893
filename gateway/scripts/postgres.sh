#!/usr/bin/env bash
# A throwaway PostgreSQL server for the gateway's queue tests, on 127.0.0.1 only (trust authentication: never
# expose it), with TLS on under a certificate for localhost and 127.0.0.1 from a self-signed authority, both made
# here with openssl.
#   postgres.sh start  installs PostgreSQL (and openssl) from Debian when missing, creates the cluster and its
#                      certificate once, turns TLS on (reloading a server already running without it), starts the
#                      server unless it is running, and prints its URL;
#   postgres.sh ca     prints the path of the root certificate a client verifies the server with;
#   postgres.sh stop   stops it.
# Each is idempotent.
#   PCCC_GATEWAY_PG_PORT (default 55432), PCCC_GATEWAY_PG_DIR (default /tmp/pccc-gateway-pg-$PORT)
set -euo pipefail
PORT=${PCCC_GATEWAY_PG_PORT:-55432}
DIR=${PCCC_GATEWAY_PG_DIR:-/tmp/pccc-gateway-pg-$PORT}
# The root certificate a client verifies the server with, readable by the tests (the keys stay in the cluster).
CA="$DIR.ca.crt"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }

install_packages() {
  local missing=()
  BIN=$(find_bin)
  if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
    # The versioned package when the archive has it (15 on bookworm), else the distribution's default.
    apt-get update >&2
    local pkg=postgresql
    apt-cache policy postgresql-15 2>/dev/null | grep -q 'Candidate: [0-9]' && pkg=postgresql-15
    missing+=("$pkg")
  fi
  command -v openssl >/dev/null || missing+=(openssl)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} from Debian" >&2
    [ -z "$BIN" ] || apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2
    BIN=$(find_bin)
  fi
}

# PostgreSQL refuses to run as root: run it as the postgres user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A self-signed certificate authority and, signed by it, the server's certificate for localhost and 127.0.0.1 (ten
# years each), made once; the server's key is the cluster owner's, mode 0600. TLS is turned on in the cluster's
# configuration; returns 0 when that changed it.
make_certificate() {
  if [ ! -f "$DIR/server.crt" ] || [ ! -f "$DIR/server.key" ] || [ ! -f "$DIR/root.crt" ]; then
    local tmp
    tmp=$(mktemp -d)
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=pccc-guard test CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -keyout "$tmp/root.key" -out "$tmp/root.crt" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$tmp/server.key" -out "$tmp/server.csr" 2>/dev/null
    printf '%s\n' "subjectAltName=DNS:localhost,IP:127.0.0.1" "basicConstraints=critical,CA:FALSE" \
      "keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth" > "$tmp/ext.cnf"
    openssl x509 -req -in "$tmp/server.csr" -CA "$tmp/root.crt" -CAkey "$tmp/root.key" -CAcreateserial \
      -days 3650 -extfile "$tmp/ext.cnf" -out "$tmp/server.crt" 2>/dev/null
    install -m 600 "$tmp/server.key" "$DIR/server.key"
    install -m 644 "$tmp/server.crt" "$DIR/server.crt"
    install -m 644 "$tmp/root.crt" "$DIR/root.crt"
    rm -rf "$tmp"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR/server.key" "$DIR/server.crt" "$DIR/root.crt"; fi
  fi
  cp "$DIR/root.crt" "$CA.tmp" && mv "$CA.tmp" "$CA"
  if ! grep -q '^ssl = on' "$DIR/postgresql.conf"; then
    as_pg sh -c "printf '%s\n' \"ssl = on\" \"ssl_cert_file = 'server.crt'\" \"ssl_key_file = 'server.key'\" >> '$DIR/postgresql.conf'"
    return 0
  fi
  return 1
}

case "${1:-start}" in
  start)
    install_packages
    if [ ! -f "$DIR/PG_VERSION" ]; then
      rm -rf "$DIR"
      mkdir -p "$DIR"
      [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
      chmod 700 "$DIR"
      as_pg "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
    fi
    changed=0
    make_certificate && changed=1
    if ! as_pg "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
      as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >&2
    elif [ "$changed" = 1 ]; then
      # A server started before TLS was configured: TLS settings take effect on a reload.
      as_pg "$BIN/pg_ctl" -D "$DIR" reload >&2
      sleep 1
    fi
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  ca)
    echo "$CA"
    ;;
  stop)
    BIN=$(find_bin)
    if [ -n "$BIN" ] && [ -f "$DIR/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
      as_pg "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >&2
    fi
    ;;
  *)
    echo "usage: $0 start|ca|stop" >&2
    exit 2
    ;;
esac
