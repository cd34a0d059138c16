. ./bad_check.sh
cd "$SCRATCH" || exit 1
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "("; printf "\n" }' >parens.nd
check parens.nd
awk 'BEGIN { printf "x = "; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; printf "\n" }' >brackets.nd
check brackets.nd
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "-"; printf "1\n" }' >unary.nd
check unary.nd
