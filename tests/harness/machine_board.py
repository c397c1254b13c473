# The virtual NodeMCU seen from outside: the VCD trace of the blink exchange (pin 2 low -> LED on),
# PWM and I2C in the trace, the LED lines on stderr, --board nodemcu's 40 KB heap, a board
# description file with a stimulus for its button, and the OLED saved as a PNG.
import os
import struct
import zlib
from _util import run, check, finish, last_line, script, tempdir


def read_vcd(path):
    """{name: [(time, value), ...]} from a VCD file, and the header's variable names."""
    ids, changes, t = {}, {}, 0
    with open(path) as f:
        text = f.read()
    head, _, body = text.partition('$enddefinitions $end')
    for line in head.splitlines():
        w = line.split()
        if w and w[0] == '$var':
            ids[w[3]] = w[4]
            changes[w[4]] = []
    times = []
    for line in body.splitlines():
        line = line.strip()
        if not line or line.startswith('$'):
            continue
        if line[0] == '#':
            t = int(line[1:])
            times.append(t)
        elif line[0] in 'rb':
            val, ident = line[1:].split()
            changes[ids[ident]].append((t, float(val) if line[0] == 'r' else int(val, 2)))
        else:
            changes[ids[line[1:]]].append((t, int(line[0])))
    return changes, times


BLINK = '''
import machine, time
pin = machine.Pin(2, machine.Pin.OUT)
pin.high()   # light off
time.sleep_ms(500)
pin.low()    # light on (the on-board LED is active-low)
time.sleep_ms(500)
pin.high()
'''

with tempdir() as d:
    vcd = os.path.join(d, 'blink.vcd')
    status, out, err = run(['--fast-time', '--leds', '--trace', vcd, '-c', BLINK])
    check('blink runs', status, 0)
    changes, times = read_vcd(vcd)
    check('trace: timestamps never go back', times, sorted(times))
    check('trace: gpio2 in the header, flash pins absent', ('gpio2' in changes, 'gpio7' in changes), (True, False))
    check('trace: gpio2 pulled up, driven, high, low at 500 ms, high at 1 s',
          changes['gpio2'], [(0, 1), (0, 0), (0, 1), (500000, 0), (1000000, 1)])
    check('--leds: the blue LED lines on stderr', err.splitlines(),
          ['[led] blue (GPIO2) ON', '[led] blue (GPIO2) off', '[led] blue (GPIO2) ON', '[led] blue (GPIO2) off'])
    status, out, err = run(['--fast-time', '-c', BLINK])
    check('no LED lines when stderr is not a terminal', err, '')

    PWM = 'from machine import Pin, PWM\nimport time\np = PWM(Pin(5), freq=100, duty=256)\ntime.sleep_ms(10)\np.duty(1023)\ntime.sleep_ms(10)\np.deinit()'
    vcd = os.path.join(d, 'pwm.vcd')
    status, out, err = run(['--fast-time', '--leds', '--trace', vcd, '-c', PWM])
    changes, _ = read_vcd(vcd)
    check('trace: PWM duty on pwm5', [(t, round(v, 4)) for t, v in changes['pwm5']],
          [(0, 0.0), (0, 0.2502), (10000, 1.0), (20000, 0.0)])
    check('--leds: PWM brightness', err.splitlines(), ['[led] ext (GPIO5) 25%', '[led] ext (GPIO5) ON',
                                                       '[led] ext (GPIO5) off'])

    I2C = 'from machine import Pin, SoftI2C\ni2c = SoftI2C(scl=Pin(14), sda=Pin(4), freq=100000)\ni2c.writeto(0x3C, b"\\x80\\xaf")'
    vcd = os.path.join(d, 'i2c.vcd')
    run(['--fast-time', '--trace', vcd, '-c', I2C])
    changes, _ = read_vcd(vcd)
    check('trace: I2C bytes (address 0x3C write, control, display on)',
          [v for t, v in changes['i2c_byte'][1:]], [0x78, 0x80, 0xAF])
    check('trace: I2C bus busy for the transfer, 91 us a byte at 100 kHz', changes['i2c_busy'][1:], [(0, 1), (273, 0)])
    check('trace: one byte every 91 us', [t for t, v in changes['i2c_byte'][1:]], [0, 91, 182])

    ALLOC = 'x = bytearray(50000)\nprint("allocated")'
    status, out, err = run(['--board', 'nodemcu', '-c', ALLOC])
    check('--board nodemcu: a 40 KB heap, MemoryError', (status, last_line(err).split(':')[0]), (1, 'MemoryError'))
    check('default heap: 50000 bytes fit', run(['-c', ALLOC])[:2], (0, 'allocated\n'))

    board = script(d, 'myboard.txt', '# a breadboard\nname breadboard\nheap 64K\n'
                   'led green 13 green active-high\nbutton B1 D6 active-low\npot A0 0.5\n')
    stim = script(d, 'b1.stim', '50ms press B1\n+10ms release B1\n')
    PROG = ('from machine import Pin, ADC\nimport time, board\n'
            'Pin(12, Pin.IN).irq(handler=lambda p: print("B1", time.ticks_ms()), trigger=Pin.IRQ_FALLING)\n'
            'Pin(13, Pin.OUT).on()\nprint(board.leds())\nprint(ADC(0).read())\ntime.sleep_ms(100)\n')
    status, out, err = run(['--board', board, '--fast-time', '--stimulus', stim, '-c', PROG])
    check('board file: its LED, its pot, its button through the stimulus',
          (status, out), (0, "{'green': 100}\n155\nB1 50\n"))
    bad = script(d, 'bad.txt', 'led x 7 red\n')
    status, out, err = run(['--board', bad, '-c', 'pass'])
    check('board file: GPIO7 rejected with the line number', (status, 'bad.txt:1' in err), (2, True))
    stim = script(d, 'bad.stim', '10ms jump\n')
    status, out, err = run(['--stimulus', stim, '-c', 'pass'])
    check('stimulus file: an unknown event is an error', (status, 'bad.stim:1' in err), (2, True))

    png = os.path.join(d, 'oled.png')
    OLED = ('from machine import Pin, I2C\nimport board\ni2c = I2C(scl=Pin(14), sda=Pin(4))\n'
            'for c in (0x20, 0, 0x21, 0, 127, 0x22, 0, 7, 0xA1, 0xC8, 0xAF): i2c.writeto(0x3C, bytes([0x80, c]))\n'
            'i2c.writeto(0x3C, b"\\x40" + b"\\xff" * 128)\nboard.oled_png(%r)\n' % png)
    status, out, err = run(['--fast-time', '-c', OLED])
    check('oled_png runs', (status, err), (0, ''))
    data = open(png, 'rb').read() if os.path.exists(png) else b''
    w, h = struct.unpack('>II', data[16:24]) if len(data) > 24 else (0, 0)
    check('PNG header and size', (data[:8], w, h), (b'\x89PNG\r\n\x1a\n', 512, 256))
    idat = data[data.find(b'IDAT') + 4:data.find(b'IEND') - 8] if data else b''
    raw = zlib.decompress(idat) if idat else b''
    row = 1 + 3 * 512
    lit = lambda x, y: raw[y * row + 1 + 3 * x] > 0x80
    check('PNG: the first 8 rows lit, the rest dark', (lit(0, 0), lit(100, 28), lit(100, 40), lit(500, 250)),
          (True, True, False, False))
finish()
