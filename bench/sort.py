# sort — twin of sort.nd: np.sort of the same 10^7 float64 values.
import time

import numpy as np


def main():
    n = 10000000
    h = np.arange(n, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    h = h ^ (h >> np.uint64(29))
    x = (h >> np.uint64(11)).astype(np.float64) / 2.0**52 - 1.0
    t0 = time.time()
    s = np.sort(x)
    t1 = time.time()
    assert np.count_nonzero(s[1:] < s[:-1]) == 0
    print(f"sort: {t1 - t0:.6f}")


main()
