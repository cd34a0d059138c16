# case: Ctrl-C stops `while True; end` promptly; the variables stay
repl_start -- -q
wait_prompt
enter 'kept = 42'
enter_nowait 'while True; end'
# the loop is running when the prompt does not come back
wait_for '^>>> while True; end$'
sleep 0.2
screen | sed -e '/^$/d' | tail -n 1 | grep -q '^>>>$' && fail "the loop ended by itself"
t0=$(now_ms)
press C-c
wait_for 'KeyboardInterrupt'
t1=$(now_ms)
wait_prompt
ms=$((t1 - t0))
echo "Ctrl-C stopped the loop after $ms ms"
[ $ms -lt 5000 ] || fail "Ctrl-C took $ms ms"
enter 'kept + 1'
wait_for '^43$'
press C-u
press C-d
wait_for '^\[exit 0\]$'
