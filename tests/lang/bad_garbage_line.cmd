. ./bad_check.sh
cd "$SCRATCH" || exit 1
# 10 MB of garbage on one line: the underline shows a window of it.
awk 'BEGIN { s = "@$?`"; while (length(s) < 1000000) s = s s;
    for (i = 0; i < 10; i++) printf "%s", s; printf "\n" }' >garbage.nd
check garbage.nd
[ "$(wc -c <"$SCRATCH/err")" -lt 2000 ] && echo "short report"
