# exception instances: attributes, with_traceback, __traceback__
try:
    raise ValueError('v')
except ValueError as e:
    print(e.__traceback__ is not None, type(e.__traceback__).__name__)
e = ValueError('w')
print(e.__traceback__)
r = e.with_traceback(None)
print(r is e)
print(KeyError.__name__, ValueError.__mro__[1].__name__)
class E(Exception):
    def __init__(self):
        super().__init__('fixed msg')
        self.info = 42
try:
    raise E()
except E as x:
    print(x, x.info, x.args)
