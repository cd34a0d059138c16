# The expected output poly_numpy.out is this program's output under NumPy:
#   NPY_PROMOTION_STATE=weak /usr/bin/python3 poly_numpy.py
# except its last line: NumPy 2's polyutils._as_int adds ", received 1.5"
# to 1.24's text (numpy/polynomial/polyutils.py).
import numpy as np
from numpy import array, poly1d, polydiv, polyfit, roots, sqrt, negative, add, float64
import numpy.polynomial.polynomial as polynomial
p = poly1d([1, 2, 3])
# len is the order; iteration walks the coefficients
print(len(p), len(poly1d([5])), len(poly1d([0, 0])))
print(list(p), [float(c) for c in poly1d([1.5, -2])])
for c in poly1d([4, 0, -1]):
    print(c)
# an array (or NumPy scalar) on the left sees the coefficients (__array__)
print(repr(array([1, 2, 3]) + p), repr(array([1, 2, 3]) * p))
print(repr(array([1, 2, 3]) - p), repr(array([2, 4, 6]) / p))
print(repr(float64(2) * p), repr(p * float64(2)))
print(repr(p + array([1, 2, 3])), repr(p * array([1, 2])))
print(repr(p == array([1, 2, 3])), repr(array([1, 0, 3]) != p))
try:
    array([1, 2]) + p
except ValueError as e:
    print("ValueError:", e)
# the ufuncs see the coefficients; the operators stay polynomials
print(repr(negative(p)), repr(-p), repr(+p))
print(repr(sqrt(p)), repr(add(p, 1)), repr(np.asarray(p)))
try:
    p ** 2.0
except TypeError as e:
    print("TypeError:", e)
try:
    p ** -1
except ValueError as e:
    print("ValueError:", e)
try:
    abs(p)
except TypeError as e:
    print("TypeError:", e)
# printing
for c in ([0, 0], [-1, 0, -2.5], [1j, 2, -3 + 4j], [1e-5, 1e5, 123456789.0],
          [0.1, -0.2, 0.3, -0.4], list(range(-15, 15))):
    print(poly1d(c))
print(poly1d([1, 2, 3], variable="long"))
print(poly1d([1, -1], r=True) * 2)
# legacy functions
x = array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0])
y = array([0.0, 0.8, 0.9, 0.1, -0.8, -1.0])
c, V = polyfit(x, y, 2, cov="unscaled")
print(np.round(c, 6), np.round(V, 6))
c, V = polyfit(x, np.stack((y, 2 * y), axis=1), 1, cov=True)
print(np.round(c, 6), V.shape, np.round(V[:, :, 1], 6))
print(roots([0, 0, 1, -3, 2, 0, 0]), roots([0, 0]), roots([5]))
print(polydiv([2, 4, 6, 8], [2, 4]), polydiv([1, 2, 3], 2))
# polynomial module: axis, integer arguments as NumPy 2's operator.index
print(polynomial.polyder([[1, 2], [3, 4]], axis=-1))
try:
    polynomial.polyder([[1, 2], [3, 4]], axis=2)
except np.AxisError as e:
    print("AxisError:", e)
try:
    polynomial.polyint([[1, 2], [3, 4]], 0, axis=-3)
except np.AxisError as e:
    print("AxisError:", e)
print(polynomial.polyder([1, 2, 3], np.int8(1)), polynomial.polyder([1, 2, 3], True))
try:
    polynomial.polyder([1, 2, 3], 1.5)
except TypeError as e:
    print("TypeError:", e)
