# linalg_solve — twin of linalg_solve.nd.
import time
import numpy as np

n = 1000
a = np.sin(np.arange(n * n) * 1.0).reshape(n, n) + n * np.eye(n)
b = np.cos(np.arange(n) * 1.0)
best = 1e9
for r in range(3):
    t0 = time.time()
    x = np.linalg.solve(a, b)
    best = min(best, time.time() - t0)
print(f"linalg_solve: {best:.6f}")
