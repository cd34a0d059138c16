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
awk 'BEGIN { x = 7; for (i = 0; i < 4096; i++) {
    x = (x * 75 + 74) % 65537; printf "\\0%03o", x % 256 } }' >esc.txt
printf "$(cat esc.txt)" >random.nd
[ "$(wc -c <random.nd)" -gt 4000 ] || echo "generator failed"
check random.nd
