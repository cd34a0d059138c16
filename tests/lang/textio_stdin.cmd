# "-" is standard input for loadtxt/genfromtxt and standard output for savetxt.
seq 10 | "$ND" -e 'mean(loadtxt("-"))'
printf '1,2\n3,\n' | "$ND" -e 'genfromtxt("-", delimiter=",")'
"$ND" -e 'savetxt("-", arange(3), fmt="%d")' | "$ND" -e 'loadtxt("-", dtype=int)'
