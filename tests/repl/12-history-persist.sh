# case: history persists across sessions (Ctrl-D, exit(), after an error)
repl_start -- -q
wait_prompt
enter 'marker_one = 1'
enter 'def hist_f(a)'
enter '    return a + 100'
enter 'end'
enter 'no_such_name_h'
wait_for 'NameError'
press C-d
wait_for '^\[exit 0\]$'
repl_stop
# one line per entry, the multi-line entry on one line
grep -qx 'marker_one = 1' "$T/history" || fail "entry not saved"
grep -qx 'def hist_f(a)\\n    return a + 100\\nend' "$T/history" ||
    fail "multi-line entry not saved as one"
grep -qx 'no_such_name_h' "$T/history" || fail "failing entry not saved"
[ "$(wc -l <"$T/history")" -eq 3 ] || fail "unexpected lines: $(cat "$T/history")"

repl_start -- -q
wait_prompt
press Up
wait_for '^>>> no_such_name_h$'
press Up
wait_for '^>>> def hist_f\(a\)$'
press Enter
enter 'hist_f(1)'
wait_for '^101$'
enter_nowait 'exit()'
wait_for '^\[exit 0\]$'
repl_stop
[ "$(tail -n 1 "$T/history")" = 'exit()' ] || fail "exit() not saved"

repl_start -- -q
wait_prompt
press Up
wait_for '^>>> exit\(\)$'
