"$ND" --version >"$SCRATCH/v"
echo "status $?"
sed -n '1s/ [0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*$/ X.Y.Z/p' "$SCRATCH/v"
grep -c 'GPLv3+' "$SCRATCH/v"
"$ND" --vers >/dev/null
echo "abbreviated: status $?"
