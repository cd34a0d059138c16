# polyfit's rank warning (NumPy's texts; nd prints them as RuntimeWarnings
# at the stdlib line that gives them; the folder is normalised).
"$ND" poly_warn.nd 2>&1 | sed 's|^.*/stdlib/|stdlib/|'
