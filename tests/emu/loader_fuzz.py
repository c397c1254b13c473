#!/usr/bin/env python3
# skip-asan
# timeout: 60
# loader_fuzz.py: bad input never crashes build/adder-nodemcu ($ADDER_NODEMCU; make test also runs
# it on the ASan+UBSan build).  Part 1 feeds the emulated ROM's serial bootloader
# (tools/emu/rom_loader.c) malformed SLIP (garbage, truncated, oversized frames, bad escapes),
# every command with too short, too long and lying sizes, FLASH_/MEM_ transfers out of range, out of
# sequence, over the ROM, the peripherals, the end of RAM and across 2^32, WRITE_REG to random
# peripheral registers, READ_REG anywhere; the answers that are defined are checked exactly, every
# answer must be a well-formed response, and after each batch the loader must still answer SYNC
# and READ_REG of the chip-detect word.  Part 2 boots random and mutated images at flash 0 (bad
# magic, up to 255 segments, lengths past the flash, load addresses in ROM, peripherals, unmapped
# space, across RAM ends, random entries): each boot must end in the ROM's error behaviour or run
# the program (which may fault into "Fatal exception"), and the emulator must stay alive, answer
# its control socket and report nothing from a sanitizer.  Fixed seeds.  Prints `N passed, N failed`.
import os
import random
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _rom_util import EMU, Emu, Results, checksum, slip  # noqa: E402

FLASH_SIZE = 1 << 20
MAGIC_ADDR, MAGIC = 0x40001000, 0xfff0c101
IRAM, IRAM_END = 0x40100000, 0x40110000
DRAM, DRAM_END = 0x3ffe8000, 0x40000000
RTC_MEM = 0x60001100
SYNC_DATA = b'\x07\x07\x12\x20' + b'\x55' * 32
SYNC_ANSWER = bytes.fromhex('01080200070712200000')
CMDS = (0x02, 0x03, 0x05, 0x07, 0x09, 0x0a)      # the commands that answer once and stay in the loader
ERRORS = (5, 6, 7, 8)
SANITIZER = ('AddressSanitizer', 'runtime error:', 'UndefinedBehaviorSanitizer', 'LeakSanitizer')

frames_sent = 0
images_booted = 0


def hdr(op, data, chk=0, size=None):
    return struct.pack('<BBHI', 0, op, len(data) if size is None else size, chk) + data


def push(emu, raw):
    """Writes raw bytes to the pty, reading the board's answers meanwhile (neither side blocks)."""
    while raw:
        r, w, _ = select.select([emu.fd], [emu.fd], [], 5)
        assert r or w, 'the pty is stuck'
        if r:
            emu.read_some(0)
        if w:
            raw = raw[os.write(emu.fd, raw[:4096]):]


def send_frames(emu, frames):
    global frames_sent
    push(emu, b''.join(frames))
    frames_sent += len(frames)


def well_formed(f):
    return (len(f) == 10 and f[0] == 1 and f[2:4] == b'\x02\x00' and
            (f[8:] == b'\0\0' or (f[8] == 1 and f[9] in ERRORS)))


def check_answers(r, emu, what, strict=True):
    frames = emu.drain(0.15)
    if strict:
        bad = [f for f in frames if not well_formed(f)]
        r.check(not bad, '%s: malformed answers %r' % (what, bad[:3]))
    return frames


def still_alive(r, emu, what):
    """After a batch: the process lives and the loader answers SYNC and the chip-detect word."""
    r.check(emu.proc.poll() is None, '%s: the emulator died' % what)
    state = emu.command('state')
    if state != 'ok loader':
        print('note: %s left the loader (%s): reset into it' % (what, state))
        emu.enter_loader()
        emu.drain(0.1)
        emu.partial = None                      # the boot banner is no frame
    frames = sync_after(emu)
    r.check(len(frames) == 8, '%s: SYNC afterwards: %r' % (what, frames[:3]))
    r.check(emu.read_reg(MAGIC_ADDR) == MAGIC, '%s: chip-detect word afterwards' % what)


def sync_after(emu):
    """The 8 answers to a SYNC; late answers to the batch before it (well-formed) are skipped."""
    emu.frames = []
    emu.send(0x08, SYNC_DATA)
    got = []
    while len(got) < 8:
        f = emu.frame(3)
        if f is None or (f != SYNC_ANSWER and (got or not well_formed(f))):
            break
        if f == SYNC_ANSWER:
            got.append(f)
    emu.drain(0.1)
    return got


def silent(emu, raw):
    """True if the loader answers nothing to raw: the next thing it answers is a READ_REG after it."""
    global frames_sent
    frames_sent += 1
    emu.frames = []
    push(emu, raw + slip(hdr(0x0a, struct.pack('<I', MAGIC_ADDR))))
    f = emu.frame(5)
    emu.drain(0.05)
    return f is not None and f[:2] == b'\x01\x0a' and f[4:8] == struct.pack('<I', MAGIC)


def loader():
    emu = Emu(flash_bytes=b'\xff' * FLASH_SIZE)
    emu.expect(rb'ets_main.c \r\n')
    emu.enter_loader()
    emu.sync()
    return emu


def finish(r, emu, what):
    _, err = emu.finish()
    r.check(not any(s in err for s in SANITIZER), '%s: sanitizer report: %s' % (what, err[-2000:]))


def st(emu, op, data, chk=0):
    global frames_sent
    frames_sent += 1
    return emu.status(op, data, chk, timeout=3)


# ---- part 1: the serial bootloader ----

def test_slip_garbage(r):
    rnd = random.Random(1)
    emu = loader()
    try:
        for batch in range(6):
            junk = []
            for _ in range(40):
                kind = rnd.randrange(6)
                body = bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 64)))
                if kind == 0:                     # raw noise, may hold ENDs and ESCs
                    junk.append(body)
                elif kind == 1:                   # truncated: a frame that never ends
                    junk.append(b'\xc0' + hdr(rnd.choice(CMDS), body)[:rnd.randrange(1, 12)])
                elif kind == 2:                   # bad escapes
                    junk.append(b'\xc0\xdb' + bytes([rnd.randrange(256)]) + body + b'\xdb\xc0')
                elif kind == 3:                   # a response frame sent to the chip
                    junk.append(slip(b'\x01' + body))
                elif kind == 4:                   # shorter than a header
                    junk.append(slip(body[:rnd.randrange(1, 8)]))
                else:                             # lying size fields
                    op = rnd.randrange(256)
                    junk.append(slip(hdr(op, body, size=rnd.randrange(0x10000))))
            send_frames(emu, junk)
            check_answers(r, emu, 'garbage batch %d' % batch, strict=False)
            still_alive(r, emu, 'garbage batch %d' % batch)
        # an oversized frame (longer than any block) is dropped silently, the next one is answered
        r.check(silent(emu, slip(hdr(0x0a, b'\0' * 0x5000))), 'an oversized frame gets no answer')
        send_frames(emu, [b'\xc0' + b'\xdb' * 0x9000 + b'\xc0'])   # nothing but escapes
        still_alive(r, emu, 'escapes only')
    finally:
        finish(r, emu, 'garbage')


MIN_SIZE = {0x02: 16, 0x03: 16, 0x05: 16, 0x07: 16, 0x09: 16, 0x0a: 4}


def test_sizes(r):
    emu = loader()
    try:
        # a header whose size disagrees with the frame: "invalid message" for every command
        for op in list(CMDS) + [0x04, 0x06, 0x08, 0x0b, 0x13, 0xd0]:
            for size_delta in (1, -1, 0x100, -0x20):
                data = b'\x11' * 0x20
                size = (len(data) + size_delta) & 0xffff
                emu.frames = []
                os.write(emu.fd, slip(hdr(op, data, size=size)))
                f = emu.frame(3)
                r.check(f == bytes([1, op, 2, 0, 0, 0, 0, 0, 1, 5]),
                        'cmd 0x%02x with size %d for %d bytes: %r' % (op, size, len(data), f))
        still_alive(r, emu, 'size fields')
        # too short for the command: invalid (the transfers first need a BEGIN)
        r.check(st(emu, 0x02, struct.pack('<IIII', 0, 1, 0x400, 0x80000)) == (0, 0), 'FLASH_BEGIN')
        r.check(st(emu, 0x05, struct.pack('<IIII', 0x400, 1, 0x400, RTC_MEM)) == (0, 0), 'MEM_BEGIN')
        for op, need in MIN_SIZE.items():
            for n in sorted({0, 1, need // 2, need - 1}):
                got = st(emu, op, b'\x01' * n)
                r.check(got == (1, 5), 'cmd 0x%02x with %d bytes: %r' % (op, n, got))
        for n in (12, 17, 31, 33):
            r.check(st(emu, 0x09, b'\0' * n) == (1, 5), 'WRITE_REG with %d bytes' % n)
        r.check(st(emu, 0x06, b'\0' * 7) == (1, 5), 'MEM_END with 7 bytes')
        # too long: the ROM reads what it needs
        r.check(st(emu, 0x0a, struct.pack('<I', MAGIC_ADDR) + b'\x99' * 100) == (0, 0),
                'READ_REG with extra bytes')
        r.check(st(emu, 0x06, struct.pack('<II', 1, 0) + b'\x77' * 40) == (0, 0),
                'MEM_END (no run) with extra bytes')
        # SYNC with a wrong payload: silence
        for data in (SYNC_DATA[:-1], SYNC_DATA + b'\x55', b'\x07\x07\x12\x21' + b'\x55' * 32, b''):
            r.check(silent(emu, slip(hdr(0x08, data))), 'bad SYNC %r: silence' % data[:5])
        still_alive(r, emu, 'short and long commands')
    finally:
        finish(r, emu, 'sizes')


def data_frame(seq, data, length=None, chk=None):
    return struct.pack('<IIII', len(data) if length is None else length, seq, 0, 0) + data, \
        checksum(data) if chk is None else chk


def test_flash_ranges(r):
    emu = loader()
    try:
        for off in (FLASH_SIZE + 0x1000, 0x7ffff000, 0xfffff000, 0xffffffff):
            got = st(emu, 0x02, struct.pack('<IIII', 0x1000, 1, 0x400, off))
            r.check(got == (1, 6), 'FLASH_BEGIN at 0x%x: %r' % (off, got))
        r.check(st(emu, 0x03, b'\0' * 20) == (1, 6), 'FLASH_DATA after a failed BEGIN')
        for size in (0xffffffff, 0xfffff001, 0x80000000, 2 * FLASH_SIZE):
            got = st(emu, 0x02, struct.pack('<IIII', size, 1, 0x400, FLASH_SIZE - 0x1000))
            r.check(got in ((0, 0), (1, 6)), 'FLASH_BEGIN of 0x%x bytes: %r' % (size, got))
        # the last sector: blocks up to the end are written, the next one is refused
        r.check(st(emu, 0x02, struct.pack('<IIII', 0x1000, 5, 0x400, FLASH_SIZE - 0x1000)) == (0, 0),
                'FLASH_BEGIN at the last sector')
        block = bytes(range(256)) * 4
        for seq in range(4):
            r.check(st(emu, 0x03, *data_frame(seq, block)) == (0, 0), 'FLASH_DATA %d' % seq)
        r.check(st(emu, 0x03, *data_frame(4, block)) == (1, 6), 'FLASH_DATA past the end')
        r.check(st(emu, 0x03, *data_frame(3, block)) == (1, 5), 'FLASH_DATA repeated sequence')
        r.check(st(emu, 0x03, *data_frame(0xffffffff, block)) == (1, 5), 'FLASH_DATA sequence -1')
        # data headers that lie about the length
        r.check(st(emu, 0x02, struct.pack('<IIII', 0x2000, 2, 0x1000, 0x10000)) == (0, 0), 'BEGIN')
        for length in (len(block) + 1, 0xffffffff, 0x80000000, 0xfffffff0):
            got = st(emu, 0x03, *data_frame(0, block, length=length, chk=0))
            r.check(got == (1, 5), 'FLASH_DATA length 0x%x for %d bytes: %r' % (length, len(block), got))
        r.check(st(emu, 0x03, *data_frame(0, block, length=10, chk=checksum(block[:10]))) == (0, 0),
                'FLASH_DATA length shorter than the data')
        r.check(st(emu, 0x03, *data_frame(1, b'', length=0)) == (0, 0), 'FLASH_DATA of 0 bytes')
        # block sizes that wrap 2^32 or point past the flash
        for blk in (0xffffffff, 0x80000000, 0xfffff000, FLASH_SIZE):
            r.check(st(emu, 0x02, struct.pack('<IIII', 0, 3, blk, 0x20000)) == (0, 0), 'BEGIN blk 0x%x' % blk)
            r.check(st(emu, 0x03, *data_frame(0, b'\xff' * 16)) == (0, 0), 'blk 0x%x seq 0' % blk)
            got = st(emu, 0x03, *data_frame(1, b'\xff' * 16))
            r.check(got in ((0, 0), (1, 6)), 'blk 0x%x seq 1: %r' % (blk, got))
        # the largest block we take, and one beyond
        big = bytes([0xff]) * 0x4000
        r.check(st(emu, 0x02, struct.pack('<IIII', 0x8000, 2, 0x4000, 0x30000)) == (0, 0), 'BEGIN 16K')
        r.check(st(emu, 0x03, *data_frame(0, big)) == (0, 0), 'a 16 KB block')
        r.check(silent(emu, slip(hdr(0x03, data_frame(1, big + b'\xff')[0], checksum(big)))),
                'a block beyond the frame buffer: dropped')
        still_alive(r, emu, 'flash ranges')
    finally:
        finish(r, emu, 'flash ranges')


def test_mem_ranges(r):
    emu = loader()
    try:
        cases = [(0x40000000, 0x100, 6), (MAGIC_ADDR - 8, 0x10, 6), (0x4000fff0, 0x20, 6),
                 (0xfffffff0, 0x20, 6), (0xffffff00, 0x200, 6), (0x00000000, 0x10, 6),
                 (0x20000000, 0x10, 6), (DRAM_END - 0x10, 0x20, 6), (IRAM_END - 0x10, 0x20, 6),
                 (DRAM - 8, 0x10, 6), (0x40200000, 0x10, 6), (0x3ff00050, 0x10, 0),
                 (0x60002000 - 8, 0x10, 6), (RTC_MEM, 0x40, 0), (IRAM + 0x7ff0, 0x10, 0),
                 (DRAM, 0x400, 0), (0x60000d00, 0x20, 0)]
        for addr, n, err in cases:
            data = bytes((addr + i) & 0xff for i in range(n))
            r.check(st(emu, 0x05, struct.pack('<IIII', n, 1, n, addr)) == (0, 0), 'MEM_BEGIN 0x%x' % addr)
            got = st(emu, 0x07, *data_frame(0, data))
            r.check(got == ((1, err) if err else (0, 0)), 'MEM_DATA %d bytes at 0x%08x: %r' % (n, addr, got))
        r.check(emu.read_reg(MAGIC_ADDR) == MAGIC, 'the ROM is not writable')
        r.check(emu.read_reg(RTC_MEM + 4) == 0x07060504, 'RTC memory written: 0x%08x' % emu.read_reg(RTC_MEM + 4))
        # sequence and state errors
        r.check(st(emu, 0x07, *data_frame(5, b'x')) == (1, 5), 'MEM_DATA out of sequence')
        r.check(st(emu, 0x06, struct.pack('<II', 1, 0)) == (0, 0), 'MEM_END (no run)')
        r.check(st(emu, 0x07, *data_frame(0, b'x')) == (1, 6), 'MEM_DATA after MEM_END')
        for blk in (0xffffffff, 0x80000000, 0x10000):
            r.check(st(emu, 0x05, struct.pack('<IIII', 0, 4, blk, DRAM)) == (0, 0), 'MEM_BEGIN blk')
            r.check(st(emu, 0x07, *data_frame(0, b'\xaa' * 8)) == (0, 0), 'MEM_DATA blk 0x%x seq 0' % blk)
            got = st(emu, 0x07, *data_frame(1, b'\xaa' * 8))
            r.check(got in ((0, 0), (1, 6)), 'MEM_DATA blk 0x%x seq 1: %r' % (blk, got))
        r.check(emu.read_reg(MAGIC_ADDR) == MAGIC, 'the ROM is still not written')
        still_alive(r, emu, 'mem ranges')
    finally:
        finish(r, emu, 'mem ranges')


# WRITE_REG targets that stop the chip on purpose (deep sleep) or talk on the line (the UART FIFOs)
def peripheral_addr(rnd):
    while True:
        a = rnd.choice((0x60000000 + rnd.randrange(0x2000), 0x3ff00000 + rnd.randrange(0x1000),
                        0x60000700 + rnd.randrange(0x80)))
        if a & ~3 not in (0x60000000, 0x60000f00):
            return a


def test_registers(r):
    rnd = random.Random(2)
    emu = loader()
    try:
        for batch in range(5):
            for _ in range(60):
                recs = b''
                for _ in range(rnd.randrange(1, 5)):
                    mask = rnd.choice((0xffffffff, 0, rnd.getrandbits(32)))
                    recs += struct.pack('<IIII', peripheral_addr(rnd), rnd.getrandbits(32), mask, 0)
                got = st(emu, 0x09, recs)
                r.check(got in ((0, 0), (1, 6)) or emu.command('state') != 'ok loader',
                        'WRITE_REG %s: %r' % (recs.hex(), got))
                a = rnd.getrandbits(32)
                got = st(emu, 0x0a, struct.pack('<I', a))
                r.check(got in ((0, 0), (1, 6)), 'READ_REG 0x%08x: %r' % (a, got))
            emu.drain(0.1)
            still_alive(r, emu, 'register batch %d' % batch)
        for a in (0, 0x3fffffff, 0x3ffffffe, 0x4000ffff, 0x4010fffd, 0x60001fff, 0xffffffff, 0x40001001):
            got = st(emu, 0x0a, struct.pack('<I', a))
            r.check(got in ((0, 0), (1, 6)), 'READ_REG 0x%08x: %r' % (a, got))
        for a in (0x20000000, 0x60002000, 0x50000000, 0x40200000):
            r.check(st(emu, 0x0a, struct.pack('<I', a)) == (1, 6), 'READ_REG of nothing at 0x%08x' % a)
        rec = struct.pack('<IIII', MAGIC_ADDR, 0, 0xffffffff, 0)
        got = st(emu, 0x09, rec)
        r.check(emu.read_reg(MAGIC_ADDR) == MAGIC, 'WRITE_REG cannot change the ROM (%r)' % (got,))
        # the UART FIFO: the byte goes out on the line, as on the chip
        emu.drain(0.1)
        os.write(emu.fd, slip(hdr(0x09, struct.pack('<IIII', 0x60000000, 0x41, 0xffffffff, 0))))
        emu.expect(rb'A\xc0', timeout=3)
        r.check(True, 'WRITE_REG to the UART FIFO sends the byte')
        emu.drain(0.1)
        # deep sleep from the loader (no timer wake-up: the registers fresh from a reset): the chip
        # stops; a reset brings it back
        emu.enter_loader()
        emu.drain(0.1)
        got = st(emu, 0x09, struct.pack('<IIII', 0x60000708, 1 << 20, 0xffffffff, 0))
        r.check(got == (0, 0), 'WRITE_REG of the sleep bit is answered: %r' % (got,))
        emu.wait(lambda: emu.command('state') == 'ok sleep', 'deep sleep')
        emu.frames = []
        emu.send(0x0a, struct.pack('<I', MAGIC_ADDR))
        r.check(emu.frame(0.3) is None, 'asleep: no answer')
        still_alive(r, emu, 'deep sleep write')
    finally:
        finish(r, emu, 'registers')


def random_frame(rnd):
    op = rnd.choice(CMDS + (0x06, 0x0b, 0x0d, 0x0f, 0x10, 0x14, rnd.randrange(256)))
    kind = rnd.randrange(4)
    if kind == 0:
        data = bytes(rnd.randrange(256) for _ in range(rnd.randrange(40)))
    else:
        words = [rnd.choice((0, 1, 0x400, 0x4000, 0x10, rnd.getrandbits(32), 0xffffffff, IRAM, DRAM,
                             RTC_MEM, FLASH_SIZE, 0x40000000, 0x60000000 + rnd.randrange(0x2000)))
                 for _ in range(rnd.randrange(1, 6))]
        data = struct.pack('<%dI' % len(words), *words) + bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 64)))
    if op == 0x06 and len(data) >= 4:
        data = b'\x01' + data[1:]                 # MEM_END: never run the random entry here
    if op == 0x09:
        data = data[:len(data) // 16 * 16]
        data = b''.join(struct.pack('<I', peripheral_addr(rnd)) + data[i + 4:i + 16]
                        for i in range(0, len(data), 16))
    size = len(data) if kind != 3 else rnd.randrange(0x10000)
    return slip(hdr(op, data, rnd.randrange(256), size))


def test_random_commands(r):
    rnd = random.Random(3)
    emu = loader()
    try:
        for batch in range(6):
            send_frames(emu, [random_frame(rnd) for _ in range(200)])
            check_answers(r, emu, 'random batch %d' % batch)
            still_alive(r, emu, 'random batch %d' % batch)
    finally:
        finish(r, emu, 'random commands')


def test_random_runs(r):
    """MEM_END into random code at random entries, FLASH_END both ways: then a reset."""
    rnd = random.Random(4)
    emu = loader()
    try:
        for i in range(8):
            code = bytes(rnd.randrange(256) for _ in range(256))
            addr = rnd.choice((IRAM, DRAM, RTC_MEM))
            r.check(st(emu, 0x05, struct.pack('<IIII', len(code), 1, 256, addr)) == (0, 0), 'MEM_BEGIN')
            r.check(st(emu, 0x07, *data_frame(0, code)) == (0, 0), 'MEM_DATA')
            entry = rnd.choice((addr, addr + rnd.randrange(256), rnd.getrandbits(32), 0x40000080,
                                MAGIC_ADDR, 0x400010a8, 0x4000dc44))
            emu.send(0x06, struct.pack('<II', 0, entry))
            emu.read_some(0.2)
            r.check(emu.proc.poll() is None, 'running random code at 0x%08x' % entry)
            still_alive(r, emu, 'random code at 0x%08x' % entry)
        for flag in (0, 1, 0xffffffff):
            emu.send(0x04, struct.pack('<I', flag))
            emu.read_some(0.2)
            still_alive(r, emu, 'FLASH_END %d' % flag)
        emu.send(0x04, b'')
        emu.read_some(0.2)
        still_alive(r, emu, 'FLASH_END without data')
    finally:
        finish(r, emu, 'random runs')


# ---- part 2: images at flash 0 ----

def image(segments, entry, magic=0xe9, count=None, good=True):
    out = bytearray(struct.pack('<BBBBI', magic, len(segments) if count is None else count, 2, 0x20, entry))
    c = 0xef
    for addr, length, data in segments:
        out += struct.pack('<II', addr, length) + data
        for b in data:
            c ^= b
    out += b'\0' * (15 - len(out) % 16)
    out.append(c if good else c ^ 0x5a)
    return bytes(out)


ADDRS = (IRAM, IRAM + 0xfff0, IRAM_END - 4, DRAM, DRAM_END - 8, DRAM - 4, 0x40000000, MAGIC_ADDR,
         0x60000000, 0x60000700, 0x60000200, RTC_MEM, 0x3ff00000, 0x40200000, 0, 0xfffffff0,
         0x20000000, 0x60001ff8)


def random_image(rnd):
    segs = []
    for _ in range(rnd.choice((0, 1, 2, 3, 5, rnd.randrange(17)))):
        n = rnd.choice((0, 4, 16, 100, rnd.randrange(2048)))
        addr = rnd.choice(ADDRS + (rnd.getrandbits(32), IRAM + rnd.randrange(0x10000) & ~3))
        if addr in (0x60000000, 0x60000700, 0x60000200, 0x3ff00000, 0x60001ff8):
            n = min(n, 16)
        data = bytes(rnd.randrange(256) for _ in range(n))
        length = n if rnd.random() < 0.8 else rnd.choice((n + 1, 0xffffffff, 0x7fffffff, FLASH_SIZE, 0x10000))
        segs.append((addr, length, data))
    entry = rnd.choice((IRAM, IRAM + 1, DRAM, 0x40000080, MAGIC_ADDR, 0, rnd.getrandbits(32), 0x40200000))
    count = None if rnd.random() < 0.7 else rnd.choice((0, 255, len(segs) + 1, rnd.randrange(256)))
    return image(segs, entry, count=count, good=rnd.random() < 0.8)


def mutate(rnd, img):
    img = bytearray(img)
    for _ in range(rnd.randrange(1, 8)):
        i = rnd.randrange(len(img))
        img[i] = rnd.randrange(256) if rnd.random() < 0.7 else img[i] ^ (1 << rnd.randrange(8))
    if rnd.random() < 0.3:
        img = img[:rnd.randrange(len(img))]
    return bytes(img)


def boot_image(r, img, what, tmp, budget):
    """Boots img from flash 0 with stdin closed; returns the console output, or None if it failed."""
    global images_booted
    images_booted += 1
    path, flash, ctl = (os.path.join(tmp, n) for n in ('img.bin', 'flash.img', 'ctl'))
    with open(path, 'wb') as f:
        f.write(img)
    if os.path.exists(flash):
        os.unlink(flash)
    argv = [EMU, '--flash', flash, '--flash-size', '512K', '--fast-time', '--write', '0:' + path,
            '--control', ctl, '--log', os.path.join(tmp, 'log')]
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = p.communicate(timeout=budget)
        running = None
    except subprocess.TimeoutExpired:
        running = control(ctl, 'state')             # still busy: its main loop must still answer
        control(ctl, 'quit')
        try:
            out, err = p.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
    err = err.decode(errors='replace')
    # any state is fine (the program runs, faulted, halted); a hung main loop answers nothing to
    # 'quit' and is killed: a non-zero exit
    ok = p.returncode == 0 and not any(s in err for s in SANITIZER)
    r.check(ok, '%s: exit %s, state %r, stderr %s; image %s' % (what, p.returncode, running, err[-1500:],
                                                                 img[:64].hex()))
    return out if ok else None


def control(path, line):
    try:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(5)                             # a hung main loop answers nothing
        s.connect(path)
        s.sendall(line.encode() + b'\n')
        reply = s.makefile('rb').readline().decode().strip()
        s.close()
        return reply
    except OSError as e:
        return 'no answer (%s)' % e


BANNER = b'\r\n ets Jan  8 2013,rst cause:1, boot mode:(3,6)\r\n\r\n'
# At 0x40100000, the literals memset, memcpy, SPIRead, MD5Update, memcmp, uart_tx_one_char
# (their ROM addresses), 0x3ffe8000, 0xffffffff; at 0x40100020: mov a6, a0; then for each of the
# five: a2 = 0x3ffe8000, a3 = 0 or a2, a4 = 0xffffffff, callx0; then uart_tx_one_char('K'); jx a6
# (back into the ROM, which serves its loader: with stdin closed the emulator exits).
HUGE_COPIES = bytes.fromhex(
    '90e1004048df00401c4b004034980040a8de0040303b00400080fe3fffffffff6d0021fdff0c0341fdff51f5ff'
    'c0050021faff3d0241f9ff51f3ffc0050021f6ff0c0341f6ff51f0ffc0050021f3ff3d0241f2ff51eeffc00500'
    '21efff3d0241efff51ebffc005004cb251eaffc00500a00600')


def test_images(r):
    rnd = random.Random(5)
    budget = 1.0 if 'asan' in EMU else 0.3
    with tempfile.TemporaryDirectory() as tmp:
        # definite outcomes first
        out = boot_image(r, b'\x12' + bytes(63), 'bad magic', tmp, budget)
        r.check(out == BANNER + b'ets_main.c \r\n', 'bad magic: %r' % out)
        out = boot_image(r, image([(IRAM, 4, b'\x06\xff\xff\x00')], IRAM, good=False), 'bad csum', tmp, budget)
        r.check(out is not None and out.endswith(b'csum err\r\nets_main.c \r\n'), 'bad checksum: %r' % out)
        out = boot_image(r, image([(IRAM, 0xfffffff0, b'')], IRAM), 'huge segment', tmp, budget)
        r.check(out is not None and out.endswith(b'load 0x40100000, len -16, room 16 \r\n'),
                'a segment longer than the flash: the ROM stops after its load line: %r' % out)
        out = boot_image(r, image([(IRAM, 4, b'\x00' * 4)], 0), 'entry 0', tmp, budget)
        r.check(out is not None and out.endswith(b'Fatal exception (20):\r\nepc1=0x00000000, epc2=0x00000000, '
                                                 b'epc3=0x00000000, excvaddr=0x00000000, depc=0x00000000\r\n'),
                'entry at 0: InstFetchProhibited: %r' % out)
        out = boot_image(r, image([(0x40000000, 16, bytes(16))], IRAM), 'load into ROM', tmp, budget)
        r.check(out is not None and out.endswith(b'load 0x40000000, len 16, room 16 \r\n'),
                'a segment into the ROM: the ROM stops: %r' % out)
        out = boot_image(r, image([(IRAM, len(HUGE_COPIES), HUGE_COPIES)], IRAM + 0x20), '4 GB copies',
                         tmp, budget * 10)
        r.check(out is not None and out.endswith(b'K'), 'ROM copies of 0xffffffff bytes: %r' % out)
        out = boot_image(r, bytes([0xe9, 255]) + bytes(6) + b'\xff' * 64, '255 segments', tmp, budget)
        r.check(out is not None, '255 segments of erased flash')
        base = image([(IRAM, 16, b'\x06\xff\xff\x00' + bytes(12)), (DRAM, 32, bytes(range(32)))], IRAM)
        for i in range(20):
            boot_image(r, random_image(rnd), 'random image %d' % i, tmp, budget)
        for i in range(20):
            boot_image(r, mutate(rnd, base), 'mutated image %d' % i, tmp, budget)


def main():
    r = Results()
    for t in (test_slip_garbage, test_sizes, test_flash_ranges, test_mem_ranges, test_registers,
              test_random_commands, test_random_runs, test_images):
        t0 = time.monotonic()
        r.run(t)
        if os.environ.get('FUZZ_VERBOSE'):
            print('%s: %.1f s' % (t.__name__, time.monotonic() - t0))
    print('fuzz volume: %d loader frames, %d images' % (frames_sent, images_booted))
    return r.report()


if __name__ == '__main__':
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
