# case: Ctrl-C clears a partial line and an unfinished block; Ctrl-D exits 0
repl_start -- -q
wait_prompt
type_text 'this_is_not_run'
press C-c
wait_prompt
enter 'def unfinished()'
wait_for '^\.\.\.$'
type_text 'x = '
press C-c
wait_prompt
enter '1 + 2'
wait_for '^3$'
screen | grep -q 'Error' && fail "a cleared line was run"
press C-d
wait_for '^\[exit 0\]$'
