# shellcheck shell=bash
# A throwaway PostgreSQL 15 cluster for tests: created in a temporary directory, listening on
# 127.0.0.1 at a free port with password (scram) authentication over TCP, removed on exit.
#
#   pg_start   start it; sets PG_DIR, PG_PORT, PG_PASSWORD and exports SPORTELLO_TEST_PG and
#              SPORTELLO_TEST_PG_RESTART (a script: `restart` (default), `stop` or `start`)
#   pg_stop    stop it (immediate mode) and remove its directory; safe to call twice
#
# initdb refuses to run as root, so as root the server runs as the `postgres` system user
# (created by the Debian package) through runuser; as another user it runs as that user.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DIR=""
PG_PORT=""
PG_PASSWORD=""

_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_stop() {
    [ -n "$PG_DIR" ] || return 0
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
        _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf -- "$PG_DIR"
    echo "postgres: stopped and removed (port $PG_PORT)"
    PG_DIR=""
}

pg_start() {
    [ -x "$PG_BIN/initdb" ] || die "PostgreSQL 15 server not found in $PG_BIN"
    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/sportello-pg.XXXXXX")
    chmod 0700 "$PG_DIR"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$PG_DIR"
    fi
    PG_PASSWORD=$(random_token)
    printf '%s\n' "$PG_PASSWORD" >"$PG_DIR/pwfile"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$PG_DIR/pwfile"

    if ! _pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres \
        --auth-local=trust --auth-host=scram-sha-256 --pwfile="$PG_DIR/pwfile" \
        -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1; then
        cat "$PG_DIR/initdb.log" >&2
        die "initdb failed"
    fi
    rm -f "$PG_DIR/pwfile"

    PG_PORT=$(free_port)
    local opts="-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200"
    if ! _pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" \
        -o "$opts" -w -t 60 start >/dev/null; then
        tail -n 30 "$PG_DIR/server.log" >&2 || true
        die "PostgreSQL did not start"
    fi

    # The restart script keeps the same port, socket directory and options, so a test can take
    # the server away and bring it back under the connections it holds.
    cat >"$PG_DIR/restart" <<EOF
#!/bin/sh
# Usage: restart [restart|stop|start] — the test cluster on port $PG_PORT.
set -e
action=\${1:-restart}
run() { if [ "\$(id -u)" -eq 0 ]; then runuser -u postgres -- "\$@"; else "\$@"; fi; }
case "\$action" in
  stop) run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null ;;
  start) run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -o "$opts" -w -t 60 start >/dev/null ;;
  restart) run "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -o "$opts" -m immediate -w -t 60 restart >/dev/null ;;
  *) echo "usage: \$0 [restart|stop|start]" >&2; exit 2 ;;
esac
EOF
    chmod 0755 "$PG_DIR/restart"
    chmod 0711 "$PG_DIR"

    export SPORTELLO_TEST_PG="postgresql://postgres:$PG_PASSWORD@127.0.0.1:$PG_PORT/postgres"
    export SPORTELLO_TEST_PG_RESTART="$PG_DIR/restart"
    echo "postgres: started PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (data in $PG_DIR)"
}

# pg_check_auth — the right password connects over TCP, a wrong one is refused.
pg_check_auth() {
    local got
    got=$(PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=10 psql -X -w -h 127.0.0.1 -p "$PG_PORT" -U postgres \
        -d postgres -tAc 'select 1') || die "cannot connect to the test cluster with its password"
    [ "$got" = 1 ] || die "unexpected answer from the test cluster: $got"
    if PGPASSWORD=wrong-password PGCONNECT_TIMEOUT=10 psql -X -w -h 127.0.0.1 -p "$PG_PORT" -U postgres \
        -d postgres -tAc 'select 1' >/dev/null 2>&1; then
        die "the test cluster accepted a wrong password"
    fi
    echo "postgres: password authentication checked (right password accepted, wrong one refused)"
}
