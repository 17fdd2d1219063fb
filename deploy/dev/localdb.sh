#!/usr/bin/env bash
# Project-local PostgreSQL for `make run` / `make test` when DATABASE_URL is not set.
#
#   deploy/dev/localdb.sh start   -> starts (initialising on first use) and prints the DATABASE_URL
#   deploy/dev/localdb.sh stop
#   deploy/dev/localdb.sh url     -> prints the DATABASE_URL without starting anything
#
# The cluster lives in .pg/ inside the checkout (git-ignored), listens only on a Unix socket in
# .pg/run and on 127.0.0.1:$PGLOCAL_PORT (default 54329, never 5432). PostgreSQL refuses to run
# as root, so when we are root the server runs as an unprivileged system user.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PGDIR="$ROOT/.pg"
DATA="$PGDIR/data"
RUN="$PGDIR/run"
LOG="$PGDIR/server.log"
PORT="${PGLOCAL_PORT:-54329}"
DBNAME="zhicheng"
RUNAS_USER="${PGLOCAL_USER:-postgres}"

die() { echo "localdb: $*" >&2; exit 1; }

find_bin() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    done
    return 1
}

ensure_binaries() {
    if BIN="$(find_bin)"; then return 0; fi
    echo "localdb: PostgreSQL server binaries not found; installing Debian's postgresql with apt..." >&2
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
        die "cannot install PostgreSQL here (need root and apt-get). Install it, or set DATABASE_URL."
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
        || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; } \
        || die "apt-get install postgresql failed. Install it, or set DATABASE_URL."
    BIN="$(find_bin)" || die "postgresql installed but no initdb under /usr/lib/postgresql/*/bin"
}

# Run a command as the cluster's owner: ourselves, or an unprivileged user when we are root.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u "$RUNAS_USER" -- "$@"
    else
        "$@"
    fi
}

ensure_owner() {
    [ "$(id -u)" -eq 0 ] || return 0
    if ! id "$RUNAS_USER" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$RUNAS_USER" \
            || die "could not create the system user $RUNAS_USER"
    fi
    # The owner must be able to reach the checkout: a mktemp -d parent is mode 700.
    local dir="$PGDIR"
    while [ "$dir" != "/" ]; do
        dir="$(dirname "$dir")"
        if ! runuser -u "$RUNAS_USER" -- test -x "$dir"; then
            echo "localdb: granting search (x) permission on $dir so $RUNAS_USER can reach .pg/" >&2
            chmod o+x "$dir"
        fi
    done
}

url() {
    echo "postgres://$RUNAS_USER@127.0.0.1:$PORT/$DBNAME"
}

running() {
    [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
    ensure_binaries
    mkdir -p "$PGDIR"
    ensure_owner
    if [ "$(id -u)" -eq 0 ]; then chown "$RUNAS_USER" "$PGDIR"; fi
    if [ ! -f "$DATA/PG_VERSION" ]; then
        echo "localdb: initialising a cluster in $DATA" >&2
        as_owner "$BIN/initdb" -D "$DATA" -U "$RUNAS_USER" --auth=trust --encoding=UTF8 \
            --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
            || { cat "$PGDIR/initdb.log" >&2; die "initdb failed"; }
    fi
    as_owner mkdir -p "$RUN"
    if ! running; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start \
            -o "-p $PORT -k $RUN -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
            >/dev/null || { tail -20 "$LOG" >&2; die "PostgreSQL did not start (log: $LOG)"; }
    fi
    if ! as_owner "$BIN/psql" -h "$RUN" -p "$PORT" -U "$RUNAS_USER" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'" | grep -q 1; then
        as_owner "$BIN/createdb" -h "$RUN" -p "$PORT" -U "$RUNAS_USER" "$DBNAME"
    fi
    url
}

stop() {
    BIN="$(find_bin)" || exit 0
    if [ -f "$DATA/postmaster.pid" ]; then
        as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null && echo "localdb: stopped" >&2
    else
        echo "localdb: not running" >&2
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) url ;;
    *) die "usage: $0 start|stop|url" ;;
esac
