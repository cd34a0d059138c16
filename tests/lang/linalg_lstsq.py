# NumPy twin of linalg_lstsq.nd: `NPY_PROMOTION_STATE=weak python3 linalg_lstsq.py > linalg_lstsq.out`
from numpy import *
LA = linalg
p = print
x = array([0, 1, 2, 3]); y = array([-1, 0.2, 0.9, 2.1])
A = vstack([x, ones(len(x))]).T
sol, res, rank, s = LA.lstsq(A, y, rcond=None); m, c = sol
p(round(m, 12), round(c, 12), around(res, 12), rank, s)
p(allclose(res, sum((y - A @ sol) ** 2)))
def normal(A, b):
    A = asarray(A); b = asarray(b)
    x, res, rank, s = LA.lstsq(A, b, rcond=None)
    AH = A.conj().T
    ok = allclose(AH @ A @ x, AH @ b)
    r = sum(abs(b - A @ x) ** 2, axis=0)
    return (ok, allclose(res, r), int(rank), x.shape, res.shape, s.shape, str(x.dtype), str(res.dtype), str(s.dtype))
P = array([[1., 2, 0], [3, -1, 1], [0, 4, 2], [1, 1, 1], [2, 0, 5]])
Y = array([[1., 0], [2, 1], [-1, 3], [0.5, 2], [4, -2]])
p(normal(P, Y)); p(normal(P, Y[:, 0])); p(normal(P.T.copy().T, Y[::1, 1]))
Q = arange(15.).reshape((3, 5)).T % 4 + eye(5, 3)
p(normal(Q, Y), normal(Q[::-1], Y[::2][[0, 1, 2, 0, 1]]))
p(normal(P + 1j * (arange(15.).reshape((5, 3)) % 3), Y))
p(normal(P.astype(float32), Y.astype(float32))[2:])
p(normal(P.astype(float32), Y)[2:])
p(normal(P.astype(complex64), Y.astype(float32))[2:])
p(normal(P.astype(int64), [1, 2, 3, 4, 5])[2:])
x, res, rank, s = LA.lstsq([[2., 1], [1, 3]], [3, 5], rcond=None); p(x, res, rank)
U = array([[1., 2, 3], [0, 1, -1]])
x, res, rank, s = LA.lstsq(U, [6, 0], rcond=None); p(allclose(x, LA.pinv(U) @ [6, 0]), res, rank)
x, res, rank, s = LA.lstsq([[1., 1], [2, 2], [3, 3]], [2, 4, 6], rcond=None); p(x, res, rank)
E = array([[1., 0], [0, 1e-3], [0, 0]])
p(LA.lstsq(E, [1, 1, 1], rcond=None)[2], LA.lstsq(E, [1, 1, 1], rcond=1e-2)[2], LA.lstsq(E, [1, 1, 1], rcond=1e-2)[0])
p(LA.lstsq(zeros((0, 3)), zeros(0), rcond=None))
p(LA.lstsq(ones((3, 0)), ones(3), rcond=None))
p(LA.lstsq(ones((3, 2)), ones((3, 0)), rcond=None)[0].shape)
def show(f):
    try:
        f(); p("no error")
    except Exception as e:
        p(type(e).__name__ + ": " + str(e))
show(lambda: LA.lstsq(ones((2, 2, 2)), ones(2), rcond=None))
show(lambda: LA.lstsq(ones((3, 2)), ones((3, 1, 1)), rcond=None))
show(lambda: LA.lstsq(ones((3, 2)), ones(2), rcond=None))
show(lambda: LA.lstsq(ones(3), ones(3), rcond=None))
show(lambda: LA.lstsq(ones((3, 2)), 1, rcond=None))
