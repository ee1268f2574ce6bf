#!/usr/bin/env bash
# Two counter stations on the PostgreSQL central database (SPORTELLO_TEST_PG, the throwaway
# cluster of scripts/test), each with its own role that may only call the station functions:
# `central init` makes the office's database and the two roles; each station is initialized
# with `init --central postgresql://…?password_file=…`; station 1 adds an operator (stored
# centrally), opens the office day, issues and calls a ticket; station 2's cruscotto (tmux),
# logged in as that operator, shows the ticket waiting and then called at counter 1 in its
# queue panel. Then station 2 starts with a refused password: the login screen says the
# central database is unreachable and the operator logs in from the station's cache.
# Needs SPORTELLO_BIN (scripts/test sets it to the binary of the test build); skipped with a
# message when SPORTELLO_TEST_PG is not set.
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
work=$(mktemp -d "${TMPDIR:-/tmp}/postgres-stations.XXXXXX")
db="sportello_scenario_$$_${RANDOM}"
# The office's database beside the cluster's own: the same server, user and password.
owner_url=$(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' \
    "$SPORTELLO_TEST_PG" "$db")
read -r pg_host pg_port < <(python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(p.hostname, p.port or 5432)' "$SPORTELLO_TEST_PG")
cleanup() {
    psql "$SPORTELLO_TEST_PG" -qAt -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
    for role in $(psql "$SPORTELLO_TEST_PG" -qAt -c "SELECT rolname FROM pg_roles WHERE starts_with(rolname, '${db}_')" 2>/dev/null); do
        psql "$SPORTELLO_TEST_PG" -qAt -c "DROP ROLE IF EXISTS \"$role\"" >/dev/null 2>&1 || true
    done
    rm -rf -- "$work"
}
trap cleanup EXIT
psql "$SPORTELLO_TEST_PG" -qAt -c "CREATE DATABASE \"$db\"" >/dev/null

run() { LANG=C.UTF-8 "$SPORTELLO_BIN" "$@"; }
mkdir -m 0700 "$work/secrets"
run central init --url "$owner_url" --station sportello-1 --station sportello-2 --station totem --station tabellone --secrets "$work/secrets" \
    --role-prefix "${db}_" --office "Comune di Prova" | sed 's/^/  | /'
station_url() { # station_url NAME — the role is the name with '-' as '_'
    echo "postgresql://${db}_${1//-/_}@$pg_host:$pg_port/$db?password_file=$work/secrets/$1.password"
}
run init --home "$work/s1" --central "$(station_url sportello-1)" --counter 1 | sed 's/^/  | /'
run init --home "$work/s2" --central "$(station_url sportello-2)" --counter 2 | sed 's/^/  | /'
run init --home "$work/totem" --central "$(station_url totem)" --kind totem --station totem >/dev/null
run init --home "$work/display" --central "$(station_url tabellone)" --kind display --station tabellone >/dev/null
grep -q '^office = "Comune di Prova"' "$work/s2/sportello.toml" || { echo "  station 2 did not take the office's name" >&2; exit 1; }

# An operator added at station 1 lives centrally; station 2 has never seen it.
password='Sportello.Prova.2026'
printf '%s\n' "$password" | run operator add anna.neri --name "Anna Neri" --role counter --password-stdin --home "$work/s1"
run operator list --home "$work/s2" | grep -q "^anna.neri" || { echo "  station 2 does not list anna.neri" >&2; exit 1; }
run queue day open --home "$work/s1"

cruscotto() { # cruscotto HOME
    tui_start 80 24 env SPORTELLO_FIXED_CLOCK="$SPORTELLO_FIXED_CLOCK" "$SPORTELLO_BIN" --home "$1"
    trap 'tui_cleanup; cleanup' EXIT
}
log_in() {
    tui_wait_for "Password"
    tui_type anna.neri
    tui_keys Enter
    tui_type "$password"
    tui_keys Enter
    tui_wait_for "Sportello 2 · Anna Neri"
}

cruscotto "$work/s2"
tui_wait_for "Centrale: in linea"
log_in
tui_wait_for "In attesa         0"

# Station 1 issues a ticket: station 2's panel shows it waiting.
run queue issue --service ANA --home "$work/s1" | grep -q "Biglietto A001" || { echo "  the ticket is not A001" >&2; exit 1; }
tui_wait_for "In attesa         1"
tui_wait_for "Più lunga A001"
# Station 1 calls it: station 2's panel shows it at counter 1 and nobody waiting.
run queue call --counter 1 --operator mario --home "$work/s1" | sed 's/^/  | /'
tui_wait_for "1  A001"
tui_wait_for "In attesa         0"
tui_keys F3
tui_wait_for "Uscire da Sportello TUI?"
tui_keys Enter
tui_expect_exit 0
tui_cleanup

# The totem (window 0) and the display (window 1) on PostgreSQL: the totem issues A002,
# counter 3 calls it (from station 1's home), the display shows the call.
tui_start 80 24 env SPORTELLO_FIXED_CLOCK="$SPORTELLO_FIXED_CLOCK" "$SPORTELLO_BIN" totem --home "$work/totem"
trap 'tui_cleanup; cleanup' EXIT
tui_wait_for "Scegliete il servizio"
cat >"$TUI_TMP/run-display.sh" <<SCRIPT
#!/usr/bin/env bash
$(printf '%q' "$SPORTELLO_BIN") display --home $(printf '%q' "$work/display")
SCRIPT
tmux -L "$TUI_SOCKET" new-window -d -t main:1 -e LANG=C.UTF-8 -e "SPORTELLO_FIXED_CLOCK=$SPORTELLO_FIXED_CLOCK" \
    "exec bash $TUI_TMP/run-display.sh"
TUI_TARGET=main:1.0
tui_wait_for "Ultime chiamate"
TUI_TARGET=main:0.0
tui_keys 1
tui_wait_for "Il vostro numero: A002"
TUI_TARGET=main:1.0
run queue call --counter 3 --home "$work/s1" | grep -q "A002" || { echo "  counter 3 did not call A002" >&2; exit 1; }
tui_wait_for "NUOVA CHIAMATA" 10
# A002 takes the big digits; A001 (until now in big digits) moves to the list as text.
tui_wait_for "A001" 10
tui_cleanup
TUI_TARGET=main:0.0

# A refused password: station 2 still starts, says so, and the cached operator logs in.
printf 'sbagliata\n' >"$work/secrets/sportello-2.password"
if run operator list --home "$work/s2" 2>"$work/refused.txt"; then
    echo "  operator list worked with a refused password" >&2
    exit 1
fi
grep -q "accesso al database centrale rifiutato" "$work/refused.txt" || { cat "$work/refused.txt" >&2; exit 1; }
cruscotto "$work/s2"
tui_wait_for "Centrale: non raggiungibile"
tui_wait_for "Centrale non raggiungibile: operatori in memoria"
log_in
# The queue needs the central database: the panel works on the station's reserved numbers
# (docs/QUEUE.md, "Offline") and the message line says why.
tui_wait_for "Senza centrale"
tui_wait_for "accesso al database centrale rifiu"
tui_keys F3
tui_wait_for "Uscire da Sportello TUI?"
tui_keys Enter
tui_expect_exit 0
