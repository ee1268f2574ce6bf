#!/usr/bin/env bash
# The cruscotto end to end in tmux on a demo station set up as scripts/demo sets it up
# (`sportello-tui demo --home DIR`), with the test build's binary (no second build): login
# screen, the printed demo credentials, the cruscotto at 80×24 (golden), F1 help (golden),
# resize to 120×40 (golden), exit with F3 and confirmation, terminal restored.
# Needs SPORTELLO_BIN (scripts/test sets it to the binary of the test build).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../../scripts/lib/tmux.sh"
: "${SPORTELLO_BIN:?set SPORTELLO_BIN to the sportello-tui binary (scripts/test does)}"
[ -x "$SPORTELLO_BIN" ] || { echo "  not executable: $SPORTELLO_BIN" >&2; exit 1; }

export SPORTELLO_FIXED_CLOCK=2026-11-30T09:42:00Z
work=$(mktemp -d "${TMPDIR:-/tmp}/login-shell.XXXXXX")
trap 'rm -rf -- "$work"' EXIT
home="$work/demo"

# The demo station and its credentials, as scripts/demo prints them.
LANG=C.UTF-8 "$SPORTELLO_BIN" demo --home "$home" >"$work/demo.txt"
cat "$work/demo.txt" | sed 's/^/  | /'
read -r username password _ < <(awk '/^  utente /{getline; print; exit}' "$work/demo.txt")
[ -n "$username" ] && [ -n "$password" ] || { echo "  no credentials in the demo output" >&2; exit 1; }
# A second run reuses the station.
LANG=C.UTF-8 "$SPORTELLO_BIN" demo --home "$home" | grep -q "Stazione demo esistente" \
    || { echo "  the second demo run did not reuse the station" >&2; exit 1; }

tui_start 80 24 env SPORTELLO_FIXED_CLOCK="$SPORTELLO_FIXED_CLOCK" "$SPORTELLO_BIN" --home "$home"
trap 'tui_cleanup; rm -rf -- "$work"' EXIT
tui_expect_screen login-demo-80x24
tui_type "$username"
tui_keys Enter
tui_type "$password"
tui_keys Enter
tui_expect_screen cruscotto-demo-80x24
tui_keys F1
tui_expect_screen cruscotto-demo-help-80x24
tui_keys Escape
tui_expect_screen cruscotto-demo-80x24
tui_resize 120 40
tui_expect_screen cruscotto-demo-120x40
tui_keys F3
tui_wait_for "Uscire da Sportello TUI?"
tui_keys Enter
tui_expect_exit 0
