# shellcheck shell=bash
# Small helpers shared by the project's scripts: sections with timings for CI logs.

_section_name=""
_section_start=0
_script_start=$(date +%s)

# section NAME — closes the previous section (printing its duration) and opens NAME.
section() {
    section_end
    _section_name=$1
    _section_start=$(date +%s)
    printf '\n==> %s\n' "$_section_name"
}

section_end() {
    if [ -n "$_section_name" ]; then
        printf '<== %s (%ss)\n' "$_section_name" "$(($(date +%s) - _section_start))"
        PHASE_TIMES+=("$_section_name: $(($(date +%s) - _section_start))s")
        _section_name=""
    fi
}
PHASE_TIMES=()

elapsed_total() { echo $(($(date +%s) - _script_start)); }

die() {
    printf 'error: %s\n' "$*" >&2
    exit 2
}

# random_token — 24 hex characters (safe inside a URL).
random_token() { od -An -tx1 -N12 /dev/urandom | tr -d ' \n'; }

# free_port — a TCP port on 127.0.0.1 that was free a moment ago (bound to port 0).
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
