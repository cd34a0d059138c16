# case: echo of values as NumPy's repr (not None, not after ;) and _
repl_start -- -q
wait_prompt
enter 'x = arange(3)'
enter 'x'
wait_for '^array\(\[0, 1, 2\]\)$'
enter 'x * 10;'
enter 'None'
enter 'array([1, 2], dtype=int8)'
wait_for '^array\(\[1, 2\], dtype=int8\)$'
enter '_ + 1'
wait_for '^array\(\[2, 3\], dtype=int8\)$'
enter 'float32(2.5)'
wait_for '^2\.5$'
enter '_ * 2'
wait_for '^5\.0$'
enter 'arange(2000)'
wait_for 'shape=\(2000,\)\)$'
screen | grep -q 'array(\[ 0, 10, 20\])' && fail "a trailing ; still echoed"
screen | grep -q '^None$' && fail "None was echoed"
wait_prompt
press C-u
press C-d
wait_for '^\[exit 0\]$'
