# fft — twin of fft.nd: numpy.fft.fft of a complex128 signal of 2^20
# points, 20 repeated calls after one warm-up call.
import time

import numpy as np

n = 2 ** 20
t = np.arange(n) * 0.001
x = np.sin(t) + 1j * np.cos(3.0 * t)
y = np.fft.fft(x)
t0 = time.time()
for i in range(20):
    y = np.fft.fft(x)
t1 = time.time()
assert abs(y[0] - x.sum()) < 1e-6 * n
print(f"fft: {t1 - t0:.6f}")
