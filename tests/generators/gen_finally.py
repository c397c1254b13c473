# try/finally inside generators, and for-loop break
def g():
    try:
        for i in range(3):
            yield i
    finally:
        print('finally ran')
for x in g():
    print(x)
def h():
    try:
        yield 1
        yield 2
    finally:
        print('h cleanup')
gen = h()
for x in gen:
    print(x)
    break
gen.close()
print('done')
def nested():
    try:
        try:
            yield 'a'
        finally:
            print('inner finally')
        yield 'b'
    finally:
        print('outer finally')
print(list(nested()))
