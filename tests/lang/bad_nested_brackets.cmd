# Bad input must end with a SyntaxError that has a place (file:L:C), the
# source line and its underline (3 lines of stderr), and exit status 1.
check() {
    "$ND" "$1" 2>"$SCRATCH/err" >/dev/null
    echo "status $?"
    head -n 1 "$SCRATCH/err" | grep -Eq "^$1:[0-9]+:[0-9]+: SyntaxError: ." &&
        echo "SyntaxError with place"
    echo "stderr lines: $(wc -l <"$SCRATCH/err")"
}
cd "$SCRATCH" || exit 1
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "("; printf "\n" }' >parens.nd
check parens.nd
awk 'BEGIN { printf "x = "; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; printf "\n" }' >brackets.nd
check brackets.nd
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "-"; printf "1\n" }' >unary.nd
check unary.nd
