# Review of issue 11 (text files), each expectation checked against NumPy:
# an input without rows gives NumPy's UserWarning; genfromtxt whose
# skip_footer takes every row is 1-d (np.array([], dtype)); savetxt checks
# X's dimensions before fmt and shows a tuple fmt as a tuple.
cd "$SCRATCH"
: > empty.txt
printf '# just a comment\n' > comment.txt
printf '1,2\n3,4\n' > two.csv
"$ND" -e 'print(loadtxt("empty.txt"))' 2>&1
"$ND" -e 'print(loadtxt("comment.txt", ndmin=2, unpack=True).shape)' 2>&1
"$ND" -e 'print(genfromtxt("empty.txt"))' 2>&1
"$ND" -e 'print(repr(genfromtxt("two.csv", delimiter=",", skip_footer=2)))' 2>&1
"$ND" -e 'print(repr(genfromtxt("two.csv", delimiter=",", skip_footer=5, usecols=(1, 0), dtype=int)))' 2>&1
"$ND" -e 'try; savetxt("o.txt", array(1.5), fmt=5); catch e; print(e.kind, e); end'
"$ND" -e 'try; savetxt("o.txt", zeros((2, 2, 2)), fmt=5); catch e; print(e.kind, e); end'
"$ND" -e 'try; savetxt("o.txt", eye(2), fmt=("%.1f", "%.2f", "%.3f")); catch e; print(e.kind, e); end'
"$ND" -e 'try; savetxt("o.txt", eye(2), fmt=[]); catch e; print(e.kind, e); end'
"$ND" -e 'try; savetxt("o.txt", eye(2), fmt=5); catch e; print(e.kind, e); end'
ls
