"$ND" -e 'exit(3)'; echo "status $?"
"$ND" -e 'print("a"); exit(); print("b")'; echo "status $?"
"$ND" -e 'def f(); exit(4); end
f()'; echo "status $?"
"$ND" -e 'print("flushed"); exit(0)' | cat
"$ND" -e 'exit(1)'; echo "status $?"
printf 'print("in"); exit(5)\nprint("out")\n' | "$ND"; echo "status $?"
