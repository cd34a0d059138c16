. ./bad_check.sh
cd "$SCRATCH" || exit 1
printf 'print("ok")\nx = "abc' >eof.nd
check eof.nd
printf 'x = """abc\n\ndef\n' >triple.nd
check triple.nd
printf "s = 'no end\n" >single.nd
check single.nd
