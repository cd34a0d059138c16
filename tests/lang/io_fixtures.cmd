# Files written by NumPy (tests/make_npy_fixtures.py) load with NumPy's
# dtype, shape, order and values; the expected output is NumPy's own repr
# of the same files (big-endian ones converted to native order).
F=$srcdir/tests/fixtures/npy
for t in bool int8 int16 int32 int64 uint8 uint16 uint32 uint64 float32 float64 complex64 complex128; do
    for v in le be f; do
        "$ND" -e "a = load('$F/${t}_$v.npy'); print(repr(a)); print(a.flags.f_contiguous and not a.flags.c_contiguous)"
    done
done
for f in float64_v2 int32_v3 be_f_v2 int64_3d_f scalar_f8 scalar_c16_be scalar_bool empty_f8 empty_0x3_i4 empty_2x0_f; do
    "$ND" -e "print(repr(load('$F/$f.npy')))"
done
"$ND" -e "d = load('$F/mixed.npz'); print(d.files); for k in d; print(k, repr(d[k])); end"
"$ND" -e "d = load('$F/compressed.npz'); print(d.files); print(repr(d['b'])); print(d['a'].sum(), d['a'][:9])"
