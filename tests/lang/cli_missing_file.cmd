"$ND" no_such_file.nd; echo "status $?"
"$ND" no_such_file.nd arg; echo "status $?"
mkdir "$SCRATCH/folder.nd"
cd "$SCRATCH" && "$ND" folder.nd; echo "status $?"
