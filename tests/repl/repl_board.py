# `adder --serial` acts as a board at reset: boot.py, then main.py (not in the raw REPL, where a tool
# is in control) run from the current directory at start and after each soft reset, which also puts
# the virtual board's pins back to power-on.  Ctrl-C stops input() at once (over the line, on a
# terminal, by SIGINT) and the reading of a program from stdin.
# timeout: 60
import re
import signal
import subprocess
import time
from _repl import ADDER, SLOW, RawRepl, Serial, Terminal
from _util import check, finish, script, tempdir

RAW_BANNER = b'raw REPL; CTRL-B to exit\r\n'
LEDS_OFF = b"{'blue': 0, 'red': 0, 'ext': 0}\r\n"
d = tempdir()
script(d.name, 'boot.py', 'print("boot.py ran")\n')
script(d.name, 'main.py', 'import board\nprint("main.py ran", "z" in globals())\nprint(board.leds())\n')
s = Serial(cwd=d.name)
start = s.expect(b'>>> ')
check('boot.py and main.py run at start', start.startswith(b'boot.py ran\r\nmain.py ran False\r\n' + LEDS_OFF
                                                           + b'Adder '), True)


def line(keys):
    s.send(keys + '\r')
    return s.expect(b'>>> ')


line('from machine import Pin; import board; p = Pin(2, Pin.OUT); p.value(0); z = 1')
check('the LED is lit', line('board.leds()["blue"]').endswith(b'\r\n100\r\n>>> '), True)
s.send(b'\x04')
out = s.expect(b'>>> ')
check('soft reset runs boot.py and main.py again, the LED goes out',
      bool(re.fullmatch(rb'\r\nMPY: soft reboot\r\n.*blue LED \(GPIO2\) off\r\nboot.py ran\r\nmain.py ran False\r\n'
                        + re.escape(LEDS_OFF) + rb'Adder [^\r]*\r\nType "help\(\)" for more information.\r\n>>> ',
                        out)), True)
check('Pin objects are gone', line('p').endswith(b"NameError: name 'p' is not defined\r\n>>> "), True)
check('machine.reset_cause() is SOFT_RESET after Ctrl-D',
      line('import machine; machine.reset_cause() == machine.SOFT_RESET').endswith(b'True\r\n>>> '), True)

# the raw REPL's soft reset runs boot.py only, between the reboot line and the raw banner
s.send(b'\r\x01')
s.expect(RAW_BANNER + b'>')
s.send(b'\x04')
check('raw soft reset: boot.py only', s.expect(b'>'),
      b'OK\r\nMPY: soft reboot\r\nboot.py ran\r\n' + RAW_BANNER + b'>')
r = RawRepl(s)
s.send(b'\x02')
s.expect(b'>>> ')
r.enter()   # what mpremote does on connecting, boot output and all
check('mpremote-style exec after boot.py', r.exec('print(__name__)'), (b'__main__\r\n', b''))
r.exit()
s.expect(b'>>> ')

# Ctrl-C while input() waits raises KeyboardInterrupt at once
s.send('input("?" + "> ")\r')   # the prompt must not match the echo of the line
s.expect(b'?> ')
t0 = time.time()
s.send(b'\x03')
out = s.expect(b'>>> ', timeout=3)
check('Ctrl-C in input() over the line', (out.endswith(b'KeyboardInterrupt\r\n>>> '), time.time() - t0 < 2 * SLOW),
      (True, True))
check('server stopped', s.close(), True)

t = Terminal()
t.expect(b'>>> ')
t.send('input("?" + "> ")\r')
t.expect(b'?> ')
t.send(b'\x03')
check('Ctrl-C in input() on a terminal', t.expect(b'>>> ', timeout=3).endswith(b'KeyboardInterrupt\r\n>>> '), True)
t.send(b'\x04')
t.close()

p = subprocess.Popen([ADDER, '-c', 'print("ready", flush=True); input()'], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
p.stdout.readline()
time.sleep(0.2)
p.send_signal(signal.SIGINT)
try:
    p.wait(timeout=3 * SLOW)   # with stdin still open: no EOF to race with the signal
    _, err = p.communicate()
    check('SIGINT during input() with a pipe open', (p.returncode, err.decode().rstrip().rsplit('\n', 1)[-1]),
          (130, 'KeyboardInterrupt'))
except subprocess.TimeoutExpired:
    p.kill()
    p.communicate()
    check('SIGINT during input() with a pipe open', 'hung', 'interrupted')

# the same while the program itself is read from stdin (a pipe that stays open)
p = subprocess.Popen([ADDER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
time.sleep(0.3 * SLOW)
p.send_signal(signal.SIGINT)
try:
    p.wait(timeout=3 * SLOW)
    _, err = p.communicate()
    check('SIGINT while the program is read from stdin', (p.returncode, err.decode().rstrip().rsplit('\n', 1)[-1]),
          (130, 'KeyboardInterrupt'))
except subprocess.TimeoutExpired:
    p.kill()
    p.communicate()
    check('SIGINT while the program is read from stdin', 'hung', 'interrupted')
d.cleanup()
finish()
