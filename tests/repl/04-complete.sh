# case: Tab completes builtins, np. members, x. methods, d[" keys, file names
: >"$T/work/datafile_xyz.txt"
mkdir "$T/work/subdir_q"
repl_start -- -q
wait_prompt
type_text 'lins'
press Tab
wait_for '^>>> linspace$'
press C-u
# a module completes with its dot (as linal -> linalg. will)
type_text 'np'
press Tab
wait_for '^>>> np\.$'
type_text 'lins'
press Tab
wait_for '^>>> np\.linspace$'
press C-u
enter 'x = arange(6)'
type_text 'x.resh'
press Tab
wait_for '^>>> x\.reshape$'
press C-u
type_text 'x.sh'
press Tab
wait_for '^>>> x\.shape$'
press Enter
wait_for '^\(6,\)$'
# ambiguous: Tab completes the common part; then a second Tab lists
type_text 'zero'
press Tab
wait_for '^>>> zeros$'
press C-u
type_text 'less'
press Tab
press Tab
wait_for '^less +less_equal$'
wait_for '^>>> less$'
press C-u
enter 'd = {"alpha": 1, "beta": 2, "gamma": 3}'
type_text 'd["be'
press Tab
wait_for '^>>> d\["beta"\]$'
press Enter
wait_for '^2$'
type_text 'f = "datafi'
press Tab
wait_for '^>>> f = "datafile_xyz\.txt"$'
press Enter
type_text "g = 'subdir_"
press Tab
wait_for "^>>> g = 'subdir_q/$"
press C-u
type_text 'my_long_variable_name = 5'
press Enter
type_text 'my_long_v'
press Tab
wait_for '^>>> my_long_variable_name$'
press Enter
wait_for '^5$'
type_text 'whi'
press Tab
wait_for '^>>> while$'
press C-u
enter 'f'
wait_for "^'datafile_xyz\.txt'$"
press C-u
press C-d
wait_for '^\[exit 0\]$'
