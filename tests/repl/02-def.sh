# case: a multi-line def on the ... prompt (Tab indents the body), then a call
repl_start -- -q
wait_prompt
enter 'def twice(a)'
wait_for '^\.\.\.$'
press Tab
type_text 'return a * 2'
press Enter
wait_for '^\.\.\.     return a \* 2$'
enter 'end'
wait_prompt
enter 'twice(21)'
wait_for '^42$'
# brackets continue too
enter 'y = [1,'
wait_for '^\.\.\.$'
enter '2]'
wait_prompt
enter 'y'
wait_for '^array\(\[1, 2\]\)$'
press C-u
press C-d
wait_for '^\[exit 0\]$'
