# fft_2d — twin of fft_2d.nd: numpy.fft.fft2 of a 2048x2048 complex128
# image, 5 repeated calls after one warm-up call.
import time

import numpy as np

m = 2048
t = np.arange(m * m).reshape((m, m)) * 0.0001
x = np.sin(t) + 1j * np.cos(t * 0.5)
y = np.fft.fft2(x)
t0 = time.time()
for i in range(5):
    y = np.fft.fft2(x)
t1 = time.time()
assert abs(y[0, 0] - x.sum()) < 1e-6 * m * m
print(f"fft_2d: {t1 - t0:.6f}")
