#!/usr/bin/env python3
"""elf2image.py: the ESP8266 firmware ELF -> one flashable .bin (written at flash offset 0).

  elf2image.py FIRMWARE.elf OUT.bin [--flash-mode dio] [--flash-size 4MB] [--flash-freq 40m]
  elf2image.py --size FIRMWARE.elf      irom/iram/dram use against the chip's limits

The file is an ESP8266 ROM image, version 1, as the mask ROM boots it and esptool's image_info
reads it: an 8-byte header (0xE9, the segment count, the flash mode, flash size << 4 | frequency,
the entry point, little-endian), then each RAM segment (address, length, data padded to 4 bytes),
zero padding so the file ends on a 16-byte boundary, and in that last byte the XOR of every
segment data byte, seeded with 0xEF.  The ROM copies those segments (IRAM, DRAM) and jumps to the
entry.  The code that runs from flash through the cache (irom, linked at 0x40210000) is not a
segment: it is placed raw at flash offset 0x10000, the file padded to there with 0xFF (erased
flash), the "combined" layout makers flash in one step.
"""
import struct
import sys

IMAGE_MAGIC = 0xE9
CHECKSUM_SEED = 0xEF
FLASH_BASE = 0x40200000          # flash offset 0 as the cache maps it
IROM_OFFSET = 0x10000
FLASH_MODES = {'qio': 0, 'qout': 1, 'dio': 2, 'dout': 3}
FLASH_SIZES = {'512KB': 0x0, '256KB': 0x1, '1MB': 0x2, '2MB': 0x3, '4MB': 0x4, '8MB': 0x8, '16MB': 0x9}
FLASH_FREQS = {'40m': 0x0, '26m': 0x1, '20m': 0x2, '80m': 0xF}
# (name, start, length) of the chip's memories, for --size
LIMITS = [('iram', 0x40100000, 32 * 1024), ('dram', 0x3FFE8000, 80 * 1024),
          ('irom', FLASH_BASE + IROM_OFFSET, 0x100000 - IROM_OFFSET)]

SHT_PROGBITS, SHT_NOBITS = 1, 8
SHF_ALLOC = 0x2


def read_elf(path):
    """(entry, sections, symbols): sections as dicts with name, addr, size, type, data."""
    with open(path, 'rb') as f:
        elf = f.read()
    if elf[:4] != b'\x7fELF' or elf[4] != 1 or elf[5] != 1:
        raise SystemExit('elf2image: %s is not a little-endian 32-bit ELF file' % path)
    entry, _, shoff = struct.unpack_from('<III', elf, 24)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', elf, 46)
    raw = [struct.unpack_from('<IIIIIIIIII', elf, shoff + i * shentsize) for i in range(shnum)]
    strtab = raw[shstrndx]
    names = elf[strtab[4]:strtab[4] + strtab[5]]
    sections = []
    for name, stype, flags, addr, off, size, link, _, _, entsize in raw:
        sections.append({'name': names[name:names.index(b'\0', name)].decode(), 'type': stype,
                         'flags': flags, 'addr': addr, 'size': size, 'link': link,
                         'entsize': entsize, 'data': elf[off:off + size] if stype != SHT_NOBITS else b''})
    symbols = {}
    for s in sections:
        if s['type'] == 2:   # SHT_SYMTAB
            names = sections[s['link']]['data']
            for i in range(0, len(s['data']), 16):
                name, value = struct.unpack_from('<II', s['data'], i)
                if name:
                    symbols[names[name:names.index(b'\0', name)].decode()] = value
    return entry, sections, symbols


def loadable(sections):
    return [s for s in sections if s['flags'] & SHF_ALLOC and s['size'] > 0 and s['type'] == SHT_PROGBITS]


def make_image(entry, sections, mode='dio', size='4MB', freq='40m'):
    """The combined flash image as bytes."""
    ram = sorted((s for s in loadable(sections) if s['addr'] < FLASH_BASE), key=lambda s: s['addr'])
    irom = [s for s in loadable(sections) if s['addr'] >= FLASH_BASE]
    out = bytearray(struct.pack('<BBBBI', IMAGE_MAGIC, len(ram), FLASH_MODES[mode],
                                FLASH_SIZES[size] << 4 | FLASH_FREQS[freq], entry))
    checksum = CHECKSUM_SEED
    for s in ram:
        data = s['data'] + b'\0' * (-len(s['data']) % 4)
        out += struct.pack('<II', s['addr'], len(data)) + data
        for b in data:
            checksum ^= b
    out += b'\0' * (15 - len(out) % 16)
    out.append(checksum)
    for s in sorted(irom, key=lambda s: s['addr']):
        offset = s['addr'] - FLASH_BASE
        if offset < len(out):
            raise SystemExit('elf2image: %s at 0x%x overlaps the RAM segments (%d bytes)'
                             % (s['name'], s['addr'], len(out)))
        out += b'\xff' * (offset - len(out)) + s['data']
    return bytes(out)


def size_report(sections, symbols):
    lines = []
    for name, start, length in LIMITS:
        used = sum(s['size'] for s in sections if s['flags'] & SHF_ALLOC and start <= s['addr'] < start + length)
        lines.append('%-5s %7d of %7d bytes (%4.1f%%)' % (name, used, length, 100.0 * used / length))
    if '_heap_start' in symbols and '_heap_end' in symbols:
        heap = symbols['_heap_end'] - symbols['_heap_start']
        stack = symbols['_stack_top'] - symbols['_heap_end']
        lines.append('heap  %7d bytes (%.1f KB) for Python, C stack %d bytes' % (heap, heap / 1024.0, stack))
    return '\n'.join(lines)


def main(argv):
    if len(argv) == 2 and argv[0] == '--size':
        _, sections, symbols = read_elf(argv[1])
        print(size_report(sections, symbols))
        return 0
    opts = {'--flash-mode': 'dio', '--flash-size': '4MB', '--flash-freq': '40m'}
    files = []
    it = iter(argv)
    for a in it:
        if a in opts:
            opts[a] = next(it, None)
        else:
            files.append(a)
    if len(files) != 2 or opts['--flash-mode'] not in FLASH_MODES or opts['--flash-size'] not in FLASH_SIZES \
            or opts['--flash-freq'] not in FLASH_FREQS:
        print(__doc__.strip().split('\n\n')[0], file=sys.stderr)
        return 2
    entry, sections, symbols = read_elf(files[0])
    image = make_image(entry, sections, opts['--flash-mode'], opts['--flash-size'], opts['--flash-freq'])
    with open(files[1], 'wb') as f:
        f.write(image)
    print('%s: %d bytes, entry 0x%08x' % (files[1], len(image), entry))
    print(size_report(sections, symbols))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
