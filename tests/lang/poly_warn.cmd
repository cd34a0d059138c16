# polyfit's rank warning: NumPy's category and texts, reported at the
# user's line that called into the stdlib (Python's stacklevel=2).
"$ND" poly_warn.nd 2>&1
