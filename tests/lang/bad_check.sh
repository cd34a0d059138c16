# bad_check.sh — sourced by the bad_*.cmd cases (not a case itself).
# Bad input must end with a SyntaxError that has a place (file:L:C), the
# source line and its underline (3 lines of stderr), and exit status 1.
check() {
    "$ND" "$1" 2>"$SCRATCH/err" >/dev/null
    echo "status $?"
    head -n 1 "$SCRATCH/err" | grep -Eq "^$1:[0-9]+:[0-9]+: SyntaxError: ." &&
        echo "SyntaxError with place"
    echo "stderr lines: $(wc -l <"$SCRATCH/err")"
}
