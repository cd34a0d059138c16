cat >"$SCRATCH/hello" <<'EOF'
#!/usr/bin/env nd
print("hello from a script", argv[1:])
EOF
chmod +x "$SCRATCH/hello"
"$SCRATCH/hello" a b; echo "status $?"
cat >"$SCRATCH/fails" <<'EOF'
#!/usr/bin/env nd
x = 1
x.nope
EOF
chmod +x "$SCRATCH/fails"
cd "$SCRATCH" && ./fails; echo "status $?"
