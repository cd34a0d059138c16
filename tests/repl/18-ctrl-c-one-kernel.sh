# case: Ctrl-C stops one long elementwise kernel on 10^8 elements promptly
repl_start -- -q
wait_prompt
enter 'a = ones(10**8, dtype=float32)'
enter_nowait 'b = a ** 1.7'
wait_for '^>>> b = a \*\* 1\.7$'
sleep 0.2
if [ "$(screen | sed -e '/^$/d' | tail -n 1)" = ">>>" ]; then
    echo "the kernel ended before Ctrl-C could be sent"
    exit 77
fi
t0=$(now_ms)
press C-c
wait_for 'KeyboardInterrupt'
t1=$(now_ms)
wait_prompt
ms=$((t1 - t0))
echo "Ctrl-C stopped a ** 1.7 on 10^8 elements after $ms ms"
[ $ms -lt 5000 ] || fail "Ctrl-C took $ms ms"
enter 'a.shape'
wait_for '^\(100000000,\)$'
press C-d
wait_for '^\[exit 0\]$'
