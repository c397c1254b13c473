# format specs for strings
s = 'adder'
for spec in ['', 's', '10', '<10', '>10', '^10', '-^11', '.3', '10.2', '>3', '^4']:
    print(repr(spec), repr(format(s, spec)))
for bad in ['d', '+', '=10', ',']:
    try:
        format(s, bad)
    except ValueError as e:
        print(e)
