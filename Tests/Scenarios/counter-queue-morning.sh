#!/usr/bin/env bash
# Three counters serve a morning's tickets from the keyboard: three cruscotti (counters 1, 2
# and 3, each its own station home joined to one central file) in three tmux windows of one
# session, each calling (F2) and closing (F8) in turn until the queue is empty. After every
# call `queue status --json` must agree with what the screens said: no ticket held by two
# counters, the waiting count down by one. At the end every issued ticket was called exactly
# once. Needs SPORTELLO_BIN (scripts/test sets it to the binary of the test build).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/lib/tmux.sh"
: "${SPORTELLO_BIN:?set SPORTELLO_BIN to the sportello-tui binary (scripts/test does)}"
[ -x "$SPORTELLO_BIN" ] || { echo "  not executable: $SPORTELLO_BIN" >&2; exit 1; }

export SPORTELLO_FIXED_CLOCK=2026-11-30T09:42:00Z
export LANG=C.UTF-8
work=$(mktemp -d "${TMPDIR:-/tmp}/counter-queue-morning.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
"$SPORTELLO_BIN" demo --home "$work/c3" >"$work/demo.txt"
central="sqlite://$work/c3/central.sqlite"
for n in 1 2; do
    "$SPORTELLO_BIN" init --home "$work/c$n" --central "$central" --counter "$n" >/dev/null
done
# Demo operators: counter → counter 1, accoglienza → counter 2, counter+CIE → counter 3.
mapfile -t creds < <(awk '/^  utente /{f=1; next} f && /^  [^ ]/{print $1, $2}' "$work/demo.txt")
[ "${#creds[@]}" -ge 3 ] || { echo "  no credentials in the demo output" >&2; exit 1; }
users=("" "${creds[0]}" "${creds[2]}" "${creds[1]}")

queue() { "$SPORTELLO_BIN" queue "$@" --home "$work/c3"; }
# json EXPR — a Python expression over the JSON on stdin (d), printed as compact JSON.
json() {
    python3 -c '
import json, sys
d = json.load(sys.stdin)
print(json.dumps(eval(sys.argv[1]), separators=(",", ":"), ensure_ascii=False))' "$1"
}
status() { queue status --json; }

queue day open >/dev/null
issued=()
for service in ANA CIE ANA URP ANA CIE STC ANA TRI CIE ANA ELE; do
    issued+=("$(queue issue --service "$service" --json | json 'd["ticket"]["number"]' | tr -d '"')")
done
echo "  issued: ${issued[*]}"

tui_start 80 24 env SPORTELLO_FIXED_CLOCK="$SPORTELLO_FIXED_CLOCK" "$SPORTELLO_BIN" --home "$work/c3"
trap 'tui_cleanup; rm -rf -- "$work"' EXIT
for n in 1 2; do
    _tui_tmux new-window -d -t "main:$n" \
        "env LANG=C.UTF-8 SPORTELLO_FIXED_CLOCK=$SPORTELLO_FIXED_CLOCK $(printf '%q' "$SPORTELLO_BIN") --home $(printf '%q' "$work/c$n"); exec sleep infinity"
done
# Window w runs counter: window 0 → 3, 1 → 1, 2 → 2.
counter_of=(3 1 2)
for w in 0 1 2; do
    TUI_TARGET="main:$w.0"
    read -r user password <<<"${users[${counter_of[$w]}]}"
    tui_wait_for "Password"
    tui_type "$user"; tui_keys Enter; tui_type "$password"; tui_keys Enter
    tui_wait_for "Accesso eseguito"
    tui_wait_for "In attesa"
done

called=()
waiting=${#issued[@]}
empty=0
while [ "$empty" -lt 3 ]; do
    empty=0
    for w in 0 1 2; do
        TUI_TARGET="main:$w.0"
        tui_keys F2
        deadline=$(($(date +%s) + 30))
        while :; do
            screen=$(tui_capture)
            line=$(printf '%s\n' "$screen" | sed -n 23p)
            case $line in
                *"Chiamato il biglietto"*|*"Nessun biglietto da chiamare"*) break ;;
            esac
            [ "$(date +%s)" -lt "$deadline" ] || _tui_fail "no answer to F2 at counter ${counter_of[$w]}"
            sleep 0.05
        done
        if [[ $line == *"Nessun biglietto da chiamare"* ]]; then
            empty=$((empty + 1))
            continue
        fi
        number=$(printf '%s\n' "$line" | sed -E 's/.*Chiamato il biglietto ([A-Z]+[0-9]+).*/\1/')
        called+=("$number")
        waiting=$((waiting - 1))
        now=$(status)
        held=$(json "[x.get('ticket_number') for x in d['counters'] if x['number'] == ${counter_of[$w]}]" <<<"$now")
        [ "$held" = "[\"$number\"]" ] || _tui_fail "counter ${counter_of[$w]} shows $number, status says $held"
        dup=$(json "len([x.get('ticket_number') for x in d['counters'] if x.get('ticket_number')]) - len({x.get('ticket_number') for x in d['counters'] if x.get('ticket_number')})" <<<"$now")
        [ "$dup" = 0 ] || _tui_fail "one ticket held by two counters: $now"
        total=$(json "sum(x['waiting'] for x in d['services'])" <<<"$now")
        [ "$total" = "$waiting" ] || _tui_fail "status says $total waiting, expected $waiting"
        echo "  counter ${counter_of[$w]} called $number; status: $total waiting"
        tui_keys F8
        tui_wait_for "Chiudi il biglietto"
        tui_keys Enter
        tui_wait_for "Biglietto $number chiuso"
        held=$(status | json "[x.get('ticket_number') for x in d['counters'] if x['number'] == ${counter_of[$w]}]")
        [ "$held" = "[null]" ] || _tui_fail "counter ${counter_of[$w]} still holds $held after closing $number"
    done
done

sorted_called=$(printf '%s\n' "${called[@]}" | sort)
sorted_issued=$(printf '%s\n' "${issued[@]}" | sort)
[ "$(printf '%s\n' "${called[@]}" | sort | uniq -d)" = "" ] || _tui_fail "a ticket was called twice: ${called[*]}"
[ "$sorted_called" = "$sorted_issued" ] || _tui_fail "called ${called[*]}, issued ${issued[*]}"
echo "  every ticket called once: ${called[*]}"

for w in 2 1 0; do
    TUI_TARGET="main:$w.0"
    tui_keys F3
    tui_wait_for "Uscire da Sportello TUI?"
    tui_keys Enter
done
TUI_TARGET="main:0.0"
tui_expect_exit 0
