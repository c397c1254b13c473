# skip-asan
# rom_loader.py: the emulated ROM's serial bootloader (tools/emu/rom_loader.c) in
# build/adder-nodemcu, driven by a scripted SLIP client on its pty: SYNC's 8 answers, READ_REG /
# WRITE_REG (masks, several records), the answers to unsupported and malformed commands,
# FLASH_BEGIN's erase with the ESP8266 ROM's erase-size bug (and esptool's compensation),
# FLASH_DATA checksums, sequence numbers and write-back check, MEM_BEGIN/DATA/END running a program
# that returns into the ROM, and FLASH_END's two ways out.  Prints `N passed, N failed`.
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _rom_util import SECTOR, Emu, Results, checksum, esptool_erase_size  # noqa: E402

FLASH_SIZE = 1 << 20
FILL = 0xa5
RTC_MEM = 0x60001100
# at 0x40100000: the literal 0x60000000, then: l32r a3 (it); movi a2, 'K'; s32i a2, a3, 0; ret.n
PROGRAM = bytes.fromhex('00000060' '31ffff' '22a04b' '226300' '0df0')


def loader(r):
    emu = Emu(flash_bytes=bytes([FILL]) * FLASH_SIZE)
    emu.expect(rb'ets_main.c \r\n')          # not an image: the ROM waits
    emu.enter_loader()
    frames = emu.sync()
    r.check(len(frames) == 8, 'SYNC is answered 8 times: %d' % len(frames))
    r.check(all(f == bytes.fromhex('01080200070712200000') for f in frames), 'SYNC answers %r' % frames[:1])
    return emu


def test_registers(r):
    emu = loader(r)
    try:
        r.check(emu.read_reg(0x40001000) == 0xfff0c101, 'chip magic at 0x40001000')
        div = emu.read_reg(0x60000014) & 0xfffff
        r.check(round(115200 * div / 1e6 / 2) == 26, 'UART divider says 26 MHz crystal: %d' % div)
        rec = struct.pack('<IIII', RTC_MEM, 0x12345678, 0xffffffff, 0)
        r.check(emu.status(0x09, rec) == (0, 0), 'WRITE_REG')
        r.check(emu.read_reg(RTC_MEM) == 0x12345678, 'read back')
        recs = struct.pack('<IIII', RTC_MEM, 0xaabbccdd, 0x0000ff00, 0) + \
            struct.pack('<IIII', RTC_MEM + 4, 0x55, 0xffffffff, 0) + \
            struct.pack('<IIII', 0x60000078, 0, 0, 100)
        r.check(emu.status(0x09, recs) == (0, 0), 'WRITE_REG with 3 records')
        r.check(emu.read_reg(RTC_MEM) == 0x1234cc78, 'masked write: 0x%08x' % emu.read_reg(RTC_MEM))
        r.check(emu.read_reg(RTC_MEM + 4) == 0x55, 'second record')
        r.check(emu.status(0x09, rec[:12]) == (1, 5), 'short WRITE_REG: invalid')
        emu.send(0x14)                       # GET_SECURITY_INFO: not in the ESP8266 ROM
        frames = [emu.frame(2) for _ in range(8)]
        r.check(all(f == bytes.fromhex('01000200000000000105') for f in frames),
                'unsupported: 8 answers with status 1, 0x05: %r' % frames[:2])
        emu.drain(0.2)
        r.check(emu.status(0x0a, b'\0' * 4) == (1, 6), 'READ_REG of nothing: failed')
        os.write(emu.fd, b'\xc0\x00\x0a\x08\x00\x00\x00\x00\x00\x00\x10\xc0')
        f = emu.frame(2)                      # the size field disagrees with the frame
        r.check(f is not None and f[1] == 0x0a and f[-2:] == b'\x01\x05', 'size mismatch: %r' % f)
        r.check(emu.read_reg(0x40001000) == 0xfff0c101, 'still in step after garbage')
    finally:
        emu.finish()


def flash_data(emu, seq, data, chk=None):
    return emu.status(0x03, struct.pack('<IIII', len(data), seq, 0, 0) + data,
                      checksum(data) if chk is None else chk)


def test_flash(r):
    emu = loader(r)
    blocks = {}
    try:
        # the ROM's bug raw: 2 sectors asked at sector 30 (2 before the 64 KB boundary): 4 erased
        r.check(emu.status(0x02, struct.pack('<IIII', 2 * SECTOR, 0, 0x400, 30 * SECTOR)) == (0, 0),
                'FLASH_BEGIN raw')
        # esptool's compensated request: 5 sectors at sector 3 (13 to the boundary)
        size = 5 * SECTOR
        asked = esptool_erase_size(3 * SECTOR, size)
        r.check(asked == 3 * SECTOR, 'esptool asks for 3 sectors')
        r.check(emu.status(0x02, struct.pack('<IIII', asked, 3, 0x400, 3 * SECTOR)) == (0, 0),
                'FLASH_BEGIN compensated')
        for seq in range(3):
            blocks[seq] = bytes((seq * 7 + i) & 0xff for i in range(0x400))
            r.check(flash_data(emu, seq, blocks[seq]) == (0, 0), 'FLASH_DATA %d' % seq)
        r.check(flash_data(emu, 3, blocks[0], chk=checksum(blocks[0]) ^ 1) == (1, 7), 'bad checksum')
        r.check(flash_data(emu, 5, blocks[0]) == (1, 5), 'out of sequence')
        r.check(emu.status(0x02, struct.pack('<IIII', 0, 1, 0x400, 0x40000)) == (0, 0),
                'FLASH_BEGIN without erase')
        # the ROM compares 8-bit checksums of what it wrote and what it reads back
        r.check(flash_data(emu, 0, b'\x0f' + b'\xff' * 0x3ff) == (1, 8), 'unerased flash: write error')
        r.check(emu.status(0x03, struct.pack('<IIII', 0x400, 0, 0, 0)) == (1, 5), 'short FLASH_DATA')
    finally:
        flash, err = emu.finish()
    erased = [i for i in range(FLASH_SIZE // SECTOR)
              if flash[i * SECTOR:(i + 1) * SECTOR] != bytes([FILL]) * SECTOR]
    r.check(erased == [3, 4, 5, 6, 7, 8, 30, 31, 32, 33, 64], 'sectors changed: %r' % erased)
    data = b''.join(blocks[i] for i in range(3))
    r.check(flash[3 * SECTOR:3 * SECTOR + len(data)] == data, 'the data is in the flash')
    r.check(flash[3 * SECTOR + len(data):9 * SECTOR] == b'\xff' * (6 * SECTOR - len(data)),
            'the rest of the erase is 0xff')
    r.check(flash[30 * SECTOR:34 * SECTOR] == b'\xff' * 4 * SECTOR, 'the raw erase: 4 sectors')


def test_mem(r):
    emu = loader(r)
    try:
        r.check(emu.status(0x05, struct.pack('<IIII', len(PROGRAM), 1, 0x100, 0x40100000)) == (0, 0),
                'MEM_BEGIN')
        data = struct.pack('<IIII', len(PROGRAM), 0, 0, 0) + PROGRAM
        r.check(emu.status(0x07, data, checksum(PROGRAM) ^ 0xff) == (1, 7), 'MEM_DATA bad checksum')
        r.check(emu.status(0x07, data, checksum(PROGRAM)) == (0, 0), 'MEM_DATA')
        r.check(emu.status(0x06, struct.pack('<II', 1, 0)) == (0, 0), 'MEM_END without running')
        r.check(emu.command('state') == 'ok loader', 'still the loader')
        r.check(emu.status(0x06, struct.pack('<II', 0, 0x40100004)) == (0, 0), 'MEM_END runs')
        emu.expect(rb'^K$', timeout=5)          # the program's byte, then it returns to the ROM
        r.check(emu.command('state') == 'ok loader', 'back in the loader after the return')
        r.check(len(emu.sync()) == 8, 'the loader answers again')
        r.check(emu.read_reg(0x40100000) == 0x60000000, 'RAM holds what was loaded')
    finally:
        emu.finish()


def test_flash_end(r):
    emu = loader(r)
    try:
        img = bytearray(struct.pack('<BBBBI', 0xe9, 1, 2, 0x20, 0x40100004))
        img += struct.pack('<II', 0x40100000, 16) + PROGRAM + b'\0'
        img += b'\0' * (15 - len(img) % 16) + bytes([checksum(PROGRAM + b'\0')])
        img = bytes(img) + b'\xff' * (0x400 - len(img))
        r.check(emu.status(0x02, struct.pack('<IIII', SECTOR, 1, 0x400, 0)) == (0, 0), 'FLASH_BEGIN 0')
        r.check(flash_data(emu, 0, img) == (0, 0), 'the image')
        r.check(emu.status(0x04, struct.pack('<I', 1)) == (0, 0), 'FLASH_END: run user code')
        emu.expect(rb'^load 0x40100000, len 16, room 16 \r\ntail 0\r\nchksum 0x..\r\ncsum 0x..\r\nK$')
        r.check(True, 'the image ran without a reset')
        emu.enter_loader()                       # K's program returned: loader again
        emu.sync()
        r.check(emu.status(0x04, struct.pack('<I', 0)) == (0, 0), 'FLASH_END: reboot')
        emu.expect(rb'^\r\n ets Jan  8 2013,rst cause:2, boot mode:\(3,6\)\r\n\r\nload 0x40100000')
        r.check(True, 'reboot through the reset vector, GPIO0 released')
    finally:
        emu.finish()


def run_program(emu, r, code, entry):
    r.check(emu.status(0x05, struct.pack('<IIII', len(code), 1, 0x100, 0x40100000)) == (0, 0), 'MEM_BEGIN')
    data = struct.pack('<IIII', len(code), 0, 0, 0) + code
    r.check(emu.status(0x07, data, checksum(code)) == (0, 0), 'MEM_DATA')
    r.check(emu.status(0x06, struct.pack('<II', 0, entry)) == (0, 0), 'MEM_END')


def test_exceptions(r):
    emu = loader(r)
    try:
        run_program(emu, r, bytes.fromhex('0c03' '2803'), 0x40100000)   # movi.n a3, 0; l32i.n a2, a3, 0
        m = emu.expect(rb'^Fatal exception \(28\):\r\nepc1=0x40100002, epc2=0x[0-9a-f]{8}, '
                       rb'epc3=0x[0-9a-f]{8}, excvaddr=0x00000000, depc=0x[0-9a-f]{8}\r\n$', timeout=5)
        r.check(m is not None, 'LoadProhibited through the ROM vector')
        emu.read_some(0.3)
        r.check(emu.got == b'', 'the ROM stays put after a fatal exception: %r' % emu.got)
        emu.enter_loader()                       # a reset gets it back
        emu.sync()
        # l32r a2, =ets_printf; callx0 a2: a ROM function with no emulation
        run_program(emu, r, bytes.fromhex('cc240040' '21ffff' 'c00200'), 0x40100004)
        emu.read_some(0.5)
    finally:
        _, err = emu.finish()
    r.check('rom: no emulation of ROM function ets_printf at 0x400024cc (called from 0x40100007)'
            in err, 'the unemulated call is named: %r' % err[-300:])


def main():
    r = Results()
    for t in (test_registers, test_flash, test_mem, test_flash_end, test_exceptions):
        r.run(t)
    return r.report()


if __name__ == '__main__':
    sys.exit(main())
