# A valid 10 MB line simply runs.
cd "$SCRATCH" || exit 1
awk 'BEGIN { printf "x = ["; for (i = 0; i < 3000000; i++) printf "1, "; printf "2]; print(len(x), x[0], x[-1])\n" }' >biglist.nd
"$ND" biglist.nd; echo "status $?"
awk 'BEGIN { s = "abcdefghij"; while (length(s) < 1000000) s = s s;
    printf "s = \""; for (i = 0; i < 10; i++) printf "%s", s; printf "\"; print(len(s))\n" }' >bigstr.nd
"$ND" bigstr.nd; echo "status $?"
