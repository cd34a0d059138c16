# case: Tab completes linal -> linalg. and linalg.in -> linalg.inv; lin lists both
if ! "$ND" -e 'linalg' >/dev/null 2>&1; then
    echo "no linalg module yet (the linalg issue adds it)"
    exit 77
fi
repl_start -- -q
wait_prompt
type_text 'linal'
press Tab
wait_for '^>>> linalg\.$'
type_text 'in'
press Tab
wait_for '^>>> linalg\.inv$'
press C-u
type_text 'lin'
press Tab
press Tab
wait_for '^linalg\. +linspace$'
