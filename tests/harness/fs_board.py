# The board's flash file system end to end: `adder --board nodemcu --flash IMG --serial PTY --trace`
# formats a new image (saying so), tools/adder-files puts boot.py and a main.py that blinks the LED,
# a soft reset (Ctrl-D) runs them and the blink shows in the VCD trace; the files survive into the
# next run; a failing main.py prints its traceback and falls through to the REPL; a runaway main.py
# is stopped by Ctrl-C; a soft reset commits files left open; files are listed, read back and
# removed with the tool.
# timeout: 90
import importlib.machinery
import os
import signal
import subprocess
import sys
import time
from _util import ADDER, SLOW, check, finish, tempdir

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.join(HERE, '..', '..', 'tools', 'adder-files')
files = importlib.machinery.SourceFileLoader('adder_files', TOOL).load_module()


def tool(port, *args):
    p = subprocess.run([sys.executable, TOOL, '-p', port] + list(args), capture_output=True, text=True,
                       timeout=30 * SLOW)
    return p.returncode, p.stdout, p.stderr


class Adder:
    def __init__(self, d, image, trace=None):
        self.port = os.path.join(d, 'tty')
        argv = [ADDER, '--board', 'nodemcu', '--fast-time', '--flash', image, '--serial', self.port]
        if trace:
            argv += ['--trace', trace]
        self.proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, start_new_session=True)
        end = time.time() + 5 * SLOW
        while not os.path.exists(self.port) and time.time() < end:
            time.sleep(0.02)

    def stop(self):
        try:
            os.killpg(self.proc.pid, signal.SIGINT)
        except ProcessLookupError:
            pass
        try:
            _, err = self.proc.communicate(timeout=5 * SLOW)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return err.decode(errors='replace')


def gpio2_changes(path):
    ids, out = {}, []
    with open(path) as f:
        head, _, body = f.read().partition('$enddefinitions $end')
    for line in head.splitlines():
        w = line.split()
        if w and w[0] == '$var':
            ids[w[3]] = w[4]
    for line in body.split():
        if line[0] in '01' and ids.get(line[1:]) == 'gpio2':
            out.append(int(line[0]))
    return out


BOOT = 'print("boot.py ran")\n'
MAIN = '''import machine, time
led = machine.Pin(2, machine.Pin.OUT)
for i in range(6):
    led.value(i % 2)
    time.sleep_ms(100)
print("main.py blinked")
'''

with tempdir() as d:
    image = os.path.join(d, 'flash.img')
    trace = os.path.join(d, 'blink.vcd')
    for name, text in (('boot.py', BOOT), ('main.py', MAIN)):
        with open(os.path.join(d, name), 'w') as f:
            f.write(text)

    a = Adder(d, image, trace)
    check('put boot.py', tool(a.port, 'put', os.path.join(d, 'boot.py'))[0], 0)
    check('put main.py', tool(a.port, 'put', os.path.join(d, 'main.py'), '/main.py')[0], 0)
    status, out, _ = tool(a.port, 'ls')
    check('ls shows both files', out.split(), [str(len(BOOT)), 'boot.py', str(len(MAIN)), 'main.py'])
    check('cat reads main.py back', tool(a.port, 'cat', 'main.py')[1], MAIN)
    # the soft reset, as a user types it in the friendly REPL
    b = files.Board(a.port)
    b.write(b'\r\x02')
    b.drain(0.2)
    b.write(b'\x04')
    got = b.read_until(b'>>> ', timeout=10 * SLOW)
    check('soft reset runs boot.py then main.py',
          [l for l in got.decode().split('\r\n') if l.endswith('ran') or l.endswith('blinked')],
          ['boot.py ran', 'main.py blinked'])
    os.close(b.fd)
    err = a.stop()
    check('first boot formats the image, saying so', 'formatted it' in err, True)
    check('the image is 4 MB', os.path.getsize(image), 4 * 1024 * 1024)
    changes = gpio2_changes(trace)
    check('the blink is in the trace (6 values on gpio2 after its set-up)', changes[-6:], [0, 1, 0, 1, 0, 1])

    # the next power-on: the files are still there, nothing is formatted
    a = Adder(d, image)
    b = files.Board(a.port)
    b.enter_raw()
    check('files survive a restart', b.exec_('import os\nprint(sorted(os.listdir("/")))'),
          b"['boot.py', 'main.py']\r\n")
    b.exec_('f = open("main.py", "w")\nf.write("print(1)\\nimport nosuchmodule\\n")\nf.close()')
    b.write(b'\r\x02')
    b.drain(0.2)
    b.write(b'\x04')
    got = b.read_until(b'>>> ', timeout=10 * SLOW).decode()
    check('an error in main.py prints a traceback and falls through to the REPL',
          ('boot.py ran' in got, "ImportError: no module named 'nosuchmodule'" in got
           or "No module named 'nosuchmodule'" in got, got.endswith('>>> ')), (True, True, True))
    b.write(b'\x01')
    b.read_until(b'raw REPL; CTRL-B to exit\r\n>')
    b.exec_('f = open("main.py", "w")\nf.write("while True:\\n    pass\\n")\nf.close()')
    b.write(b'\r\x02')
    b.drain(0.2)
    b.write(b'\x04')
    b.read_until(b'boot.py ran', timeout=10 * SLOW)
    time.sleep(0.3)
    b.write(b'\x03')
    got = b.read_until(b'>>> ', timeout=10 * SLOW).decode()
    check('Ctrl-C stops a runaway main.py', 'KeyboardInterrupt' in got, True)
    os.close(b.fd)
    check('rm through the tool', tool(a.port, 'rm', 'main.py')[0], 0)
    check('ls after rm', tool(a.port, 'ls')[1].split(), [str(len(BOOT)), 'boot.py'])
    b = files.Board(a.port)
    b.enter_raw()
    b.exec_('f = open("pending.txt", "w")\nf.write("written, never closed")')
    b.write(b'\x04')   # soft reset in the raw REPL: open files are committed first
    b.read_until(b'soft reboot\r\n')
    b.read_until(b'raw REPL; CTRL-B to exit\r\n>')
    check('a soft reset commits files left open', b.exec_('print(open("pending.txt").read())'),
          b'written, never closed\r\n')
    os.close(b.fd)
    err = a.stop()
    check('no format on the second run', 'formatted' in err, False)

finish()
