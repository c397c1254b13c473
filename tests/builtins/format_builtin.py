# format() builtin and __format__
print(format(3.14159, '.2f'), format(42), format(42, 'x'), format('s', '>4'), format(1234567, ','))
print(format(255, '08b'), format(0.5, '%'), format(-1, '+'), format(True), format(None), format([1]))
class F:
    def __format__(self, spec):
        return 'F[' + spec + ']'
print(format(F(), 'abc'), '{:xyz}'.format(F()), f'{F():q}')
try:
    format(1, 'q')
except ValueError as e:
    print(e)
try:
    format(object(), 'x')
except TypeError as e:
    print(e)
