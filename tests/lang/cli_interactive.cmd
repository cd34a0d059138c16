printf 'x = 41\ny = "hello"\n' >"$SCRATCH/setup.nd"
printf 'x + 1\nprint(y)\ndef g(v)\nreturn v * 2\nend\ng(x)\nundefined\nx\n' |
    "$ND" -q -i "$SCRATCH/setup.nd"
echo "status $?"
printf 'exit(7)\nprint("not reached")\n' | "$ND" -q -i "$SCRATCH/setup.nd"
echo "status $?"
printf '[1,\n2]\n' | "$ND" -q -i
echo "status $?"
printf 'x = 1\nx.nope\n' >"$SCRATCH/bad.nd"
cd "$SCRATCH" && printf 'x\n' | "$ND" -q -i bad.nd
echo "status $?"
