# loop_fn — twin of loop_fn.nd: the same loop inside a function in CPython.
import time


def run(n):
    s = 0
    for i in range(n):
        s = s + i * i
    return s


t0 = time.time()
s = run(1000000)
t1 = time.time()
assert s == 333332833333500000
print(f"loop_fn: {t1 - t0:.6f}")
