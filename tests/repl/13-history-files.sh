# case: history in XDG_STATE_HOME, ~/.local/state, ND_HISTFILE; empty disables; 10000 cap
repl_start ND_HISTFILE= -- -q
wait_prompt
enter 'nothing_saved = 1'
press C-d
wait_for '^\[exit 0\]$'
repl_stop
[ -e "$T/history" ] && fail "ND_HISTFILE= still wrote $T/history"
[ -e "$T/home/.local/state/nd/history" ] && fail "ND_HISTFILE= wrote to HOME"

# The env command unsets ND_HISTFILE for these two.
repl_start -u ND_HISTFILE XDG_STATE_HOME="$T/state" -- -q
wait_prompt
enter 'in_xdg = 1'
press C-d
wait_for '^\[exit 0\]$'
repl_stop
grep -qx 'in_xdg = 1' "$T/state/nd/history" || fail "no \$XDG_STATE_HOME/nd/history"

repl_start -u ND_HISTFILE -u XDG_STATE_HOME -- -q
wait_prompt
enter 'in_home = 1'
press C-d
wait_for '^\[exit 0\]$'
repl_stop
grep -qx 'in_home = 1' "$T/home/.local/state/nd/history" ||
    fail "no ~/.local/state/nd/history"

# 10000 entries at most: the oldest go
i=0
awk 'BEGIN { for (i = 1; i <= 10050; i++) print "old_" i }' >"$T/history"
repl_start -- -q
wait_prompt
enter 'newest = 1'
press C-d
wait_for '^\[exit 0\]$'
repl_stop
[ "$(wc -l <"$T/history")" -eq 10000 ] || fail "$(wc -l <"$T/history") lines kept"
[ "$(head -n 1 "$T/history")" = old_52 ] || fail "first kept: $(head -n 1 "$T/history")"
[ "$(tail -n 1 "$T/history")" = 'newest = 1' ] || fail "the new entry is not last"
