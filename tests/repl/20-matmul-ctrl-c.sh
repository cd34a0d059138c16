# case: Ctrl-C during a long matrix product (BLAS and the integer loop) returns within a second
repl_start -- -q
wait_prompt
enter 'a = ones((4000, 4000))'
enter 'kept = 7'
enter_nowait 'b = a @ a'
wait_for '^>>> b = a @ a$'
sleep 0.5
if [ "$(screen | sed -e '/^$/d' | tail -n 1)" = ">>>" ]; then
    echo "the product ended before Ctrl-C could be sent"
    exit 77
fi
t0=$(now_ms)
press C-c
wait_for 'KeyboardInterrupt'
t1=$(now_ms)
wait_prompt
ms=$((t1 - t0))
echo "Ctrl-C returned from a 4000x4000 dgemm after $ms ms"
[ $ms -lt 1500 ] || fail "Ctrl-C took $ms ms"
# the prompt works while the abandoned product finishes: names are kept,
# the interrupted assignment did not happen, and a small integer product
# (our own loop, no BLAS) does not wait for it
enter 'kept * 6'
wait_for '^42$'
enter 'b'
wait_for "NameError: name 'b' is not defined"
enter '(arange(9).reshape((3, 3)) @ eye(3, dtype=int64))[2, 1]'
wait_for '^7$'
# the next BLAS product waits for the abandoned one — interruptibly
clear_screen
enter_nowait 'c = a @ a'
wait_for '^>>> c = a @ a$'
sleep 0.3
t0=$(now_ms)
press C-c
wait_for 'KeyboardInterrupt'
t1=$(now_ms)
wait_prompt
ms=$((t1 - t0))
echo "Ctrl-C returned from the wait for the abandoned product after $ms ms"
[ $ms -lt 1500 ] || fail "Ctrl-C took $ms ms"
# and then works (after the abandoned product ends: up to some seconds)
REPL_TIMEOUT=90
enter '(a[:2, :3] @ a[:3, :2]).tolist()'
wait_for '^\[\[3\.0, 3\.0\], \[3\.0, 3\.0\]\]$'
REPL_TIMEOUT=20
# a long integer product (the blocked loop) is interrupted the same way
clear_screen
enter 'i = ones((2000, 2000), dtype=int64)'
enter_nowait 'j = i @ i'
wait_for '^>>> j = i @ i$'
sleep 0.5
t0=$(now_ms)
press C-c
wait_for 'KeyboardInterrupt'
t1=$(now_ms)
wait_prompt
ms=$((t1 - t0))
echo "Ctrl-C returned from a 2000x2000 int64 product after $ms ms"
[ $ms -lt 1500 ] || fail "Ctrl-C took $ms ms"
enter 'i.sum()'
wait_for '^4000000$'
press C-u
press C-d
wait_for '^\[exit 0\]$'
