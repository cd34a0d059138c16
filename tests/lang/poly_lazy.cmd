# The polynomial names are bound without import and load their stdlib
# module only when a program mentions them; `import polynomial` is the
# same module, never a file of the script's folder; a user's own
# definition of a root name wins.
cd "$SCRATCH"
echo 'error("a user file must not shadow the stdlib module")' > polynomial.nd
"$ND" -e 'import polynomial as P
P is polynomial
P.polynomial is polynomial
def polyval(p, x)
    return "mine"
end
polyval([1], 2)
np.polyval([1, 0], 3)
np.polynomial.polynomial.polyval(3, [1, 0])
type(polyfit).__name__'
