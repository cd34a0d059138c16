# The expected output ma_construct.out is this program's output under NumPy:
#   NPY_PROMOTION_STATE=weak /usr/bin/python3 ma_construct.py
import numpy as np, numpy.ma as ma
from numpy import array, nan, inf, float32
x = array([1, 2, 3, -1, 5])
mx = ma.masked_array(x, mask=[0, 0, 0, 1, 0])
print(mx.mean())
print(mx)
print(repr(ma.masked_where(x > 2, x)))
print(repr(ma.masked_equal(x, 2)))
print(repr(ma.masked_not_equal(x, 2)))
print(ma.masked_greater(x, 2), ma.masked_greater_equal(x, 2))
print(ma.masked_less(x, 2), ma.masked_less_equal(x, 2))
print(repr(ma.masked_inside(x, 3, 1)))
print(repr(ma.masked_outside(x, 1, 3)))
print(repr(ma.masked_invalid(array([1, nan, inf]))))
print(repr(ma.masked_values(array([1.0, 1.1, 2]), 1.1)))
print(repr(ma.masked_values(array([1, 2]), 2)))
print(repr(ma.masked_values(array([1.0, 2.0]), 3.0)))
print(repr(ma.masked_equal(array([1.0, 2]), 2.0)))
print(repr(ma.array([1, 2, 3], dtype=float32)))
print(repr(ma.array(mx, mask=[1, 0, 0, 0, 0])))
print(repr(ma.array(mx, keep_mask=False)))
d = array([1, 2, 3])
v = ma.array(d)
v[0] = 10
print(d)
print(ma.array([1, 2, 3], mask=[0, 1, 0], fill_value=-1).fill_value)
print(ma.array([1.0]).fill_value, ma.array([True]).fill_value, ma.array([1j]).fill_value)
