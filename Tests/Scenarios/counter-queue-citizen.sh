#!/usr/bin/env bash
# The ticket and the identified citizen end to end in tmux, on a demo station (counter 3,
# profile CIE then Anagrafe): the accoglienza issues a ticket for a citizen picked from the
# registry (S-F4, phone filled in E.164); the CIE operator calls it and closes it with the
# citizen shown; calls a second ticket, searches the citizen (S-F5), opens the card, links it
# to the ticket (F6) and closes it (F8); `queue ticket --json` shows the contact on both. Then
# the responsabile closes the office day from the cruscotto (S-F8, confirmed), which the other
# operators cannot do. Needs SPORTELLO_BIN (scripts/test sets it to the binary of the test build).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/lib/tmux.sh"
: "${SPORTELLO_BIN:?set SPORTELLO_BIN to the sportello-tui binary (scripts/test does)}"
[ -x "$SPORTELLO_BIN" ] || { echo "  not executable: $SPORTELLO_BIN" >&2; exit 1; }

# Monday 10:42 in Rome: Anagrafe and CIE are open.
export SPORTELLO_FIXED_CLOCK=2026-11-30T09:42:00Z
work=$(mktemp -d "${TMPDIR:-/tmp}/counter-queue-citizen.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
home="$work/demo"

LANG=C.UTF-8 "$SPORTELLO_BIN" demo --home "$home" >"$work/demo.txt"
# username password of each demo operator: counter, counter+CIE, accoglienza, responsabile.
mapfile -t creds < <(awk '/^  utente /{f=1; next} f && /^  [^ ]/{print $1, $2}' "$work/demo.txt")
[ "${#creds[@]}" -ge 4 ] || { echo "  no credentials in the demo output" >&2; exit 1; }
read -r cie_user cie_password <<<"${creds[1]}"
read -r desk_user desk_password <<<"${creds[2]}"
read -r boss_user boss_password <<<"${creds[3]}"

queue() { LANG=C.UTF-8 "$SPORTELLO_BIN" queue "$@" --home "$home"; }
# ticket_value NUMBER EXPR — a Python expression over `queue ticket NUMBER --json` (t).
ticket_value() {
    queue ticket "$1" --json | python3 -c '
import json, sys
t = json.load(sys.stdin)["ticket"]
print(json.dumps(eval(sys.argv[1]), separators=(",", ":"), ensure_ascii=False))' "$2"
}
expect_ticket() {
    local got
    got=$(ticket_value "$1" "$2")
    if [ "$got" != "$3" ]; then
        echo "  queue ticket $1: $2 is $got, expected $3" >&2
        queue ticket "$1" >&2 || true
        exit 1
    fi
    echo "  ticket ok: $1 $2 = $3"
}
status_value() {
    queue status --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(json.dumps(eval(sys.argv[1]), separators=(",", ":"), ensure_ascii=False))' "$1"
}
# The ids of the demo's Bellucci records (the citizen registered twice).
bellucci=$(LANG=C.UTF-8 "$SPORTELLO_BIN" contacts search bellucci --json --home "$home" --operator "$boss_user" --purpose audit \
    | python3 -c 'import json, sys; print(" ".join(m["id"] for m in json.load(sys.stdin)))')
[ -n "$bellucci" ] || { echo "  no Bellucci in the demo registry" >&2; exit 1; }
is_bellucci() {
    local id
    id=$(ticket_value "$1" 't["contact_id"]' | tr -d '"')
    case " $bellucci " in *" $id "*) echo "  ticket ok: $1 linked to $id" ;; *) echo "  ticket $1 linked to '$id', not a Bellucci" >&2; exit 1 ;; esac
}

queue day open

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

# Accoglienza: a CIE ticket for Orazio Bellucci, picked from the registry.
log_in "$desk_user" "$desk_password"
tui_keys S-F4
tui_wait_for "Emetti un biglietto"
tui_keys Down Down
tui_wait_for "C Carta d'identità"
tui_keys Tab Tab
tui_type "bellucci"
tui_wait_for "▸ BELLUCCI Orazio"
tui_keys Enter
tui_wait_for "Collegato a: BELLUCCI Orazio"
tui_keys Enter
tui_wait_for "Emesso il biglietto C001"
expect_ticket C001 't["state"]' '"waiting"'
is_bellucci C001
expect_ticket C001 't["phone"].startswith("+39")' 'true'
# The accoglienza does not run the office day: S-F8 does nothing here.
tui_keys S-F8
sleep 0.5
if tui_capture | grep -q "Chiudi la giornata"; then echo "  the accoglienza sees the office day" >&2; exit 1; fi
tui_keys S-F3
tui_wait_for "Sessione di"

queue issue --service CIE | grep -q "Biglietto C002" || { echo "  second ticket is not C002" >&2; exit 1; }

# The CIE operator: C001 comes with its citizen.
log_in "$cie_user" "$cie_password"
tui_keys F2
tui_wait_for "Chiamato il biglietto C001"
tui_wait_for "cittadino: BELLUCCI Orazio"
tui_keys F8
tui_wait_for "Cittadino: BELLUCCI Orazio"
tui_keys Enter
tui_wait_for "Biglietto C001 chiuso (servito)"
expect_ticket C001 't["state"]' '"done"'
is_bellucci C001

# C002 has nobody: search, card, link, close.
tui_keys F2
tui_wait_for "Chiamato il biglietto C002"
tui_keys S-F5
tui_wait_for "Cerca nell'anagrafe"
tui_type "bellucci"
tui_wait_for "BELLUCCI Orazio"
tui_keys Enter
tui_wait_for "Motivo dell'accesso"
tui_keys Enter
tui_wait_for "F6 la collega al biglietto C002"
tui_wait_for "F6 Collega"
tui_keys F6
tui_wait_for "Biglietto C002 collegato a BELLUCCI Orazio"
is_bellucci C002
expect_ticket C002 't["state"]' '"called"'
tui_keys F12
tui_wait_for "cittadino: BELLUCCI Orazio"
tui_keys F8
tui_wait_for "Cittadino: BELLUCCI Orazio"
tui_keys Enter
tui_wait_for "Biglietto C002 chiuso (servito)"
expect_ticket C002 '[t["state"], t["outcome"]]' '["done","servito"]'
is_bellucci C002
# Both visits are in the citizen's history, written by the CIE operator.
linked=$(ticket_value C002 't["contact_id"]' | tr -d '"')
LANG=C.UTF-8 "$SPORTELLO_BIN" contacts show "$linked" --home "$home" --operator "$boss_user" --purpose audit >"$work/card.txt"
for number in C001 C002; do
    grep -q "biglietto: Servito allo sportello 3, biglietto $number (Carta d'identità elettronica), esito: servito \[$number\] ($cie_user)" "$work/card.txt" \
        || { echo "  no history entry for $number" >&2; sed 's/^/  | /' "$work/card.txt" >&2; exit 1; }
    echo "  history ok: $number"
done
tui_keys S-F3
tui_wait_for "Sessione di"

# The responsabile closes the day: one Anagrafe ticket still waits.
queue issue --service ANA | grep -q "Biglietto A001" || { echo "  third ticket is not A001" >&2; exit 1; }
log_in "$boss_user" "$boss_password"
tui_keys S-F8
tui_wait_for "Chiudi la giornata dell'ufficio"
tui_wait_for "1 biglietto ancora in coda (in attesa, sospeso o trasferito)"
tui_keys Enter
tui_wait_for "Giornata chiusa: 1 biglietto chiuso a fine giornata"
tui_wait_for "A Anagrafe: 1"
[ "$(status_value '[d["office_open"], sum(x["waiting"] for x in d["services"])]')" = '[false,0]' ] \
    || { echo "  the office day is not closed" >&2; exit 1; }
expect_ticket A001 't["outcome"]' '"chiuso_fine_giornata"'
tui_keys Enter

tui_keys F3
tui_wait_for "Uscire da Sportello TUI?"
tui_keys Enter
tui_expect_exit 0
echo "  counter-queue-citizen: ticket for a picked citizen, link at the counter, close, office day by the responsabile"
