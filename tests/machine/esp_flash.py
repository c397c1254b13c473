# adder-args: --fast-time
# The esp module: the 4 MB flash chip with NOR semantics (erase sets bits, writing only clears
# them), reads into bytes or a buffer, word-sized writes, out-of-range errors, and the rest.
import esp

print(esp.flash_size(), hex(esp.flash_id()), hex(esp.flash_user_start()))
sector = esp.flash_user_start() // 4096
addr = sector * 4096
esp.flash_erase(sector)
print(esp.flash_read(addr, 8))
esp.flash_write(addr, b'abcd')
print(esp.flash_read(addr, 8))
esp.flash_write(addr, b'\x0f\xff\xff\x00')     # can only clear bits: 'a' & 0x0f, 'd' & 0
buf = bytearray(4)
esp.flash_read(addr, buf)
print(buf)
esp.flash_erase(sector)
print(esp.flash_read(addr, 4))
for bad in (lambda: esp.flash_write(addr, b'abc'), lambda: esp.flash_read(esp.flash_size(), 4),
            lambda: esp.flash_erase(esp.flash_size() // 4096), lambda: esp.flash_write(-4, b'abcd')):
    try:
        bad()
    except (ValueError, OSError) as e:
        print(type(e).__name__, e)
print(esp.osdebug(None), esp.osdebug(0))
print(esp.check_fw())
