# __format__ on user classes and format() builtin
class C:
    def __format__(self, spec):
        return 'C<' + spec + '>'
print(format(C(), 'xyz'), f'{C():abc}', '{:q}'.format(C()), format(C()))
class D:
    pass
print(format(D(), '') [:3])
try:
    format(D(), 'x')
except TypeError as e:
    print(type(e).__name__, e)
