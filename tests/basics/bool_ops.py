# and/or/not short-circuit and return operands
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 0, '' or 'x')
print(not 1, not 0, not [], not [0], not None)
def f(x):
    print('f', x)
    return x
print(f(0) and f(1))
print(f(1) or f(2))
print(f(0) or f(0) or f(3))
print(True & False, True | False, True ^ True, type(True & True))
print(bool(0), bool(0.0), bool(''), bool(()), bool({}), bool(set()), bool(None), bool('a'), bool([0]))
print(True + 1, True * 3, repr(True), str(False))
print(isinstance(True, int), type(True).__name__)
