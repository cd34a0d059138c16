if [ ! -w /dev/full ]; then echo "no /dev/full"; exit 77; fi
"$ND" -e 'print("x")' >/dev/full; echo "status $?"
