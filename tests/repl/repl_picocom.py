# A real serial terminal against `adder --serial PATH`: picocom (the Debian package, installed by
# tools/deps.sh), driven through a pty as a user drives it.  It connects after the board has written
# its banner and still sees a prompt, runs code, edits a line, interrupts a loop with Ctrl-C,
# soft-resets with Ctrl-D and leaves with C-a C-x; a second session on the same line sees a prompt.
# timeout: 60
import os
import shutil
import sys
import termios
import time
import tty
from _repl import Serial, Session, Terminal
from _util import SLOW, check, finish

if shutil.which('picocom') is None:
    print('SKIP: picocom is not installed and could not be (run tools/deps.sh as root)')
    sys.exit(0)

board = Serial(connect=False)
time.sleep(0.3 * SLOW)   # the banner and first prompt go out before any client is there


def picocom():
    p = Terminal(argv=['picocom', '-b', '115200', board.path])
    ready = p.expect(b'Terminal ready\r\n')
    check('picocom opened the line', ready.endswith(b'Terminal ready\r\n'), True)
    return p


def line(p, keys):
    p.send(keys + '\r')
    return p.expect(b'>>> ')


def leave(p):
    p.send(b'\x01\x18')   # C-a C-x
    bye = p.expect(b'Thanks for using picocom\r\n')
    check('C-a C-x leaves picocom', (bye.endswith(b'Thanks for using picocom\r\n'), p.close()), (True, 0))


p = picocom()
check('a late client sees the prompt', p.expect(b'>>> '), b'>>> ')
check('print(6*7)', line(p, 'print(6*7)'), b'print(6*7)\r\n42\r\n>>> ')
check('line editing', line(p, '6*8\x1b[D\x1b[D1').endswith(b'\r\n488\r\n>>> '), True)
# Enter on blank lines: the auto-indent goes, then the block runs (as in MicroPython)
check('a compound statement, auto-indented', line(p, 'for i in range(3):\rprint(i, end=" ")\r\r\r'),
      b'for i in range(3):\r\n...     print(i, end=" ")\r\n...     \r\n...     \r\n... \r\n0 1 2 >>> ')
p.send('while True: pass\r\r')
p.read_for(0.5)
p.send(b'\x03')
check('Ctrl-C interrupts a loop', p.expect(b'>>> ').endswith(b'KeyboardInterrupt\r\n>>> '), True)
line(p, 'z = 1')
p.send(b'\x04')
reboot = p.expect(b'>>> ')
check('Ctrl-D soft-resets', (reboot.startswith(b'\r\nMPY: soft reboot\r\nAdder '),
                             reboot.endswith(b'information.\r\n>>> ')), (True, True))
check('the reset cleared globals', line(p, 'z').endswith(b"NameError: name 'z' is not defined\r\n>>> "), True)
leave(p)

p = picocom()
check('a second session sees the prompt', p.expect(b'>>> '), b'>>> ')
check('and runs code', line(p, 'print(6*7)'), b'print(6*7)\r\n42\r\n>>> ')
leave(p)
# what the relay does for picocom: a client's flush of its input brings the friendly prompt back,
# but never a raw REPL prompt (a protocol client would lose step)
fd = os.open(board.path, os.O_RDWR | os.O_NOCTTY)
tty.setraw(fd, termios.TCSANOW)
c = Session(fd)
termios.tcflush(fd, termios.TCIFLUSH)
check('a flush brings the friendly prompt back', c.read_for(0.5), b'>>> ')
c.send(b'\x01')
c.expect(b'raw REPL; CTRL-B to exit\r\n>')
termios.tcflush(fd, termios.TCIFLUSH)
check('but not the raw prompt', c.read_for(0.5), b'')
c.send(b'\x02')
c.expect(b'>>> ')
os.close(fd)
check('server stopped, link removed', board.close(), True)
finish()
