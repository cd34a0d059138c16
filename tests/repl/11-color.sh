# case: colour on a terminal without NO_COLOR: error kind red, prompt bold
esc=$(printf '\033')
repl_start NO_COLOR= -- -q
wait_prompt
enter 'no_such_name'
wait_for "NameError"
# tmux re-encodes the colours it shows: bold, red
screen -e | grep "NameError" | grep -q "${esc}\[[0-9;]*31m" ||
    fail "the error kind is not red"
screen -e | grep -q "^${esc}\[1m>>> " || fail "the prompt is not bold"
repl_stop
# and not when standard output is not a terminal
echo 'no_such_name' | "$ND" -i -q 2>&1 | grep -q "$esc" &&
    { echo "colour when stdout is not a terminal" >&2; exit 1; }
true
