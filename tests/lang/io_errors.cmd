# Bad files never crash: each is a clear error of the right kind (NumPy's
# text where NumPy has one, else a "not supported" one).
F=$srcdir/tests/fixtures/npy
for f in bad_keys bad_order bad_descr not_dict bad_syntax bad_version hlen_past lying_shape huge_shape truncated_data truncated_header magic_only pickle object structured unicode float16 datetime; do
    "$ND" -e "try; load('$F/$f.npy'); catch e; print('$f', e.kind, e); end"
done
"$ND" -e "try; load('$F/bad_crc.npz')['a']; catch e; print(e.kind, e); end"
"$ND" -e "try; load('$F/truncated.npz'); catch e; print(e.kind, e); end"
"$ND" -e "try; load('$F/object.npy', allow_pickle=True); catch e; print(e.kind, e); end"
"$ND" -e "try; load('$F/pickle.npy', allow_pickle=True); catch e; print(e.kind, e); end" | sed "s|$F|F|"
"$ND" -e "try; load('$F/float64_le.npy', mmap_mode='x'); catch e; print(e.kind, e); end"
cd "$SCRATCH"
"$ND" -e "try; load('missing.npy'); catch e; print(e.kind, e); end"
: > empty.npy
"$ND" -e "try; load('empty.npy'); catch e; print(e.kind, e); end"
"$ND" -e "load('missing.npz')"
echo "status $?"
