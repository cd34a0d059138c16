"$ND" --help >"$SCRATCH/h"
echo "status $?"
head -n 1 "$SCRATCH/h"
grep -c -- '-e CODE' "$SCRATCH/h"
grep -c -- '--version' "$SCRATCH/h"
"$ND" --he | head -n 1
"$ND" -q --help | head -n 1
