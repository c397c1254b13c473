# adder-args: --fast-time --board _devices.board
# SPI (hardware bus 1) and SoftSPI on a board with a MOSI->MISO loopback wire, and the UARTs: UART1
# only transmits (its line shows on stderr and in the trace), reads give None.
from machine import SPI, SoftSPI, Pin, UART

spi = SPI(1, baudrate=1000000, polarity=0, phase=0)
print(spi)
print(spi.read(3, 0x42))
buf = bytearray(4)
spi.write_readinto(b'\x01\x02\x03\x04', buf)
print(buf)
spi.write(b'ignored')
into = bytearray(2)
spi.readinto(into, 0x7e)
print(into)

soft = SoftSPI(baudrate=100000, sck=Pin(14), mosi=Pin(13), miso=Pin(12))
print(soft)
print(soft.read(2, 0xa5))
soft.init(firstbit=SoftSPI.LSB)
print(soft.read(1, 0x01))
print(SoftSPI.MSB, SoftSPI.LSB)

for bad in (lambda: SPI(0), lambda: SoftSPI(sck=Pin(14)), lambda: SPI(1, bits=7),
            lambda: spi.write_readinto(b'ab', bytearray(3))):
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)

u = UART(1, 115200)
print(u)
print(u.write('hello from UART1\n'), u.read(), u.any())
u0 = UART(0)
print(u0.write(b'console\n'))
try:
    UART(2)
except ValueError as e:
    print('ValueError:', e)
