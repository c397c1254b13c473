# adder-args: --fast-time --board _devices.board
# The dht and onewire/ds18x20 drivers on simulated sensors that measure the board's surroundings
# (board.env): DHT22 in tenths, DHT11 in whole units, two DS18B20s found by the ROM search, the
# 85 °C power-up value, conversion time and resolution, and the errors of a bus with nobody on it.
import board
import dht
import ds18x20
import onewire
import time
from machine import Pin

board.env(temp=21.5, humidity=48.3)
d22 = dht.DHT22(Pin(12))
d22.measure()
print(d22.temperature(), round(d22.humidity(), 1))
d11 = dht.DHT11(Pin(5))
d11.measure()
print(d11.temperature(), d11.humidity())
board.env(temp=-3.2)
d22.measure()
print(round(d22.temperature(), 1))
try:
    dht.DHT22(Pin(4)).measure()
except OSError as e:
    print('OSError', e.args[0])

ow = onewire.OneWire(Pin(13))
print(ow.reset(), onewire.OneWire(Pin(4)).reset())
ds = ds18x20.DS18X20(ow)
roms = ds.scan()
print(len(roms), [hex(r[0]) for r in roms], [onewire.crc8(r) for r in roms])
print([ds.read_temp(r) for r in roms])       # before any conversion: 85 degrees
t0 = time.ticks_ms()
ds.convert_temp()
time.sleep_ms(750)
print(sorted(ds.read_temp(r) for r in roms), time.ticks_diff(time.ticks_ms(), t0) >= 750)
board.env(temp=23.4375)
ds.convert_temp()
time.sleep_ms(750)
print(sorted(ds.read_temp(r) for r in roms))
# 9-bit resolution: steps of half a degree
for r in roms:
    ds.write_scratch(r, b'\x4b\x46\x1f')
ds.convert_temp()
time.sleep_ms(100)
print(sorted(ds.read_temp(r) for r in roms))
print(len(ds.read_scratch(roms[0])))
try:
    ds18x20.DS18X20(onewire.OneWire(Pin(4))).convert_temp()
except onewire.OneWireError:
    print('OneWireError: no device')
print(issubclass(onewire.OneWireError, Exception))
