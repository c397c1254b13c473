# skip-asan
# rom_boot.py: the emulated mask ROM's boot path (tools/emu/rom.c) in build/adder-nodemcu: the boot
# log byte for byte, reset causes and boot modes from the strapping pins, the segment loader's
# "room"/"tail"/"ho" bookkeeping against figures from real chips' logs, checksum errors, erased
# flash, and our firmware booting to its prompt.  Prints `N passed, N failed`.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _rom_util import IMAGE, Emu, Results  # noqa: E402

FLASH_SIZE = 1 << 20
LOOP = b'\x06\xff\xff\x00'               # j . (an entry that spins where it is)


def image(segments, entry=0x40100000, good=True):
    """A ROM image v1: header, segments (address, data), padding, XOR checksum seeded 0xEF."""
    out = bytearray(struct.pack('<BBBBI', 0xe9, len(segments), 2, 0x20, entry))
    c = 0xef
    for addr, data in segments:
        out += struct.pack('<II', addr, len(data)) + data
        for b in data:
            c ^= b
    out += b'\0' * (15 - len(out) % 16)
    out.append(c if good else c ^ 0x5a)
    return bytes(out)


def flash_with(img):
    return img + b'\xff' * (FLASH_SIZE - len(img))


def banner(cause, mode):
    return b'\r\n ets Jan  8 2013,rst cause:%d, boot mode:(%d,6)\r\n\r\n' % (cause, mode)


def expected_log(img):
    """The log worked out from the image, with the chunk arithmetic documented in rom.c."""
    count, pos, room, tail, ho, c, lines = img[1], 8, 16, 0, 0, 0xef, []
    for i in range(count):
        if i:
            if room >= 8:
                room -= 8
            elif room == 0:
                room = 8
            else:
                lines.append('ho %d tail %d room %d' % (ho, tail, room))
                room += 8
        addr, n = struct.unpack_from('<II', img, pos)
        lines.append('load 0x%08x, len %d, room %d ' % (addr, n, room))
        for b in img[pos + 8:pos + 8 + n]:
            c ^= b
        if n >= room:
            tail = (n - room) % 16
            room, ho = (16 - tail if tail else 0), 0
        else:
            tail, room = 0, room - n
            ho = 16 - room
        lines += ['tail %d' % tail, 'chksum 0x%02x' % c]
        pos += 8 + n
    lines.append('csum 0x%02x' % c)
    return ''.join(l + '\r\n' for l in lines).encode()


def boot_log_of(emu):
    m = emu.expect(rb'(\r\n ets Jan.*?csum 0x[0-9a-f]{2}\r\n)')
    return m.group(1)


def test_firmware_boots(r):
    with open(IMAGE, 'rb') as f:
        img = f.read()
    emu = Emu('--write', '0:' + IMAGE)
    try:
        log = boot_log_of(emu)
        r.check(log == banner(1, 3) + expected_log(img), 'firmware boot log: %r' % log)
        emu.expect(rb'>>> ')
        os.write(emu.fd, b'print(6*7)\r\n')
        emu.expect(rb'42\r\n>>> ')
        r.check(emu.command('reset') == 'ok reset', 'reset command')
        log = boot_log_of(emu)
        r.check(log.startswith(banner(2, 3)), 'EN reset: rst cause 2: %r' % log[:60])
        emu.expect(rb'>>> ')
        os.write(emu.fd, b'import machine; machine.reset()\r\n')
        log = boot_log_of(emu)                 # a jump to the ROM's reset vector: a restart
        r.check(log.startswith(banner(2, 3)), 'soft restart keeps the RTC cause: %r' % log[:60])
        emu.expect(rb'>>> ')
    finally:
        _, err = emu.finish()
    r.check('no emulation' not in err, 'no unemulated ROM call: ' + err[-300:])


# (segment lengths, the room/tail/ho lines real chips printed for them)
REAL_LOGS = [
    ([816, 788, 288], ['room 16 ', 'tail 0', 'room 8 ', 'tail 12', 'ho 0 tail 12 room 4',
                       'room 12 ', 'tail 4']),
    ([31320, 0, 0], ['room 16 ', 'tail 8', 'room 0 ', 'tail 0', 'room 8 ', 'tail 0']),
    ([4508, 24, 3492], ['room 16 ', 'tail 12', 'ho 0 tail 12 room 4', 'room 12 ', 'tail 12',
                        'ho 0 tail 12 room 4', 'room 12 ', 'tail 8']),
    ([28168, 5240, 5212], ['room 16 ', 'tail 8', 'room 0 ', 'tail 8', 'room 0 ', 'tail 12']),
]


def segments_of(lengths):
    segs, dram = [], 0x3ffe8000
    for i, n in enumerate(lengths):
        if i == 0:
            segs.append((0x40100000, LOOP + bytes(j & 0xff for j in range(n - 4))))
        else:
            segs.append((dram, bytes([0x20 + i]) * n))
            dram += n
    return segs


def log_figures(log):
    out = []
    for line in log.decode().split('\r\n'):
        if line.startswith('load'):
            out.append(line[line.index('room'):])
        elif line.startswith('tail') or line.startswith('ho '):
            out.append(line)
    return out


def test_chunk_figures(r):
    for lengths, want in REAL_LOGS:
        img = image(segments_of(lengths))
        emu = Emu(flash_bytes=flash_with(img))
        try:
            log = boot_log_of(emu)
            r.check(log == banner(1, 3) + expected_log(img), 'log for %r: %r' % (lengths, log))
            if want:
                r.check(log_figures(log) == want, 'real chip figures for %r: %r' % (lengths, log))
            r.check(emu.command('state') == 'ok firmware', 'the image runs')
        finally:
            emu.finish()


def test_bad_images(r):
    img = image(segments_of([816, 64]), good=False)
    emu = Emu(flash_bytes=flash_with(img))
    try:
        log = boot_log_of(emu)
        r.check(log == banner(1, 3) + expected_log(img), 'bad checksum log: %r' % log)
        emu.expect(rb'^csum err\r\nets_main.c \r\n$', timeout=2)
        r.check(emu.drain() == [] and emu.got == b'', 'nothing after ets_main.c')
    finally:
        emu.finish()
    emu = Emu()                                 # a new flash file: erased
    try:
        emu.expect(rb'^' + banner(1, 3).replace(b'(', rb'\(').replace(b')', rb'\)') +
                   rb'ets_main.c \r\n$', timeout=2)
        r.check(True, 'erased flash: the banner and ets_main.c')
    finally:
        flash, _ = emu.finish()
    r.check(flash == b'\xff' * FLASH_SIZE, 'the ROM does not write the flash')


def test_download_mode(r):
    emu = Emu(flash_bytes=flash_with(image(segments_of([816]))))
    try:
        boot_log_of(emu)
        emu.enter_loader()
        emu.read_some(0.3)
        r.check(emu.got == b'', 'download mode prints nothing after the banner: %r' % emu.got)
        r.check(emu.command('reset') == 'ok reset', 'reset')
        log = boot_log_of(emu)
        r.check(log.startswith(banner(2, 3)), 'GPIO0 released: flash boot again')
    finally:
        emu.finish()


def main():
    r = Results()
    if not os.path.exists(IMAGE):
        print('SKIP firmware boot: build ports/esp8266 first')
    else:
        r.run(test_firmware_boots)
    r.run(test_chunk_figures)
    r.run(test_bad_images)
    r.run(test_download_mode)
    return r.report()


if __name__ == '__main__':
    sys.exit(main())
