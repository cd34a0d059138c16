# reduce — twin of reduce.nd: the same reductions of 10^7 float64 in NumPy.
import time

import numpy as np


def best(f):
    b = 1e9
    for _ in range(3):
        t0 = time.time()
        f()
        b = min(b, time.time() - t0)
    return b


x = (np.arange(10**7) * 0.6180339887498949) % 1.0
ts = [best(lambda: np.sum(x)), best(lambda: np.mean(x)),
      best(lambda: np.std(x)), best(lambda: np.min(x)),
      best(lambda: np.argmax(x)), best(lambda: np.median(x))]
names = ["sum", "mean", "std", "min", "argmax", "median"]
for n, t in zip(names, ts):
    print(f"reduce_{n}: {t:.6f}")
print(f"reduce: {sum(ts):.6f}")
