# linalg_svd — twin of linalg_svd.nd.
import time
import numpy as np

n = 500
a = np.sin(np.arange(n * n) * 1.0).reshape(n, n)
best = 1e9
for r in range(3):
    t0 = time.time()
    u, s, vh = np.linalg.svd(a)
    best = min(best, time.time() - t0)
print(f"linalg_svd: {best:.6f}")
