#!/usr/bin/env bash
# Checks the tmux harness itself on a tiny curses program (Python's curses over ncursesw):
# start, keys, wide glyphs in captures, golden comparison, resize, exit status, terminal
# restored, and that the harness does fail when the terminal is left in raw mode.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/lib/tmux.sh"
TUI_SNAPSHOTS=$here/fixtures
probe=(python3 "$here/fixtures/curses-probe.py")

tui_start 40 10 "${probe[@]}"
tui_expect_screen harness-probe-40x10
tui_keys F1
tui_wait_for "tasto: KEY_F(1)"
tui_type "é"
tui_wait_for "tasto: 'é'"
tui_resize 60 12
tui_wait_for "probe 60x12"
tui_keys C-c
tui_wait_for "Uscire?"
tui_keys Escape
tui_wait_for "tasto: Esc"
tui_wait_gone "Uscire?"
tui_keys F3
tui_wait_for "Uscire?"
tui_keys Enter
tui_expect_exit 0
tui_cleanup

# The restored-terminal check must be able to fail: 'k' exits 3 leaving raw mode and no echo.
tui_start 40 10 "${probe[@]}"
tui_wait_for "F3=Esci"
tui_keys k
if (tui_expect_exit 3 2>/dev/null); then
    echo "  harness did not notice a terminal left in raw mode" >&2
    exit 1
fi
tui_wait_for "__TUI_EXITED__:3"
tui_capture | grep -q -- "-echo" || { echo "  raw-mode exit not reported" >&2; exit 1; }
echo "  harness self-test ok"
