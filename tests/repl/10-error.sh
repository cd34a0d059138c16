# case: an error is reported as section 6 says, then a correct line runs
repl_start -- -q
wait_prompt
enter 'v = 5'
enter 'v + no_such_name'
wait_for "^<stdin>:1:5: NameError: name 'no_such_name' is not defined$"
wait_for '^    v \+ no_such_name$'
wait_for '^        \^~{11}$'
wait_prompt
enter '[1, 2, 3] + arange(2)'
wait_for 'ValueError: operands could not be broadcast together with shapes \(3,\) \(2,\)'
wait_prompt
enter 'v * 2'
wait_for '^10$'
# no colour with NO_COLOR set (lib.sh sets it)
screen -e | grep -q "$(printf '\033')" && fail "colour despite NO_COLOR"
press C-d
wait_for '^\[exit 0\]$'
