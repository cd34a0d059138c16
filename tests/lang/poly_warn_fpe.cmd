# Floating-point warnings raised inside nd's stdlib are reported at the
# user's line that called into it, in NumPy's order and words.
"$ND" poly_warn_fpe.nd 2>&1
