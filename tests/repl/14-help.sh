# case: ?zeros, help(zeros) and help("zeros") show signature, text, example
repl_start -- -q
wait_prompt
enter '?zeros'
wait_for "^zeros\(shape, dtype=float, order='C'\)$"
wait_for '^A new array of the given shape filled with zeros\.$'
wait_for '^>>> zeros\('
wait_prompt
clear_screen
enter 'help("zeros")'
wait_for "^zeros\(shape, dtype=float, order='C'\)$"
clear_screen
enter 'def area(r)'
enter '    "The area of a disc of radius r."'
enter '    return pi * r ** 2'
enter 'end'
enter '?area'
wait_for '^area\(r\)$'
wait_for '^The area of a disc of radius r\.$'
clear_screen
enter '?no_such_thing_here'
wait_for "No help found for 'no_such_thing_here'"
enter 'help()'
wait_for 'help\(name\)'
press C-u
press C-d
wait_for '^\[exit 0\]$'
