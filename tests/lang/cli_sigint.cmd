# Ctrl-C stops a running program: KeyboardInterrupt, status 130.  (A shell
# that was started with SIGINT ignored passes that on; nd keeps it, as
# Python does, so the test cannot run there.)
if grep -q '^SigIgn:.*[2367abef]$' /proc/self/status 2>/dev/null; then
    echo "SIGINT is ignored here"; exit 77
fi
command -v timeout >/dev/null || { echo "no timeout(1)"; exit 77; }
timeout --preserve-status -k 10 -s INT 1 "$ND" -e 'while True; pass; end' 2>"$SCRATCH/err"
echo "status $?"
grep -c 'KeyboardInterrupt' "$SCRATCH/err"
