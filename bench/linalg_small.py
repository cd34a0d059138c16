# linalg_small — twin of linalg_small.nd, the loop inside a function.
import time
import numpy as np


def main():
    a = np.array([[1.0, 2, 3], [4, 5, 6], [7, 8, 10]])
    b = a.T.copy()
    t0 = time.time()
    for i in range(100000):
        c = a @ b
    t1 = time.time()
    assert c[2, 2] == 213
    print(f"linalg_small: {t1 - t0:.6f}")


main()
