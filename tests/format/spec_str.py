# string format specs: precision truncates, types
print(repr(format('hello', '.2')), repr(format('hello', '8.3s')), repr(format('é€', '^6')), repr(format('', '3')))
for bad in ('d', '+', '=5', ','):
    try:
        format('x', bad)
    except ValueError as e:
        print(type(e).__name__, e)
