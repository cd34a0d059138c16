# The expected output ma_numpy.out is this program's output under NumPy:
#   NPY_PROMOTION_STATE=weak /usr/bin/python3 ma_numpy.py
# nd's root ufuncs on a masked array are numpy.ma's (ma.sqrt, ma.log, ...);
# log1p has no numpy.ma version, so np.log1p's unmasked result.
import numpy as np, numpy.ma as ma
from numpy import array, nan, log1p, reciprocal
c = ma.array([[1, 2, 3], [4, 5, 6]], mask=[[0, 1, 0], [1, 0, 0]])
# compressed of n-d arrays
print(repr(c.compressed()), repr(ma.compressed(c)))
print(repr(ma.array(np.arange(8.0).reshape(2, 2, 2), mask=np.arange(8).reshape(2, 2, 2) % 3 == 0).compressed()))
# masked_where shrinks an all-false mask to nomask; a scalar condition
print(repr(ma.masked_where(False, [1, 2, 3])))
print(repr(ma.masked_where(True, [1, 2, 3])))
print(repr(ma.masked_equal([1, 2], 5)))
print(repr(ma.masked_greater(c, 9)))
print(repr(ma.masked_where([False, False], ma.array([1, 2], mask=[0, 0]))))
print(repr(ma.masked_invalid([1.0, 2.0])))
print(repr(ma.masked_values([1.0, 1.1], 5.0)), repr(ma.masked_values([1.0, 1.1], 5.0, shrink=False)))
# no masked log1p / reciprocal in numpy.ma
print(repr(log1p(ma.array([-2.0, -1.0, 0.0]))))
print(repr(reciprocal(ma.array([1.0, 0.0, 2.0], mask=[1, 0, 0]))))
print(repr(ma.log(ma.array([-1.0, 0.0, 1.0, nan]))), repr(ma.sqrt(ma.array([-1.0, 4.0]))))
# var and std: masked where too few are valid (cnt - ddof <= 0); var's
# mask shrinks, std's (ma.sqrt of var) does not
g = ma.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], mask=[[0, 1, 1], [1, 1, 0]])
print(repr(c.var(axis=0)), repr(c.var(axis=0, ddof=1)))
print(repr(c.std(axis=0, ddof=1)), repr(c.var(axis=1, ddof=2)))
print(repr(g.var(axis=0)), repr(g.std(axis=0)), repr(g.std(axis=1, ddof=1)))
print(repr(c.var(ddof=4)), repr(c.std(ddof=4)), repr(c.var(ddof=3)))
print(repr(ma.array([[1.0, 2.0]]).var(axis=0)), repr(ma.array([[1.0, 2.0]]).std(axis=0, ddof=1)))
print(repr(ma.array([1.0]).std(ddof=1)))
