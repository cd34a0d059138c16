. ./bad_check.sh
cd "$SCRATCH" || exit 1
printf 'x = "caf\351"\nprint(x)\n' >latin1.nd
check latin1.nd
printf 'print(1)\n\377\376\n' >bom.nd
check bom.nd
printf 'y = 1 \300\200 2\n' >overlong.nd
check overlong.nd
