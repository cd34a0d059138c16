. ./bad_check.sh
cd "$SCRATCH" || exit 1
cp /bin/ls binary.nd
check binary.nd
