# time: gmtime/localtime/mktime on MicroPython's 8-tuples (the .exp was checked against CPython with
# TZ=UTC: tuple(gmtime(t))[:8] and calendar.timegm agree with it).
import time

for t in [0, 1, -1, 86399, 86400, 951782400, 951868800, 1234567890, 1700000000, 2147483647,
          2147483648, 4102444800, -2208988800, 253402300799, 1700000000.7, -0.5]:
    print(t, tuple(time.gmtime(t))[:8])

# round trips over a spread of instants, 1900..2400
seed = 12345
bad = 0
for i in range(2000):
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    t = seed * 7 - 2208988800
    if time.mktime(time.gmtime(t)) != t:
        bad += 1
print('round trip failures', bad)

# out-of-range fields carry over
for tup in [(2023, 13, 1, 0, 0, 0, 0, 0), (2024, 3, 0, 0, 0, 0, 0, 0), (2024, 1, 1, 25, 61, 61, 0, 0),
            (2024, 1, 1, 0, 0, -1, 0, 0), (2024, 0, 1, 0, 0, 0, 0, 0), (2000, 2, 29, 12, 0, 0, 0, 0, 0)]:
    print(tup, time.mktime(tup))
print(time.localtime(86400 * 365) == time.gmtime(86400 * 365))
now = tuple(time.localtime())[:8]
print(len(now), all(isinstance(x, int) for x in now), now[0] >= 2020)
print(abs(time.mktime(time.localtime()) - time.time()) < 5)
try:
    time.mktime((2020, 1, 1))
except TypeError:
    print('TypeError')
