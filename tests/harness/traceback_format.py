# Traceback lines look like CPython's: header, `File "...", line N, in name` per frame, message last.
import re
from _util import run, cpython, check, script, tempdir, finish, last_line

SRC = '''\
def inner(x):
    return 10 // x

def outer(x):
    return inner(x) + 1

class C:
    def method(self):
        return outer(0)

print("before")
C().method()
'''

def frames(err):
    # CPython names the script by its absolute path, Adder by the path it was given: compare base names
    lines = [l for l in err.split('\n') if l.startswith('Traceback') or l.startswith('  File ')]
    return [re.sub(r'File "[^"]*/', 'File "', l) for l in lines]

with tempdir() as d:
    script(d, 'tb.py', SRC)
    a = run(['tb.py'], cwd=d)
    c = cpython(['tb.py'], cwd=d)
    check('status', a[0], 1)
    check('stdout', a[1], 'before\n')
    check('frame lines', frames(a[2]), frames(c[2]))
    check('message', last_line(a[2]), 'ZeroDivisionError: integer division or modulo by zero')
    script(d, 'chain.py', 'try:\n    {}["k"]\nexcept KeyError as e:\n    raise ValueError("v") from e\n')
    a = run(['chain.py'], cwd=d)
    c = cpython(['chain.py'], cwd=d)
    check('chained: cause banner', 'The above exception was the direct cause of the following exception:' in a[2], True)
    check('chained: frame lines', frames(a[2]), frames(c[2]))
    check('chained: message', last_line(a[2]), 'ValueError: v')
    script(d, 'ctx.py', 'try:\n    1/0\nexcept ZeroDivisionError:\n    raise KeyError("k")\n')
    a = run(['ctx.py'], cwd=d)
    check('context banner', 'During handling of the above exception, another exception occurred:' in a[2], True)
    check('context message', last_line(a[2]), "KeyError: 'k'")
    script(d, 'mod_err.py', 'def f():\n    raise RuntimeError("in module")\n')
    script(d, 'imp.py', 'import mod_err\nmod_err.f()\n')
    a = run(['imp.py'], cwd=d)
    c = cpython(['imp.py'], cwd=d)
    check('frames across modules', frames(a[2]), frames(c[2]))
finish()
