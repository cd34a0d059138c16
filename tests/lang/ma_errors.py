# The expected output ma_errors.out is this program's output under NumPy:
#   NPY_PROMOTION_STATE=weak /usr/bin/python3 ma_errors.py
import numpy as np, numpy.ma as ma
for f in [lambda: ma.array([1, 2, 3], mask=[1, 0]), lambda: ma.masked_where([True, False], [1, 2, 3]), lambda: len(ma.array(5)), lambda: ma.array([1, 2]) + ma.array([1, 2, 3]), lambda: ma.array([1, 2])[5]]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(repr(ma.array([[1, 2], [3, 4]], mask=[1, 0, 0, 1])))
