# Deep recursion meets RecursionError, never a C stack overflow: the
# evaluator runs on a thread with a large stack.
printf 'def f(n)\n    return f(n + 1) + 1\nend\nf(0)\n' >"$SCRATCH/deep.nd"
cd "$SCRATCH" && "$ND" deep.nd 2>err; echo "status $?"
grep -c '^deep.nd:2:12: RecursionError: maximum recursion depth exceeded$' err
grep -c 'Previous line repeated' err
