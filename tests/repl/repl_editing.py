# The friendly REPL on a terminal, key by key: banner, echo and `_`, line editing (arrows, Home/End,
# Backspace/Delete, Ctrl-A/E/K/U), history, auto-indent and its dedent rules, tab completion,
# paste mode, Ctrl-C at the prompt and in running code, help(), and Ctrl-D leaving with status 0.
# timeout: 60
import re
from _repl import Terminal
from _util import check, finish

PROMPT = b'>>> '
t = Terminal()
banner = t.expect(PROMPT)
check('banner shape', bool(re.match(rb'Adder \d+\.\d+\.\d+ on \d{4}-\d\d-\d\d; .+ with .+\r\n'
                                    rb'Type "help\(\)" for more information\.\r\n>>> $', banner)), True)


def line(keys):
    """Types keys and Enter; returns what the REPL wrote up to the next primary prompt."""
    t.send(keys + '\r')
    return t.expect(PROMPT)


check('expression echoed', line('6 * 7'), b'6 * 7\r\n42\r\n>>> ')
check('_ holds the last result', line('_ + 1'), b'_ + 1\r\n43\r\n>>> ')
check('None not echoed', line('None'), b'None\r\n>>> ')
check('statement', line('s = "abc"'), b's = "abc"\r\n>>> ')

# editing: left twice, insert; Home then insert; End then append
check('left arrow inserts mid-line', line('s+"xz"\x1b[D\x1b[Dy').endswith(b"'abcxyz'\r\n>>> "), True)
check('Home/End keys', line('"b"\x1b[H"a"+\x1b[F+"c"').endswith(b"\n'abc'\r\n>>> "), True)
check('Ctrl-A/Ctrl-E move', line('2\x01-1+\x05*3').endswith(b'\n5\r\n>>> '), True)
check('backspace', line('12\x7f3')[-8:], b'13\r\n>>> ')
check('delete key', line('123\x1b[D\x1b[D\x1b[3~')[-8:], b'13\r\n>>> ')
check('Ctrl-K kills to the end', line('77\x01\x1b[C\x0b')[-7:], b'7\r\n>>> ')
check('Ctrl-U kills to the start', line('5+2\x1b[D\x15' + '3')[-8:], b'32\r\n>>> ')

# history: up recalls the previous line, down goes back to an empty line
line('h = 100')
t.send('\x1b[A')
check('up arrow recalls the last line', t.read_for(0.3), b'h = 100')
t.send('\x1b[B')
t.read_for(0.3)
t.send('\x1b[A\x1b[A\r')
check('two ups recall the line before', t.expect(PROMPT)[-8:], b'32\r\n>>> ')

# auto-indent: a block body is indented; Enter on blank indented lines ends the block (MicroPython)
t.send('def f(n):\r')
check('auto-indent after a colon', t.read_for(0.3), b'def f(n):\r\n...     ')
t.send('return n * 2\r')
check('indent kept on the next line', t.read_for(0.3), b'return n * 2\r\n...     ')
t.send('\r\r\r')
check('blank lines end the block', t.expect(PROMPT), b'\r\n...     \r\n... \r\n>>> ')
check('the function works', line('f(21)'), b'f(21)\r\n42\r\n>>> ')
t.send('if True:\r')
t.read_for(0.3)
t.send('if True:\r')
check('nested block indents twice', t.read_for(0.3), b'if True:\r\n...         ')
t.send('x = 1\r\x7f')
check('backspace removes one indent level', t.read_for(0.3), b'x = 1\r\n...         \x08\x08\x08\x08\x1b[K')
t.send('y = 2\r\x7f\r')
check('dedent then Enter runs it', t.expect(PROMPT), b'y = 2\r\n...     \x08\x08\x08\x08\x1b[K\r\n>>> ')
check('the block ran', line('x + y'), b'x + y\r\n3\r\n>>> ')
t.send('for i in range(2):\r    print(i)\r\r')
check('typed indentation replaces auto-indent', t.expect(PROMPT), b'for i in range(2):\r\n...     \x08\x08\x08\x1b[K'
      b'   print(i)\r\n... \r\n0\r\n1\r\n>>> ')

# tab completion
line('import math')
t.send('math.sq\t')
check('attribute completion', t.read_for(0.3), b'math.sqrt')
t.send('(16)\r')
check('completed call runs', t.expect(PROMPT), b'(16)\r\n4.0\r\n>>> ')
line('apple_one = 1')
line('apple_two = 2')
t.send('app\t')
check('common prefix completed', t.read_for(0.3), b'apple_')
t.send('\t')
out = t.read_for(0.3)
check('several matches listed', b'apple_one' in out and b'apple_two' in out and out.endswith(b'>>> apple_'), True)
t.send('\x03')
check('Ctrl-C clears the line', t.expect(PROMPT), b'\r\n>>> ')
t.send('import mat\t')
check('module name completion after import', t.read_for(0.3), b'import math')
t.send('\x03')
t.expect(PROMPT)

# paste mode: lines echoed after "=== ", run as a file on Ctrl-D (no echo of expression values)
t.send('\x05')
check('paste mode banner', t.read_for(0.3), b'\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ')
t.send('def g():\r    return 5\r\rprint(g())\r7\r\x04')
check('paste mode runs the block', t.expect(PROMPT), b'def g():\r\n===     return 5\r\n=== \r\n=== print(g())'
      b'\r\n=== 7\r\n=== \r\n5\r\n>>> ')
t.send('\x05x = 1\x03')
check('paste mode Ctrl-C cancels', t.expect(PROMPT)[-6:], b'\r\n>>> ')

# Ctrl-C in running code; the REPL carries on
t.send('while True: pass\r\r')
t.read_for(0.5)
t.send('\x03')
out = t.expect(PROMPT)
check('Ctrl-C raises KeyboardInterrupt in a loop', out.endswith(b'KeyboardInterrupt\r\n>>> '), True)
check('errors print a traceback', line('1/0'), b'1/0\r\nTraceback (most recent call last):\r\n'
      b'  File "<stdin>", line 1, in <module>\r\nZeroDivisionError: division by zero\r\n>>> ')
check('SyntaxError does not end the session', b'SyntaxError' in line('1 +'), True)
out = line('help()')
check('help() prints a guide', b'help(\'modules\')' in out, True)
out = line('help("modules")')
check("help('modules') lists math and sys", b'math' in out and b'sys' in out, True)
out = line('help(math)')
check('help(obj) lists attributes', b'sqrt' in out and b'pi' in out, True)
t.send('\x02')
check('Ctrl-B prints the banner again', t.expect(PROMPT).startswith(b'\r\nAdder '), True)
t.send('\x04')
check('Ctrl-D exits with status 0', t.close(), 0)
finish()
