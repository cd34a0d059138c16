# loop — twin of loop.nd: CPython's version inside a function (its fastest).
import time


def main():
    t0 = time.time()
    s = 0
    for i in range(1000000):
        s = s + i * i
    t1 = time.time()
    assert s == 333332833333500000
    print(f"loop: {t1 - t0:.6f}")


main()
