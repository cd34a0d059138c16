# fft_prime — twin of fft_prime.nd: numpy.fft.fft of a complex128 signal
# of prime length 10007, 2000 repeated calls after one warm-up call.
import time

import numpy as np

n = 10007
t = np.arange(n) * 0.01
x = np.sin(t) + 1j * np.cos(2.0 * t)
y = np.fft.fft(x)
t0 = time.time()
for i in range(2000):
    y = np.fft.fft(x)
t1 = time.time()
assert abs(y[0] - x.sum()) < 1e-6 * n
print(f"fft_prime: {t1 - t0:.6f}")
