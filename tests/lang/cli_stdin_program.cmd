printf '1 + 1\nprint("piped", 3)\nprint(argv)\n' | "$ND"; echo "status $?"
printf 'print(argv)\n' | "$ND" - x y; echo "status $?"
printf 'x = 1\ny = x + "a"\n' | "$ND"; echo "status $?"
printf 'print("from -q")\n' | "$ND" -q; echo "status $?"
