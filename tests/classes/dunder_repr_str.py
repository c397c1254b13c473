# __repr__ and __str__
class R:
    def __repr__(self):
        return 'R()'
class S:
    def __str__(self):
        return 'S-str'
    def __repr__(self):
        return 'S-repr'
class N: pass
print(R(), str(R()), repr(R()), [R()], S(), [S()], '%s %r' % (S(), S()), f'{S()} {S()!r}')
print(str(N()).startswith('<__main__.N object at '), repr(N()) .startswith('<__main__.N object'))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(e)
