# -e echoes top-level expression values (not None, not after ';'): arrays
# as repr, scalars as str, strings quoted; `_` is the last echoed value.
"$ND" -e '1 + 2
x = 5
x
"hi"
[1, 2]
None
print("p")
x;
_ + 1
3.0 / 2
(1, "a")
def f()
    7
end
f()
_'
