# case: without a terminal no prompt, banner or echo; nd -i runs a script then the session
out=$(echo 'x = 3; x * 2' | "$ND" 2>&1)
[ -z "$out" ] || { echo "piped program printed: $out" >&2; exit 1; }
out=$(printf 'x = 3\nprint(x * 2)\n' | "$ND" 2>&1)
[ "$out" = 6 ] || { echo "piped print gave: $out" >&2; exit 1; }
echo 'from_script = 7' >"$T/work/s.nd"
repl_start -- -i s.nd
wait_prompt
screen | grep -q 'help()' && fail "nd -i shows the banner"
enter 'from_script * 6'
wait_for '^42$'
press C-u
press C-d
wait_for '^\[exit 0\]$'
