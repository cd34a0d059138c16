# Review of issue 11 (binary files): a damaged archive member is a
# ValueError (zipfile's BadZipFile), not an IOError; writes keep an
# existing file's permissions and write through a symbolic link (as
# NumPy's open(path, "wb") does) instead of replacing the link.
F=$srcdir/tests/fixtures/npy
"$ND" -e "d = load('$F/bad_member.npz'); print(d['a'].dtype, d['a'].shape); try; d['b']; catch e; print(e.kind); end"
cd "$SCRATCH"
"$ND" -e 'save("x.npy", [0]); savez("x.npz", a=[0]); savetxt("x.txt", [0])'
chmod 640 x.npy x.npz x.txt
ln -s x.npy l.npy; ln -s x.npz l.npz; ln -s x.txt l.txt
"$ND" -e 'save("l.npy", [1, 2]); savez("l.npz", b=[3]); savetxt("l.txt", [4], fmt="%d")'
for f in l.npy l.npz l.txt; do test -L $f && echo "$f is still a link"; done
for f in x.npy x.npz x.txt; do stat -c '%n %a' $f; done
"$ND" -e 'print(load("x.npy"), load("x.npz").files, loadtxt("x.txt"))'
ls -A | wc -l
