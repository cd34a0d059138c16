# linalg_eigh — twin of linalg_eigh.nd.
import time
import numpy as np

n = 1000
m = np.sin(np.arange(n * n) * 1.0).reshape(n, n)
a = m + m.T
best = 1e9
for r in range(3):
    t0 = time.time()
    w, v = np.linalg.eigh(a)
    best = min(best, time.time() - t0)
print(f"linalg_eigh: {best:.6f}")
