# case: Ctrl-C during a long LAPACK call (svd 2000x2000) returns within a second
repl_start -- -q
wait_prompt
enter 'a = sin(arange(4.0e6)).reshape((2000, 2000))'
enter 'kept = 7'
enter_nowait 's = linalg.svd(a)'
wait_for '^>>> s = linalg\.svd\(a\)$'
sleep 0.5
t0=$(now_ms)
press C-c
wait_for 'KeyboardInterrupt'
t1=$(now_ms)
wait_prompt
ms=$((t1 - t0))
echo "Ctrl-C returned from svd after $ms ms"
[ $ms -lt 1500 ] || fail "Ctrl-C took $ms ms"
# the variables are kept; the next linalg call waits for the abandoned
# one, then works
enter 'kept * 6'
wait_for '^42$'
enter 'linalg.det(array([[1., 2], [3, 4]]))'
wait_for '^-2\.0000000000000004$'
enter 'linalg.svd(a[:3, :3], compute_uv=False).shape'
wait_for '^\(3,\)$'
press C-u
press C-d
wait_for '^\[exit 0\]$'
