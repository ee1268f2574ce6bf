#!/usr/bin/env bash
# A counter keeps serving when the central database goes away (docs/QUEUE.md, "Offline").
# Station 1 reaches the PostgreSQL test cluster through a TCP relay (fixtures/tcp-relay.py):
# logged in while the central side answers, it reserves its offline numbers; the relay is
# stopped: the header says since when the central side is unreachable and the queue panel
# works offline; the accoglienza issues A-701, F2 calls it, F8 closes it; the relay comes
# back: F5 finds the central side, the station syncs at once, the header says "in linea",
# `sync status` shows nothing waiting and the central side holds the ticket's three events.
# Needs SPORTELLO_BIN; skipped with a message when SPORTELLO_TEST_PG is not set.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/lib/tmux.sh"
: "${SPORTELLO_BIN:?set SPORTELLO_BIN to the sportello-tui binary (scripts/test does)}"
[ -x "$SPORTELLO_BIN" ] || { echo "  not executable: $SPORTELLO_BIN" >&2; exit 1; }
if [ -z "${SPORTELLO_TEST_PG:-}" ]; then
    echo "  skipped: SPORTELLO_TEST_PG is not set (scripts/test starts a PostgreSQL 15 cluster and sets it)"
    exit 0
fi
command -v psql >/dev/null || { echo "  psql not found" >&2; exit 1; }

# Monday 10:42 in Rome: Anagrafe is open.
export SPORTELLO_FIXED_CLOCK=2026-11-30T09:42:00Z
work=$(mktemp -d "${TMPDIR:-/tmp}/counter-offline.XXXXXX")
db="sportello_offline_$$_${RANDOM}"
owner_url=$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' \
    "$SPORTELLO_TEST_PG" "$db")
read -r pg_host pg_port < <(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(p.hostname, p.port or 5432)' "$SPORTELLO_TEST_PG")
relay_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
relay_pid=
relay_start() {
    python3 "$here/fixtures/tcp-relay.py" "$relay_port" "$pg_host" "$pg_port" >"$work/relay.out" 2>&1 &
    relay_pid=$!
    for _ in $(seq 1 100); do grep -q ready "$work/relay.out" 2>/dev/null && return 0; sleep 0.1; done
    echo "  the relay did not start" >&2
    exit 1
}
relay_stop() {
    [ -n "$relay_pid" ] && kill "$relay_pid" 2>/dev/null && wait "$relay_pid" 2>/dev/null || true
    relay_pid=
}
cleanup() {
    relay_stop
    psql "$SPORTELLO_TEST_PG" -qAt -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
    for role in $(psql "$SPORTELLO_TEST_PG" -qAt -c "SELECT rolname FROM pg_roles WHERE starts_with(rolname, '${db}_')" 2>/dev/null); do
        psql "$SPORTELLO_TEST_PG" -qAt -c "DROP ROLE IF EXISTS \"$role\"" >/dev/null 2>&1 || true
    done
    rm -rf -- "$work"
}
trap cleanup EXIT
psql "$SPORTELLO_TEST_PG" -qAt -c "CREATE DATABASE \"$db\"" >/dev/null
central_sql() { psql "$owner_url" -qAt -c "$1"; }

run() { LANG=C.UTF-8 "$SPORTELLO_BIN" "$@"; }
mkdir -m 0700 "$work/secrets"
run central init --url "$owner_url" --station sportello-1 --secrets "$work/secrets" \
    --role-prefix "${db}_" --office "Comune di Prova" | sed 's/^/  | /'
relay_start
station_url="postgresql://${db}_sportello_1@127.0.0.1:$relay_port/$db?password_file=$work/secrets/sportello-1.password"
run init --home "$work/s1" --central "$station_url" --counter 1 | sed 's/^/  | /'
password='Sportello.Prova.2026'
printf '%s\n' "$password" | run operator add anna.neri --name "Anna Neri" --role counter --password-stdin --home "$work/s1"

tui_start 80 24 env SPORTELLO_FIXED_CLOCK="$SPORTELLO_FIXED_CLOCK" "$SPORTELLO_BIN" --home "$work/s1"
trap 'tui_cleanup; cleanup' EXIT
tui_wait_for "Centrale: in linea"
tui_wait_for "Password"
tui_type anna.neri
tui_keys Enter
tui_type "$password"
tui_keys Enter
tui_wait_for "Sportello 1 · Anna Neri"
tui_wait_for "In attesa         0"
# The first read of the queue reserved the station's numbers: one block per prefix.
for _ in $(seq 1 100); do
    [ "$(central_sql "SELECT count(*) FROM sportello.queue_offline_block WHERE station = 'sportello-1'")" = 6 ] && break
    sleep 0.1
done
[ "$(central_sql "SELECT min(first_seq) FROM sportello.queue_offline_block")" = 701 ] || { echo "  no blocks reserved" >&2; exit 1; }

# The central database goes away.
relay_stop
tui_wait_for "Senza centrale"
tui_keys F5
tui_wait_for "dalle 10:42"  # "Centrale: non raggiungibile dalle…" or, with events waiting, "Centrale offline dalle…"
tui_wait_for "A 50  C 50  E 50"
tui_keys S-F4
tui_wait_for "Emetti un biglietto"
tui_keys Enter
tui_wait_for "Emesso il biglietto di riserva A-701"
tui_wait_for "A-701"
tui_keys F2
tui_wait_for "Chiamato il biglietto di riserva A-701"
tui_keys F8
tui_wait_for "Esito"
tui_keys Enter
tui_wait_for "Biglietto A-701 chiuso (servito)"
tui_wait_for "A 49  C 50  E 50"

# Back: the queue panel reads the central queue again (the station's link reconnects at most
# every 3 s); then F5 finds the central database and the station pushes at once.
relay_start
tui_wait_for "Sportelli"
tui_keys F5
tui_wait_for "Centrale: in linea"
for _ in $(seq 1 100); do
    [ "$(central_sql "SELECT count(*) FROM sportello.sync_station_event WHERE type = 'queue.offline_ticket'")" = 3 ] && break
    sleep 0.1
done
events=$(central_sql "SELECT string_agg(payload->>'event' || ' ' || (payload->>'number'), ',' ORDER BY payload->>'event') FROM sportello.sync_station_event WHERE type = 'queue.offline_ticket'")
[ "$events" = "call A-701,close A-701,issue A-701" ] || { echo "  central events: $events" >&2; exit 1; }
tui_keys F3
tui_wait_for "Uscire da Sportello TUI?"
tui_keys Enter
tui_expect_exit 0
tui_cleanup
# Nothing waits at the station (the logout may add one event: one more exchange sends it).
run sync once --home "$work/s1" >/dev/null
status=$(run sync status --home "$work/s1" --json)
python3 -c 'import json, sys; s = json.loads(sys.argv[1]); sys.exit(0 if s["outbox"] == 0 and s["open_dead_letters"] == 0 else 1)' "$status" \
    || { echo "  sync status: $status" >&2; exit 1; }
echo "  offline ticket A-701 issued, called and closed without the central database; recorded once after reconnection"
