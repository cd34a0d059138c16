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
printf 'end\n' >end.nd
check end.nd
printf 'x = 1\nend\nprint(x)\n' >end2.nd
check end2.nd
printf 'if True\n    x = 1\nend\nend\n' >end3.nd
check end3.nd
