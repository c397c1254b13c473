# input() reads lines from stdin when a script runs; prompts go to stdout; EOF raises EOFError.
from _util import run, cpython, check, script, tempdir, finish

SRC = '''
name = input("name? ")
n = int(input())
print("hello", name, n * 2)
try:
    input()
except EOFError:
    print("EOF")
'''
with tempdir() as d:
    script(d, 'ask.py', SRC)
    a = run(['ask.py'], cwd=d, stdin='adder\n21\n')
    c = cpython(['ask.py'], cwd=d, stdin='adder\n21\n')
    check('input from a pipe', a[:2], c[:2])
    check('no trailing newline', run(['-c', 'print(repr(input()))'], stdin='last line')[1], "'last line'\n")
    check('empty line', run(['-c', 'print(repr(input()))'], stdin='\n')[1], "''\n")
    check('utf-8 input', run(['-c', 'print(len(input()))'], stdin='héllo\n')[1], '5\n')
finish()
