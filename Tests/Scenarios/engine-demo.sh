#!/usr/bin/env bash
# The terminal engine's demo screen driven end to end in tmux, with the test clock:
# goldens at 80×24 and 120×40 (resize both ways), the help overlay (F1) and closing it (Esc),
# Ctrl-C and F3 asking for confirmation (Esc cancels, Enter leaves), exit status 0 and the
# terminal restored. Needs SPORTELLO_BIN (scripts/test sets it to the binary of the test build).
#
# The 120×40 golden is taken before any key is pressed: on tall terminals the demo lists the
# actions it received, so after F1 the 120×40 screen rightly differs from it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/lib/tmux.sh"
: "${SPORTELLO_BIN:?set SPORTELLO_BIN to the sportello-tui binary (scripts/test does)}"
[ -x "$SPORTELLO_BIN" ] || { echo "  not executable: $SPORTELLO_BIN" >&2; exit 1; }

tui_start 80 24 env SPORTELLO_FIXED_CLOCK=2026-11-30T09:42:00Z "$SPORTELLO_BIN" engine-demo
tui_expect_screen engine-demo-80x24
tui_resize 120 40
tui_expect_screen engine-demo-120x40
tui_resize 80 24
tui_expect_screen engine-demo-80x24

tui_keys F1
tui_expect_screen engine-demo-help-80x24
tui_keys Escape
tui_expect_screen engine-demo-80x24

# State survives a resize: the action log of a tall terminal shows what was pressed at 80×24.
tui_resize 120 40
tui_wait_for "app.help"
tui_wait_for "Azioni ricevute"

tui_keys C-c
tui_wait_for "Uscire dalla prova del motore?"
tui_keys Escape
tui_wait_for "Uscita annullata."
tui_wait_gone "Uscire dalla prova del motore?"

tui_keys F3
tui_wait_for "Uscire dalla prova del motore?"
tui_keys Enter
tui_expect_exit 0
