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
printf 'x = "caf\351"\nprint(x)\n' >latin1.nd
check latin1.nd
printf 'print(1)\n\377\376\n' >bom.nd
check bom.nd
printf 'y = 1 \300\200 2\n' >overlong.nd
check overlong.nd
