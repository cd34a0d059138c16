# savetxt writes a temporary and renames it: a failing or interrupted write
# leaves the old file whole, and no temporary behind.
cd "$SCRATCH" || exit 1
printf 'old\n' > t.txt
"$ND" -e 'savetxt("t.txt", [[1.5, nan]], fmt="%d %d")' 2>/dev/null
echo "status $?"
cat t.txt
ls -A
"$ND" -e 'savetxt("t.txt", [[1, 2]], fmt="%d")'
cat t.txt
if grep -q '^SigIgn:.*[2367abef]$' /proc/self/status 2>/dev/null; then
    echo "SIGINT is ignored here"; exit 77
fi
command -v timeout >/dev/null || { echo "no timeout(1)"; exit 77; }
# 8e6 values take seconds to write: Ctrl-C after 1 s
timeout --preserve-status -k 10 -s INT 1 "$ND" -e 'a = zeros(8000000)
savetxt("t.txt", a)' 2>err
echo "status $?"
grep -c KeyboardInterrupt err
rm err
cat t.txt
ls -A
