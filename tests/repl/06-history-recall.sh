# case: up-arrow recalls a multi-line entry whole; it runs again
repl_start -- -q
wait_prompt
enter 'def tenfold(a)'
enter '    return a * 10'
enter 'end'
wait_prompt
enter 'del tenfold'
wait_prompt
press Up
press Up
wait_for_count '^>>> def tenfold\(a\)$' 2
wait_for '^    return a \* 10$'
press Enter
wait_prompt
enter 'tenfold(4)'
wait_for '^40$'
press C-u
press C-d
wait_for '^\[exit 0\]$'
