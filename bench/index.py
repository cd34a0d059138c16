# index — twin of index.nd: a[mask] and a[idx] on 10^7 float64 elements
# with NumPy, 5 times each.
import time

import numpy as np


def main():
    n = 10000000
    a = np.arange(n) * 0.5
    h = (np.arange(n) * 2654435761) % n
    mask = (h // 7) % 2 == 0
    idx = h
    tm = 0.0
    ti = 0.0
    for rep in range(5):
        t0 = time.time()
        s = a[mask]
        t1 = time.time()
        g = a[idx]
        t2 = time.time()
        tm += t1 - t0
        ti += t2 - t1
    assert s.shape == (5000002,)
    assert g[1] == 2654435761 % n * 0.5
    print(f"index_mask: {tm:.6f}")
    print(f"index_take: {ti:.6f}")
    print(f"index: {tm + ti:.6f}")


main()
