# shellcheck shell=bash
# tmux harness for end-to-end scenarios: drives a real program in a detached tmux session on a
# private socket, the way an operator's terminal would, with no terminal of its own (as in CI).
#
# Source it from a scenario (`source "$ROOT/scripts/lib/tmux.sh"`), then:
#   tui_start COLS ROWS CMD [ARGS...]   start CMD in a COLS×ROWS window
#   tui_keys KEY...                     send named keys (F1, F3, Enter, Escape, Tab, C-c, Up, ...)
#   tui_type TEXT                       type literal text
#   tui_wait_for TEXT [SECONDS]         wait until TEXT is on the screen
#   tui_wait_gone TEXT [SECONDS]        wait until TEXT is no longer on the screen
#   tui_wait_change BEFORE [SECONDS]    wait until the screen differs from an earlier capture
#   tui_capture                         print the screen (trailing spaces removed, one line a row)
#   tui_expect_screen NAME [SECONDS]    wait until the screen equals the golden NAME.txt, else diff
#   tui_resize COLS ROWS                resize the window (the program sees SIGWINCH/KEY_RESIZE)
#   tui_expect_exit [CODE] [SECONDS]    the program exited with CODE and left the tty sane
# The tmux server and the scenario's temporary directory go away on exit (trap set by
# tui_start). Timing is never asserted: waits poll the screen up to a generous timeout
# (TUI_TIMEOUT, default 30 s) and fail with the screen printed.
#
# Goldens live in Tests/CounterTUITests/__Snapshots__/NAME.txt (shared with the VirtualTerminal
# tests): one line per row, trailing spaces removed, a wide glyph written once, final newline.
# With RECORD_SNAPSHOTS=1, tui_expect_screen writes the golden instead of comparing, once the
# screen has stopped changing.

TUI_ROOT=${TUI_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
TUI_SNAPSHOTS=${TUI_SNAPSHOTS:-$TUI_ROOT/Tests/CounterTUITests/__Snapshots__}
TUI_TIMEOUT=${TUI_TIMEOUT:-30}
TUI_TERM=${TUI_TERM:-tmux-256color}
TUI_SOCKET=""
TUI_TARGET=""
TUI_TMP=""
TUI_SOCKET_PATH=""
TUI_EXIT_MARK="__TUI_EXITED__:"
# A harness started from inside tmux must still create its own detached server.
unset TMUX

_tui_log() { printf '  [tui] %s\n' "$*" >&2; }

_tui_fail() {
    printf '  [tui] FAIL: %s\n' "$*" >&2
    if [ -n "$TUI_SOCKET" ] && tmux -L "$TUI_SOCKET" has-session 2>/dev/null; then
        printf '  [tui] screen at failure:\n' >&2
        tui_capture | sed 's/^/  | /' >&2 || true
    fi
    exit 1
}

_tui_tmux() { tmux -L "$TUI_SOCKET" "$@"; }

tui_cleanup() {
    if [ -n "$TUI_SOCKET" ]; then
        tmux -L "$TUI_SOCKET" kill-server 2>/dev/null || true
    fi
    # tmux 3.3a leaves the socket file behind after kill-server.
    if [ -n "$TUI_SOCKET_PATH" ]; then
        rm -f -- "$TUI_SOCKET_PATH"
        TUI_SOCKET_PATH=""
    fi
    if [ -n "$TUI_TMP" ] && [ -d "$TUI_TMP" ]; then
        rm -rf -- "$TUI_TMP"
    fi
}

# tui_start COLS ROWS CMD [ARGS...]
# The program runs under a small bash wrapper which, once it ends, prints its exit status and
# the tty's echo / icanon state (to prove the terminal was restored), then waits to be killed so
# the screen stays for inspection.
# The program's environment: LANG=C.UTF-8 (CI may have no LANG and only C.UTF-8 installed),
# TERM=$TUI_TERM, SPORTELLO_HOME in a throwaway directory unless the caller set one.
tui_start() {
    [ $# -ge 3 ] || _tui_fail "usage: tui_start COLS ROWS CMD [ARGS...]"
    local cols=$1 rows=$2
    shift 2
    command -v tmux >/dev/null || _tui_fail "tmux is not installed"
    TUI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/tui.XXXXXX")
    TUI_SOCKET="sportello-$$-${RANDOM}"
    TUI_TARGET="main:0.0"
    trap tui_cleanup EXIT

    local home=${SPORTELLO_HOME:-$TUI_TMP/home}
    mkdir -p "$home"
    # Quote every argument for the inner shell.
    local cmd="" a
    for a in "$@"; do cmd+=" $(printf '%q' "$a")"; done
    cat >"$TUI_TMP/run.sh" <<EOF
#!/usr/bin/env bash
cd $(printf '%q' "$PWD")
$cmd
code=\$?
state=\$(stty -a 2>&1 | tr ' ;' '\n\n' | grep -E '^-?(echo|icanon|icrnl|opost)\$' | tr '\n' ' ')
printf '\n${TUI_EXIT_MARK}%s TTY: %s\n' "\$code" "\$state"
# Stay alive so the screen keeps what the program left (a dead pane's notice would scroll it).
exec sleep infinity
EOF
    chmod +x "$TUI_TMP/run.sh"

    # Own config only: no status line (it would take a row), no Esc delay, the pane kept after
    # the program ends. resize-window makes the window size manual by itself (window-size
    # manual in the config makes tmux 3.3a exit at new-session -d). UTF-8 is forced (-u)
    # because tmux reads the locale of the process that starts it.
    cat >"$TUI_TMP/tmux.conf" <<EOF
set -g escape-time 0
set -g status off
set -g remain-on-exit on
set -g default-terminal "$TUI_TERM"
set -g history-limit 0
EOF
    LANG=C.UTF-8 LC_ALL=C.UTF-8 tmux -u -L "$TUI_SOCKET" -f "$TUI_TMP/tmux.conf" \
        new-session -d -s main -x "$cols" -y "$rows" \
        -e LANG=C.UTF-8 -e LC_ALL= -e LC_CTYPE= -e "SPORTELLO_HOME=$home" \
        "exec bash $TUI_TMP/run.sh" \
        || _tui_fail "tmux could not start"
    TUI_SOCKET_PATH=$(_tui_tmux display-message -p '#{socket_path}')
    _tui_log "started ${cols}x${rows}: $*"
}

# tui_keys KEY... — tmux key names: F1..F12, Enter, Escape, Tab, BTab, Up, Down, Left, Right,
# Home, End, PPage, NPage, BSpace, DC, C-c, M-x, Space.
tui_keys() {
    local k
    for k in "$@"; do
        _tui_tmux send-keys -t "$TUI_TARGET" "$k" || _tui_fail "send-keys $k"
    done
}

# tui_type TEXT — literal text, no key-name lookup.
tui_type() { _tui_tmux send-keys -t "$TUI_TARGET" -l -- "$1" || _tui_fail "send-keys text"; }

# tui_capture — the visible screen, one line per row, trailing spaces removed, final newline.
# tmux writes a wide glyph once (it omits its second cell), as the golden format wants.
tui_capture() { _tui_tmux capture-pane -p -t "$TUI_TARGET" | sed -e 's/ *$//'; }

# _tui_check_alive SCREEN — fails at once when the program has already ended (its exit line is
# on the screen), instead of waiting out the timeout.
_tui_check_alive() {
    case $1 in
        *"$TUI_EXIT_MARK"*) _tui_fail "the program ended: $(printf '%s\n' "$1" | grep -F -- "$TUI_EXIT_MARK")" ;;
    esac
}

_tui_deadline() { echo $(($(date +%s) + ${1:-$TUI_TIMEOUT})); }

# tui_wait_for TEXT [SECONDS]
tui_wait_for() {
    local text=$1 deadline
    deadline=$(_tui_deadline "${2:-}")
    local screen
    while :; do
        screen=$(tui_capture)
        if printf '%s\n' "$screen" | grep -qF -- "$text"; then return 0; fi
        _tui_check_alive "$screen"
        [ "$(date +%s)" -lt "$deadline" ] || _tui_fail "text not shown within ${2:-$TUI_TIMEOUT}s: $text"
        sleep 0.05
    done
}

# tui_wait_gone TEXT [SECONDS]
tui_wait_gone() {
    local text=$1 deadline
    deadline=$(_tui_deadline "${2:-}")
    while :; do
        if ! tui_capture | grep -qF -- "$text"; then return 0; fi
        [ "$(date +%s)" -lt "$deadline" ] || _tui_fail "text still shown after ${2:-$TUI_TIMEOUT}s: $text"
        sleep 0.05
    done
}

# tui_wait_change BEFORE [SECONDS] — the screen differs from BEFORE (an earlier tui_capture).
tui_wait_change() {
    local before=$1 deadline
    deadline=$(_tui_deadline "${2:-}")
    while :; do
        [ "$(tui_capture)" = "$before" ] || return 0
        [ "$(date +%s)" -lt "$deadline" ] || _tui_fail "screen did not change within ${2:-$TUI_TIMEOUT}s"
        sleep 0.05
    done
}

# _tui_wait_stable — the screen stopped changing (only used to record goldens).
_tui_wait_stable() {
    local prev="" cur same=0 deadline
    deadline=$(_tui_deadline)
    while [ "$same" -lt 5 ]; do
        cur=$(tui_capture)
        if [ "$cur" = "$prev" ]; then same=$((same + 1)); else same=0; prev=$cur; fi
        [ "$(date +%s)" -lt "$deadline" ] || _tui_fail "screen never settled"
        sleep 0.1
    done
}

# tui_expect_screen NAME [SECONDS] — the screen equals $TUI_SNAPSHOTS/NAME.txt. Polls until it
# does (the program may still be drawing), then on timeout shows a unified diff.
tui_expect_screen() {
    local name=$1 golden="$TUI_SNAPSHOTS/$1.txt" deadline
    if [ "${RECORD_SNAPSHOTS:-}" = 1 ]; then
        _tui_wait_stable
        mkdir -p "$TUI_SNAPSHOTS"
        tui_capture >"$golden"
        _tui_log "recorded $golden"
        return 0
    fi
    if [ ! -f "$golden" ]; then
        _tui_wait_stable
        _tui_fail "golden file missing: $golden (record it with RECORD_SNAPSHOTS=1)"
    fi
    deadline=$(_tui_deadline "${2:-}")
    while :; do
        tui_capture >"$TUI_TMP/screen.txt"
        if cmp -s "$golden" "$TUI_TMP/screen.txt"; then
            _tui_log "screen matches $name"
            return 0
        fi
        _tui_check_alive "$(cat "$TUI_TMP/screen.txt")"
        if [ "$(date +%s)" -ge "$deadline" ]; then
            printf '  [tui] screen differs from %s (--- golden, +++ actual):\n' "$golden" >&2
            diff -u "$golden" "$TUI_TMP/screen.txt" | sed 's/^/  | /' >&2 || true
            _tui_fail "screen $name does not match"
        fi
        sleep 0.05
    done
}

# tui_resize COLS ROWS
tui_resize() {
    _tui_tmux resize-window -t main -x "$1" -y "$2" || _tui_fail "resize-window $1x$2"
    _tui_log "resized to $1x$2"
}

# tui_expect_exit [CODE] [SECONDS] — the program ended with CODE (default 0) and the terminal
# is back in cooked mode with echo (what endwin must restore).
tui_expect_exit() {
    local want=${1:-0} line code
    tui_wait_for "$TUI_EXIT_MARK" "${2:-}"
    line=$(tui_capture | grep -F -- "$TUI_EXIT_MARK" | tail -1)
    code=${line#*"$TUI_EXIT_MARK"}
    code=${code%% *}
    [ "$code" = "$want" ] || _tui_fail "exit status $code, expected $want"
    case " $line " in
        *" -echo "* | *" -icanon "*) _tui_fail "terminal not restored: $line" ;;
    esac
    case " $line " in
        *" echo "*) ;;
        *) _tui_fail "cannot read the terminal state: $line" ;;
    esac
    case " $line " in
        *" icanon "*) ;;
        *) _tui_fail "cannot read the terminal state: $line" ;;
    esac
    _tui_log "exited $code, terminal restored (${line#*TTY: })"
}
