#!/usr/bin/env bash
# The citizen's side of the queue end to end in tmux, on one embedded central file: a totem
# (window 0) issues a ticket, a counter calls it with `queue call`, the waiting-room display
# (window 1) shows it. Then both leave only with an operator's password; a wrong one is refused.
# Waits are generous (the harness polls up to 10 s for the call to appear): the one-second goal
# is measured by `sportello-tui bench display-latency`, never asserted here.
# Needs SPORTELLO_BIN (scripts/test sets it to the binary of the test build).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/lib/tmux.sh"
: "${SPORTELLO_BIN:?set SPORTELLO_BIN to the sportello-tui binary (scripts/test does)}"
[ -x "$SPORTELLO_BIN" ] || { echo "  not executable: $SPORTELLO_BIN" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/totem-display.XXXXXX")
export LANG=C.UTF-8
# A Monday at 10:42 in Rome: the default office's services are open.
export SPORTELLO_FIXED_CLOCK=2026-11-30T09:42:00Z
central="sqlite://$work/totem/central.sqlite"

"$SPORTELLO_BIN" init --home "$work/totem" --office "Comune di Prova" --kind totem --station totem >/dev/null
"$SPORTELLO_BIN" init --home "$work/display" --kind display --station tabellone --central "$central" >/dev/null
printf 'sportello-2026\n' | "$SPORTELLO_BIN" operator add mrossi --home "$work/totem" --name "Mario Rossi" --password-stdin >/dev/null

tui_start 80 24 "$SPORTELLO_BIN" totem --home "$work/totem"
trap 'tui_cleanup; rm -rf -- "$work"' EXIT
tui_wait_for "Scegliete il servizio"

# The display in a second window of the same session, with the harness's exit report.
cat >"$TUI_TMP/run-display.sh" <<SCRIPT
#!/usr/bin/env bash
$(printf '%q' "$SPORTELLO_BIN") display --home $(printf '%q' "$work/display")
code=\$?
state=\$(stty -a 2>&1 | tr ' ;' '\n\n' | grep -E '^-?(echo|icanon|icrnl|opost)\$' | tr '\n' ' ')
printf '\n${TUI_EXIT_MARK}%s TTY: %s\n' "\$code" "\$state"
exec sleep infinity
SCRIPT
tmux -L "$TUI_SOCKET" new-window -d -t main:1 -e LANG=C.UTF-8 -e "SPORTELLO_FIXED_CLOCK=$SPORTELLO_FIXED_CLOCK" \
    "exec bash $TUI_TMP/run-display.sh"
totem=main:0.0
display=main:1.0

TUI_TARGET=$display
tui_wait_for "Nessuna chiamata per ora"

# The totem issues A001 for Anagrafe (key 1).
TUI_TARGET=$totem
tui_keys 1
tui_wait_for "Il vostro numero: A001"
tui_wait_for "persone prima di voi: 0"

# A counter calls it; the display shows it.
TUI_TARGET=$display
"$SPORTELLO_BIN" queue call --counter 2 --central "$central" >/dev/null
tui_wait_for "NUOVA CHIAMATA" 10
tui_expect_screen display-scenario-80x24 10

# Keys that mean nothing change nothing on the display.
tui_keys x 5 Enter F2
tui_expect_screen display-scenario-80x24

# Three more tickets from the totem (a service key on the ticket page issues at once), called
# by three counters: each call reaches the display, the earlier ones move to the list.
TUI_TARGET=$totem
tui_keys 1
tui_wait_for "Il vostro numero: A002"
tui_keys 1
tui_wait_for "Il vostro numero: A003"
tui_keys 6
tui_wait_for "Il vostro numero: U001"
TUI_TARGET=$display
"$SPORTELLO_BIN" queue call --counter 1 --central "$central" >/dev/null
tui_wait_for "A001  sportello 2" 10
"$SPORTELLO_BIN" queue call --counter 4 --central "$central" >/dev/null
tui_wait_for "A002  sportello 1" 10
"$SPORTELLO_BIN" queue call --counter 3 --central "$central" >/dev/null
tui_wait_for "U001  sportello 4" 10
tui_wait_for "Protocollo e URP     0"

# Leaving the display needs an operator's password: a wrong one is refused.
tui_keys F3
tui_wait_for "Uscita dal tabellone"
tui_type mrossi
tui_keys Tab
tui_type sbagliata
tui_keys Enter
tui_wait_for "Nome utente o password non validi."
tui_type sportello-2026
tui_keys Enter
tui_expect_exit 0

# The totem goes back to its menu (Esc; with the test clock stopped, the few seconds after
# which it would go back by itself never pass) and leaves the same way.
TUI_TARGET=$totem
tui_keys Escape
tui_wait_for "Benvenuti"
tui_keys F3
tui_wait_for "Uscita dal totem"
tui_type mrossi
tui_keys Enter
tui_type sportello-2026
tui_keys Enter
tui_expect_exit 0
