# Exit statuses and the last stderr line, compared with CPython.
from _util import run, cpython, check, finish, last_line

cases = [
    ('pass', 'pass'),
    ('sys.exit(0)', 'import sys; sys.exit(0)'),
    ('sys.exit(3)', 'import sys; sys.exit(3)'),
    ('sys.exit(None)', 'import sys; sys.exit(None)'),
    ('sys.exit(msg)', 'import sys; sys.exit("bye now")'),
    ('raise SystemExit(7)', 'raise SystemExit(7)'),
    ('uncaught ValueError', 'raise ValueError("bad value")'),
    ('uncaught KeyError', 'd = {}\nd["k"]'),
    ('uncaught in function', 'def f():\n    1/0\nf()'),
    ('uncaught custom', 'class E(Exception): pass\nraise E("x")'),
    ('uncaught KeyboardInterrupt', 'raise KeyboardInterrupt'),
    ('exit in finally', 'import sys\ntry:\n    sys.exit(4)\nfinally:\n    print("fin")'),
    ('NameError', 'print(undefined)'),
]
for name, src in cases:
    a = run(['-c', src])
    c = cpython(['-c', src])
    # dying by SIGINT: CPython re-raises the signal (-2), 128+2 is the shell's spelling of the same
    norm = lambda st: 130 if st == -2 else st
    check(name + ': status', norm(a[0]), norm(c[0]))
    check(name + ': stdout', a[1], c[1])
    if c[0] != 0:
        check(name + ': last stderr line', last_line(a[2]), last_line(c[2]))
finish()
