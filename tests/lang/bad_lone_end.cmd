. ./bad_check.sh
cd "$SCRATCH" || exit 1
printf 'end\n' >end.nd
check end.nd
printf 'x = 1\nend\nprint(x)\n' >end2.nd
check end2.nd
printf 'if True\n    x = 1\nend\nend\n' >end3.nd
check end3.nd
