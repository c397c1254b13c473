# exceptions in __enter__ and __exit__
class BadEnter:
    def __enter__(self):
        raise ValueError('enter failed')
    def __exit__(self, *a):
        print('exit not called')
try:
    with BadEnter():
        print('body not run')
except ValueError as e:
    print(e)
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise KeyError('exit failed')
try:
    with BadExit():
        raise TypeError('original')
except KeyError as e:
    print(repr(e), repr(e.__context__))
class Count:
    n = 0
    def __enter__(self):
        Count.n += 1
    def __exit__(self, *a):
        Count.n -= 1
def use():
    with Count():
        with Count():
            return Count.n
print(use(), Count.n)
