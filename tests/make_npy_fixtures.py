#!/usr/bin/python3
"""Regenerate tests/fixtures/npy/: small .npy/.npz files written by NumPy.

The suite (tests/unit/test_npy.c, tests/lang/io_*) loads them and checks
them value by value against the values listed below, which the tests list
again by hand; NumPy is needed only to rerun this script:

    /usr/bin/python3 tests/make_npy_fixtures.py

Every nd dtype is written little-endian C order (NAME_le.npy), big-endian
(NAME_be.npy) and Fortran order (NAME_f.npy), each a 2x3 array holding
VALUES[NAME] in C order.  Then versions 2.0/3.0, 0-d and empty arrays,
.npz archives, and broken files for the error paths.
"""
import io
import os
import pickle
import struct
import zipfile

import numpy as np
from numpy.lib import format as npf

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "npy")

inf, nan = float("inf"), float("nan")
VALUES = {
    "bool": [True, False, True, True, False, False],
    "int8": [-128, -1, 0, 1, 2, 127],
    "int16": [-32768, -2, 0, 3, 300, 32767],
    "int32": [-2**31, -5, 0, 7, 70000, 2**31 - 1],
    "int64": [-2**63, -9, 0, 11, 2**40, 2**63 - 1],
    "uint8": [0, 1, 2, 127, 128, 255],
    "uint16": [0, 1, 300, 32768, 65534, 65535],
    "uint32": [0, 1, 70000, 2**31, 2**32 - 2, 2**32 - 1],
    "uint64": [0, 1, 2**40, 2**63, 2**64 - 2, 2**64 - 1],
    "float32": [-1.5, 0.0, 0.25, 1e-40, inf, -inf],
    "float64": [-1.5, 0.1, 1e300, 5e-324, inf, nan],
    "complex64": [1 + 2j, -0.5j, 3, complex(inf, 1), 0.25 - 0.75j, 0],
    "complex128": [1 + 2j, -0.5j, 3, complex(inf, -inf), 0.1 + 0.2j, -0.0],
}


def path(name):
    return os.path.join(OUT, name)


def save_version(name, a, version):
    with open(path(name), "wb") as f:
        npf.write_array(f, a, version=version)


def raw_npy(name, header, data=b"", version=(1, 0)):
    """A .npy file with a header of our choosing (for the error cases)."""
    h = header.encode("latin1")
    if version == (1, 0):
        prefix = b"\x93NUMPY\x01\x00" + struct.pack("<H", len(h))
    else:
        prefix = b"\x93NUMPY" + bytes(version) + struct.pack("<I", len(h))
    with open(path(name), "wb") as f:
        f.write(prefix + h + data)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, vals in VALUES.items():
        a = np.array(vals, dtype=name).reshape(2, 3)
        np.save(path(name + "_le.npy"), a)
        np.save(path(name + "_be.npy"), a.astype(a.dtype.newbyteorder(">")))
        np.save(path(name + "_f.npy"), np.asfortranarray(a))
        assert np.asfortranarray(a).flags.f_contiguous

    # Versions 2.0 and 3.0 (NumPy writes them only when asked or needed).
    a = np.arange(12, dtype="<f8").reshape(3, 4) / 4
    save_version("float64_v2.npy", a, (2, 0))
    save_version("int32_v3.npy", np.arange(-3, 3, dtype="<i4"), (3, 0))
    save_version("be_f_v2.npy", np.asfortranarray(
        np.arange(6, dtype=">i2").reshape(2, 3)), (2, 0))
    # A 3-d Fortran-order array: a[i, j, k] = 100 i + 10 j + k.
    i, j, k = np.indices((2, 3, 4))
    np.save(path("int64_3d_f.npy"), np.asfortranarray(100 * i + 10 * j + k))

    # 0-d and empty arrays.
    np.save(path("scalar_f8.npy"), np.array(2.5))
    np.save(path("scalar_c16_be.npy"), np.array(1 - 2j, dtype=">c16"))
    np.save(path("scalar_bool.npy"), np.array(True))
    np.save(path("empty_f8.npy"), np.zeros((0,)))
    np.save(path("empty_0x3_i4.npy"), np.zeros((0, 3), dtype="<i4"))
    np.save(path("empty_2x0_f.npy"), np.asfortranarray(np.zeros((2, 0), dtype="u1")))

    # .npz archives: keywords first, then arr_0, arr_1 (NumPy's order).
    np.savez(path("mixed.npz"), np.arange(3), np.array([[1.5, -2.0]]),
             x=np.array([True, False]), y=np.array(7, dtype="i2"))
    np.savez_compressed(path("compressed.npz"), a=np.arange(1000) % 7,
                        b=np.linspace(0, 1, 5, dtype="f4"))
    np.savez(path("empty.npz"))

    # A stored archive with one data byte changed: its CRC no longer matches.
    buf = io.BytesIO()
    np.savez(buf, a=np.arange(16, dtype="<i8"))
    raw = bytearray(buf.getvalue())
    at = raw.index(b"\x93NUMPY") + 128 + 8  # inside the data
    raw[at] ^= 0xFF
    with open(path("bad_crc.npz"), "wb") as f:
        f.write(bytes(raw))
    # A zip that is cut short.
    with open(path("truncated.npz"), "wb") as f:
        f.write(buf.getvalue()[:100])
    # An archive whose second member's local header is damaged (its name
    # length runs past the archive): the directory lists it, opening it
    # fails.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.npy", open(path("int8_le.npy"), "rb").read())
        z.writestr("b.npy", open(path("int8_le.npy"), "rb").read())
    raw = bytearray(buf.getvalue())
    at = raw.index(b"PK\x03\x04", 4)
    raw[at + 26:at + 28] = struct.pack("<H", 60000)
    with open(path("bad_member.npz"), "wb") as f:
        f.write(bytes(raw))
    # An archive member that is not .npy data.
    with zipfile.ZipFile(path("notnpy.npz"), "w") as z:
        z.writestr("readme.txt", "hello")
        z.writestr("a.npy", b"\x93NUMPY\x01\x00" + b"garbage")

    # Unsupported dtypes and pickles.
    np.save(path("object.npy"), np.array([1, "a", None], dtype=object),
            allow_pickle=True)
    np.save(path("structured.npy"), np.zeros(2, dtype=[("x", "<i4"), ("y", "<f8")]))
    np.save(path("unicode.npy"), np.array(["ab", "c"]))
    np.save(path("float16.npy"), np.zeros(2, dtype="<f2"))
    np.save(path("datetime.npy"), np.array(["2020-01-01"], dtype="M8[D]"))
    with open(path("pickle.npy"), "wb") as f:
        pickle.dump([1, 2, 3], f)

    # Broken .npy files.
    good = open(path("float64_le.npy"), "rb").read()
    with open(path("truncated_data.npy"), "wb") as f:
        f.write(good[:len(good) - 5])
    with open(path("truncated_header.npy"), "wb") as f:
        f.write(good[:40])
    with open(path("magic_only.npy"), "wb") as f:
        f.write(good[:7])
    raw_npy("lying_shape.npy",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (100,), }\n",
            struct.pack("<3d", 1, 2, 3))
    raw_npy("huge_shape.npy",
            "{'descr': '<f8', 'fortran_order': False, "
            "'shape': (4611686018427387904, 4611686018427387904), }\n")
    raw_npy("negative_shape.npy",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }\n")
    raw_npy("bad_keys.npy", "{'descr': '<f8', 'shape': (1,), }\n", b"\0" * 8)
    raw_npy("bad_order.npy",
            "{'descr': '<f8', 'fortran_order': 1, 'shape': (1,), }\n", b"\0" * 8)
    raw_npy("bad_descr.npy",
            "{'descr': 'x9', 'fortran_order': False, 'shape': (1,), }\n", b"\0" * 8)
    raw_npy("not_dict.npy", "[1, 2]\n", b"")
    raw_npy("bad_syntax.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (1,\n")
    raw_npy("bad_version.npy",
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n",
            b"\0" * 8, version=(4, 0))
    # A header length that points past the end of the file.
    with open(path("hlen_past.npy"), "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", 60000) + b"{'descr'")


if __name__ == "__main__":
    main()
