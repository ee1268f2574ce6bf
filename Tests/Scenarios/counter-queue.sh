#!/usr/bin/env bash
# The queue at the counter end to end in tmux, on a demo station (counter 3, profile CIE then
# Anagrafe) with the test build's binary: the office day opens, two tickets come from
# `queue issue`, the accoglienza operator issues one from the cruscotto (S-F4), the CIE
# operator logs in at the same counter, calls (F2), serves (S-F6) and closes (F8) them (the
# first with F2 in the close dialog: closed and the next called in one operation), and the
# office day closes with the one ticket still waiting. Counters 1 and 2 call from the command
# line in between: no ticket is ever called twice. `queue status --json` is checked after
# every step: it must tell the truth at every moment.
# Needs SPORTELLO_BIN (scripts/test sets it to the binary of the test build).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/lib/tmux.sh"
: "${SPORTELLO_BIN:?set SPORTELLO_BIN to the sportello-tui binary (scripts/test does)}"
[ -x "$SPORTELLO_BIN" ] || { echo "  not executable: $SPORTELLO_BIN" >&2; exit 1; }

# Monday 10:42 in Rome: Anagrafe and CIE are open.
export SPORTELLO_FIXED_CLOCK=2026-11-30T09:42:00Z
work=$(mktemp -d "${TMPDIR:-/tmp}/counter-queue.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
home="$work/demo"

LANG=C.UTF-8 "$SPORTELLO_BIN" demo --home "$home" >"$work/demo.txt"
# username password of each demo operator, in the plan's order: counter, counter+CIE,
# accoglienza, responsabile.
mapfile -t creds < <(awk '/^  utente /{f=1; next} f && /^  [^ ]/{print $1, $2}' "$work/demo.txt")
[ "${#creds[@]}" -ge 3 ] || { echo "  no credentials in the demo output" >&2; exit 1; }
read -r cie_user cie_password <<<"${creds[1]}"
read -r desk_user desk_password <<<"${creds[2]}"

queue() { LANG=C.UTF-8 "$SPORTELLO_BIN" queue "$@" --home "$home"; }
# status_value EXPR — a Python expression over the status JSON (d; counters by number in c,
# services by code in s), printed as compact JSON.
status_value() {
    queue status --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = {x["number"]: x for x in d["counters"]}
s = {x["service_code"]: x for x in d["services"]}
print(json.dumps(eval(sys.argv[1]), separators=(",", ":"), ensure_ascii=False))' "$1"
}
# expect_status EXPR VALUE — the status's answer must be VALUE now.
expect_status() {
    local got
    got=$(status_value "$1")
    if [ "$got" != "$2" ]; then
        echo "  queue status: $1 is $got, expected $2" >&2
        queue status >&2 || true
        exit 1
    fi
    echo "  status ok: $1 = $2"
}
# The same for what the cruscotto records in the background after a message already shown
# (sign-in at login, sign-out at logout, the lock's pause): waits up to 10 s for it.
eventually_status() {
    local deadline=$(($(date +%s) + 10)) got
    while :; do
        got=$(status_value "$1")
        [ "$got" = "$2" ] && { echo "  status ok: $1 = $2"; return; }
        [ "$(date +%s)" -lt "$deadline" ] || break
        sleep 0.2
    done
    echo "  queue status: $1 is $got, expected $2" >&2
    exit 1
}

queue day open
queue issue --service CIE | grep -q "Biglietto C001" || { echo "  first ticket is not C001" >&2; exit 1; }
queue issue --service ANA | grep -q "Biglietto A001" || { echo "  second ticket is not A001" >&2; exit 1; }
expect_status 'd["office_open"]' 'true'
expect_status 's["CIE"]["waiting"]' '1'
expect_status 'c[3]["activity"]' '"closed"'

tui_start 80 24 env SPORTELLO_FIXED_CLOCK="$SPORTELLO_FIXED_CLOCK" "$SPORTELLO_BIN" --home "$home"
trap 'tui_cleanup; rm -rf -- "$work"' EXIT
tui_wait_for "Password"

log_in() {
    tui_type "$1"
    tui_keys Enter
    tui_type "$2"
    tui_keys Enter
    tui_wait_for "Accesso eseguito"
    tui_wait_for "In attesa"
}

# Accoglienza: a CIE ticket from the operator screen.
log_in "$desk_user" "$desk_password"
eventually_status 'c[3].get("operator_id")' "\"$desk_user\""
tui_keys S-F4
tui_wait_for "Emetti un biglietto"
tui_keys Down Down
tui_wait_for "C Carta d'identità"
tui_keys Enter
tui_wait_for "Emesso il biglietto C002"
expect_status 's["CIE"]["waiting"]' '2'
tui_keys S-F3
tui_wait_for "Sessione di"
eventually_status 'c[3].get("operator_id")' 'null'

# The CIE operator calls, serves and closes.
log_in "$cie_user" "$cie_password"
eventually_status 'c[3]["activity"]' '"idle"'
tui_keys F2
tui_wait_for "Chiamato il biglietto C001"
tui_wait_for "F6 Richiama"
expect_status '[c[3].get("ticket_number"), c[3].get("ticket_state"), c[3]["activity"]]' '["C001","called","busy"]'
expect_status 's["CIE"]["waiting"]' '1'
tui_keys S-F6
tui_wait_for "Servizio avviato per il biglietto C001"
expect_status 'c[3].get("ticket_state")' '"serving"'
tui_keys F8
tui_wait_for "F2 chiude e chiama"

# F2 in the close dialog closes C001 and calls the accoglienza's ticket in one operation;
# it is not called twice.
tui_keys F2
tui_wait_for "Biglietto C001 chiuso (servito); chiamato il biglietto C002."
expect_status '[c[3].get("ticket_number"), c[3].get("ticket_state"), c[3]["activity"]]' '["C002","called","busy"]'
expect_status 's["CIE"]["waiting"]' '0'
tui_keys F8
tui_wait_for "Chiudi il biglietto"
tui_keys Enter
tui_wait_for "Biglietto C002 chiuso (servito)"
expect_status 'c[3].get("ticket_number")' 'null'

# Lock = automatic pause.
tui_keys C-l
tui_wait_for "Postazione bloccata"
eventually_status '[c[3]["activity"], c[3].get("pause_reason")]' '["paused","schermo bloccato"]'
tui_type "$cie_password"
tui_keys Enter
tui_wait_for "Postazione sbloccata"
eventually_status 'c[3]["activity"]' '"idle"'

# Two more counters call from the command line between this counter's calls: every call
# gets its own ticket (counter 3 serves Anagrafe after CIE).
for _ in 1 2 3; do queue issue --service ANA >/dev/null; done
queue call --counter 1 >/dev/null
tui_keys F2
tui_wait_for "Chiamato il biglietto A002"
queue call --counter 2 >/dev/null
expect_status '[x.get("ticket_number") for x in d["counters"]]' '["A001","A003","A002",null]'
tui_wait_for "2  A003"
tui_keys F8
tui_wait_for "Chiudi il biglietto"
tui_keys Enter
tui_wait_for "Biglietto A002 chiuso (servito)"

# Closing the office day closes the Anagrafe ticket still waiting and counts it; the ones
# still at counters 1 and 2 are left to them.
queue day close | tee "$work/close.txt" | sed 's/^/  | /'
grep -q "1 biglietto chiuso a fine giornata" "$work/close.txt" || { echo "  closing did not count A004" >&2; exit 1; }
grep -q "Ancora agli sportelli: A001, A003" "$work/close.txt" || { echo "  closing did not list A001, A003" >&2; exit 1; }
expect_status '[d["office_open"], sum(x["waiting"] for x in d["services"])]' '[false,0]'
tui_wait_for "Ufficio non aperto"

tui_keys F3
tui_wait_for "Uscire da Sportello TUI?"
tui_keys Enter
tui_expect_exit 0
