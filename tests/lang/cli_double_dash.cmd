printf 'print(argv)\n' >"$SCRATCH/-dash.nd"
cd "$SCRATCH" && "$ND" -- -dash.nd x; echo "status $?"
