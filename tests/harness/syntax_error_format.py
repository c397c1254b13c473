# SyntaxError reports: `File "name", line N` and the SyntaxError line, nothing executed, status 1.
import re
from _util import run, cpython, check, script, tempdir, finish, last_line

cases = {
    'bad_assign.py': 'print("no")\nx = = 1\n',
    'unclosed.py': 'print("no")\nx = (1,\n     2\n',
    'indent.py': 'def f():\n    return 1\n      return 2\n',
    'dedent.py': 'if True:\n        x = 1\n    y = 2\n',
    'missing_colon.py': 'print("no")\nfor i in range(3)\n    print(i)\n',
    'bad_string.py': "x = 1\ns = 'unterminated\n",
}
with tempdir() as d:
    for name, src in cases.items():
        script(d, name, src)
        a = run([name], cwd=d)
        c = cpython([name], cwd=d)
        check(name + ': status', a[0], 1)
        check(name + ': nothing ran', a[1], '')
        # CPython names the script by its absolute path, Adder by the path it was given: compare base names
        a_file = [re.sub(r'File "[^"]*/', 'File "', l.strip()) for l in a[2].split('\n') if l.strip().startswith('File ')]
        c_file = [re.sub(r'File "[^"]*/', 'File "', l.strip()) for l in c[2].split('\n') if l.strip().startswith('File ')]
        check(name + ': file and line', a_file, c_file)
        check(name + ': error class', last_line(a[2]).split(':')[0], last_line(c[2]).split(':')[0])
finish()
