# case: whos() lists variables with type, shape, dtype and bytes
repl_start -- -q
wait_prompt
enter 'a = zeros((2, 3))'
enter 'n = 5'
enter 'small = arange(4, dtype=int8)'
enter 'whos()'
wait_for '^Name +Type +Shape +Dtype +Bytes$'
wait_for '^a +ndarray +\(2, 3\) +float64 +48$'
wait_for '^small +ndarray +\(4,\) +int8 +4$'
wait_for '^n +int'
press C-u
press C-d
wait_for '^\[exit 0\]$'
