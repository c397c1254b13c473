# The raw REPL and raw-paste, byte for byte as mpremote speaks them, over `adder --serial PATH`
# (a pseudo-terminal linked at PATH, as a board's USB serial port): soft reset, exec, exceptions,
# a 4 KB script through raw-paste flow control, Ctrl-C of running code, soft reset clearing the
# Python state, the friendly REPL on the line, and the raw REPL on a plain terminal.
# timeout: 90
from _repl import RawRepl, Serial, Terminal
from _util import check, finish

RAW_BANNER = b'raw REPL; CTRL-B to exit\r\n'
s = Serial()

# entering the raw REPL with a soft reset, exactly as mpremote does it
s.send(b'\r\x03')
s.read_for(0.3)
s.send(b'\r\x01')
check('raw REPL banner', s.expect(RAW_BANNER + b'>').endswith(b'\r\n' + RAW_BANNER + b'>'), True)
s.send(b'\x04')
check('soft reset bytes', s.expect(b'>'), b'OK\r\nMPY: soft reboot\r\n' + RAW_BANNER + b'>')

s.send(b'x = 6 * 7\x04')
check('exec with no output', s.read_exact(5), b'OK\x04\x04>')
s.send(b'print(x)\nprint("two")\x04')
check('exec output uses \\r\\n', s.read_exact(15), b'OK42\r\ntwo\r\n\x04\x04>')
s.send(b'1/0\x04')
check('exception text between the \\x04s', s.expect(b'\x04>'),
      b'OK\x04Traceback (most recent call last):\r\n  File "<stdin>", line 1, in <module>\r\n'
      b'ZeroDivisionError: division by zero\r\n\x04>')
s.send(b'abc\x03print(1)\x04')
check('Ctrl-C clears the raw buffer', s.read_exact(7), b'OK1\r\n\x04\x04')
check('prompt after exec', s.read_exact(1), b'>')
s.send(b'\x05B\x01')
check('unknown raw-paste command answers R\\x00', s.read_exact(3), b'R\x00>')
s.send(b'\x01')
check('Ctrl-A in raw mode repeats the banner', s.read_exact(len(RAW_BANNER) + 1), RAW_BANNER + b'>')

# raw-paste with a 4 KB script, through the client's flow control
r = RawRepl(s)
lines = ['v%d = %d' % (i, i) for i in range(400)]
script = '\n'.join(lines) + '\nprint(sum(v%d for v in [0]) if False else v399 + v0)\n'
script += '# ' + 'x' * (4096 - len(script)) + '\n'
check('script is at least 4 KB', len(script) >= 4096, True)
s.send(b'\x05A\x01')
check('raw-paste accepted', s.read_exact(2), b'R\x01')
r._raw_paste_write(script.encode())
check('raw-paste window is 128 bytes', r.window_size, 128)
check('flow control granted windows', r.windows >= len(script) // 128 - 1, True)
out, err = r.follow()
check('raw-paste output', (out, err), (b'399\r\n', b''))
out, err = r.exec('import sys\nprint(len(sys.argv) >= 0, x)')
check('mpremote-style exec (raw-paste)', (out, err), (b'True 42\r\n', b''))
r.use_raw_paste = False
check('mpremote-style exec (plain raw)', r.exec('print(x + 1)'), (b'43\r\n', b''))

# Ctrl-C (the byte 0x03 on the line) interrupts running code
s.expect(b'>')
s.send(b'while True:\n    pass\n\x04')
check('loop started', s.read_exact(2), b'OK')
s.read_for(0.5)
s.send(b'\x03')
check('Ctrl-C raises KeyboardInterrupt', s.expect(b'\x04>'),
      b'\x04Traceback (most recent call last):\r\n  File "<stdin>", line 2, in <module>\r\n'
      b'KeyboardInterrupt\r\n\x04>')

# soft reset clears globals and modules
s.send(b'import math\nmath.flag = 1\n\x04')
s.expect(b'\x04>')
s.send(b'\x04')
check('second soft reset', s.expect(b'>'), b'OK\r\nMPY: soft reboot\r\n' + RAW_BANNER + b'>')
s.send(b'print("x" in globals(), hasattr(__import__("math"), "flag"))\x04')
check('soft reset cleared the state', s.expect(b'\x04>'), b'OKFalse False\r\n\x04\x04>')

# back to the friendly REPL on the line
s.send(b'\x02')
banner = s.expect(b'>>> ')
check('Ctrl-B: friendly banner', banner.startswith(b'\r\nAdder ') and banner.endswith(b'information.\r\n>>> '), True)
s.send(b'print("a\\nb")\r')
check('friendly output with \\r\\n', s.expect(b'>>> '), b'print("a\\nb")\r\na\r\nb\r\n>>> ')
s.send(b'while True: pass\r\r')
s.read_for(0.5)
s.send(b'\x03')
check('friendly Ctrl-C', s.expect(b'>>> ').endswith(b'KeyboardInterrupt\r\n>>> '), True)
s.send(b'y = 1\r')
s.expect(b'>>> ')
s.send(b'\x04')
out = s.expect(b'>>> ')
check('friendly Ctrl-D soft-resets', out.startswith(b'\r\nMPY: soft reboot\r\nAdder '), True)
s.send(b'y\r')
check('globals gone after the reset', s.expect(b'>>> ').endswith(b"NameError: name 'y' is not defined\r\n>>> "), True)
check('stopping removes the link', s.close(), True)
s = Serial()
s.proc.terminate()
s.proc.wait()
check('SIGTERM removes the link too', s.close(), True)

# the raw REPL on a plain terminal speaks the same bytes (Ctrl-D there exits instead)
t = Terminal()
t.expect(b'>>> ')
t.send(b'\r\x01')
check('terminal raw REPL', t.expect(RAW_BANNER + b'>'), b'\r\n>>> \r\n' + RAW_BANNER + b'>')
t.send(b'print(1+1)\x04')
check('terminal raw exec', t.read_exact(8), b'OK2\r\n\x04\x04>')
t.send(b'\x04')
check('terminal raw Ctrl-D exits', t.close(), 0)
finish()
