# assorted core semantics: each line compared with CPython
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls); calls.clear()
print(v(3) < v(2) < v(1), calls); calls.clear()
d = {'k': [1, 2]}
def key():
    calls.append('key')
    return 'k'
d[key()][0] += 5
print(d, calls); calls.clear()
lst = list(range(10))
del lst[2:5]
print(lst)
del lst[::2]
print(lst)
for a, *b in [(1, 2, 3), (4,)]:
    print(a, b)
for *a, b in ['xy', 'z']:
    print(a, b)
x = 5
print(f"{x=}", f"{x!r:>4}", f"{'a' if x else 'b'}", f"{f'{x}'}", f"{x:{'>'}{3}}", f"{3.14159:.{2}f}")
print(0x1f, 0o17, 0b101, 1_000_000, 0xdead_beef, 1e3, 1_0.5, 0o7_7, 00)
try:
    try:
        raise KeyError('a')
    except KeyError:
        raise ValueError('b') from None
except ValueError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__))
try:
    raise ValueError('c') from KeyError('d')
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
for exc in [ArithmeticError, ZeroDivisionError, OverflowError, LookupError, IndexError, KeyError, TypeError,
            ValueError, NameError, UnboundLocalError, AttributeError, StopIteration, StopAsyncIteration,
            GeneratorExit, KeyboardInterrupt, SystemExit, MemoryError, RuntimeError, RecursionError,
            NotImplementedError, OSError, ImportError, ModuleNotFoundError, AssertionError, SyntaxError,
            IndentationError, EOFError, UnicodeError, FileNotFoundError, TimeoutError]:
    print(exc.__name__, [b.__name__ for b in exc.__mro__[1:]])
def outer():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def deep():
        def deeper():
            nonlocal n
            n *= 10
        deeper()
    inc(); inc(); deep()
    return n
print(outer())
class S:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = 1
s = S()
print(s.a, S.__slots__)
g = {'y': 2}
l = {}
exec('z = y + 1', g, l)
print(l, 'z' in g)
exec('w = 7', g)
print(g['w'])
print(eval('y * 3', g), eval('q', {}, {'q': 9}))
code = compile('1 + 1', '<s>', 'eval')
print(eval(code))
code = compile('a = 5\nb = a * 2', '<s>', 'exec')
ns = {}
exec(code, ns)
print(ns['b'])
m = __import__('sys')
print(m.__name__, type(__import__('math')).__name__)
print(type(compile('x = 1', '<s>', 'single')).__name__)
