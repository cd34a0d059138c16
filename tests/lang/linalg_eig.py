# NumPy twin of linalg_eig.nd: `NPY_PROMOTION_STATE=weak python3 linalg_eig.py > linalg_eig.out`
import numpy as np
from numpy import *
np.set_printoptions(legacy=False)
LA = linalg
def check(a):
    a = asarray(a)
    w, v = LA.eig(a)
    ok = allclose(a @ v, v * w[..., newaxis, :])
    unit = allclose(LA.norm(v, axis=-2), 1)
    same = allclose(LA.eigvals(a), w)
    return (ok, unit, same, str(w.dtype), str(v.dtype), w.shape, v.shape)
def p(*a): print(*a)
w, v = LA.eig(diag([1, 2, 3])); p(w); p(v)
w, v = LA.eig(array([[1, -1], [1, 1]])); p(w); p(v)
a = array([[1, 1j], [-1j, 1]]); w, v = LA.eig(a); p(w); p(v)
R = array([[0., -1], [1, 0]]); p(check(R)); p(LA.eigvals(R))
t = pi/6; R30 = array([[cos(t), -sin(t)], [sin(t), cos(t)]])
w = LA.eigvals(R30); p(allclose(sort(w.imag), [-sin(t), sin(t)]), allclose(w.real, cos(t)))
T = array([[2., 1, 5], [0, 3, -1], [0, 0, -4]]); p(check(T)); p(sort(LA.eigvals(T)))
M = array([[4., 1, 2], [0.5, 3, 1], [2, 1, 5]]) + array([[0, 2, 0], [-2, 0, 0], [0, 0, 0]])
w = LA.eigvals(M); p(check(M)[:3], isclose(sum(w), trace(M)), isclose(prod(w), LA.det(M)))
S = array([T, [[0, -1, 0], [1, 0, 0], [0, 0, 2]]]); p(check(S)); p(check(array([T, 2*T]))); p(check(S.transpose((0,2,1))))
B = arange(64.).reshape((8, 8)) % 7 + eye(8); p(check(B[::2, 1::2]), check(B.T[1:5, 1:5])[:3])
p(check(array([[2, 1], [1, 2]], dtype=float32)))
p(check(array([[0, -1], [1, 0]], dtype=float32)))
p(check(array([[2, 0], [0, 1]], dtype=complex64)))
p(check(array([[1 + 2j, -1j], [3, -2 + 0.5j]])))
p(LA.eigvals([[2, 1], [1, 2]]), LA.eigvals([[True, False], [False, True]]).dtype)
p(LA.eigvals(array([[2, 0], [0, 1]], dtype=complex128)))
w, v = LA.eig(zeros((2, 0, 0))); p(w.shape, v.shape, w.dtype)
p(LA.eigvals(zeros((3, 1, 1))).shape)
def show(f):
    try:
        f(); p("no error")
    except Exception as e:
        p(type(e).__name__ + ": " + str(e))
show(lambda: LA.eig(ones((2, 3))))
show(lambda: LA.eigvals(ones(3)))
show(lambda: LA.eig([[1, nan], [0, 1]]))
show(lambda: LA.eigvals([[1, 0], [inf, 1]]))
