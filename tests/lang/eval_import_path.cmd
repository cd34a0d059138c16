# ND_PATH is searched (after the script's folder); an import cycle is an
# ImportError.
ND_PATH=/nonexistent:eval_modules "$ND" -e 'import pathmod
pathmod.answer
try
    import cyc_a
catch err
    print(err.kind)
end
import cyc_a'
echo "status $?"
