# case: a pasted block (bracketed paste) runs as the lines it contains
printf '%s\n' 'p = 20' 'def addp(a)' '    return a + p' 'end' 'addp(22)' >"$T/paste.txt"
repl_start -- -q
wait_prompt
tm load-buffer "$T/paste.txt"
tm paste-buffer -p
wait_for '^addp\(22\)$'
press Enter
wait_for '^42$'
wait_prompt
press Up
wait_for '^>>> addp\(22\)$'
press C-u
press C-d
wait_for '^\[exit 0\]$'
