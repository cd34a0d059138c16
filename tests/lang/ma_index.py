# The expected output ma_index.out is this program's output under NumPy:
#   NPY_PROMOTION_STATE=weak /usr/bin/python3 ma_index.py
import numpy as np, numpy.ma as ma
x = ma.array([1.0, -1.0, 3.0, 0.0], mask=[0, 0, 0, 1])
print(x[3], x[0], x[3] is ma.masked)
print(repr(x[1:]))
print(repr(x[::2]))
print(repr(x[[0, 3]]))
print(repr(x[x.data > 0]))
x[0] = ma.masked
print(x)
x[3] = 7
print(repr(x))
b = ma.array([[1, 2, 3], [4, 5, 6]], mask=[[0, 1, 0], [0, 0, 1]])
print(b[0, 1], b[1, 0])
print(repr(b[1]))
print(repr(b[:, 1]))
b[1, :] = ma.masked
print(b)
c = ma.array([1, 2, 3])
c[1] = ma.masked
print(repr(c))
c[0:2] = 9
print(c)
print(len(c), [v for v in c])
for v in ma.array([5, 6], mask=[1, 0]):
    print(v)
print(repr(b.T))
print(b.shape, b.ndim, b.size, b.dtype)
print(x.mask, x.data, x.fill_value)
print(ma.array([1, 2]).mask)
print(ma.nomask)
