#!/usr/bin/env bash
# The contact registry end to end in tmux on a demo station, from the keyboard alone: search
# the first demo citizen (golden contacts-demo-search-80x24), answer the purpose question,
# open the card, correct the address, see the probable duplicate on save, merge it, check the
# card, then `contacts merges --json` records who merged what and the audit carries the
# purpose. Needs SPORTELLO_BIN (scripts/test sets it to the binary of the test build).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/lib/tmux.sh"
: "${SPORTELLO_BIN:?set SPORTELLO_BIN to the sportello-tui binary (scripts/test does)}"
[ -x "$SPORTELLO_BIN" ] || { echo "  not executable: $SPORTELLO_BIN" >&2; exit 1; }

export SPORTELLO_FIXED_CLOCK=2026-11-30T09:42:00Z
work=$(mktemp -d "${TMPDIR:-/tmp}/contacts-card.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
home="$work/demo"

LANG=C.UTF-8 "$SPORTELLO_BIN" demo --home "$home" >"$work/demo.txt"
read -r username password _ < <(awk '/^  utente /{getline; print; exit}' "$work/demo.txt")
[ -n "$username" ] && [ -n "$password" ] || { echo "  no credentials in the demo output" >&2; exit 1; }

tui_start 80 24 env SPORTELLO_FIXED_CLOCK="$SPORTELLO_FIXED_CLOCK" "$SPORTELLO_BIN" --home "$home"
trap 'tui_cleanup; rm -rf -- "$work"' EXIT
tui_type "$username"
tui_keys Enter
tui_type "$password"
tui_keys Enter
tui_wait_for "Accesso eseguito"

# Search: the demo's first citizen is registered twice (the second time without codice fiscale).
tui_keys S-F2
tui_wait_for "Cerca nell'anagrafe"
tui_type "bellucci"
tui_expect_screen contacts-demo-search-80x24

# Open the first result: the purpose is asked, then the card opens.
tui_keys Enter
tui_wait_for "Motivo dell'accesso"
tui_keys Enter
tui_wait_for "Scheda · BELLUCCI Orazio"
tui_wait_for "CF corretto"

# Correct the address: the street is the eighth field of the form.
tui_keys F2
tui_wait_for "Modifica · BELLUCCI Orazio"
tui_keys Down Down Down Down Down Down Down
for _ in $(seq 1 30); do tui_keys BSpace; done
tui_type "Via Garibaldi"
tui_keys Down
for _ in $(seq 1 5); do tui_keys BSpace; done
tui_type "12"
tui_keys Enter

# The probable duplicate: same name, birth date and phone. F7 merges it into this record.
tui_wait_for "Probabili doppioni"
tui_wait_for "stessi cognome, nome e data di nascita"
tui_keys F7
tui_wait_for "doppione unito a BELLUCCI Orazio"
tui_wait_for "Via Garibaldi 12, "
tui_wait_for "telefonata  2024/0456"

# Close the card: the citizen stays in the citizen panel; then leave.
tui_keys F12
tui_wait_for "resta nel riquadro Cittadino"
tui_keys F3
tui_wait_for "Uscire da Sportello TUI?"
tui_keys Enter
tui_expect_exit 0

# The merge is recorded with its operator; searches see one Bellucci.
merges=$(LANG=C.UTF-8 "$SPORTELLO_BIN" contacts merges --json --home "$home" --operator "$username" --purpose audit)
echo "$merges" | sed 's/^/  | /'
echo "$merges" | grep -q "\"operator\" *: *\"$username\"" || { echo "  the merge does not name its operator" >&2; exit 1; }
found=$(LANG=C.UTF-8 "$SPORTELLO_BIN" contacts search bellucci --home "$home" --operator "$username" --purpose audit | wc -l)
[ "$found" -eq 1 ] || { echo "  expected one Bellucci after the merge, found $found" >&2; exit 1; }
echo "  contacts-card: search, purpose, card, correction, duplicate and merge from the keyboard"
