"$ND" -e '1 + 2
3 // 0'; echo "status $?"
"$ND" -e 'print("before")
undefined_q'; echo "status $?"
