#!/usr/bin/python3
"""By hand (needs NumPy; the suite does not): files nd writes load in NumPy
with the same dtype, shape, order and values, and their bytes are what
NumPy itself writes for the same array.

    /usr/bin/python3 tests/check_npy_numpy.py path/to/nd
"""
import os
import subprocess
import sys
import tempfile

import numpy as np

ND = sys.argv[1] if len(sys.argv) > 1 else "./nd"
DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16",
          "uint32", "uint64", "float32", "float64", "complex64", "complex128"]


def expected(t):
    """What the nd program below builds, computed by NumPy."""
    a = (np.arange(24) * 37 + 11) % 251
    if t == "bool":
        a = a % 3 == 0
    elif t.startswith("complex"):
        a = a - 100.5 + 1j * (a % 7)
    elif t.startswith("float"):
        a = a / 8 - 10
    elif t.startswith("int"):
        a = a - 120
    return a.astype(t).reshape(2, 3, 4)


def main():
    d = tempfile.mkdtemp()
    lines = []
    for t in DTYPES:
        lines.append(f"""
a = (arange(24) * 37 + 11) % 251
if "{t}" == "bool"; a = a % 3 == 0
elif "{t}".startswith("complex"); a = a - 100.5 + 1j * (a % 7)
elif "{t}".startswith("float"); a = a / 8 - 10
elif "{t}".startswith("int"); a = a - 120
end
a = a.astype({t}).reshape(2, 3, 4)
save("{d}/{t}_c.npy", a)
save("{d}/{t}_f.npy", asfortranarray(a))
save("{d}/{t}_s.npy", a[:, ::2, 1:])
save("{d}/{t}_0.npy", a[1, 2, 3])
save("{d}/{t}_e.npy", a[:, :0])
savez("{d}/{t}.npz", a, f=asfortranarray(a))
savez_compressed("{d}/{t}_z.npz", a, f=asfortranarray(a))
""")
    subprocess.run([ND, "-e", "\n".join(lines)], check=True)
    bad = 0
    for t in DTYPES:
        a = expected(t)
        cases = {"c": a, "f": np.asfortranarray(a), "s": np.ascontiguousarray(a[:, ::2, 1:]),
                 "0": np.array(a[1, 2, 3]), "e": a[:, :0]}
        for k, want in cases.items():
            p = f"{d}/{t}_{k}.npy"
            got = np.load(p)
            ok = (got.dtype == want.dtype and got.shape == want.shape and
                  np.array_equal(got, want) and
                  got.flags.f_contiguous == want.flags.f_contiguous and
                  got.flags.c_contiguous == want.flags.c_contiguous)
            np.save(f"{d}/numpy.npy", want)
            same = open(p, "rb").read() == open(f"{d}/numpy.npy", "rb").read()
            if not (ok and same):
                bad += 1
                print("MISMATCH", p, ok, same)
        for z in (f"{d}/{t}.npz", f"{d}/{t}_z.npz"):
            f = np.load(z)
            ok = (f.files == ["f", "arr_0"] and np.array_equal(f["arr_0"], a)
                  and f["f"].flags.f_contiguous and f["arr_0"].dtype == a.dtype)
            if not ok:
                bad += 1
                print("MISMATCH", z)
    print(f"{len(DTYPES) * 7} files checked, {bad} mismatches")
    for name in os.listdir(d):
        os.unlink(os.path.join(d, name))
    os.rmdir(d)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
