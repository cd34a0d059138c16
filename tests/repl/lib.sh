# lib.sh — helpers for the REPL cases: run nd in a real (pseudo-)terminal
# owned by a private tmux server, type into it and read the screen back.
# Sourced by each case (tests/repl/*.sh) through tests/repl.test, with $ND
# the binary under test and $T a fresh directory for this case.
#
# Nothing sleeps for a fixed time: wait_for polls the screen (every 20 ms)
# until the text appears or $REPL_TIMEOUT seconds pass, so a case takes as
# long as nd needs and no longer, even under the sanitizers.

#
# A case is a file NN-name.sh whose first line is "# case: what it shows";
# it runs under `set -e` (any failing wait ends it), may print notes (shown
# as TAP comments) and exits 77 to skip, printing why last.  Run some
# cases alone with `REPL_CASES="04 12" ND=./nd sh tests/repl.test`.

REPL_TIMEOUT=${REPL_TIMEOUT:-20}
unset TMUX # the tests may run inside someone's tmux
nsessions=0
mkdir -p "$T/home" "$T/work"
: >"$T/inputrc"

tm() { tmux -S "$SOCK" "$@"; }

# Start nd in a 100x40 terminal.  Arguments are extra environment
# assignments (or `-u NAME` to unset one), then `--`, then nd's arguments.  By default the history goes
# to $T/history, colour is off and the user's readline/tmux settings are
# not read.  When nd ends, the pane shows "[exit STATUS]" and stays.
repl_start() {
    envs="HOME=$T/home INPUTRC=$T/inputrc ND_HISTFILE=$T/history NO_COLOR=1"
    opts=
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        if [ "$1" = -u ]; then
            opts="$opts -u $2"
            envs=$(printf '%s\n' $envs | grep -v "^$2=" | tr '\n' ' ')
            shift
        else
            envs="$envs $1"
        fi
        shift
    done
    [ "${1-}" = "--" ] && shift
    # A new server each time: a stopped one may still be going away.
    nsessions=$((nsessions + 1))
    SOCK="$T/tmux$nsessions.sock"
    {
        echo "cd '$T/work' || exit 1"
        # Ctrl-C reaches this shell too (the terminal's foreground group):
        # a trap (not an ignore, which nd would inherit) keeps it waiting.
        echo "trap : INT"
        echo "env $opts $envs '$ND' $*"
        echo 'echo "[exit $?]"'
        echo 'exec sleep 3600'
    } >"$T/run.sh"
    tm -f /dev/null new-session -d -x 100 -y 40 "sh '$T/run.sh'" || return 1
}

repl_stop() {
    if [ -n "${SOCK-}" ]; then
        tm kill-server 2>/dev/null || true
    fi
    SOCK=
}

# Type text literally, or press keys (Enter, C-c, Tab, Up).  The text goes
# as hex bytes: tmux would take an argument ending in ';' for a separator.
type_text() {
    [ -n "$1" ] || return 0
    tm send-keys -H $(printf '%s' "$1" | od -An -v -tx1)
}
press() { tm send-keys "$@"; }
# A line and Enter, without waiting (for a line that does not come back to
# a prompt soon: an endless loop, exit()).
enter_nowait() {
    type_text "$1"
    tm send-keys Enter
}

# The prompts on the screen so far (the scrollback included).
count_prompts() { screen | grep -Ec '^(>>>|\.\.\.)( |$)'; }

# A line and Enter, then wait for the next prompt (>>> or ...), so that
# what is typed next is not typed ahead while nd is busy (the terminal
# would echo it before readline shows it).
enter() {
    before=$(count_prompts)
    enter_nowait "$1"
    end=$(($(date +%s) + REPL_TIMEOUT))
    while :; do
        if [ "$(count_prompts)" -gt "$before" ]; then
            last=$(screen | sed -e '/^$/d' | tail -n 1)
            case $last in ">>>" | "...") return 0 ;; esac
        fi
        if [ "$(date +%s)" -ge "$end" ]; then
            echo "timed out waiting for a prompt after: $1" >&2
            echo "--- screen:" >&2
            screen | sed -e '/^$/d' >&2
            return 1
        fi
        sleep 0.02
    done
}

# The screen and its scrollback as text, wrapped lines joined and trailing
# blanks dropped; -e keeps the colours.
screen() { tm capture-pane -p -J -S - "$@" | sed -e 's/[[:space:]]*$//'; }

# Wait until the screen holds a line matching the grep -E pattern $1
# (capture-pane options after it, e.g. -e).  On time-out, show the screen.
wait_for() {
    pat=$1
    shift
    end=$(($(date +%s) + REPL_TIMEOUT))
    while :; do
        if screen "$@" | grep -Eq -- "$pat"; then
            return 0
        fi
        if [ "$(date +%s)" -ge "$end" ]; then
            echo "timed out waiting for: $pat" >&2
            echo "--- screen:" >&2
            screen "$@" | sed -e '/^$/d' >&2
            return 1
        fi
        sleep 0.02
    done
}

# Wait until the screen holds at least $2 lines matching pattern $1.
wait_for_count() {
    end=$(($(date +%s) + REPL_TIMEOUT))
    while :; do
        n=$(screen | grep -Ec -- "$1")
        [ "$n" -ge "$2" ] && return 0
        if [ "$(date +%s)" -ge "$end" ]; then
            echo "timed out waiting for $2 lines matching: $1 (saw $n)" >&2
            echo "--- screen:" >&2
            screen | sed -e '/^$/d' >&2
            return 1
        fi
        sleep 0.02
    done
}

# The prompt is back: the last non-empty line is exactly ">>>".
wait_prompt() {
    end=$(($(date +%s) + REPL_TIMEOUT))
    while :; do
        last=$(screen | sed -e '/^$/d' | tail -n 1)
        [ "$last" = ">>>" ] && return 0
        if [ "$(date +%s)" -ge "$end" ]; then
            echo "timed out waiting for the prompt" >&2
            echo "--- screen:" >&2
            screen | sed -e '/^$/d' >&2
            return 1
        fi
        sleep 0.02
    done
}

# Clear the screen (Ctrl-L) and the scrollback, so that later waits see
# only new text.
clear_screen() {
    press C-l
    end=$(($(date +%s) + REPL_TIMEOUT))
    while :; do
        visible=$(tm capture-pane -p | sed -e 's/[[:space:]]*$//' -e '/^$/d')
        if [ "$visible" = ">>>" ]; then
            tm clear-history
            return 0
        fi
        if [ "$(date +%s)" -ge "$end" ]; then
            echo "timed out waiting for a cleared screen" >&2
            screen | sed -e '/^$/d' >&2
            return 1
        fi
        sleep 0.02
    done
}

# Fail with a message and the screen.
fail() {
    echo "$1" >&2
    echo "--- screen:" >&2
    screen | sed -e '/^$/d' >&2
    return 1
}

# Milliseconds since the epoch (GNU date), for timing Ctrl-C.
now_ms() { date +%s%3N; }
