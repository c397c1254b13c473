# elf2image_format.py: tools/elf2image.py writes exactly the ESP8266 ROM image (version 1) that the
# mask ROM boots and esptool's image_info accepts.  A synthetic ELF with known segments is
# converted and every byte of the result is checked against the format, worked out here
# independently: header, segment headers, 4-byte padding, 16-byte alignment, the XOR checksum
# seeded with 0xEF, and the irom data at flash offset 0x10000.  The real firmware's image is
# checked too when it has been built (make -C ports/esp8266).
import os
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, 'tools', 'elf2image.py')


def elf32(entry, sections):
    """A minimal little-endian ELF32 file: sections [(name, type, flags, addr, data)]."""
    names = b'\0' + b''.join(n.encode() + b'\0' for n, *_ in sections) + b'.shstrtab\0'
    body = bytearray()
    headers = [struct.pack('<10I', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)]
    off = 52
    pos = 1
    for name, stype, flags, addr, data in sections:
        headers.append(struct.pack('<10I', pos, stype, flags, addr, off + len(body),
                                   len(data) if stype != 8 else 4096, 0, 0, 4, 0))
        pos += len(name) + 1
        if stype != 8:
            body += data
    headers.append(struct.pack('<10I', pos, 3, 0, 0, off + len(body), len(names), 0, 0, 1, 0))
    body += names
    shoff = off + len(body)
    ident = b'\x7fELF\x01\x01\x01' + b'\0' * 9
    head = ident + struct.pack('<HHIIIIIHHHHHH', 2, 94, 1, entry, 0, shoff, 0x300, 52, 0, 0, 40,
                               len(headers), len(headers) - 1)
    return head + bytes(body) + b''.join(headers)


def check(cond, what):
    if not cond:
        print('FAIL:', what)
        sys.exit(1)


def parse(image):
    """(header fields, [(addr, data)], end offset) read by the book."""
    magic, count, mode, size_freq, entry = struct.unpack_from('<BBBBI', image, 0)
    pos, segs = 8, []
    for _ in range(count):
        addr, length = struct.unpack_from('<II', image, pos)
        segs.append((addr, image[pos + 8:pos + 8 + length]))
        pos += 8 + length
    end = (pos // 16 + 1) * 16          # padding, then the checksum in the 16-byte block's last byte
    return (magic, count, mode, size_freq, entry), segs, end


iram = bytes(range(1, 104))                     # 103 bytes: padded to 104
dram = b'\x5a\xa5' * 37 + b'\x42'                # 75 bytes: padded to 76
irom = b'IROM' * 300
elf = elf32(0x40100004, [('.iram', 1, 6, 0x40100000, iram), ('.data', 1, 3, 0x3ffe8000, dram),
                         ('.bss', 8, 3, 0x3ffe8100, b''), ('.irom', 1, 6, 0x40210000, irom),
                         ('.debug_info', 1, 0, 0, b'not loaded')])
with tempfile.TemporaryDirectory() as d:
    src, out = os.path.join(d, 'fw.elf'), os.path.join(d, 'fw.bin')
    with open(src, 'wb') as f:
        f.write(elf)
    r = subprocess.run([sys.executable, TOOL, src, out], capture_output=True, text=True)
    check(r.returncode == 0, 'elf2image failed: ' + r.stderr)
    with open(out, 'rb') as f:
        image = f.read()

hdr, segs, end = parse(image)
check(hdr == (0xE9, 2, 2, 0x40, 0x40100004), 'header %r' % (hdr,))
check([a for a, _ in segs] == [0x3ffe8000, 0x40100000], 'segments sorted by address, no .bss, no irom')
check(segs[0][1] == dram + b'\0' and segs[1][1] == iram + b'\0', 'segment data padded to 4 bytes')
check(end == 208, 'segments end at 204; 3 zero bytes and the checksum make 208 (got %d)' % end)
check(image[204:207] == b'\0' * 3, 'zero padding before the checksum')
x = 0xEF
for b in dram + b'\0' + iram + b'\0':
    x ^= b
check(image[end - 1] == x, 'checksum 0x%02x, expected 0x%02x' % (image[end - 1], x))
check(image[end:0x10000] == b'\xff' * (0x10000 - end), 'erased flash up to the irom offset')
check(image[0x10000:] == irom, 'irom at flash offset 0x10000')
print('synthetic image: ok')

fw = os.path.join(ROOT, 'ports', 'esp8266', 'build', 'adder-esp8266.bin')
if os.path.exists(fw):
    with open(fw, 'rb') as f:
        image = f.read()
    hdr, segs, end = parse(image)
    check(hdr[0] == 0xE9 and 0x40100000 <= hdr[4] < 0x40108000, 'firmware header %r' % (hdr,))
    x = 0xEF
    for _, data in segs:
        check(len(data) % 4 == 0, 'firmware segment length')
        for b in data:
            x ^= b
    check(image[end - 1] == x, 'firmware checksum')
    check(len(image) > 0x10000 and image[0x10000:0x10004] != b'\xff' * 4, 'firmware irom present')
    print('firmware image: ok')
