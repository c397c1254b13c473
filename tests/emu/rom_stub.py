# skip-asan
# rom_stub.py: esptool's ESP8266 stub flasher (as esptool-js 0.7.0 ships it) uploaded through the
# emulated ROM's MEM_BEGIN/DATA/END and run on the simulated CPU: it must say OHAI and then serve
# its commands with the ROM functions it calls (tools/emu/rom_funcs.c: the UART, SPIRead/SPIWrite,
# MD5, memcpy, ets_isr_attach and the ROM's interrupt dispatcher for its UART interrupt): SYNC,
# READ_REG, SPI_FLASH_MD5 against hashlib, FLASH_BEGIN/DATA (and compressed FLASH_DEFL_*),
# ERASE_REGION, READ_FLASH with its acknowledgements, CHANGE_BAUDRATE.  The stub comes from
# tests/emu/esptool_js/node_modules (npm install there); without it the test is skipped.
# Prints `N passed, N failed`.
import base64
import hashlib
import json
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _rom_util import ROOT, SECTOR, Emu, Results, checksum  # noqa: E402

STUB = os.path.join(ROOT, 'tests', 'emu', 'esptool_js', 'node_modules', 'esptool-js', 'lib',
                    'targets', 'stub_flasher', 'esp8266.json')
FLASH_SIZE = 1 << 20
RAM_BLOCK = 0x1800
WRITE_BLOCK = 0x4000


def pattern(n, seed):
    return bytes((i * 131 + seed + (i >> 9)) & 0xff for i in range(n))


def mem_load(emu, r, addr, data):
    blocks = (len(data) + RAM_BLOCK - 1) // RAM_BLOCK
    r.check(emu.status(0x05, struct.pack('<IIII', len(data), blocks, RAM_BLOCK, addr)) == (0, 0),
            'MEM_BEGIN 0x%x' % addr)
    for seq in range(blocks):
        chunk = data[seq * RAM_BLOCK:(seq + 1) * RAM_BLOCK]
        st = emu.status(0x07, struct.pack('<IIII', len(chunk), seq, 0, 0) + chunk, checksum(chunk))
        r.check(st == (0, 0), 'MEM_DATA 0x%x #%d: %r' % (addr, seq, st))


def run_stub(r, emu):
    with open(STUB) as f:
        stub = json.load(f)
    emu.enter_loader()
    r.check(len(emu.sync()) == 8, 'ROM sync')
    mem_load(emu, r, stub['text_start'], base64.b64decode(stub['text']))
    mem_load(emu, r, stub['data_start'], base64.b64decode(stub['data']))
    emu.frames = []
    emu.send(0x06, struct.pack('<II', 0, stub['entry']))
    f1, f2 = emu.frame(), emu.frame()
    r.check(f1 is not None and f1[:2] == b'\x01\x06', 'MEM_END answered: %r' % f1)
    r.check(f2 == b'OHAI', 'the stub says OHAI: %r' % f2)
    r.check(emu.command('state') == 'ok stub', 'the emulator knows the stub runs')


def md5(emu, addr, size):
    res = emu.request(0x13, struct.pack('<IIII', addr, size, 0, 0), timeout=30)
    if res is None or res[0] != 0x13 or len(res[2]) != 18 or res[2][16:] != b'\0\0':
        return None
    return res[2][:16]


def test_stub(r):
    flash = bytearray(pattern(FLASH_SIZE, 1))
    emu = Emu(flash_bytes=bytes(flash))
    try:
        run_stub(r, emu)
        res = emu.request(0x08, b'\x07\x07\x12\x20' + b'\x55' * 32)
        r.check(res is not None and res[0] == 8 and res[1] == 0, 'the stub answers SYNC with 0')
        emu.drain(0.2)
        r.check(emu.read_reg(0x40001000) == 0xfff0c101, 'READ_REG through the stub')
        r.check(md5(emu, 0x1000, 0x3000) == hashlib.md5(flash[0x1000:0x4000]).digest(),
                'SPI_FLASH_MD5 of 12 KB (SPIRead, MD5Init/Update/Final)')
        r.check(md5(emu, 0, FLASH_SIZE) == hashlib.md5(flash).digest(), 'SPI_FLASH_MD5 of 1 MB')

        data = pattern(3 * WRITE_BLOCK - 100, 7)
        padded = data + b'\xff' * (3 * WRITE_BLOCK - len(data))
        st = emu.status(0x02, struct.pack('<IIII', len(data), 3, WRITE_BLOCK, 0x20000))
        r.check(st == (0, 0), 'stub FLASH_BEGIN: %r' % (st,))
        for seq in range(3):
            block = padded[seq * WRITE_BLOCK:(seq + 1) * WRITE_BLOCK]
            st = emu.status(0x03, struct.pack('<IIII', len(block), seq, 0, 0) + block, checksum(block))
            r.check(st == (0, 0), 'stub FLASH_DATA %d: %r' % (seq, st))
        flash[0x20000:0x20000 + len(padded)] = padded
        r.check(md5(emu, 0x20000, len(data)) == hashlib.md5(data).digest(), 'written data MD5')

        raw = pattern(40000, 9)
        comp = zlib.compress(raw, 9)
        blocks = (len(comp) + WRITE_BLOCK - 1) // WRITE_BLOCK
        st = emu.status(0x10, struct.pack('<IIII', len(raw), blocks, WRITE_BLOCK, 0x40000))
        r.check(st == (0, 0), 'FLASH_DEFL_BEGIN: %r' % (st,))
        for seq in range(blocks):
            block = comp[seq * WRITE_BLOCK:(seq + 1) * WRITE_BLOCK]
            st = emu.status(0x11, struct.pack('<IIII', len(block), seq, 0, 0) + block, checksum(block))
            r.check(st == (0, 0), 'FLASH_DEFL_DATA %d: %r' % (seq, st))
        end = 0x40000 + (len(raw) + SECTOR - 1) // SECTOR * SECTOR   # whole sectors get erased
        flash[0x40000:end] = raw + b'\xff' * (end - 0x40000 - len(raw))
        r.check(md5(emu, 0x40000, len(raw)) == hashlib.md5(raw).digest(), 'inflated data MD5')

        st = emu.status(0xd1, struct.pack('<II', 0x60000, 2 * SECTOR), timeout=30)
        r.check(st == (0, 0), 'ERASE_REGION: %r' % (st,))
        flash[0x60000:0x62000] = b'\xff' * 0x2000
        r.check(md5(emu, 0x5f000, 0x4000) == hashlib.md5(flash[0x5f000:0x63000]).digest(),
                'erased region MD5')

        r.check(read_flash(emu, 0x1f000, 0x3000) == bytes(flash[0x1f000:0x22000]), 'READ_FLASH')
        st = emu.status(0x0f, struct.pack('<II', 230400, 115200))
        r.check(st == (0, 0), 'CHANGE_BAUDRATE: %r' % (st,))
        r.check(emu.read_reg(0x40001000) == 0xfff0c101, 'the stub still answers')
    finally:
        out, err = emu.finish()
    r.check('no emulation' not in err, 'every ROM function the stub called exists: ' + err[-400:])
    r.check(out == bytes(flash), 'the flash file holds what the stub wrote')


def read_flash(emu, addr, size, packet=0x1000):
    emu.frames = []
    emu.got = b''
    emu.send(0xd2, struct.pack('<IIII', addr, size, packet, 2))
    res = emu.frame()
    if res is None or res[1] != 0xd2:
        return None
    data = b''
    while len(data) < size:
        f = emu.frame()
        if f is None:
            return None
        data += f
        os.write(emu.fd, b'\xc0' + struct.pack('<I', len(data)).replace(b'\xdb', b'\xdb\xdd')
                 .replace(b'\xc0', b'\xdb\xdc') + b'\xc0')
    digest = emu.frame()
    return data if digest == hashlib.md5(data).digest() else None


def main():
    r = Results()
    if not os.path.exists(STUB):
        print('SKIP: no esptool-js stub (npm install in tests/emu/esptool_js)')
        return 0
    r.run(test_stub)
    return r.report()


if __name__ == '__main__':
    sys.exit(main())
