#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1 for the tests and print its DSN.
#
#   export ALLEGIANCE_TEST_PG="$(bash scripts/ci-postgres.sh)"
#
# Installs Debian's postgresql with apt-get when no server binaries are present. The
# cluster lives in a temporary folder, runs as a non-root user (postgres when we are
# root), trusts only local connections and listens on loopback only. Everything but
# the DSN goes to stderr. Stop it with: pg_ctl -D "$ALLEGIANCE_PG_DIR/data" stop
set -euo pipefail

log() { echo "ci-postgres: $*" >&2; }

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

PGBIN="$(find_bin || true)"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  log "installing postgresql from Debian packages"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
  PGBIN="$(find_bin)"
fi

PORT="${ALLEGIANCE_PG_PORT:-}"
if [ -z "$PORT" ]; then
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
fi

DIR="$(mktemp -d /tmp/allegiance-pg.XXXXXX)"
chmod 755 "$DIR"
RUN=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$DIR"
  RUN=(runuser -u postgres --)
fi

log "initdb in $DIR (port $PORT)"
"${RUN[@]}" "$PGBIN/initdb" -D "$DIR/data" -U allegiance -A trust -E UTF8 --no-locale >&2
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" \
  start >&2
"${RUN[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U allegiance allegiance >&2
log "running; stop with: ${RUN[*]} $PGBIN/pg_ctl -D $DIR/data stop"
# Let the caller stop this cluster when done (.ci/run does, on exit).
if [ -n "${ALLEGIANCE_PG_DIR_FILE:-}" ]; then echo "$DIR" > "$ALLEGIANCE_PG_DIR_FILE"; fi
echo "postgresql://allegiance@127.0.0.1:$PORT/allegiance"
