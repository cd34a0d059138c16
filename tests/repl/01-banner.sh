# case: the banner (version, help() hint), -q hides it, Ctrl-D exits 0
version=$("$ND" --version | head -n 1)
repl_start
wait_for "^$version - "
wait_for 'Type help\(\)'
wait_prompt
press C-d
wait_for '^\[exit 0\]$'
repl_stop

repl_start -- -q
wait_prompt
screen | grep -q "$version" && fail "-q still shows the banner"
press C-d
wait_for '^\[exit 0\]$'
