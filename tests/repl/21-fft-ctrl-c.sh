# case: Ctrl-C during one long FFTW execution (a single 2^25-point fft, a
# few seconds: no batches to stop between) returns within a second, the
# variables are kept, and the next transform waits for the abandoned one
repl_start -- -q
wait_prompt
enter 'x = ones(2**25, dtype=complex)'
enter 'kept = 7'
enter_nowait 'y = fft.fft(x)'
wait_for '^>>> y = fft\.fft\(x\)$'
sleep 0.3
t0=$(now_ms)
press C-c
wait_for 'KeyboardInterrupt'
t1=$(now_ms)
wait_prompt
ms=$((t1 - t0))
echo "Ctrl-C returned from fft after $ms ms"
[ $ms -lt 1000 ] || fail "Ctrl-C took $ms ms"
enter 'kept * 6'
wait_for '^42$'
enter 'y = fft.fft(x[:2**24:2**20])'
enter 'y.real.tolist()'
wait_for '^\[16\.0, 0\.0, 0\.0, 0\.0, 0\.0, 0\.0, 0\.0, 0\.0, 0\.0, 0\.0, 0\.0, 0\.0, 0\.0, 0\.0, 0\.0, 0\.0\]$'
enter 'fft.fft(x)[0]'
wait_for '^np\.complex128\(33554432\+0j\)$|^\(33554432\+0j\)$'
press C-u
press C-d
wait_for '^\[exit 0\]$'
