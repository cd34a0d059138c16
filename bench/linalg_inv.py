# linalg_inv — twin of linalg_inv.nd.
import time
import numpy as np

n = 1000
a = np.sin(np.arange(n * n) * 1.0).reshape(n, n) + n * np.eye(n)
best = 1e9
for r in range(3):
    t0 = time.time()
    x = np.linalg.inv(a)
    best = min(best, time.time() - t0)
print(f"linalg_inv: {best:.6f}")
