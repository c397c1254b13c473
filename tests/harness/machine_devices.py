# The virtual board's other peripherals seen from outside: SPI and UART1 bytes and the NeoPixel bit
# stream in the VCD trace, the status lines on stderr (UART1 text, pixel colours, servo angle), the
# flash image kept in a file across runs (--flash), and a busy loop interrupted by Ctrl-C still
# stopping promptly now that timer callbacks run between bytecodes.
import os
import signal
import subprocess
import time
from _util import ADDER, SLOW, run, check, finish, script, tempdir


def vcd_bytes(path, name):
    """The values a byte-wide variable of the VCD file takes after the initial dump."""
    ident, values, in_dump = None, [], True
    with open(path) as f:
        for line in f:
            w = line.split()
            if not w:
                continue
            if w[0] == '$var' and w[4] == name:
                ident = w[3]
            elif w[0] == '$end' and in_dump and ident is not None and values == []:
                in_dump = False
            elif w[0].startswith('b') and len(w) == 2 and w[1] == ident and not in_dump:
                values.append(int(w[0][1:], 2))
    return values


BOARD = 'name test\nspi loopback\nneopixel ring 4 2\nservo arm 15\n'
PROG = '''
from machine import Pin, SPI, UART, PWM
import neopixel
SPI(1).write_readinto(b"\\x12\\x34", bytearray(2))
UART(1).write("hi\\n")
np = neopixel.NeoPixel(Pin(4), 2)
np[0] = (255, 0, 0); np[1] = (0, 0, 16); np.write()
PWM(Pin(15), freq=50, duty=77)
'''

with tempdir() as d:
    board = script(d, 'b.txt', BOARD)
    vcd = os.path.join(d, 't.vcd')
    status, out, err = run(['--fast-time', '--leds', '--board', board, '--trace', vcd, '-c', PROG])
    check('runs', (status, out), (0, ''))
    check('trace: SPI MOSI and MISO bytes', (vcd_bytes(vcd, 'spi_mosi'), vcd_bytes(vcd, 'spi_miso')),
          ([0x12, 0x34], [0x12, 0x34]))
    check('trace: UART1 bytes', vcd_bytes(vcd, 'uart1'), list(b'hi\n'))
    check('trace: the NeoPixel bit stream (G R B)', vcd_bytes(vcd, 'bitstream'), [0, 255, 0, 0, 0, 16])
    check('stderr: UART1 line, pixel colours, servo angle', err.splitlines(),
          ['[uart1] hi', '[neopixel] ring (GPIO4) #ff0000 #000010', '[servo] arm (GPIO15) 90\u00b0'])

    image = os.path.join(d, 'flash.bin')
    WRITE = 'import esp\nesp.flash_erase(300)\nesp.flash_write(300 * 4096, b"keep")\n'
    READ = 'import esp\nprint(esp.flash_read(300 * 4096, 4))\n'
    run(['--flash', image, '-c', WRITE])
    check('--flash: the image file has the flash size', os.path.getsize(image) if os.path.exists(image) else 0,
          4 * 1024 * 1024)
    check('--flash: written data survives into the next run', run(['--flash', image, '-c', READ])[1], "b'keep'\n")
    check('without --flash the chip starts erased', run(['-c', READ])[1], "b'\\xff\\xff\\xff\\xff'\n")

    BUSY = ('from machine import Timer\nTimer(-1).init(period=5, callback=lambda t: None)\n'
            'while True:\n    pass\n')
    p = subprocess.Popen([ADDER, '-c', BUSY], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5 * SLOW)
    p.send_signal(signal.SIGINT)
    try:
        _, err = p.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        _, err = p.communicate()
    check('Ctrl-C stops a busy loop while a timer runs', (p.returncode, err.strip().splitlines()[-1:]),
          (130, ['KeyboardInterrupt']))
finish()
