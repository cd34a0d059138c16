. ./bad_check.sh
cd "$SCRATCH" || exit 1
awk 'BEGIN { x = 7; for (i = 0; i < 4096; i++) {
    x = (x * 75 + 74) % 65537; printf "\\0%03o", x % 256 } }' >esc.txt
printf "$(cat esc.txt)" >random.nd
[ "$(wc -c <random.nd)" -gt 4000 ] || echo "generator failed"
check random.nd
