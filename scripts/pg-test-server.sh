#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for tests and benchmarks. No systemd, no
# system cluster: the data directory lives in $MOTCUA_PG_DIR (default
# ${TMPDIR:-/tmp}/motcua-pg-test) and is deleted by `stop`.
#
#   scripts/pg-test-server.sh start   initdb + start (no-op when already running); needs the
#                                     PostgreSQL server binaries (Debian: apt-get install postgresql)
#   scripts/pg-test-server.sh url     print the connection URL (postgres://postgres@127.0.0.1:PORT/postgres)
#   scripts/pg-test-server.sh env     print `export MOTCUA_PG_URL=...` for eval
#   scripts/pg-test-server.sh stop    stop the server and delete its directory
#
# When run as root, the server runs as the `postgres` user (initdb refuses root).
# Authentication is `trust` and the server listens on 127.0.0.1 only: never use it for
# real data.
set -euo pipefail

DIR="${MOTCUA_PG_DIR:-${TMPDIR:-/tmp}/motcua-pg-test}"
DATA="$DIR/data"
LOG="$DIR/server.log"
URL_FILE="$DIR/url"

die() {
  echo "pg-test-server: $*" >&2
  exit 1
}

find_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/pg_ctl" ]; then
    echo "$PG_BIN"
    return
  fi
  if command -v pg_config >/dev/null 2>&1; then
    local b
    b="$(pg_config --bindir 2>/dev/null || true)"
    if [ -n "$b" ] && [ -x "$b/pg_ctl" ] && [ -x "$b/initdb" ]; then
      echo "$b"
      return
    fi
  fi
  local newest=""
  for b in /usr/lib/postgresql/*/bin; do
    if [ -x "$b/pg_ctl" ] && [ -x "$b/initdb" ]; then newest="$b"; fi
  done
  if [ -n "$newest" ]; then
    echo "$newest"
    return
  fi
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return
  fi
  die "PostgreSQL server binaries (initdb, pg_ctl) not found; install them (Debian: apt-get install -y postgresql) or set PG_BIN"
}

# Run a command as the server's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the server"
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

port_free() {
  # A refused connection means nobody listens there.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

running() {
  [ -f "$URL_FILE" ] && [ -d "$DATA" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

cmd_start() {
  BIN="$(find_bin)"
  if running; then
    return 0
  fi
  mkdir -p "$DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$DIR"; fi
  chmod 700 "$DIR"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
      as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$DIR/initdb.log" 2>&1 ||
      die "initdb failed: $(tail -n 5 "$DIR/initdb.log")"
  fi
  local base=$((55432 + RANDOM % 2000)) port attempt
  for attempt in $(seq 0 40); do
    port=$((base + attempt))
    port_free "$port" || continue
    if as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $DIR -c max_connections=200 -c shared_buffers=256MB" >/dev/null 2>&1; then
      echo "postgres://postgres@127.0.0.1:$port/postgres" >"$URL_FILE"
      return 0
    fi
  done
  die "could not start PostgreSQL: $(tail -n 5 "$LOG" 2>/dev/null || true)"
}

cmd_stop() {
  if [ -d "$DATA" ]; then
    BIN="$(find_bin)"
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
}

cmd_url() {
  [ -f "$URL_FILE" ] || die "not started (no $URL_FILE); run: $0 start"
  cat "$URL_FILE"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  url) cmd_url ;;
  env) echo "export MOTCUA_PG_URL='$(cmd_url)'" ;;
  *)
    echo "usage: $0 start|stop|url|env" >&2
    exit 2
    ;;
esac
