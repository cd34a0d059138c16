# case: Ctrl-C stops a computation of long elementwise kernels promptly
repl_start -- -q
wait_prompt
enter 'a = ones(10**7)'
enter 'kept = 7'
enter_nowait 'while True; b = (a * 2.5 + 1) / 3; end'
wait_for '^>>> while True; b = \(a \* 2\.5 \+ 1\) / 3; end$'
sleep 0.3
t0=$(now_ms)
press C-c
wait_for 'KeyboardInterrupt'
t1=$(now_ms)
wait_prompt
ms=$((t1 - t0))
echo "Ctrl-C stopped the kernels after $ms ms"
[ $ms -lt 5000 ] || fail "Ctrl-C took $ms ms"
enter 'kept * 6'
wait_for '^42$'
press C-u
press C-d
wait_for '^\[exit 0\]$'
