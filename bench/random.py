# random — twin of random.nd: NumPy's Generator (PCG64), 10^7 draws each.
import os
import sys

# This file is named random.py: drop its folder from the path so NumPy's
# own `import random` finds the standard library module, not this file.
_here = os.path.dirname(os.path.abspath(__file__))
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != _here]

import time  # noqa: E402

import numpy as np  # noqa: E402

rng = np.random.default_rng(12345)
n = 10000000
t0 = time.time()
a = rng.random(n)
b = rng.standard_normal(n)
c = rng.integers(0, 1000, n)
d = rng.exponential(2.0, n)
t1 = time.time()
assert a.size + b.size + c.size + d.size == 4 * n
print(f"random: {t1 - t0:.6f}")
