"$ND" -e '1 + 2'
"$ND" -e 'x = 5; x * 2'
"$ND" -e 'x = 5; x * 2;'
"$ND" -e 'None'
"$ND" -e '"text"'
"$ND" -e 'print("printed")'
"$ND" -e '[1, 2, 3]'
"$ND" -e '2.5; 7'
"$ND" -e 'array([1, 2], dtype=int8)'
"$ND" -e 'def f(); return 3; end
f()'
"$ND" -e 'x = 1'
"$ND" -e '1.5
True
(1, "a")'
