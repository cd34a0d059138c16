# linalg_matmul — twin of linalg_matmul.nd.
import time
import numpy as np

n = 2000
a = np.sin(np.arange(n * n) * 1.0).reshape(n, n)
b = np.cos(np.arange(n * n) * 1.0).reshape(n, n)
c = a @ b
best = 1e9
for r in range(3):
    t0 = time.time()
    c = a @ b
    best = min(best, time.time() - t0)
print(f"GFLOP/s: {2.0 * n ** 3 / best / 1e9:.2f}")
print(f"linalg_matmul: {best:.6f}")
