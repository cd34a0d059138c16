"$ND" -e 'print(argv)' a 'b c'
"$ND" -e 'len(argv)'
"$ND" -e 'print(argv[1:])' -- -x --y
"$ND" -q -e 'print(argv)' -q
