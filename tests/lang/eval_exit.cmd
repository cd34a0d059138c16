# exit(n) stops the program, even inside a function and a try; the status
# is n.
"$ND" -e 'def stop()
    try
        exit(3)
    catch
        print("not caught")
    end
    print("not reached")
end
print("before")
stop()
print("not reached either")'
echo "status $?"
