# fft_rfft — twin of fft_rfft.nd: numpy.fft.rfft of a float64 signal of
# 2^20 points, 20 repeated calls after one warm-up call.
import time

import numpy as np

n = 2 ** 20
x = np.sin(np.arange(n) * 0.001) + 0.5
y = np.fft.rfft(x)
t0 = time.time()
for i in range(20):
    y = np.fft.rfft(x)
t1 = time.time()
assert abs(y[0] - x.sum()) < 1e-6 * n
print(f"fft_rfft: {t1 - t0:.6f}")
