# io — twin of io.nd: NumPy's loadtxt of the same ~100 MB CSV (written
# here first when missing, with the same values and format).
import os
import time

import numpy as np

path = "/tmp/nd_bench_io.csv"
n = 1000000
if not os.path.exists(path):
    x = (np.arange(n * 8) * 0.7071067811865476) % 1000.0
    np.savetxt(path, x.reshape((n, 8)), fmt="%.10g", delimiter=",")
t0 = time.time()
a = np.loadtxt(path, delimiter=",")
t1 = time.time()
assert a.shape == (n, 8)
print(f"io: {t1 - t0:.6f}")
